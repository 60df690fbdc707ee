import { aggregate } from 'mingo';
import { cloneValue, isDate } from './document-values';

type Doc = Record<string, unknown>;
type Stage = Record<string, unknown>;

/** Signals that a `$group` needs mingo's full semantics (arrays on a path, mixed types …). */
class NeedsGeneralGroup extends Error {}

type Reader = (doc: Doc) => unknown;

/** Compiles `'$a.b'` into a reader without Mongo's array traversal (arrays bail out to mingo). */
function compileReader(expression: unknown): Reader {
  if (typeof expression !== 'string' || !expression.startsWith('$')) return () => expression;
  const parts = expression.slice(1).split('.');
  const only = parts.length === 1 ? (parts[0] as string) : null;
  if (only !== null) {
    // The common case (`'$state'`), without the loop: it runs once per document.
    return (doc) => {
      const value = doc[only];
      if (value !== null && typeof value === 'object' && (Array.isArray(value) || !isDate(value)))
        throw new NeedsGeneralGroup();
      return value;
    };
  }
  return (doc) => {
    let current: unknown = doc;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      if (current === null || typeof current !== 'object') return undefined;
      if (Array.isArray(current)) throw new NeedsGeneralGroup();
      if (isDate(current)) return undefined;
      current = (current as Doc)[part];
    }
    if (
      current !== null &&
      typeof current === 'object' &&
      (Array.isArray(current) || !isDate(current))
    ) {
      throw new NeedsGeneralGroup();
    }
    return current;
  };
}

/** A Map key for a scalar group id: the value itself where JS Map equality is Mongo's. */
function groupKey(value: unknown): unknown {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  if (value === undefined || value === null) return null;
  return scalarKey(value);
}

function scalarKey(value: unknown): string {
  if (typeof value === 'string') return 's' + value;
  if (value === undefined || value === null) return 'null';
  if (isDate(value)) return `d${value.getTime()}`;
  return `${typeof value}:${String(value)}`;
}

const ACCUMULATORS = new Set([
  '$sum',
  '$avg',
  '$min',
  '$max',
  '$first',
  '$last',
  '$push',
  '$addToSet',
]);

interface Accumulator {
  field: string;
  op: string;
  arg: unknown;
}

function parseGroup(spec: Stage): { id: unknown; accumulators: Accumulator[] } | null {
  const id = spec._id;
  const simple = (value: unknown) =>
    value === null || ['string', 'number', 'boolean'].includes(typeof value);
  if (!(simple(id) || (id !== null && typeof id === 'object' && Object.values(id).every(simple)))) {
    return null;
  }
  const accumulators: Accumulator[] = [];
  for (const [field, value] of Object.entries(spec)) {
    if (field === '_id') continue;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
    const entries = Object.entries(value);
    if (entries.length !== 1) return null;
    const [op, arg] = entries[0] as [string, unknown];
    if (!ACCUMULATORS.has(op)) return null;
    if (!(typeof arg === 'string' || (op === '$sum' && typeof arg === 'number'))) return null;
    accumulators.push({ field, op, arg });
  }
  return { id, accumulators };
}

function compareScalars(a: unknown, b: unknown): number {
  const kind = (v: unknown) => (isDate(v) ? 'date' : typeof v);
  if (kind(a) !== kind(b)) throw new NeedsGeneralGroup();
  const va = isDate(a) ? a.getTime() : (a as number | string | boolean);
  const vb = isDate(b) ? b.getTime() : (b as number | string | boolean);
  return va < vb ? -1 : va > vb ? 1 : 0;
}

/**
 * `$group` with plain field paths and the common accumulators, in one pass without cloning.
 * mingo's general `$group` takes ~100 ms over 100,000 documents; this keeps the admin statistics
 * (DESIGN: "computed by database aggregation") well under the 50 ms budget. Anything it does not
 * handle exactly like MongoDB falls back to mingo.
 */
export function fastGroup(docs: readonly Doc[], spec: Stage): Doc[] | null {
  const parsed = parseGroup(spec);
  if (!parsed) return null;
  const { id, accumulators } = parsed;
  const idReaders =
    id !== null && typeof id === 'object'
      ? Object.entries(id).map(([name, expression]) => [name, compileReader(expression)] as const)
      : null;
  const idReader = compileReader(id);
  const readers = accumulators.map((acc) => compileReader(acc.arg));
  const groups = new Map<
    unknown,
    { id: unknown; values: unknown[]; counts: number[]; seen: Set<string>[] }
  >();
  try {
    for (const doc of docs) {
      let groupId: unknown;
      let key: unknown;
      if (idReaders) {
        const parts: Doc = {};
        const keys: string[] = [];
        for (const [name, read] of idReaders) {
          const value = read(doc);
          parts[name] = value ?? null;
          keys.push(scalarKey(value));
        }
        groupId = parts;
        key = keys.join('\u0000');
      } else {
        groupId = idReader(doc) ?? null;
        key = groupKey(groupId);
      }
      let group = groups.get(key);
      if (!group) {
        group = {
          id: groupId,
          values: accumulators.map((a) =>
            a.op === '$sum' ? 0 : a.op === '$push' || a.op === '$addToSet' ? [] : undefined,
          ),
          counts: accumulators.map(() => 0),
          seen: accumulators.map(() => new Set<string>()),
        };
        groups.set(key, group);
      }
      const g = group;
      for (let i = 0; i < accumulators.length; i++) {
        const acc = accumulators[i] as Accumulator;
        const value = (readers[i] as Reader)(doc);
        switch (acc.op) {
          case '$sum':
          case '$avg':
            if (typeof value === 'number') {
              g.values[i] = ((g.values[i] as number | undefined) ?? 0) + value;
              g.counts[i] = (g.counts[i] as number) + 1;
            }
            break;
          case '$min':
          case '$max':
            if (value !== undefined && value !== null) {
              const current = g.values[i];
              const order = current === undefined ? 0 : compareScalars(value, current);
              if (current === undefined || (acc.op === '$min' ? order < 0 : order > 0))
                g.values[i] = value;
            }
            break;
          case '$first':
            if (g.counts[i] === 0) g.values[i] = value ?? null;
            g.counts[i] = 1;
            break;
          case '$last':
            g.values[i] = value ?? null;
            break;
          case '$push':
          case '$addToSet':
            if (value === undefined) throw new NeedsGeneralGroup();
            if (acc.op === '$addToSet') {
              const seenKey = scalarKey(value);
              if ((g.seen[i] as Set<string>).has(seenKey)) break;
              (g.seen[i] as Set<string>).add(seenKey);
            }
            (g.values[i] as unknown[]).push(value);
            break;
        }
      }
    }
  } catch (error) {
    if (error instanceof NeedsGeneralGroup) return null;
    throw error;
  }
  const out: Doc[] = [];
  for (const group of groups.values()) {
    const row: Doc = { _id: group.id };
    accumulators.forEach((acc, i) => {
      const value = group.values[i];
      if (acc.op === '$avg')
        row[acc.field] = group.counts[i] ? (value as number) / (group.counts[i] as number) : null;
      else row[acc.field] = value === undefined ? null : value;
    });
    out.push(row);
  }
  return out;
}

/**
 * Runs a translated pipeline over stored documents. Stored documents are never handed to mingo
 * as they are: mingo's stages may write into nested input objects.
 */
export function runPipeline(source: readonly Doc[], pipeline: readonly Stage[]): Doc[] {
  let docs: Doc[] | null = null;
  let rest = pipeline;
  const first = pipeline[0];
  if (first && '$group' in first) {
    const grouped = fastGroup(source, first.$group as Stage);
    if (grouped) {
      docs = cloneValue(grouped);
      rest = pipeline.slice(1);
    }
  }
  docs ??= cloneValue(source as Doc[]);
  return rest.length === 0 ? docs : (aggregate(docs, [...rest]) as Doc[]);
}
