import { isDate, type StoredDoc } from './document-values';

/** A field by its path of keys from the document's root (never through an array). */
export type FieldPath = readonly string[];

/**
 * What changed between two versions of a document, so that the journal records a small update
 * as small: fields set (`s`), fields removed (`u`), and arrays that only grew (`p`: the items
 * appended, as the audit log of a case grows).
 */
export interface DocPatch {
  s?: [FieldPath, unknown][];
  u?: FieldPath[];
  p?: [FieldPath, unknown[]][];
}

/** A document's own field (a stored key may be any string, `__proto__` included). */
function own(o: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

function assign(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => sameValue(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every(
      (key) => Object.prototype.hasOwnProperty.call(b, key) && sameValue(a[key], b[key]),
    );
  }
  // Numbers (NaN included), strings, booleans, null; anything else only when identical.
  return Number.isNaN(a) && Number.isNaN(b);
}

function diffInto(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  path: string[],
  patch: DocPatch,
): void {
  // A field holding `undefined` is absent, as JSON (and so the journal) sees it.
  for (const [key, previous] of Object.entries(before)) {
    if (previous !== undefined && own(after, key) === undefined) {
      (patch.u ??= []).push([...path, key]);
    }
  }
  for (const [key, next] of Object.entries(after)) {
    if (next === undefined) continue;
    const at = [...path, key];
    const previous = own(before, key);
    if (previous === undefined) {
      (patch.s ??= []).push([at, next]);
      continue;
    }
    if (isPlainObject(previous) && isPlainObject(next)) {
      diffInto(previous, next, at, patch);
    } else if (
      Array.isArray(previous) &&
      Array.isArray(next) &&
      next.length > previous.length &&
      previous.every((item, i) => sameValue(item, next[i]))
    ) {
      (patch.p ??= []).push([at, next.slice(previous.length)]);
    } else if (!sameValue(previous, next)) {
      (patch.s ??= []).push([at, next]);
    }
  }
}

/** The change from `before` to `after` (same `_id`). */
export function diffDocs(before: StoredDoc, after: StoredDoc): DocPatch {
  const patch: DocPatch = {};
  diffInto(before, after, [], patch);
  return patch;
}

/**
 * `doc` with the patch applied, as a new document: the objects along each changed path are
 * copied, so the version the indexes hold is never changed underneath them.
 */
export function applyPatch(doc: StoredDoc, patch: DocPatch): StoredDoc {
  const root: Record<string, unknown> = { ...doc };
  const copied = new Set<unknown>([root]);
  const parentOf = (path: FieldPath): Record<string, unknown> => {
    let node = root;
    for (const key of path.slice(0, -1)) {
      const child = own(node, key);
      let next: Record<string, unknown>;
      if (copied.has(child)) next = child as Record<string, unknown>;
      else {
        next = isPlainObject(child) ? { ...child } : {};
        copied.add(next);
        assign(node, key, next);
      }
      node = next;
    }
    return node;
  };
  const last = (path: FieldPath): string => {
    const key = path[path.length - 1];
    if (key === undefined) throw new Error('journal patch with an empty path');
    return key;
  };
  for (const path of patch.u ?? []) Reflect.deleteProperty(parentOf(path), last(path));
  for (const [path, value] of patch.s ?? []) assign(parentOf(path), last(path), value);
  for (const [path, items] of patch.p ?? []) {
    const parent = parentOf(path);
    const key = last(path);
    const current = own(parent, key);
    if (!Array.isArray(current))
      throw new Error(`journal patch appends to a non-array ${path.join('.')}`);
    assign(parent, key, [...(current as unknown[]), ...items]);
  }
  return root as StoredDoc;
}
