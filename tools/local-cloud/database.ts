import { randomBytes } from 'node:crypto';
import { EJSON } from 'bson';
import { find, update as applyModifier } from 'mingo';
import type { Clock } from '../../server/app/clock';
import { runPipeline } from './aggregate-pipeline';
import { TcbError } from './cloud-error';
import type { DocumentStore, StoredCollection } from './document-store';
import { cloneValue, isPlainObject, sameValue } from './document-values';
import type { StoredDoc } from './document-values';
import type { JournalOp } from './journal';

type Doc = Record<string, unknown>;
type Params = Readonly<Record<string, unknown>>;

/** Server-side `get()` returns 100 documents unless limited, and at most 1000 (see README). */
export const GET_DEFAULT_LIMIT = 100;
export const GET_MAX_LIMIT = 1000;
/** `aggregate().end()` returns 20 items unless the pipeline has a `limit` stage. */
export const AGGREGATE_DEFAULT_LIMIT = 20;

/** Collections of the local cloud itself; functions cannot reach them. */
export const INTERNAL_PREFIX = '__local_';

/** The database actions of the SDK's wire protocol, and whether each reads or writes. */
export const DATABASE_ACTIONS = {
  'database.getDocument': 'reads',
  'database.calculateDocument': 'reads',
  'database.aggregateDocuments': 'reads',
  'database.insertDocument': 'writes',
  'database.modifyDocument': 'writes',
  'database.removeDocument': 'writes',
  'database.startTransaction': 'reads',
  'database.commitTransaction': 'writes',
  'database.abortTransaction': 'writes',
} as const;
export type DatabaseAction = keyof typeof DATABASE_ACTIONS;

export function isDatabaseAction(action: unknown): action is DatabaseAction {
  return typeof action === 'string' && Object.hasOwn(DATABASE_ACTIONS, action);
}

function newId(): string {
  // WeChat ids are 32 hex characters.
  return randomBytes(16).toString('hex');
}

function invalid(message: string): TcbError {
  return new TcbError('INVALID_PARAM', message);
}

/** Mongo spellings of the few operators the SDK sends under its own name. */
const OPERATOR_RENAMES: Readonly<Record<string, string>> = { $neq: '$ne' };

/**
 * Decodes an EJSON field of a request: numbers, dates and the SDK's `$tcb_server_date`
 * (resolved to the local clock plus its offset, as the server resolves it when the request runs).
 */
function decode(text: unknown, field: string, now: Date): unknown {
  if (typeof text !== 'string')
    throw invalid(`${field} 必须是 EJSON 字符串 (${field} must be EJSON)`);
  let parsed: unknown;
  try {
    parsed = EJSON.parse(text, { relaxed: true });
  } catch (error) {
    throw invalid(`${field} 不是合法的 EJSON: ${(error as Error).message}`);
  }
  return resolveValues(parsed, now);
}

function resolveValues(value: unknown, now: Date): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveValues(item, now));
  if (!isPlainObject(value)) return value;
  const serverDate = value.$tcb_server_date;
  if (Object.keys(value).length === 1 && isPlainObject(serverDate)) {
    const offset = Number(serverDate.offset ?? 0);
    return new Date(now.getTime() + (Number.isFinite(offset) ? offset : 0));
  }
  const out: Doc = {};
  for (const [key, item] of Object.entries(value)) {
    out[OPERATOR_RENAMES[key] ?? key] = resolveValues(item, now);
  }
  return out;
}

/** What a response carries: each document as a canonical EJSON string, as the SDK parses it. */
function encode(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: false });
}

function optionalObject(params: Params, field: string, now: Date): Doc {
  if (params[field] === undefined || params[field] === '') return {};
  const value = decode(params[field], field, now);
  if (!isPlainObject(value)) throw invalid(`${field} 必须是对象 (${field} must be an object)`);
  return value;
}

function nonNegative(value: unknown, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw invalid(`${field} 必须是非负整数: ${String(value)}`);
  return n;
}

function project(docs: Doc[], projection: Doc): Doc[] {
  if (Object.keys(projection).length === 0) return docs;
  try {
    return find(docs, {}, projection).all() as Doc[];
  } catch (error) {
    throw invalid(`field 参数无效: ${(error as Error).message}`);
  }
}

/** Applies an update to a copy; `null` when nothing changed (WeChat reports updated 0). */
function modified(doc: StoredDoc, modifier: Doc): StoredDoc | null {
  if (Object.keys(modifier).some((key) => !key.startsWith('$'))) {
    throw invalid('更新数据必须由更新操作符组成 (update data must consist of update operators)');
  }
  const copy = cloneValue(doc);
  let changed: string[];
  try {
    changed = applyModifier(copy, modifier as never, undefined, undefined, { cloneMode: 'deep' });
  } catch (error) {
    throw new TcbError('DATABASE_REQUEST_FAILED', (error as Error).message);
  }
  if (copy._id !== doc._id) throw invalid('不能更改 _id (cannot change _id)');
  assertStorable(copy);
  return changed.length > 0 && !sameValue(copy, doc) ? copy : null;
}

/**
 * MongoDB refuses to store a field name that starts with `$`: what an operator in the wrong
 * place becomes (`update({ data: { n: _.gt(1) } })` reaches the server as `$set: { n: { $gt } }`).
 */
function assertStorable(value: unknown, path = ''): void {
  if (Array.isArray(value)) value.forEach((item, i) => assertStorable(item, `${path}.${i}`));
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (key.startsWith('$')) {
      throw new TcbError(
        'DATABASE_REQUEST_FAILED',
        `The dollar ($) prefixed field '${key}' in '${path.slice(1)}${path ? '.' : ''}${key}' is not valid for storage.`,
      );
    }
    assertStorable(item, `${path}.${key}`);
  }
}

function duplicate(collection: string, id: string): TcbError {
  return new TcbError(
    'DATABASE_DUPLICATE_WRITE',
    `[DATABASE_DUPLICATE_WRITE] E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }`,
  );
}

/**
 * Reads and writes of one request: straight to the store, or through a transaction's snapshot.
 */
interface DocumentAccess {
  find(collection: StoredCollection, criteria: Doc): StoredDoc[];
  stage(name: string, ops: JournalOp[]): void;
}

/**
 * The cloud database behind the SDK's wire protocol (`database.*` actions): queries, updates
 * and aggregation arrive already in Mongo syntax (the SDK translates `db.command`), as EJSON.
 * Answers are what the platform sends: `{ data, requestId }`, or a `TcbError` the wire layer
 * turns into `{ code, message }`.
 */
export class LocalDatabase {
  private readonly transactions = new Map<string, WireTransaction>();

  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
  ) {}

  storedCollection(name: unknown): StoredCollection {
    if (
      typeof name !== 'string' ||
      !/^[A-Za-z0-9_-]{1,64}$/.test(name) ||
      name.startsWith(INTERNAL_PREFIX)
    ) {
      throw invalid(`集合名称无效: ${String(name)} (invalid collection name)`);
    }
    return this.store.collection(name);
  }

  /** Forgets open transactions (reset). */
  clear(): void {
    this.transactions.clear();
  }

  handle(action: DatabaseAction, params: Params): Doc {
    const now = this.clock.now();
    switch (action) {
      case 'database.startTransaction': {
        const id = newId();
        this.transactions.set(id, new WireTransaction(this, this.store));
        return { transactionId: id };
      }
      case 'database.commitTransaction': {
        this.transaction(params).commit();
        this.transactions.delete(String(params.transactionId));
        return {};
      }
      case 'database.abortTransaction':
        this.transaction(params);
        this.transactions.delete(String(params.transactionId));
        return {};
      default:
        break;
    }
    const name = params.collectionName;
    const collection = this.storedCollection(name);
    const transaction = params.transactionId === undefined ? null : this.transaction(params);
    const access: DocumentAccess = transaction ?? {
      find: (stored, criteria) => stored.find(criteria),
      stage: (_name, ops) => this.store.commit(ops),
    };
    switch (action) {
      case 'database.getDocument':
        return { data: this.get(collection, params, access, now) };
      case 'database.calculateDocument':
        return {
          data: {
            total: transaction
              ? access.find(collection, optionalObject(params, 'query', now)).length
              : collection.count(optionalObject(params, 'query', now)),
          },
        };
      case 'database.insertDocument':
        return { data: { insertedIds: this.insert(collection, params, access, now) } };
      case 'database.modifyDocument':
        if (transaction && params.queryType !== 'DOC') {
          throw invalid('事务中只能按 doc 更新 (transactions allow only doc operations)');
        }
        return { data: this.modify(collection, params, access, now) };
      case 'database.removeDocument': {
        if (transaction && params.queryType !== 'DOC') {
          throw invalid('事务中只能按 doc 删除 (transactions allow only doc operations)');
        }
        const criteria = optionalObject(params, 'query', now);
        const matched = access.find(collection, criteria);
        const doomed = params.multi === true ? matched : matched.slice(0, 1);
        access.stage(
          collection.name,
          doomed.map((doc) => ({ t: 'del', c: collection.name, id: doc._id })),
        );
        return { data: { deleted: doomed.length } };
      }
      case 'database.aggregateDocuments':
        if (transaction) throw invalid('事务中不能聚合 (no aggregation inside a transaction)');
        return { data: { list: this.aggregate(collection, params, now).map(encode) } };
    }
  }

  private transaction(params: Params): WireTransaction {
    const transaction = this.transactions.get(String(params.transactionId));
    if (!transaction) {
      throw new TcbError(
        'DATABASE_TRANSACTION_FAIL',
        `事务不存在或已结束 (no such transaction): ${String(params.transactionId)}`,
      );
    }
    return transaction;
  }

  private get(collection: StoredCollection, params: Params, access: DocumentAccess, now: Date) {
    const limit = nonNegative(params.limit, 'limit', GET_DEFAULT_LIMIT) || GET_DEFAULT_LIMIT;
    if (limit > GET_MAX_LIMIT) {
      throw invalid(`limit 不能大于 ${GET_MAX_LIMIT} (limit must not exceed ${GET_MAX_LIMIT})`);
    }
    const offset = nonNegative(params.offset, 'offset', 0);
    const criteria = optionalObject(params, 'query', now);
    const order = optionalObject(params, 'order', now);
    const orders = Object.entries(order).map(([field, direction]): [string, 1 | -1] => {
      if (direction !== 1 && direction !== -1) throw invalid(`orderBy 参数无效: ${field}`);
      return [field, direction];
    });
    // A compound index in the order asked for reads one page, not every match (indexes.json).
    const walked =
      orders.length > 0 && access instanceof WireTransaction === false
        ? collection.findOrdered(criteria, orders, offset + limit)
        : null;
    let page: Doc[];
    if (walked) page = walked.slice(offset);
    else {
      let cursor = find(access.find(collection, criteria), {});
      if (orders.length > 0) cursor = cursor.sort(Object.fromEntries(orders));
      page = cursor.skip(offset).limit(limit).all() as Doc[];
    }
    return {
      list: project(page, optionalObject(params, 'projection', now)).map(encode),
      limit,
      offset,
    };
  }

  private insert(
    collection: StoredCollection,
    params: Params,
    access: DocumentAccess,
    now: Date,
  ): string[] {
    if (!Array.isArray(params.data) || params.data.length === 0) {
      throw invalid('data 必须是非空数组 (data must be a non-empty array)');
    }
    const docs = params.data.map((item) => {
      const data = decode(item, 'data', now);
      if (!isPlainObject(data)) throw invalid('data 必须是对象 (data must be an object)');
      const id = data._id ?? newId();
      if (typeof id !== 'string' || id === '')
        throw invalid('_id 必须是非空字符串 (_id must be a non-empty string)');
      assertStorable(data);
      return { ...data, _id: id } as StoredDoc;
    });
    const ids = new Set<string>();
    for (const doc of docs) {
      if (ids.has(doc._id) || access.find(collection, { _id: doc._id }).length > 0) {
        throw duplicate(collection.name, doc._id);
      }
      ids.add(doc._id);
    }
    access.stage(
      collection.name,
      docs.map((d) => ({ t: 'put', c: collection.name, d })),
    );
    return docs.map((doc) => doc._id);
  }

  private modify(
    collection: StoredCollection,
    params: Params,
    access: DocumentAccess,
    now: Date,
  ): Doc {
    const criteria = optionalObject(params, 'query', now);
    const data = optionalObject(params, 'data', now);
    const matched = access.find(collection, criteria);
    const targets = params.multi === true ? matched : matched.slice(0, 1);
    if (params.merge === false) {
      // `doc(id).set()`: the whole document is replaced, or created (upsert).
      const id = criteria._id;
      if (typeof id !== 'string' || id === '')
        throw invalid('set 需要 doc 的 _id (set needs an _id)');
      if ('_id' in data && data._id !== id) throw invalid('不能更改 _id (cannot change _id)');
      if (Object.keys(data).some((key) => key.startsWith('$'))) {
        throw invalid('set 的数据不能包含更新操作符 (set data cannot hold update operators)');
      }
      const replacement = { ...data, _id: id } as StoredDoc;
      assertStorable(replacement);
      const previous = targets[0];
      if (!previous && params.upsert !== true) return { updated: 0 };
      if (!previous || !sameValue(previous, replacement)) {
        access.stage(collection.name, [{ t: 'put', c: collection.name, d: replacement }]);
      }
      // Document.set: updated is 1 whenever the _id existed (unlike update, even if unchanged).
      return previous ? { updated: 1 } : { updated: 0, upsert_id: id };
    }
    const ops: JournalOp[] = [];
    for (const doc of targets) {
      const changed = modified(doc, data);
      if (changed) ops.push({ t: 'put', c: collection.name, d: changed });
    }
    access.stage(collection.name, ops);
    return { updated: ops.length };
  }

  private aggregate(collection: StoredCollection, params: Params, now: Date): Doc[] {
    if (!Array.isArray(params.stages)) throw invalid('stages 必须是数组 (stages must be an array)');
    const pipeline = params.stages.map((stage: unknown) => {
      const { stageKey, stageValue } = (stage ?? {}) as {
        stageKey?: unknown;
        stageValue?: unknown;
      };
      if (typeof stageKey !== 'string' || !stageKey.startsWith('$')) {
        throw invalid(`聚合阶段无效: ${String(stageKey)} (invalid stage)`);
      }
      const value = decode(stageValue, stageKey, now);
      if (
        (stageKey === '$limit' || stageKey === '$skip') &&
        !(Number.isInteger(value) && (value as number) >= (stageKey === '$limit' ? 1 : 0))
      ) {
        throw invalid(
          `${stageKey} 必须是${stageKey === '$limit' ? '正' : '非负'}整数: ${String(value)}`,
        );
      }
      if (stageKey === '$group' && !(isPlainObject(value) && '_id' in value)) {
        throw invalid('group 必须包含 _id (a group specification must include an _id)');
      }
      return { [stageKey]: value };
    });
    if (!pipeline.some((stage) => '$limit' in stage))
      pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT });
    // A leading match is answered from the indexes.
    const first = pipeline[0];
    const leadingMatch = first && '$match' in first ? (first.$match as Doc) : null;
    const source = leadingMatch ? collection.find(leadingMatch) : collection.all();
    try {
      return runPipeline(source, leadingMatch ? pipeline.slice(1) : pipeline);
    } catch (error) {
      if (error instanceof TcbError) throw error;
      throw invalid(`聚合失败: ${(error as Error).message}`);
    }
  }
}

/**
 * A transaction as the platform runs it: snapshot isolation without a multi-version store.
 * Its reads see the documents as they were when it started — a document changed since then
 * cannot be shown as it was, so reading it dooms the transaction — plus its own staged writes;
 * at commit, a document it writes that another commit changed since its start is a conflict
 * (first committer wins). The SDK's `runTransaction` retries on `DATABASE_TRANSACTION_CONFLICT`.
 * Documents it only reads may change under it, as on the platform (write skew is possible).
 */
class WireTransaction implements DocumentAccess {
  private readonly startedAt: number;
  private readonly staged = new Map<string, JournalOp>();
  private doomed = false;

  constructor(
    private readonly database: LocalDatabase,
    private readonly store: DocumentStore,
  ) {
    this.startedAt = store.sequence;
  }

  find(collection: StoredCollection, criteria: Doc): StoredDoc[] {
    const candidates = new Map<string, StoredDoc>();
    for (const doc of collection.find(criteria)) candidates.set(doc._id, doc);
    for (const op of this.staged.values()) {
      if (op.t === 'put' && op.c === collection.name) candidates.set(op.d._id, op.d);
      if (op.t === 'del' && op.c === collection.name) candidates.delete(op.id);
    }
    const out: StoredDoc[] = [];
    for (const doc of candidates.values()) {
      const staged = this.staged.has(`${collection.name}\u0000${doc._id}`);
      if (!staged && collection.revision(doc._id) > this.startedAt) this.doomed = true;
      if (find([doc], criteria).all().length > 0) out.push(doc);
    }
    return out;
  }

  stage(name: string, ops: JournalOp[]): void {
    for (const op of ops) {
      const id = op.t === 'put' ? op.d._id : op.t === 'del' ? op.id : null;
      if (id !== null) this.staged.set(`${name}\u0000${id}`, op);
    }
  }

  commit(): void {
    const conflict =
      this.doomed ||
      [...this.staged.values()].some((op) => {
        if (op.t === 'clear') return false;
        const id = op.t === 'put' ? op.d._id : op.id;
        return this.database.storedCollection(op.c).revision(id) > this.startedAt;
      });
    if (conflict) {
      throw new TcbError('DATABASE_TRANSACTION_CONFLICT', 'database transaction conflict');
    }
    this.store.commit([...this.staged.values()]);
  }
}
