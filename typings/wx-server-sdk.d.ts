/**
 * The subset of the wx-server-sdk 4.0 surface that the cloud functions use, typed as the real
 * SDK takes it (its own `index.d.ts`): where this file is narrower, it is on purpose (see
 * `Transaction`), never wider.
 *
 * Server code receives a `WxServerSdk.Cloud` as a parameter; only each function's
 * `src/index.ts` imports the real `wx-server-sdk`. The local cloud (`tools/local-cloud/`) runs
 * the functions on the real SDK and answers its wire protocol.
 */
declare namespace WxServerSdk {
  type Doc = Record<string, unknown>;

  interface WXContext {
    OPENID?: string;
    APPID?: string;
    UNIONID?: string;
    CLIENTIP?: string;
    /** `wx_client` for a mini program call, `wx_trigger` for a timer run. */
    SOURCE?: string;
    ENV?: string;
  }

  /** An operator built by `db.command` (query, update or aggregation expression). */
  interface CommandExpr {
    readonly __command: true;
    /** Query commands chain on one field: `_.gt(1).and(_.lt(5))`, `_.eq(0).or(_.gt(9))`. */
    and(...conditions: unknown[]): CommandExpr;
    or(...conditions: unknown[]): CommandExpr;
  }
  type Condition = Record<string, unknown>;

  interface AggregateCommand {
    sum(expr: unknown): CommandExpr;
    avg(expr: unknown): CommandExpr;
    min(expr: unknown): CommandExpr;
    max(expr: unknown): CommandExpr;
    first(expr: unknown): CommandExpr;
    last(expr: unknown): CommandExpr;
    push(expr: unknown): CommandExpr;
    addToSet(expr: unknown): CommandExpr;
    subtract(args: unknown[]): CommandExpr;
    add(args: unknown[]): CommandExpr;
    divide(args: unknown[]): CommandExpr;
    multiply(args: unknown[]): CommandExpr;
    cond(args: unknown): CommandExpr;
    eq(args: unknown[]): CommandExpr;
    neq(args: unknown[]): CommandExpr;
    gt(args: unknown[]): CommandExpr;
    gte(args: unknown[]): CommandExpr;
    lt(args: unknown[]): CommandExpr;
    lte(args: unknown[]): CommandExpr;
    and(args: unknown[]): CommandExpr;
    or(args: unknown[]): CommandExpr;
    in(args: unknown[]): CommandExpr;
    ifNull(args: unknown[]): CommandExpr;
    not(args: unknown[]): CommandExpr;
    substr(args: unknown[]): CommandExpr;
    size(expr: unknown): CommandExpr;
  }

  interface Command {
    eq(value: unknown): CommandExpr;
    neq(value: unknown): CommandExpr;
    lt(value: unknown): CommandExpr;
    lte(value: unknown): CommandExpr;
    gt(value: unknown): CommandExpr;
    gte(value: unknown): CommandExpr;
    in(values: unknown[]): CommandExpr;
    nin(values: unknown[]): CommandExpr;
    and(...conditions: unknown[]): CommandExpr;
    or(...conditions: unknown[]): CommandExpr;
    exists(exists: boolean): CommandExpr;
    elemMatch(condition: Condition | CommandExpr): CommandExpr;
    all(values: unknown[]): CommandExpr;
    size(size: number): CommandExpr;
    set(value: unknown): CommandExpr;
    remove(): CommandExpr;
    inc(by: number): CommandExpr;
    mul(by: number): CommandExpr;
    min(value: unknown): CommandExpr;
    max(value: unknown): CommandExpr;
    push(value: unknown): CommandExpr;
    pop(): CommandExpr;
    shift(): CommandExpr;
    unshift(value: unknown): CommandExpr;
    pull(condition: unknown): CommandExpr;
    pullAll(values: unknown[]): CommandExpr;
    addToSet(value: unknown): CommandExpr;
    readonly aggregate: AggregateCommand;
  }

  interface ServerDate {
    readonly __serverDate: true;
  }

  interface GetResult {
    data: Doc[];
    errMsg?: string;
  }
  interface UpdateResult {
    stats: { updated: number };
    errMsg?: string;
  }
  interface RemoveResult {
    stats: { removed: number };
    errMsg?: string;
  }

  interface Query {
    /** A plain object (nested objects match field by field) or a top-level `_.or([...])` / `_.and([...])`. */
    where(condition: Condition | CommandExpr): Query;
    orderBy(field: string, direction: 'asc' | 'desc'): Query;
    limit(n: number): Query;
    skip(n: number): Query;
    field(projection: Record<string, boolean | 0 | 1>): Query;
    get(): Promise<GetResult>;
    count(): Promise<{ total: number; errMsg?: string }>;
    update(options: { data: Doc }): Promise<UpdateResult>;
    remove(): Promise<RemoveResult>;
  }

  interface DocumentReference {
    field(projection: Record<string, boolean | 0 | 1>): DocumentReference;
    get(): Promise<{ data: Doc; errMsg?: string }>;
    set(options: {
      data: Doc;
    }): Promise<{ _id: string; stats: { updated: number; created: number } }>;
    update(options: { data: Doc }): Promise<UpdateResult>;
    remove(): Promise<RemoveResult>;
  }

  interface Aggregate {
    match(condition: Condition | CommandExpr): Aggregate;
    group(spec: Doc): Aggregate;
    sort(spec: Record<string, 1 | -1>): Aggregate;
    project(spec: Doc): Aggregate;
    addFields(spec: Doc): Aggregate;
    unwind(spec: string | Doc): Aggregate;
    count(field: string): Aggregate;
    limit(n: number): Aggregate;
    replaceRoot(spec: Doc): Aggregate;
    sortByCount(expr: unknown): Aggregate;
    skip(n: number): Aggregate;
    end(): Promise<{ list: Doc[]; errMsg?: string }>;
  }

  interface CollectionReference extends Query {
    doc(id: string): DocumentReference;
    add(options: { data: Doc }): Promise<{ _id: string; errMsg?: string }>;
    /** Several documents in one request: all are added, or none (a duplicate `_id` fails it). */
    add(options: { data: Doc[] }): Promise<{ ids: string[]; errMsg?: string }>;
    aggregate(): Aggregate;
  }

  /**
   * Inside a transaction only `doc()` operations and `add` exist, as on the platform. The real
   * SDK also offers `where()` there, but sends `where().update()`/`.remove()` without the
   * transaction id: they would run outside it, silently. This handle makes that unwritable
   * (tests/unit/infra/transaction-typing.test.ts).
   */
  interface TransactionDocument {
    get(): Promise<{ data: Doc }>;
    set(options: { data: Doc }): Promise<{ stats: { updated: number; created: number } }>;
    update(options: { data: Doc }): Promise<UpdateResult>;
    remove(): Promise<RemoveResult>;
  }
  interface TransactionCollection {
    doc(id: string): TransactionDocument;
    add(options: { data: Doc }): Promise<{ _id: string }>;
  }
  interface Transaction {
    collection(name: string): TransactionCollection;
    rollback(reason?: unknown): Promise<void>;
  }

  interface Database {
    collection(name: string): CollectionReference;
    readonly command: Command;
    serverDate(options?: { offset?: number }): ServerDate;
    runTransaction<T>(body: (transaction: Transaction) => Promise<T>, retries?: number): Promise<T>;
  }

  interface SubscribeMessageSendParams {
    touser: string;
    templateId: string;
    page?: string;
    data: Record<string, { value: string }>;
    miniprogramState?: 'developer' | 'trial' | 'formal';
    lang?: string;
  }

  interface Cloud {
    database(options?: { env?: string; throwOnNotFound?: boolean }): Database;
    getWXContext(): WXContext;
    /** The SDK refuses any other content than a `Buffer` (or an `fs.ReadStream`). */
    uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
    downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>;
    getTempFileURL(options: { fileList: string[] }): Promise<{
      fileList: { fileID: string; tempFileURL: string; status: number; errMsg: string }[];
    }>;
    deleteFile(options: { fileList: string[] }): Promise<{
      fileList: { fileID: string; status: number; errMsg: string }[];
    }>;
    openapi: {
      subscribeMessage: {
        /** Resolves with errCode 0; a WeChat error rejects with `{ errCode, errMsg }`. */
        send(params: SubscribeMessageSendParams): Promise<{ errCode: number; errMsg: string }>;
      };
      wxacode: {
        /**
         * A 小程序码 for a page with a `scene` (≤ 32 characters); the image comes back as a
         * buffer with its content type. Needs `wxacode.getUnlimited` in `permissions.openapi`.
         */
        getUnlimited(params: {
          scene: string;
          page?: string;
          checkPath?: boolean;
          envVersion?: 'release' | 'trial' | 'develop';
          width?: number;
        }): Promise<{ errCode: number; errMsg: string; contentType: string; buffer: Buffer }>;
      };
    };
  }
}

declare module 'wx-server-sdk' {
  interface InitOptions {
    env?: string | symbol;
    /** The SDK's endpoint (the local cloud's, in development); WeChat's by default. */
    serviceUrl?: string;
    secretId?: string;
    secretKey?: string;
    /** Reuse connections (the SDK's default off WeChat; inside a function it is off). */
    keepalive?: boolean;
  }
  const cloud: WxServerSdk.Cloud & {
    DYNAMIC_CURRENT_ENV: symbol;
    init(options?: InitOptions): void;
    /** Another SDK instance with its own configuration (the local cloud uses one per cloud). */
    createNewInstance(options: InitOptions): WxServerSdk.Cloud;
  };
  export = cloud;
}
