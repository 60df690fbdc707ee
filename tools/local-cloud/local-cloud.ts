import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Server } from 'node:http';
import type { CloudFunctionMain } from '../../server/infra/function-deps';
import { CloudSdkError } from './cloud-error';
import { LocalClock } from './clock';
import { CronSchedule } from './cron-schedule';
import { LocalDatabase } from './database';
import { DocumentStore, type IndexSpec } from './document-store';
import { FunctionRegistry } from './function-registry';
import { createHttpServer } from './http-server';
import { invocations, type Invocation, type RoundTrips } from './invocation-context';
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
}

export interface InvokeOptions {
  /** The caller's OPENID (HTTP header `x-wx-openid`); absent for an anonymous call. */
  openid?: string;
  clientIp?: string;
}

export interface InvocationOutcome {
  result: unknown;
  /** Database round trips this invocation made. */
  roundTrips: RoundTrips;
}

export interface LocalCloudStats {
  /** Database read round trips since start, all invocations. */
  reads: number;
  /** Database write round trips since start (attempted writes included). */
  writes: number;
  /** Durable journal writes since start (database, storage metadata, outbox, credits). */
  mutations: number;
  invocations: number;
}

export interface LocalCloudClock {
  now(): Date;
  /** True once set; false in real time. */
  readonly isFrozen: boolean;
  /** `{ now }`: jump there, firing nothing. */
  jump(now: Date): Promise<void>;
  /** `{ advanceMs }`: fire every tick on the way, in order, the clock at each tick. */
  advance(ms: number): Promise<TimerRun[]>;
}

export class UnknownFunctionError extends Error {
  constructor(readonly functionName: string) {
    super(`云函数不存在 (function not found): ${functionName}`);
  }
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
 * The local cloud: runs the functions of `functionsDir` on a local implementation of the
 * wx-server-sdk surface (database, storage, subscription messages, context), with a settable
 * clock and the functions' timer triggers. See README.md.
 */
export class LocalCloud {
  readonly functions: FunctionRegistry;
  readonly cloud: WxServerSdk.Cloud;
  readonly clock: LocalCloudClock;
  readonly logger: Pick<Console, 'error'>;
  private readonly localClock = new LocalClock();
  private readonly store: DocumentStore;
  private readonly database: LocalDatabase;
  private readonly storage: LocalStorage;
  private readonly messages: SubscribeMessages;
  private readonly timers: Timers;
  private readonly mains = new Map<string, CloudFunctionMain>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly env: Readonly<Record<string, string | undefined>>;
  private readonly envId: string;
  private readonly realTimeTimers: boolean;
  private resetting: Promise<void> | null = null;
  private invocationCount = 0;
  private server: Server | null = null;
  private baseUrl = 'http://127.0.0.1';

  constructor(options: LocalCloudOptions) {
    const templates = loadTemplates(
      options.templatesPath ?? path.join(__dirname, 'templates.json'),
    );
    this.env = { ...templateEnv(templates), ...options.env };
    this.logger = options.logger ?? console;
    this.envId = options.envId ?? 'lizhitong';
    this.realTimeTimers = options.realTimeTimers ?? true;
    this.functions = new FunctionRegistry(
      options.functionsDir ?? path.join(REPO_ROOT, 'cloudfunctions'),
    );
    this.store = new DocumentStore(options.dataDir, readIndexes(options.indexes));
    const now = () => this.localClock.now();
    this.database = new LocalDatabase(this.store, this.localClock);
    this.storage = new LocalStorage(
      options.dataDir,
      this.envId,
      this.store,
      now,
      () => this.baseUrl,
    );
    this.messages = new SubscribeMessages(templates, this.store, now);
    this.timers = new Timers(this.loadTriggers(), this.localClock, (trigger, time) =>
      this.runTimer(trigger, time),
    );
    this.cloud = this.createCloud();
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
    if (this.realTimeTimers) this.timers.start();
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

  /** The object each function receives as `deps.cloud`. */
  private createCloud(): WxServerSdk.Cloud {
    return {
      database: (options) => this.database.handle(options),
      getWXContext: () => ({
        ...(invocations.getStore()?.wxContext ?? { SOURCE: '', ENV: this.envId }),
      }),
      ...this.storage.api(),
      openapi: { subscribeMessage: { send: (params) => this.sendMessage(params) } },
    };
  }

  /**
   * Cloud calls (云调用) need the API in the calling function's `config.json`
   * `permissions.openapi`; without it WeChat refuses the call before it reaches the API.
   */
  private async sendMessage(params: WxServerSdk.SubscribeMessageSendParams) {
    const caller = invocations.getStore()?.functionName;
    const allowed =
      caller === undefined ||
      this.functions.config(caller).permissions?.openapi?.includes('subscribeMessage.send');
    if (!allowed) {
      throw new CloudSdkError(
        -604101,
        `openapi.subscribeMessage.send:fail -604101 function has no permission to call this API (${caller}/config.json 缺少 permissions.openapi: ["subscribeMessage.send"])`,
      );
    }
    return this.messages.send(params);
  }

  private main(name: string): CloudFunctionMain {
    let main = this.mains.get(name);
    if (!main) {
      main = this.functions.create(name, {
        cloud: this.cloud,
        clock: this.localClock,
        env: this.env,
      });
      this.mains.set(name, main);
    }
    return main;
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
      invocations.run(invocation, async () => {
        const result = await this.main(name)(event, context);
        return { result, roundTrips: { ...invocation.roundTrips } };
      }),
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
      ...this.database.counters,
      mutations: this.store.mutations,
      invocations: this.invocationCount,
    };
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
        this.store.clear();
        this.storage.clear();
        this.mains.clear();
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
    options: { beforeListen?: (cloud: LocalCloud) => Promise<void> } = {},
  ): Promise<{ port: number; url: string }> {
    if (!['127.0.0.1', 'localhost', '::1'].includes(host)) {
      throw new Error(`the local cloud listens on loopback only, not ${host}`);
    }
    if (this.server) throw new Error('already listening');
    if (options.beforeListen) await options.beforeListen(this);
    const server = createHttpServer(this);
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

  get url(): string {
    return this.baseUrl;
  }

  /** Stops timers, waits for runs in flight, closes the HTTP server and the journal. */
  async close(): Promise<void> {
    this.timers.stop();
    await this.timers.idle();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
    const server = this.server;
    this.server = null;
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
    this.store.close();
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

export function createLocalCloud(options: LocalCloudOptions): LocalCloud {
  return new LocalCloud(options);
}
