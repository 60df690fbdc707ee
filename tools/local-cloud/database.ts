import { randomBytes } from 'node:crypto';
import { find, update as applyModifier } from 'mingo';
import type { Clock } from '../../server/app/clock';
import { CloudSdkError, ErrCode, invalidParam } from './cloud-error';
import { runPipeline } from './aggregate-pipeline';
import {
  createCommand,
  isPlainObject,
  resolveValue,
  ServerDateValue,
  translateExpression,
  translateUpdate,
  translateWhere,
  type MongoModifier,
  type TranslateContext,
} from './command';
import type { DocumentStore, StoredCollection } from './document-store';
import { cloneValue, sameValue } from './document-values';
import type { JournalOp, StoredDoc } from './journal';
import { currentInvocation } from './invocation-context';

type Doc = Record<string, unknown>;

/** Server-side `get()` returns 100 documents unless limited, and at most 1000 (see README). */
export const GET_DEFAULT_LIMIT = 100;
export const GET_MAX_LIMIT = 1000;
/** `aggregate().end()` returns 20 items unless the pipeline has a `limit` stage. */
export const AGGREGATE_DEFAULT_LIMIT = 20;

/** Collections of the local cloud itself; functions cannot reach them. */
export const INTERNAL_PREFIX = '__local_';

export interface DatabaseCounters {
  reads: number;
  writes: number;
}

function newId(): string {
  // WeChat ids are 32 hex characters.
  return randomBytes(16).toString('hex');
}

function isNonNegativeInteger(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

function toProjection(api: string, fields: unknown): Record<string, 0 | 1> {
  if (!isPlainObject(fields))
    throw invalidParam(api, 'field 的参数必须是对象 (field expects an object)');
  const out: Record<string, 0 | 1> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (![true, false, 0, 1].includes(value as never)) {
      throw invalidParam(api, `field 的值只能是 true/false (field values must be booleans)`);
    }
    out[key] = value === true || value === 1 ? 1 : 0;
  }
  return out;
}

function project(api: string, docs: Doc[], projection: Record<string, 0 | 1> | null): Doc[] {
  if (!projection || Object.keys(projection).length === 0) return docs;
  try {
    return find(docs, {}, projection).all() as Doc[];
  } catch (error) {
    throw invalidParam(api, `field 参数无效: ${(error as Error).message}`);
  }
}

/** Applies a translated modifier to a copy; `null` when nothing changed (WeChat reports updated 0). */
function modified(api: string, doc: StoredDoc, modifier: MongoModifier): StoredDoc | null {
  const copy = cloneValue(doc);
  let changed: string[];
  try {
    changed = applyModifier(copy, modifier as never, undefined, undefined, { cloneMode: 'deep' });
  } catch (error) {
    throw new CloudSdkError(
      ErrCode.DATABASE_REQUEST_FAILED,
      `${api}:fail ${ErrCode.DATABASE_REQUEST_FAILED} ${(error as Error).message}`,
    );
  }
  return changed.length > 0 && !sameValue(copy, doc) ? copy : null;
}

class TransactionConflict extends Error {}
class TransactionRollback extends Error {
  constructor(readonly reason: unknown) {
    super('transaction rolled back');
  }
}

interface QueryState {
  condition: unknown;
  orders: [string, 1 | -1][];
  limit: number | null;
  skip: number;
  projection: unknown;
}

/**
 * The cloud database of the local cloud: the `WxServerSdk.Database` surface over the document
 * store, with WeChat's semantics and limits. Every terminal call is one round trip, counted for
 * the current invocation (reads and writes apart) and globally.
 */
export class LocalDatabase {
  readonly counters: DatabaseCounters = { reads: 0, writes: 0 };
  readonly command = createCommand();

  constructor(
    private readonly store: DocumentStore,
    private readonly clock: Clock,
  ) {}

  /** The object `cloud.database()` returns. */
  handle(options: { throwOnNotFound?: boolean } = {}): WxServerSdk.Database {
    const throwOnNotFound = options.throwOnNotFound !== false;
    return {
      collection: (name: string) => this.collectionRef(name, throwOnNotFound),
      command: this.command,
      serverDate: (opts?: { offset?: number }) => new ServerDateValue(opts?.offset ?? 0),
      runTransaction: (body, retries) => this.runTransaction(body, retries ?? 3, throwOnNotFound),
    };
  }

  private roundTrip(kind: 'reads' | 'writes'): void {
    this.counters[kind]++;
    const invocation = currentInvocation();
    if (invocation) invocation.roundTrips[kind]++;
  }

  private ctx(api: string): TranslateContext {
    return { api, now: () => this.clock.now() };
  }

  private storedCollection(api: string, name: unknown): StoredCollection {
    if (
      typeof name !== 'string' ||
      !/^[A-Za-z0-9_-]{1,64}$/.test(name) ||
      name.startsWith(INTERNAL_PREFIX)
    ) {
      throw invalidParam(api, `集合名称无效: ${String(name)} (invalid collection name)`);
    }
    return this.store.collection(name);
  }

  private collectionRef(name: string, throwOnNotFound: boolean): WxServerSdk.CollectionReference {
    const query = this.queryRef(name, {
      condition: undefined,
      orders: [],
      limit: null,
      skip: 0,
      projection: null,
    });
    return {
      ...query,
      doc: (id: string) => this.docRef(name, id, null, throwOnNotFound),
      add: async (options: { data: Doc }) => {
        const api = 'collection.add';
        this.roundTrip('writes');
        const collection = this.storedCollection(api, name);
        const doc = this.newDocument(api, options?.data);
        if (collection.docs.has(doc._id)) throw duplicateId(api, name, doc._id);
        this.store.commit([{ t: 'put', c: name, d: doc }]);
        return { _id: doc._id, errMsg: `${api}:ok` };
      },
      aggregate: () => this.aggregateRef(name, []),
    };
  }

  private newDocument(api: string, data: unknown): StoredDoc {
    if (!isPlainObject(data)) throw invalidParam(api, 'data 必须是对象 (data must be an object)');
    const resolved = resolveValue(data, this.ctx(api), 'data') as Doc;
    const id = resolved._id ?? newId();
    if (typeof id !== 'string' || id === '')
      throw invalidParam(api, '_id 必须是非空字符串 (_id must be a non-empty string)');
    return { ...resolved, _id: id };
  }

  private queryRef(name: string, state: QueryState): WxServerSdk.Query {
    const next = (patch: Partial<QueryState>) => this.queryRef(name, { ...state, ...patch });
    return {
      where: (condition) => next({ condition }),
      orderBy: (field, direction) => {
        if (
          typeof field !== 'string' ||
          field === '' ||
          (direction !== 'asc' && direction !== 'desc')
        ) {
          throw invalidParam(
            'collection.orderBy',
            `orderBy 参数无效: ${String(field)} ${String(direction)} (expects a field and 'asc' or 'desc')`,
          );
        }
        return next({ orders: [...state.orders, [field, direction === 'asc' ? 1 : -1]] });
      },
      limit: (n) => {
        if (!isNonNegativeInteger(n) || n === 0) {
          throw invalidParam(
            'collection.limit',
            `limit 必须是正整数 (limit must be a positive integer): ${String(n)}`,
          );
        }
        return next({ limit: n });
      },
      skip: (n) => {
        if (!isNonNegativeInteger(n)) {
          throw invalidParam(
            'collection.skip',
            `skip 必须是非负整数 (skip must be a non-negative integer): ${String(n)}`,
          );
        }
        return next({ skip: n });
      },
      field: (projection) => next({ projection }),
      get: async () => {
        const api = 'collection.get';
        this.roundTrip('reads');
        const limit = state.limit ?? GET_DEFAULT_LIMIT;
        if (limit > GET_MAX_LIMIT) {
          throw invalidParam(
            api,
            `limit 不能大于 ${GET_MAX_LIMIT} (limit must not exceed ${GET_MAX_LIMIT})`,
          );
        }
        const projection = state.projection === null ? null : toProjection(api, state.projection);
        const collection = this.storedCollection(api, name);
        const criteria =
          state.condition === undefined ? {} : translateWhere(state.condition, this.ctx(api));
        // A compound index in the order asked for reads one page, not every match (indexes.json).
        const walked =
          state.orders.length > 0
            ? collection.findOrdered(criteria, state.orders, state.skip + limit)
            : null;
        let page: Doc[];
        if (walked) page = walked.slice(state.skip);
        else {
          let cursor = find(collection.find(criteria), {});
          if (state.orders.length > 0) cursor = cursor.sort(Object.fromEntries(state.orders));
          page = cursor.skip(state.skip).limit(limit).all() as Doc[];
        }
        return { data: cloneValue(project(api, page, projection)), errMsg: `${api}:ok` };
      },
      count: async () => {
        const api = 'collection.count';
        this.roundTrip('reads');
        const collection = this.storedCollection(api, name);
        const criteria =
          state.condition === undefined ? {} : translateWhere(state.condition, this.ctx(api));
        return { total: collection.count(criteria), errMsg: `${api}:ok` };
      },
      update: async (options) => {
        const api = 'collection.update';
        this.roundTrip('writes');
        const modifier = translateUpdate(options?.data, this.ctx(api));
        const ops: JournalOp[] = [];
        for (const doc of this.match(api, name, state.condition)) {
          const changed = modified(api, doc, modifier);
          if (changed) ops.push({ t: 'put', c: name, d: changed });
        }
        this.store.commit(ops);
        return { stats: { updated: ops.length }, errMsg: `${api}:ok` };
      },
      remove: async () => {
        const api = 'collection.remove';
        this.roundTrip('writes');
        const ops: JournalOp[] = this.match(api, name, state.condition).map((doc) => ({
          t: 'del',
          c: name,
          id: doc._id,
        }));
        this.store.commit(ops);
        return { stats: { removed: ops.length }, errMsg: `${api}:ok` };
      },
    };
  }

  private match(api: string, name: string, condition: unknown): StoredDoc[] {
    const collection = this.storedCollection(api, name);
    const criteria = condition === undefined ? {} : translateWhere(condition, this.ctx(api));
    return collection.find(criteria);
  }

  private docRef(
    name: string,
    id: unknown,
    projection: unknown,
    throwOnNotFound: boolean,
  ): WxServerSdk.DocumentReference {
    const check = (api: string): StoredCollection => {
      if ((typeof id !== 'string' || id === '') && typeof id !== 'number') {
        throw invalidParam(api, `doc 的 _id 无效: ${String(id)} (invalid document id)`);
      }
      return this.storedCollection(api, name);
    };
    const key = String(id);
    return {
      field: (fields) => this.docRef(name, id, fields, throwOnNotFound),
      get: async () => {
        const api = 'document.get';
        this.roundTrip('reads');
        const doc = check(api).docs.get(key);
        if (!doc) {
          if (!throwOnNotFound) return { data: null as unknown as Doc, errMsg: `${api}:ok` };
          throw notFound(api, key);
        }
        const shaped = project(
          api,
          [doc],
          projection === null ? null : toProjection(api, projection),
        );
        return { data: cloneValue(shaped[0] as Doc), errMsg: `${api}:ok` };
      },
      set: async (options) => {
        const api = 'document.set';
        this.roundTrip('writes');
        const collection = check(api);
        const doc = this.replacement(api, key, options?.data);
        const previous = collection.docs.get(key);
        // Document.set docs: updated is 1 whenever the _id existed (unlike update, even if unchanged).
        if (!previous || !sameValue(previous, doc))
          this.store.commit([{ t: 'put', c: name, d: doc }]);
        return {
          _id: key,
          stats: { updated: previous ? 1 : 0, created: previous ? 0 : 1 },
          errMsg: `${api}:ok`,
        };
      },
      update: async (options) => {
        const api = 'document.update';
        this.roundTrip('writes');
        const collection = check(api);
        const modifier = translateUpdate(options?.data, this.ctx(api));
        const doc = collection.docs.get(key);
        const changed = doc ? modified(api, doc, modifier) : null;
        if (changed) this.store.commit([{ t: 'put', c: name, d: changed }]);
        return { stats: { updated: changed ? 1 : 0 }, errMsg: `${api}:ok` };
      },
      remove: async () => {
        const api = 'document.remove';
        this.roundTrip('writes');
        const exists = check(api).docs.has(key);
        if (exists) this.store.commit([{ t: 'del', c: name, id: key }]);
        return { stats: { removed: exists ? 1 : 0 }, errMsg: `${api}:ok` };
      },
    };
  }

  /** `set` replaces the whole document; operators are not allowed in it. */
  private replacement(api: string, id: string, data: unknown): StoredDoc {
    if (!isPlainObject(data)) throw invalidParam(api, 'data 必须是对象 (data must be an object)');
    if ('_id' in data && data._id !== id)
      throw invalidParam(api, '不能更改 _id (cannot change _id)');
    const resolved = resolveValue(data, this.ctx(api), 'set') as Doc;
    return { ...resolved, _id: id };
  }

  // ------------------------------------------------------------ aggregate

  private aggregateRef(name: string, stages: Doc[]): WxServerSdk.Aggregate {
    const api = 'collection.aggregate';
    const add = (stage: string, spec: unknown) =>
      this.aggregateRef(name, [...stages, { [stage]: spec }]);
    const positive = (stage: string, n: unknown, allowZero: boolean) => {
      if (!isNonNegativeInteger(n) || (!allowZero && n === 0)) {
        throw invalidParam(
          api,
          `${stage} 必须是${allowZero ? '非负' : '正'}整数 (${stage} expects an integer)`,
        );
      }
      return n;
    };
    const builder = {
      match: (condition: unknown) => add('$match', condition),
      group: (spec: Doc) => {
        if (!isPlainObject(spec) || !('_id' in spec))
          throw invalidParam(api, 'group 必须包含 _id (group needs _id)');
        return add('$group', spec);
      },
      sort: (spec: Record<string, 1 | -1>) => {
        if (!isPlainObject(spec) || !Object.values(spec).every((v) => v === 1 || v === -1)) {
          throw invalidParam(api, 'sort 的值只能是 1 或 -1 (sort values must be 1 or -1)');
        }
        return add('$sort', spec);
      },
      project: (spec: Doc) => add('$project', spec),
      addFields: (spec: Doc) => add('$addFields', spec),
      unwind: (spec: string | Doc) => add('$unwind', spec),
      count: (field: string) => {
        if (typeof field !== 'string' || field === '' || field.startsWith('$')) {
          throw invalidParam(api, 'count 需要输出字段名 (count expects a field name)');
        }
        return add('$count', field);
      },
      limit: (n: number) => add('$limit', positive('limit', n, false)),
      skip: (n: number) => add('$skip', positive('skip', n, true)),
      replaceRoot: (spec: Doc) => add('$replaceRoot', spec),
      sortByCount: (spec: unknown) => add('$sortByCount', spec),
      end: async () => {
        this.roundTrip('reads');
        const collection = this.storedCollection(api, name);
        const ctx = this.ctx(api);
        const pipeline = stages.map((stage) => {
          const [op, spec] = Object.entries(stage)[0] as [string, unknown];
          return {
            [op]: op === '$match' ? translateWhere(spec, ctx) : translateExpression(spec, ctx),
          };
        });
        if (!pipeline.some((stage) => '$limit' in stage))
          pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT });
        // A leading match is answered from the indexes.
        const first = pipeline[0];
        const source =
          first && '$match' in first ? collection.find(first.$match as Doc) : collection.all();
        const rest = first && '$match' in first ? pipeline.slice(1) : pipeline;
        try {
          return { list: runPipeline(source, rest), errMsg: `${api}:ok` };
        } catch (error) {
          if (error instanceof CloudSdkError) throw error;
          throw invalidParam(api, `聚合失败: ${(error as Error).message}`);
        }
      },
    };
    return builder as WxServerSdk.Aggregate;
  }

  // ------------------------------------------------------------ transactions

  /**
   * Optimistic transactions: reads and writes go to a private snapshot; at commit every touched
   * document must still have the revision it had when first touched, else the body runs again
   * (up to `retries` times, as the SDK's `runTransaction`). The check and the durable batch write
   * run synchronously, so two transactions on one document can never both commit.
   */
  private async runTransaction<T>(
    body: (transaction: WxServerSdk.Transaction) => Promise<T>,
    retries: number,
    throwOnNotFound: boolean,
  ): Promise<T> {
    const attempts = Math.max(1, Math.floor(retries));
    for (let attempt = 1; ; attempt++) {
      const run = new TransactionRun(this, throwOnNotFound);
      let result: T;
      try {
        result = await body(run.handle());
        if (run.rollbackReason) throw run.rollbackReason;
        run.commit();
        return result;
      } catch (error) {
        if (error instanceof TransactionRollback) throw error.reason;
        if (error instanceof TransactionConflict) {
          if (attempt < attempts) continue;
          throw new CloudSdkError(
            ErrCode.TRANSACTION_CONFLICT,
            `database.runTransaction:fail ${ErrCode.TRANSACTION_CONFLICT} 事务冲突，已重试 ${attempts} 次 (transaction conflict after ${attempts} attempts)`,
          );
        }
        throw error;
      }
    }
  }

  /** Internal access for `TransactionRun`. */
  txnAccess() {
    return {
      store: this.store,
      collection: (api: string, name: string) => this.storedCollection(api, name),
      ctx: (api: string) => this.ctx(api),
      roundTrip: (kind: 'reads' | 'writes') => this.roundTrip(kind),
      newDocument: (api: string, data: unknown) => this.newDocument(api, data),
      replacement: (api: string, id: string, data: unknown) => this.replacement(api, id, data),
    };
  }
}

class TransactionRun {
  /** Revision of each touched document when first touched, keyed `collection\0id`. */
  private readonly seen = new Map<string, { name: string; id: string; revision: number }>();
  private readonly pending = new Map<string, { name: string; id: string; doc: StoredDoc | null }>();
  rollbackReason: TransactionRollback | null = null;
  private readonly access: ReturnType<LocalDatabase['txnAccess']>;

  constructor(
    database: LocalDatabase,
    private readonly throwOnNotFound: boolean,
  ) {
    this.access = database.txnAccess();
  }

  private touch(api: string, name: string, id: string): StoredDoc | null {
    const collection = this.access.collection(api, name);
    const key = `${name}\u0000${id}`;
    if (!this.seen.has(key)) this.seen.set(key, { name, id, revision: collection.revision(id) });
    const pending = this.pending.get(key);
    if (pending) return pending.doc;
    return collection.docs.get(id) ?? null;
  }

  private stage(name: string, id: string, doc: StoredDoc | null): void {
    this.pending.set(`${name}\u0000${id}`, { name, id, doc });
  }

  private guard(): void {
    if (this.rollbackReason) throw this.rollbackReason;
  }

  handle(): WxServerSdk.Transaction {
    return {
      collection: (name: string) => ({
        doc: (id: string) => this.doc(name, String(id)),
        add: async (options: { data: Doc }) => {
          const api = 'transaction.add';
          this.guard();
          this.access.roundTrip('writes');
          const doc = this.access.newDocument(api, options?.data);
          if (this.touch(api, name, doc._id)) throw duplicateId(api, name, doc._id);
          this.stage(name, doc._id, doc);
          return { _id: doc._id };
        },
      }),
      rollback: async (reason?: unknown) => {
        this.rollbackReason = new TransactionRollback(reason);
        throw this.rollbackReason;
      },
    };
  }

  private doc(name: string, id: string): WxServerSdk.TransactionDocument {
    return {
      get: async () => {
        const api = 'document.get';
        this.guard();
        this.access.roundTrip('reads');
        const doc = this.touch(api, name, id);
        if (!doc) {
          if (!this.throwOnNotFound) return { data: null as unknown as Doc };
          throw notFound(api, id);
        }
        return { data: cloneValue(doc) };
      },
      set: async (options: { data: Doc }) => {
        const api = 'document.set';
        this.guard();
        this.access.roundTrip('writes');
        const previous = this.touch(api, name, id);
        this.stage(name, id, this.access.replacement(api, id, options?.data));
        return { stats: { updated: previous ? 1 : 0, created: previous ? 0 : 1 } };
      },
      update: async (options: { data: Doc }) => {
        const api = 'document.update';
        this.guard();
        this.access.roundTrip('writes');
        const modifier = translateUpdate(options?.data, this.access.ctx(api));
        const previous = this.touch(api, name, id);
        const changed = previous ? modified(api, previous, modifier) : null;
        if (changed) this.stage(name, id, changed);
        return { stats: { updated: changed ? 1 : 0 } };
      },
      remove: async () => {
        const api = 'document.remove';
        this.guard();
        this.access.roundTrip('writes');
        const previous = this.touch(api, name, id);
        if (previous) this.stage(name, id, null);
        return { stats: { removed: previous ? 1 : 0 } };
      },
    };
  }

  commit(): void {
    for (const { name, id, revision } of this.seen.values()) {
      if (this.access.store.collection(name).revision(id) !== revision)
        throw new TransactionConflict();
    }
    const ops: JournalOp[] = [...this.pending.values()].map(({ name, id, doc }) =>
      doc ? { t: 'put', c: name, d: doc } : { t: 'del', c: name, id },
    );
    this.access.store.commit(ops);
  }
}

function notFound(api: string, id: string): CloudSdkError {
  return new CloudSdkError(ErrCode.SDK_FAIL, `${api}:fail document with _id ${id} does not exist`);
}

function duplicateId(api: string, collection: string, id: string): CloudSdkError {
  return new CloudSdkError(
    ErrCode.DATABASE_REQUEST_FAILED,
    `${api}:fail ${ErrCode.DATABASE_REQUEST_FAILED} database request fail. [FailedOperation] E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: "${id}" }`,
  );
}
