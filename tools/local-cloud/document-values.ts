/** One stored document: a plain object whose `_id` is a string. */
export type StoredDoc = Record<string, unknown> & { _id: string };

/**
 * Value semantics of stored documents: plain objects, arrays, dates and scalars.
 *
 * Checks are realm-independent on purpose (no `instanceof Date`, no `=== Object.prototype`):
 * under jest, test code and Node's own `structuredClone` create objects of different realms, and
 * a date must be a date whichever realm made it.
 */
export function isDate(value: unknown): value is Date {
  if (value instanceof Date) return true;
  // Another realm's date: only objects with a getTime method pay for the tag check.
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { getTime?: unknown }).getTime === 'function' &&
    Object.prototype.toString.call(value) === '[object Date]'
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Deep copy of document values (plain objects, arrays, dates); other objects are kept as they are. */
export function cloneValue<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (isDate(value)) return new Date(value.getTime()) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = cloneValue(value[key]);
    return out as T;
  }
  return value;
}

/** Deep equality of document values (what "nothing changed" means for `stats.updated`). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((v, i) => sameValue(v, b[i]))
    );
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every(
        (k) =>
          Object.prototype.hasOwnProperty.call(b, k) &&
          sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return Object.is(a, b);
}
