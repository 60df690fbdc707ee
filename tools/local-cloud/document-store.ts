import { Query } from 'mingo';
import { isDate, type StoredDoc } from './document-values';
import { applyPatch, diffDocs } from './document-diff';
import { Journal, type JournalEntry, type JournalOp, type JournalRecord } from './journal';

/** A scalar an index can hold; dates and numbers are ordered, the rest only compared for equality. */
type IndexKey = string | number | boolean | Date;
type Criteria = Record<string, unknown>;

const TYPE_RANK = { number: 1, string: 2, boolean: 3, date: 4 } as const;

function keyType(value: IndexKey): keyof typeof TYPE_RANK {
  if (isDate(value)) return 'date';
  return typeof value as 'number' | 'string' | 'boolean';
}

function isIndexKey(value: unknown): value is IndexKey {
  return (
    (typeof value === 'number' && !Number.isNaN(value)) ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (isDate(value) && !Number.isNaN(value.getTime()))
  );
}

function compareKeys(a: IndexKey, b: IndexKey): number {
  const ta = TYPE_RANK[keyType(a)];
  const tb = TYPE_RANK[keyType(b)];
  if (ta !== tb) return ta - tb;
  const va = isDate(a) ? a.getTime() : a;
  const vb = isDate(b) ? b.getTime() : b;
  return va < vb ? -1 : va > vb ? 1 : 0;
}

/** What a path holds when it is not an index key. */
const ARRAY = Symbol('array');
const NONE = Symbol('none');

/**
 * Reads a path (split once, by the index) without Mongo's array traversal; an array on the way is
 * reported as such. Runs for every document and every index when a folder opens: no allocation.
 */
function readPath(
  doc: Record<string, unknown>,
  parts: readonly string[],
): IndexKey | typeof ARRAY | typeof NONE {
  let current: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    if (Array.isArray(current)) return ARRAY;
    if (current === null || typeof current !== 'object' || isDate(current)) return NONE;
    current = (current as Record<string, unknown>)[parts[i] as string];
  }
  if (Array.isArray(current)) return ARRAY;
  return isIndexKey(current) ? current : NONE;
}

/** An index key as a primitive that orders within its type: a date is its time. */
type Primitive = string | number | boolean;
type KeyType = keyof typeof TYPE_RANK;

/** The documents holding one key: most keys (a number, a date) belong to one document only. */
type Holders = string | Set<string>;

function holderIds(holders: Holders): Iterable<string> {
  return typeof holders === 'string' ? [holders] : holders;
}

/** The keys of one type in order (then by id), with their documents: two parallel arrays. */
interface SortedRun {
  keys: Primitive[];
  ids: string[];
}

/** First position whose (key, id) is ≥ the probe's; with no id, the first whose key is ≥ (> when `after`). */
function lowerBound(run: SortedRun, key: Primitive, id: string | null, after = false): number {
  let lo = 0;
  let hi = run.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const probe = run.keys[mid] as Primitive;
    const before =
      probe < key || (probe === key && (id === null ? after : (run.ids[mid] as string) < id));
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * An in-memory index on one field: hash maps for equality and, per type, keys in order for
 * ranges (a range never crosses types: Mongo's type brackets). Documents whose path crosses an
 * array go to `arrays` and are always re-checked, because Mongo's array semantics (any element
 * matches, each bound by a different element) cannot be answered from single keys. Missing,
 * null and object values can never match an indexable equality or range predicate, so they are
 * left out. Built for 100,000 documents at every start: no object per entry.
 */
class FieldIndex {
  /** Strings, numbers and booleans by their value (a Map keeps `1` and `'1'` apart). */
  private readonly byValue = new Map<Primitive, Holders>();
  /** Dates by their time (apart from numbers). */
  private readonly byTime = new Map<number, Holders>();
  /** Null while bulk loading: made once at the end (one sort beats n inserts). */
  private sorted: Record<KeyType, SortedRun> | null = emptyRuns();
  readonly arrays = new Set<string>();
  private readonly parts: readonly string[];

  constructor(readonly field: string) {
    this.parts = field.split('.');
  }

  private map(key: IndexKey): Map<Primitive, Holders> {
    return isDate(key) ? (this.byTime as Map<Primitive, Holders>) : this.byValue;
  }

  add(doc: StoredDoc): void {
    const key = readPath(doc, this.parts);
    if (key === ARRAY) this.arrays.add(doc._id);
    if (key === ARRAY || key === NONE) return;
    const id = doc._id;
    const map = this.map(key);
    const primitive = toPrimitive(key);
    const holders = map.get(primitive);
    if (holders === undefined) map.set(primitive, id);
    else if (typeof holders !== 'string') holders.add(id);
    else if (holders !== id) map.set(primitive, new Set([holders, id]));
    if (!this.sorted) return;
    const run = this.sorted[keyType(key)];
    const at = lowerBound(run, primitive, id);
    if (run.keys[at] === primitive && run.ids[at] === id) return;
    run.keys.splice(at, 0, primitive);
    run.ids.splice(at, 0, id);
  }

  /** Indexes every document at once (a folder opening): the order is made once, at the end. */
  build(docs: Iterable<StoredDoc>): void {
    this.sorted = null;
    for (const doc of docs) this.add(doc);
    this.ensureSorted();
  }

  ensureSorted(): void {
    if (this.sorted) return;
    const runs = emptyRuns();
    const fill = (type: KeyType, entries: [Primitive, Holders][]) => {
      entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const run = runs[type];
      for (const [key, holders] of entries) {
        if (typeof holders === 'string') {
          run.keys.push(key);
          run.ids.push(holders);
        } else {
          for (const id of [...holders].sort()) {
            run.keys.push(key);
            run.ids.push(id);
          }
        }
      }
    };
    const byType: Record<Exclude<KeyType, 'date'>, [Primitive, Holders][]> = {
      number: [],
      string: [],
      boolean: [],
    };
    for (const entry of this.byValue)
      byType[typeof entry[0] as 'number' | 'string' | 'boolean'].push(entry);
    fill('number', byType.number);
    fill('string', byType.string);
    fill('boolean', byType.boolean);
    fill('date', [...this.byTime]);
    this.sorted = runs;
  }

  remove(doc: StoredDoc): void {
    const key = readPath(doc, this.parts);
    this.arrays.delete(doc._id);
    if (key === ARRAY || key === NONE) return;
    const id = doc._id;
    const map = this.map(key);
    const primitive = toPrimitive(key);
    const holders = map.get(primitive);
    if (holders === id) map.delete(primitive);
    else if (holders !== undefined && typeof holders !== 'string') {
      holders.delete(id);
      if (holders.size === 0) map.delete(primitive);
    }
    if (!this.sorted) return;
    const run = this.sorted[keyType(key)];
    const at = lowerBound(run, primitive, id);
    if (run.keys[at] === primitive && run.ids[at] === id) {
      run.keys.splice(at, 1);
      run.ids.splice(at, 1);
    }
  }

  equal(value: IndexKey): Iterable<string> {
    const holders = this.map(value).get(toPrimitive(value));
    return holders === undefined ? [] : holderIds(holders);
  }

  /** Ids whose key lies in the range; bounds are of `type` (the planner checks). */
  range(type: KeyType, lower?: [IndexKey, boolean], upper?: [IndexKey, boolean]): string[] {
    this.ensureSorted();
    const run = (this.sorted as Record<KeyType, SortedRun>)[type];
    const from = lower ? lowerBound(run, toPrimitive(lower[0]), null, !lower[1]) : 0;
    const to = upper ? lowerBound(run, toPrimitive(upper[0]), null, upper[1]) : run.keys.length;
    return from < to ? run.ids.slice(from, to) : [];
  }
}

function toPrimitive(key: IndexKey): Primitive {
  return isDate(key) ? key.getTime() : key;
}

function emptyRuns(): Record<KeyType, SortedRun> {
  return {
    number: { keys: [], ids: [] },
    string: { keys: [], ids: [] },
    boolean: { keys: [], ids: [] },
    date: { keys: [], ids: [] },
  };
}

/** The fields of an index: one field, or several for a compound index (`["state", "enteredAt"]`). */
export type IndexSpec = string | readonly string[];

/** A compound key: one value per field, null where the document has none (sorted first). */
type CompoundKey = readonly (IndexKey | null)[];

interface CompoundEntry {
  readonly keys: CompoundKey;
  readonly id: string;
}

/** Field by field; a shorter key that is a prefix of a longer one sorts first. */
function compareCompound(a: CompoundKey, b: CompoundKey): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a[i] as IndexKey | null;
    const y = b[i] as IndexKey | null;
    if (x === null || y === null) {
      if (x !== y) return x === null ? -1 : 1;
      continue;
    }
    const order = compareKeys(x, y);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function compareEntries(a: CompoundEntry, b: CompoundEntry): number {
  return compareCompound(a.keys, b.keys) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * An index over several fields, ordered by their values in turn and then by `_id` (missing or
 * null values first, as MongoDB sorts them). It answers `where` + `orderBy` + `limit` by walking
 * the entries in order from the first that can match, so a page costs about its own size however
 * many documents the collection holds. A document with an array on an indexed path has no single
 * place in that order: while one exists, the index is not used.
 *
 * The order is built on first use, then kept up to date write by write: replaying a journal of
 * many documents appends without sorting.
 */
class CompoundIndex {
  private readonly byId = new Map<string, CompoundEntry>();
  private sorted: CompoundEntry[] | null = null;
  private readonly arrays = new Set<string>();

  private readonly paths: readonly (readonly string[])[];

  constructor(readonly fields: readonly string[]) {
    this.paths = fields.map((field) => field.split('.'));
  }

  get usable(): boolean {
    return this.arrays.size === 0;
  }

  add(doc: StoredDoc): void {
    const keys: (IndexKey | null)[] = [];
    for (const parts of this.paths) {
      const key = readPath(doc, parts);
      if (key === ARRAY) {
        this.arrays.add(doc._id);
        return;
      }
      keys.push(key === NONE ? null : key);
    }
    const entry = { keys, id: doc._id };
    this.byId.set(doc._id, entry);
    if (this.sorted) this.sorted.splice(this.lowerBound(this.sorted, entry), 0, entry);
  }

  remove(doc: StoredDoc): void {
    this.arrays.delete(doc._id);
    const entry = this.byId.get(doc._id);
    if (!entry) return;
    this.byId.delete(doc._id);
    if (!this.sorted) return;
    const at = this.lowerBound(this.sorted, entry);
    if (this.sorted[at]?.id === doc._id) this.sorted.splice(at, 1);
  }

  private entries(): CompoundEntry[] {
    this.sorted ??= [...this.byId.values()].sort(compareEntries);
    return this.sorted;
  }

  private lowerBound(list: readonly CompoundEntry[], probe: CompoundEntry): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareEntries(list[mid] as CompoundEntry, probe) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Entries whose leading keys equal `prefix`, in order, starting at the first whose next key
   * is ≥ `from` (the caller re-checks every document against the whole query anyway).
   */
  *walk(prefix: readonly IndexKey[], from: IndexKey | undefined): Generator<CompoundEntry> {
    const list = this.entries();
    const start: CompoundKey = from === undefined ? prefix : [...prefix, from];
    for (let i = this.lowerBound(list, { keys: start, id: '' }); i < list.length; i++) {
      const entry = list[i] as CompoundEntry;
      if (compareCompound(entry.keys.slice(0, prefix.length), prefix) !== 0) return;
      yield entry;
    }
  }
}

/** Index entries an ordered walk may look at before it gives way to the single-field plan. */
const ORDERED_WALK_BUDGET = 1000;

/** How a query will be answered: candidate ids from an index, and whether they need re-checking. */
interface Plan {
  candidates: Iterable<string>;
  /** Every candidate matches: no need to run the full query on them. */
  exact: boolean;
}

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);

export class StoredCollection {
  readonly docs = new Map<string, StoredDoc>();
  /**
   * The store's sequence number of the last write to each document id (kept for deleted ids):
   * transactions compare it with the sequence they started at.
   */
  readonly revisions = new Map<string, number>();
  private readonly indexes = new Map<string, FieldIndex>();
  private readonly compounds: CompoundIndex[] = [];
  private bulk = false;

  constructor(
    readonly name: string,
    indexedFields: readonly IndexSpec[],
    /** The store's next write sequence number: a revision orders writes across collections. */
    private readonly nextSequence: () => number,
  ) {
    for (const spec of indexedFields) {
      const fields = typeof spec === 'string' ? [spec] : spec;
      if (fields.length > 1) this.compounds.push(new CompoundIndex(fields));
      else if (fields[0] !== undefined && fields[0] !== '_id')
        this.indexes.set(fields[0], new FieldIndex(fields[0]));
    }
  }

  /**
   * Bulk loading (a folder opening): documents are only stored, then every index is built in one
   * pass over them, rather than kept up to date through each replayed write.
   */
  beginBulk(): void {
    this.bulk = true;
  }

  endBulk(): void {
    if (!this.bulk) return;
    this.bulk = false;
    for (const index of this.indexes.values()) index.build(this.docs.values());
    for (const index of this.compounds) for (const doc of this.docs.values()) index.add(doc);
  }

  revision(id: string): number {
    return this.revisions.get(id) ?? 0;
  }

  put(doc: StoredDoc): void {
    if (this.bulk) {
      // Revision 0 (unknown) is older than any transaction: the document was there before.
      this.docs.set(doc._id, doc);
      return;
    }
    const previous = this.docs.get(doc._id);
    if (previous) for (const index of this.indexes.values()) index.remove(previous);
    if (previous) for (const index of this.compounds) index.remove(previous);
    this.docs.set(doc._id, doc);
    for (const index of this.indexes.values()) index.add(doc);
    for (const index of this.compounds) index.add(doc);
    this.revisions.set(doc._id, this.nextSequence());
  }

  delete(id: string): void {
    if (this.bulk) {
      this.docs.delete(id);
      return;
    }
    const previous = this.docs.get(id);
    if (!previous) return;
    for (const index of this.indexes.values()) index.remove(previous);
    for (const index of this.compounds) index.remove(previous);
    this.docs.delete(id);
    this.revisions.set(id, this.nextSequence());
  }

  /** The documents matching `criteria` (a Mongo query, already translated), in storage order. */
  find(criteria: Criteria): StoredDoc[] {
    const plan = this.plan(criteria);
    const query = plan.exact ? null : new Query(criteria, {});
    const out: StoredDoc[] = [];
    for (const id of plan.candidates) {
      const doc = this.docs.get(id);
      if (doc && (query === null || query.test(doc))) out.push(doc);
    }
    return out;
  }

  count(criteria: Criteria): number {
    const plan = this.plan(criteria);
    if (plan.exact && Array.isArray(plan.candidates)) return plan.candidates.length;
    return this.find(criteria).length;
  }

  private plan(criteria: Criteria): Plan {
    const conjuncts = flattenAnd(criteria);
    let best: (Plan & { size: number }) | null = null;
    for (const [field, condition] of mergeRanges(conjuncts)) {
      const plan = this.planField(field, condition);
      if (plan && (best === null || plan.size < best.size)) best = plan;
    }
    if (!best) return { candidates: this.docs.keys(), exact: false };
    return { candidates: best.candidates, exact: best.exact && conjuncts.length === 1 };
  }

  private planField(field: string, condition: unknown): (Plan & { size: number }) | null {
    if (field === '_id') {
      const ids = idsOf(condition);
      return ids ? { candidates: ids, exact: false, size: ids.length } : null;
    }
    const index = this.indexes.get(field);
    if (!index) return null;
    const extra = [...index.arrays];
    if (isIndexKey(condition)) return fromIds(index.equal(condition), extra, true);
    if (!isOperatorObject(condition)) return null;
    const ops = Object.entries(condition);
    const only = (names: string[]) => ops.every(([op]) => names.includes(op));
    if (ops.length === 1 && (ops[0]?.[0] === '$eq' || ops[0]?.[0] === '$in')) {
      const [op, value] = ops[0];
      const values = op === '$eq' ? [value] : value;
      if (!Array.isArray(values) || !values.every(isIndexKey)) return null;
      const ids = new Set<string>();
      for (const v of values) for (const id of index.equal(v)) ids.add(id);
      return fromIds(ids, extra, true);
    }
    if (ops.length > 0 && only([...RANGE_OPS])) {
      const bounds = ops.map(([op, value]) => [op, value] as const);
      if (!bounds.every(([, value]) => isIndexKey(value) && typeof value !== 'boolean'))
        return null;
      const type = keyType(bounds[0]?.[1] as IndexKey);
      if (!bounds.every(([, value]) => keyType(value as IndexKey) === type)) return null;
      let lower: [IndexKey, boolean] | undefined;
      let upper: [IndexKey, boolean] | undefined;
      for (const [op, value] of bounds) {
        const key = value as IndexKey;
        if (op === '$gt' || op === '$gte') {
          if (!lower || compareKeys(key, lower[0]) > 0) lower = [key, op === '$gte'];
        } else if (!upper || compareKeys(key, upper[0]) < 0) upper = [key, op === '$lte'];
      }
      return fromIds(index.range(type, lower, upper), extra, true);
    }
    return null;
  }

  /**
   * The first `count` documents matching `criteria` in `orders`, from a compound index whose
   * leading fields the query fixes (equality or `$in`) and whose other fields are the order
   * (`_id` last is implied). A range on the first order field (a cursor) starts the walk there.
   * Null when no index fits, or when the walk runs past its budget: then the query is selective
   * elsewhere and sorting the single-field plan's few candidates is cheaper.
   */
  findOrdered(
    criteria: Criteria,
    orders: readonly [string, 1 | -1][],
    count: number,
  ): StoredDoc[] | null {
    if (this.compounds.length === 0 || orders.some(([, direction]) => direction !== 1)) return null;
    const sortFields = orders.map(([field]) => field);
    if (sortFields[sortFields.length - 1] === '_id') sortFields.pop();
    if (sortFields.length === 0 || sortFields.includes('_id')) return null;
    const conjuncts = mergeRanges(flattenAnd(criteria));
    const fixed = new Map<string, IndexKey[]>();
    for (const [field, condition] of conjuncts) {
      const values = field.startsWith('$') ? null : equalityValues(condition);
      if (values && !fixed.has(field)) fixed.set(field, values);
    }
    let chosen: { index: CompoundIndex; prefix: string[] } | null = null;
    for (const index of this.compounds) {
      const prefixLength = index.fields.length - sortFields.length;
      if (!index.usable || prefixLength < 0) continue;
      if (!sortFields.every((field, i) => index.fields[prefixLength + i] === field)) continue;
      const prefix = index.fields.slice(0, prefixLength);
      if (!prefix.every((field) => fixed.has(field))) continue;
      if (!chosen || prefix.length > chosen.prefix.length) chosen = { index, prefix };
    }
    if (!chosen) return null;
    const { index, prefix } = chosen;
    const prefixes = prefix.reduce<IndexKey[][]>(
      (combos, field) =>
        combos.flatMap((combo) => (fixed.get(field) ?? []).map((v) => [...combo, v])),
      [[]],
    );
    const from = lowerBoundOf(conjuncts, sortFields[0] as string);
    const walks = prefixes.map((p) => index.walk(p, from));
    const heads = walks.map((walk) => walk.next());
    const query = new Query(criteria, {});
    const out: StoredDoc[] = [];
    let looked = 0;
    // Merge the walks (one per combination of `$in` values) by the order fields, then `_id`.
    const byOrder = (a: CompoundEntry, b: CompoundEntry) =>
      compareCompound(a.keys.slice(prefix.length), b.keys.slice(prefix.length)) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    while (out.length < count) {
      let next: { at: number; entry: CompoundEntry } | null = null;
      heads.forEach((head, at) => {
        if (!head.done && (next === null || byOrder(head.value, next.entry) < 0))
          next = { at, entry: head.value };
      });
      if (next === null) break;
      const { at, entry } = next as { at: number; entry: CompoundEntry };
      heads[at] = (walks[at] as Generator<CompoundEntry>).next();
      if (++looked > ORDERED_WALK_BUDGET) return null;
      const doc = this.docs.get(entry.id);
      if (doc && query.test(doc)) out.push(doc);
    }
    return out;
  }

  /** Every document in `_id` order-independent storage order (used by aggregate and snapshots). */
  all(): StoredDoc[] {
    return [...this.docs.values()];
  }
}

function fromIds(ids: Iterable<string>, arrays: string[], exact: boolean): Plan & { size: number } {
  const list = Array.isArray(ids) ? (ids as string[]) : [...ids];
  if (arrays.length === 0) return { candidates: list, exact, size: list.length };
  // Documents with arrays on the path are re-checked by the full query.
  const merged = new Set([...list, ...arrays]);
  return { candidates: merged, exact: false, size: merged.size };
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !isDate(value) &&
    !(value instanceof RegExp) &&
    Object.keys(value).length > 0 &&
    Object.keys(value).every((key) => key.startsWith('$'))
  );
}

function idsOf(condition: unknown): string[] | null {
  if (typeof condition === 'string') return [condition];
  if (!isOperatorObject(condition)) return null;
  const entries = Object.entries(condition);
  if (entries.length !== 1) return null;
  const [op, value] = entries[0] as [string, unknown];
  if (op === '$eq' && typeof value === 'string') return [value];
  if (op === '$in' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    return [...new Set(value as string[])];
  }
  return null;
}

/**
 * Top-level conjuncts `[field, condition]` of a translated query (through nested `$and`).
 * Operator objects on one field merge (`_.gte(a).and(_.lt(b))` becomes one range), which is
 * what Mongo means by them too.
 */
function flattenAnd(criteria: Criteria): [string, unknown][] {
  const out: [string, unknown][] = [];
  const add = (field: string, condition: unknown) => {
    if (!field.startsWith('$') && isOperatorObject(condition)) {
      const keys = Object.keys(condition);
      const twin = out.find(
        ([other, existing]) =>
          other === field && isOperatorObject(existing) && keys.every((key) => !(key in existing)),
      );
      if (twin) {
        twin[1] = { ...(twin[1] as Record<string, unknown>), ...condition };
        return;
      }
    }
    out.push([field, condition]);
  };
  for (const [key, value] of Object.entries(criteria)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value)
        for (const [field, condition] of flattenAnd(part as Criteria)) add(field, condition);
    } else {
      // $or / $nor stay whole: not answered from an index, and they forbid exactness.
      add(key, value);
    }
  }
  return out;
}

/** The values an equality or `$in` condition allows, when they are all indexable. */
function equalityValues(condition: unknown): IndexKey[] | null {
  if (isIndexKey(condition)) return [condition];
  if (!isOperatorObject(condition)) return null;
  const entries = Object.entries(condition);
  if (entries.length !== 1) return null;
  const [op, value] = entries[0] as [string, unknown];
  if (op === '$eq' && isIndexKey(value)) return [value];
  if (op === '$in' && Array.isArray(value) && value.every(isIndexKey)) return [...value];
  return null;
}

/** The lowest value a range conjunct on `field` allows, if any. */
function lowerBoundOf(
  conjuncts: readonly [string, unknown][],
  field: string,
): IndexKey | undefined {
  let bound: IndexKey | undefined;
  for (const [name, condition] of conjuncts) {
    if (name !== field || !isOperatorObject(condition)) continue;
    for (const op of ['$gt', '$gte'] as const) {
      const value = condition[op];
      if (isIndexKey(value) && (bound === undefined || compareKeys(value, bound) > 0))
        bound = value;
    }
  }
  return bound;
}

/**
 * Range conjuncts on one field joined into one condition (`a >= x` and `a < y` → one range), as
 * `_.gte(x).and(_.lt(y))` arrives split in two: the index then reads only the range between.
 * Used for planning only: a plan over merged conjuncts is never taken as exact.
 */
function mergeRanges(conjuncts: readonly [string, unknown][]): [string, unknown][] {
  const out: [string, unknown][] = [];
  const ranges = new Map<string, Record<string, unknown>>();
  for (const [field, condition] of conjuncts) {
    const isRange =
      !field.startsWith('$') &&
      isOperatorObject(condition) &&
      Object.keys(condition).every((op) => RANGE_OPS.has(op));
    if (!isRange) {
      out.push([field, condition]);
      continue;
    }
    const into = ranges.get(field);
    if (!into) {
      const range = { ...condition };
      ranges.set(field, range);
      out.push([field, range]);
      continue;
    }
    const rest: Record<string, unknown> = {};
    for (const [op, value] of Object.entries(condition)) {
      const current = into[op];
      if (current === undefined) into[op] = value;
      else if (isIndexKey(current) && isIndexKey(value) && keyType(current) === keyType(value)) {
        const lower = op === '$gt' || op === '$gte';
        const order = compareKeys(value, current);
        if (lower ? order > 0 : order < 0) into[op] = value;
      } else rest[op] = value;
    }
    if (Object.keys(rest).length > 0) out.push([field, rest]);
  }
  return out;
}

export interface DocumentStoreOptions {
  /**
   * The journals since the snapshot are compacted once they hold this many bytes, or a quarter
   * of the snapshot's size if that is more (so that opening replays little besides the
   * snapshot). Default 4 MiB.
   */
  compactAfterBytes?: number;
  /** Where a failed background compaction is reported (the data stays safe in the journals). */
  onCompactionError?: (error: unknown) => void;
}

/**
 * All collections of one data folder, in memory, made durable by the journal.
 * Writes go to the journal first (fsynced), then to memory, so memory never holds an
 * unacknowledged state. Collections whose name starts with `__local_` hold the local cloud's own
 * state (files, outbox, credits) and are invisible to functions.
 */
export class DocumentStore {
  private readonly collections = new Map<string, StoredCollection>();
  private readonly journal: Journal;
  private readonly compactAfterBytes: number;
  private readonly onCompactionError: (error: unknown) => void;
  private snapshotBytes: number;
  private compacting: Promise<void> | null = null;
  /** Journal records written since start (each an acknowledged mutation or transaction). */
  mutations = 0;
  /** Document writes applied since the store opened (replayed ones included). */
  sequence = 0;

  constructor(
    dataDir: string,
    private readonly indexConfig: Readonly<Record<string, readonly IndexSpec[]>>,
    options: DocumentStoreOptions = {},
  ) {
    this.compactAfterBytes = options.compactAfterBytes ?? 4 * 1024 * 1024;
    this.onCompactionError =
      options.onCompactionError ??
      ((error) => console.error('[local-cloud] compaction failed (no data lost):', error));
    this.journal = new Journal(dataDir);
    this.loading = true;
    const opened = this.journal.open((op) => this.applyOp(op));
    this.loading = false;
    this.snapshotBytes = opened.snapshotBytes;
    for (const collection of this.collections.values()) collection.endBulk();
    this.compactIfDue();
  }

  private loading = false;

  collection(name: string): StoredCollection {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new StoredCollection(name, this.indexConfig[name] ?? [], () => ++this.sequence);
      if (this.loading) collection.beginBulk();
      this.collections.set(name, collection);
    }
    return collection;
  }

  collectionNames(): string[] {
    return [...this.collections.keys()];
  }

  /** Durably applies the operations, all or nothing. */
  commit(ops: JournalOp[]): void {
    if (ops.length === 0) return;
    const entries = this.journalEntries(ops);
    const record: JournalRecord =
      entries.length === 1 ? (entries[0] as JournalEntry) : { t: 'batch', ops: entries };
    this.journal.append(record);
    ops.forEach((op) => this.applyOp(op));
    this.mutations++;
    this.compactIfDue();
  }

  /** Bytes in the journals since the snapshot (what opening replays besides it). */
  get journalBytes(): number {
    return this.journal.journalBytes;
  }

  private compactIfDue(): void {
    if (this.compacting) return;
    const due = Math.max(this.compactAfterBytes, this.snapshotBytes / 4);
    if (this.journal.journalBytes >= due) this.compact().catch(this.onCompactionError);
  }

  /**
   * Writes a fresh snapshot of the documents as they are now, in the background: writes go on
   * meanwhile (into a new journal). Resolves when it is installed; a call while one runs joins it.
   */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    // Stored documents are replaced on write, never changed in place: these arrays stay as of now.
    const frozen = [...this.collections].map(
      ([name, collection]) => [name, collection.all()] as const,
    );
    this.compacting = this.journal
      .compact(frozen)
      .then((written) => {
        if (written !== null) this.snapshotBytes = written;
      })
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  /**
   * The journal's form of the operations: a document that exists is written as its change
   * against the version before (earlier operations of the same batch included), so updating
   * a 100 KB case appends its new event, not the case again.
   */
  private journalEntries(ops: readonly JournalOp[]): JournalEntry[] {
    const pending = new Map<string, StoredDoc | null>();
    let cleared = false;
    return ops.map((op): JournalEntry => {
      if (op.t === 'clear') {
        pending.clear();
        cleared = true;
        return op;
      }
      const key = `${op.c}\u0000${op.t === 'put' ? op.d._id : op.id}`;
      if (op.t === 'del') {
        pending.set(key, null);
        return op;
      }
      const before = pending.has(key)
        ? pending.get(key)
        : cleared
          ? undefined
          : this.collections.get(op.c)?.docs.get(op.d._id);
      pending.set(key, op.d);
      if (!before) return op;
      return { t: 'patch', c: op.c, id: op.d._id, ...diffDocs(before, op.d) };
    });
  }

  /** Empties everything, durably (an empty snapshot; a compaction under way is dropped). */
  clear(): void {
    this.snapshotBytes = this.journal.compactNow([]);
    this.collections.clear();
  }

  /** Waits for a compaction under way, leaves the folder compacted and frees it. */
  async close(): Promise<void> {
    try {
      await this.compacting?.catch(() => undefined);
      if (this.journal.journalBytes > 0) await this.compact();
    } finally {
      this.journal.close();
    }
  }

  private applyOp(op: JournalEntry): void {
    if (op.t === 'put') this.collection(op.c).put(op.d);
    else if (op.t === 'del') this.collection(op.c).delete(op.id);
    else if (op.t === 'patch') {
      const collection = this.collection(op.c);
      const doc = collection.docs.get(op.id);
      if (!doc) throw new Error(`journal patches ${op.c}/${op.id}, which does not exist`);
      collection.put(applyPatch(doc, op));
    } else this.collections.clear();
  }
}
