import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Server } from 'node:http';
import type wxServerSdk from 'wx-server-sdk';
import { UnknownFunctionError } from './cloud-error';
import { LocalClock } from './clock';
import { CronSchedule } from './cron-schedule';
import { LocalDatabase } from './database';
import { DocumentStore, type IndexSpec } from './document-store';
import { FunctionHost } from './function-host';
import { FunctionRegistry } from './function-registry';
import { createHttpServer, type FallbackHandler } from './http-server';
import type {
  HttpAccessEvent,
  InvocationOutcome,
  InvokeOptions,
  LocalCloudClock,
  LocalCloudStats,
  ServedCloud,
} from './served-cloud';
import type { Invocation, RoundTrips } from './invocation-context';
import { COS_PATH, SDK_PATH, type CloudCallFault, type SdkBackend } from './sdk-wire';
import { LocalStorage, type StoredFileInfo } from './storage';
import {
  loadTemplates,
  SubscribeMessages,
  templateEnv,
  type OutboxEntry,
  type Template,
} from './subscribe-message';
import { Timers, type TimerRun, type TimerTrigger } from './timers';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** The local "app": what `getWXContext().APPID` and `event.userInfo.appId` say. */
export type {
  HttpAccessEvent,
  InvocationOutcome,
  InvokeOptions,
  LocalCloudClock,
  LocalCloudStats,
} from './served-cloud';

export const LOCAL_APPID = 'wxlocal0000000000';

export interface LocalCloudOptions {
  /** The data folder (journal and files); created if missing. */
  dataDir: string;
  /** Default `<repo>/cloudfunctions`. */
  functionsDir?: string;
  /**
   * Environment variables the functions receive (`deps.env`), e.g. `ADMIN_OPENIDS`;
   * `TEMPLATE_IDS`/`TEMPLATE_FIELDS` default to the template registry's.
   */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default `tools/local-cloud/templates.json`. */
  templatesPath?: string;
  /** Indexes per collection (a field, or an array of fields for a compound index), added to `tools/local-cloud/indexes.json`. */
  indexes?: Readonly<Record<string, readonly IndexSpec[]>>;
  /** The environment id in file ids: `cloud://local.<envId>/…`. Default `lizhitong`. */
  envId?: string;
  /** Fire timers in real time while the clock is not set. Default true. */
  realTimeTimers?: boolean;
  /** Where failures of functions and timer runs are logged (with their stacks). Default console. */
  logger?: Pick<Console, 'error'>;
  /**
   * Up to this many milliseconds of random delay before each SDK answer, so that concurrent
   * calls interleave differently from run to run. Default 0.
   */
  jitterMs?: number;
}

function readIndexes(extra: LocalCloudOptions['indexes']): Record<string, IndexSpec[]> {
  const file = path.join(__dirname, 'indexes.json');
  const declared = (
    JSON.parse(fs.readFileSync(file, 'utf8')) as { collections: Record<string, IndexSpec[]> }
  ).collections;
  const merged: Record<string, IndexSpec[]> = { ...declared };
  for (const [name, fields] of Object.entries(extra ?? {})) {
    merged[name] = [...new Set([...(merged[name] ?? []), ...fields])];
  }
  return merged;
}

/**
 * The local cloud: runs the functions of `functionsDir` on the real wx-server-sdk, each instance
 * in its own worker thread, and answers the SDK's wire protocol (database, storage, subscription
 * messages) with WeChat's semantics and limits; with a settable clock and the functions' timer
 * triggers. Made by `createLocalCloud`, which opens the SDK's endpoint first. See README.md.
 */
export class LocalCloud implements ServedCloud {
  readonly functions: FunctionRegistry;
  readonly clock: LocalCloudClock;
  readonly logger: Pick<Console, 'error'>;
  private readonly localClock = new LocalClock();
  private readonly store: DocumentStore;
  private readonly database: LocalDatabase;
  private readonly storage: LocalStorage;
  private readonly messages: SubscribeMessages;
  private readonly timers: Timers;
  private readonly host: FunctionHost;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The run each busy instance is serving, by instance id (its SDK's URL names it). */
  private readonly running = new Map<string, Invocation>();
  private readonly counters: RoundTrips = { reads: 0, writes: 0 };
  private readonly env: Readonly<Record<string, string | undefined>>;
  private readonly envId: string;
  private readonly realTimeTimers: boolean;
  private readonly jitterMs: number;
  private resetting: Promise<void> | null = null;
  private invocationCount = 0;
  private server: Server | null = null;
  /** The loopback server the SDKs talk to; open from creation to close. */
  private sdkServer: Server | null = null;
  private sdkUrl = 'http://127.0.0.1';
  private baseUrl: string | null = null;
  private hostSdk: WxServerSdk.Cloud | null = null;
  private cloudCallFaults: ArmedFault<CloudCallFault> | null = null;
  private uploadFaults: ArmedFault<true> | null = null;

  constructor(options: LocalCloudOptions) {
    const templates = loadTemplates(
      options.templatesPath ?? path.join(__dirname, 'templates.json'),
    );
    this.env = { ...templateEnv(templates), ...options.env };
    this.logger = options.logger ?? console;
    this.envId = options.envId ?? 'lizhitong';
    this.realTimeTimers = options.realTimeTimers ?? true;
    this.jitterMs = options.jitterMs ?? 0;
    this.functions = new FunctionRegistry(
      options.functionsDir ?? path.join(REPO_ROOT, 'cloudfunctions'),
    );
    this.store = new DocumentStore(options.dataDir, readIndexes(options.indexes), {
      // The snapshot was not replaced; every write is still in the journals.
      onCompactionError: (error) =>
        this.logger.error('[local-cloud] compaction failed (no data lost):', error),
    });
    const now = () => this.localClock.now();
    this.database = new LocalDatabase(this.store, this.localClock);
    this.storage = new LocalStorage(
      options.dataDir,
      this.envId,
      this.store,
      now,
      () => this.baseUrl ?? this.sdkUrl,
      (cloudPath) => `${this.sdkUrl}${COS_PATH}${encodeURIComponent(cloudPath)}`,
    );
    this.messages = new SubscribeMessages(templates, this.store, now);
    this.host = new FunctionHost(
      this.envId,
      (instanceId) => `${this.sdkUrl}${SDK_PATH}${instanceId}/admin`,
      this.env,
    );
    this.timers = new Timers(this.loadTriggers(), this.localClock, (trigger, time) =>
      this.runTimer(trigger, time),
    );
    const localClock = this.localClock;
    this.clock = {
      now,
      get isFrozen() {
        return localClock.isFrozen;
      },
      jump: async (instant) => {
        await this.whenOpen();
        await this.timers.jump(instant);
      },
      advance: async (ms) => {
        await this.whenOpen();
        return this.timers.advance(ms);
      },
    };
  }

  /** Opens the SDK endpoint and starts the timers (`createLocalCloud` calls it). */
  async open(): Promise<void> {
    const server = createHttpServer(this);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.sdkServer = server;
    this.sdkUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (this.realTimeTimers) this.timers.start();
  }

  /**
   * A real wx-server-sdk for this process, pointed at this local cloud (tests and seeding use
   * it to read and write as a function would).
   */
  get cloud(): WxServerSdk.Cloud {
    if (!this.sdkServer) throw new Error('the local cloud is not open: use createLocalCloud()');
    this.hostSdk ??= connectSdk(this.envId, `${this.sdkUrl}${SDK_PATH}host/admin`);
    return this.hostSdk;
  }

  /** What the SDK wire (sdk-wire.ts) needs of this cloud. */
  sdkBackend(): SdkBackend {
    return {
      database: this.database,
      storage: this.storage,
      messages: this.messages,
      jitterMs: this.jitterMs,
      caller: (instanceId) => this.running.get(instanceId),
      countRoundTrip: (kind, caller) => {
        this.counters[kind]++;
        if (caller) caller.roundTrips[kind]++;
      },
      mayCall: (functionName, api) =>
        this.functions.config(functionName).permissions?.openapi?.includes(api) === true,
      takeCloudCallFault: () => takeFault(this.cloudCallFaults),
      takeUploadFault: () => takeFault(this.uploadFaults) !== null,
    };
  }

  /**
   * WeChat misbehaves for the next `times` cloud calls (`subscribeMessage.send`): `busy`
   * answers its "system error" (errcode -1), `network` drops the connection. `failed()` counts
   * the calls it spoiled, `restore()` ends it early.
   */
  failCloudCalls(
    fault: CloudCallFault,
    times = Number.POSITIVE_INFINITY,
  ): { failed(): number; restore(): void } {
    this.cloudCallFaults = { fault, left: times, failed: 0 };
    return faultControl(this.cloudCallFaults);
  }

  /** Storage refuses the next `times` uploads' bytes (COS answers AccessDenied). */
  failUploads(times = Number.POSITIVE_INFINITY): { failed(): number; restore(): void } {
    this.uploadFaults = { fault: true, left: times, failed: 0 };
    return faultControl(this.uploadFaults);
  }

  private loadTriggers(): TimerTrigger[] {
    return this.functions.names().flatMap((functionName) =>
      (this.functions.config(functionName).triggers ?? [])
        .filter((trigger) => trigger.type === 'timer')
        .map((trigger) => ({
          functionName,
          triggerName: trigger.name,
          schedule: new CronSchedule(trigger.config),
        })),
    );
  }

  /** Waits while a reset is running: nothing may start against half-emptied state. */
  private async whenOpen(): Promise<void> {
    while (this.resetting) await this.resetting;
  }

  private track<T>(run: Promise<T>): Promise<T> {
    this.inFlight.add(run);
    const done = () => this.inFlight.delete(run);
    run.then(done, done);
    return run;
  }

  private execute(
    name: string,
    event: unknown,
    wxContext: WxServerSdk.WXContext,
  ): Promise<InvocationOutcome> {
    if (!this.functions.has(name)) return Promise.reject(new UnknownFunctionError(String(name)));
    const invocation: Invocation = {
      functionName: name,
      wxContext,
      roundTrips: { reads: 0, writes: 0 },
    };
    this.invocationCount++;
    const context = { request_id: randomUUID(), function_name: name, function_version: '$LATEST' };
    return this.track(
      this.host
        .invoke({
          functionName: name,
          mainFile: this.functions.mainFile(name),
          event,
          context,
          wxContext,
          frozenAt: this.localClock.isFrozen ? this.localClock.now().getTime() : null,
          onStart: (instanceId) => this.running.set(instanceId, invocation),
          onEnd: (instanceId) => this.running.delete(instanceId),
        })
        .then((result) => ({ result, roundTrips: { ...invocation.roundTrips } })),
    );
  }

  /** Calls a function as a mini program user would (`SOURCE: 'wx_client'`). */
  async invokeWithStats(
    name: string,
    event: unknown,
    options: InvokeOptions = {},
  ): Promise<InvocationOutcome> {
    await this.whenOpen();
    const wxContext: WxServerSdk.WXContext = {
      SOURCE: 'wx_client',
      APPID: LOCAL_APPID,
      ENV: this.envId,
      ...(options.openid ? { OPENID: options.openid } : {}),
      ...(options.clientIp ? { CLIENTIP: options.clientIp } : {}),
    };
    // A client call's event carries `userInfo`, as on WeChat.
    const withUser =
      event !== null && typeof event === 'object' && !Array.isArray(event)
        ? { ...(event as object), userInfo: { appId: LOCAL_APPID, openId: options.openid } }
        : event;
    return this.execute(name, withUser, wxContext);
  }

  /**
   * Calls a function as WeChat Cloud's HTTP access service would: the event is the request
   * (`httpMethod`, lower-case `headers`, `body`, …), no OPENID (the caller is no WeChat user),
   * no `userInfo`; the result is the answer the service sends back.
   */
  async invokeHttp(
    name: string,
    event: HttpAccessEvent,
    options: { clientIp?: string } = {},
  ): Promise<unknown> {
    await this.whenOpen();
    const outcome = await this.execute(name, event, {
      SOURCE: 'wx_http',
      APPID: LOCAL_APPID,
      ENV: this.envId,
      ...(options.clientIp ? { CLIENTIP: options.clientIp } : {}),
    });
    return outcome.result;
  }

  async invoke(name: string, event: unknown, options: InvokeOptions = {}): Promise<unknown> {
    return (await this.invokeWithStats(name, event, options)).result;
  }

  /**
   * Runs a function as its timer would (no OPENID, `SOURCE: 'wx_trigger'`) without waiting for
   * other timer runs, so a test can start overlapping runs; `fireTrigger` runs them in turn.
   */
  async invokeAsTrigger(name: string, triggerName: string, time: Date): Promise<unknown> {
    await this.whenOpen();
    const iso = time.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const outcome = await this.execute(
      name,
      { Type: 'Timer', TriggerName: triggerName, Time: iso },
      { SOURCE: 'wx_trigger', APPID: LOCAL_APPID, ENV: this.envId },
    );
    return outcome.result;
  }

  /** A timer run: no OPENID, `SOURCE: 'wx_trigger'`, event `{ Type: 'Timer', TriggerName, Time }`. */
  private async runTimer(trigger: TimerTrigger, time: Date): Promise<TimerRun> {
    const iso = time.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const base = {
      functionName: trigger.functionName,
      triggerName: trigger.triggerName,
      time: iso,
    };
    try {
      await this.execute(
        trigger.functionName,
        { Type: 'Timer', TriggerName: trigger.triggerName, Time: iso },
        { SOURCE: 'wx_trigger', APPID: LOCAL_APPID, ENV: this.envId },
      );
      return { ...base, ok: true };
    } catch (error) {
      // On WeChat a failing timer run is only logged; the schedule goes on.
      this.logger.error(
        `[local-cloud] timer ${trigger.functionName}/${trigger.triggerName} at ${iso} failed:`,
        error,
      );
      return { ...base, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Fires a function's timer trigger now; resolves after the run (404 in HTTP if it has none). */
  async fireTrigger(name: string): Promise<TimerRun[]> {
    await this.whenOpen();
    if (!this.functions.has(name)) throw new UnknownFunctionError(String(name));
    return this.timers.fireNow(name);
  }

  triggers(): { functionName: string; triggerName: string; cron: string }[] {
    return this.timers.list().map((t) => ({
      functionName: t.functionName,
      triggerName: t.triggerName,
      cron: t.schedule.expression,
    }));
  }

  /** Credits on WeChat's side: what `count` "accept"s of a user give. */
  async grantCredits(openid: string, templateId: string, count: number): Promise<number> {
    await this.whenOpen();
    return this.messages.grant(openid, templateId, count);
  }

  credits(openid: string, templateId: string): number {
    return this.messages.credits(openid, templateId);
  }

  allCredits(): { openid: string; templateId: string; count: number }[] {
    return this.messages.allCredits();
  }

  hasTemplate(templateId: string): boolean {
    return this.messages.hasTemplate(templateId);
  }

  templates(): Template[] {
    return this.messages.listTemplates();
  }

  /** Every send attempt, oldest first. */
  outbox(): OutboxEntry[] {
    return this.messages.outbox();
  }

  /** Uploads a file as `openid` (the HTTP upload route, seeding). */
  async upload(cloudPath: string, content: Uint8Array, openid?: string): Promise<StoredFileInfo> {
    await this.whenOpen();
    return this.storage.upload(cloudPath, content, openid);
  }

  fileInfo(fileID: string): StoredFileInfo | null {
    return this.storage.info(fileID);
  }

  readFile(fileID: string): Buffer | null {
    return this.storage.read(fileID);
  }

  stats(): LocalCloudStats {
    return {
      ...this.counters,
      mutations: this.store.mutations,
      journalBytes: this.store.journalBytes,
      invocations: this.invocationCount,
      instances: this.host.started,
    };
  }

  /**
   * Writes a fresh snapshot of the data folder now, in the background (it also happens by itself
   * as the journal grows): calls go on meanwhile. Resolves once it is installed.
   */
  compact(): Promise<void> {
    return this.store.compact();
  }

  /**
   * Waits for runs in flight, then empties everything: data, files, outbox, credits, timer state,
   * cached function instances; the clock returns to real time. Never re-seeds.
   */
  reset(): Promise<void> {
    this.resetting ??= (async () => {
      try {
        this.timers.stop();
        await this.timers.idle();
        while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
        await this.host.stop();
        this.database.clear();
        this.store.clear();
        this.storage.clear();
        this.localClock.release();
        if (this.realTimeTimers) this.timers.start();
      } finally {
        this.resetting = null;
      }
    })();
    return this.resetting;
  }

  /**
   * Serves the HTTP interface (DESIGN §5) on a loopback address. `beforeListen` (e.g. the demo
   * seed) runs first: the port opens only after it finished.
   */
  async listen(
    port = 0,
    host = '127.0.0.1',
    options: {
      beforeListen?: (cloud: LocalCloud) => Promise<void>;
      /** Serves the GETs no API route takes (the web preview). */
      fallback?: FallbackHandler;
    } = {},
  ): Promise<{ port: number; url: string }> {
    if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
      throw new Error(`the local cloud listens on loopback only, not ${host}`);
    }
    if (this.server) throw new Error('already listening');
    if (options.beforeListen) await options.beforeListen(this);
    const server = createHttpServer(this, { fallback: options.fallback });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.server = server;
    const address = server.address() as AddressInfo;
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.baseUrl = `http://${shown}:${address.port}`;
    return { port: address.port, url: this.baseUrl };
  }

  /** The HTTP interface's base URL once `listen` opened it, else the SDK endpoint's. */
  get url(): string {
    return this.baseUrl ?? this.sdkUrl;
  }

  /**
   * Stops timers, waits for runs in flight, ends the function instances, closes the HTTP
   * server, the SDK endpoint and the journal.
   */
  async close(): Promise<void> {
    this.timers.stop();
    await this.timers.idle();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    await this.host.stop();
    for (const server of [this.server, this.sdkServer]) {
      if (!server) continue;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    this.server = null;
    this.sdkServer = null;
    await this.store.close();
  }
}

/** Ctrl-C (or SIGTERM) closes the cloud cleanly (runs finished, journal flushed), then exits. */
export function closeOnSignals(cloud: LocalCloud, announce?: () => void): void {
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    announce?.();
    void cloud.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

interface ArmedFault<T> {
  readonly fault: T;
  left: number;
  failed: number;
}

function takeFault<T>(armed: ArmedFault<T> | null): T | null {
  if (!armed || armed.left <= 0) return null;
  armed.left--;
  armed.failed++;
  return armed.fault;
}

function faultControl(armed: ArmedFault<unknown>): { failed(): number; restore(): void } {
  return {
    failed: () => armed.failed,
    restore: () => {
      armed.left = 0;
    },
  };
}

/** A local cloud, open: its SDK endpoint listens and its timers run. */
export async function createLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const cloud = new LocalCloud(options);
  await cloud.open();
  return cloud;
}

/**
 * A real wx-server-sdk instance bound to a local cloud's SDK endpoint. Dummy credentials: the
 * SDK refuses to start without them; `TENCENTCLOUD` keeps it from asking the cloud metadata
 * service which region it runs in (only 127.0.0.1 is ever contacted).
 */
function connectSdk(envId: string, serviceUrl: string): WxServerSdk.Cloud {
  process.env.TENCENTCLOUD ??= 'true';
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the real SDK, for the host process
  const sdk = require('wx-server-sdk') as typeof wxServerSdk;
  return sdk.createNewInstance({
    env: envId,
    serviceUrl,
    secretId: 'local',
    secretKey: 'local',
    keepalive: false,
  });
}
