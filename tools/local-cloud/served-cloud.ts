import type { FunctionRegistry } from './function-registry';
import type { RoundTrips } from './invocation-context';
import type { SdkBackend } from './sdk-wire';
import type { StoredFileInfo } from './storage';
import type { OutboxEntry, Template } from './subscribe-message';
import type { TimerRun } from './timers';

/** WeChat Cloud's HTTP-access event (HTTP 访问服务 → 云函数): the request as the function sees it. */
export interface HttpAccessEvent {
  path: string;
  httpMethod: string;
  /** Header names in lower case; a repeated header's last value (all of them in multiValueHeaders). */
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters: Record<string, string>;
  requestContext: Record<string, unknown>;
  body: string;
  isBase64Encoded: boolean;
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
  /** Bytes in the journals since the last snapshot (what the next start replays besides it). */
  journalBytes: number;
  invocations: number;
  /** Function instances started (cold starts), each a worker thread. */
  instances: number;
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

/**
 * What the HTTP interface (`http-server.ts`) serves: the local cloud as that server sees it.
 * `LocalCloud` implements it; the server depends on this, not on the class.
 */
export interface ServedCloud {
  readonly functions: Pick<FunctionRegistry, 'has'>;
  readonly clock: LocalCloudClock;
  readonly logger: Pick<Console, 'error'>;
  sdkBackend(): SdkBackend;
  invokeWithStats(
    name: string,
    event: unknown,
    options?: InvokeOptions,
  ): Promise<InvocationOutcome>;
  invokeHttp(
    name: string,
    event: HttpAccessEvent,
    options?: { clientIp?: string },
  ): Promise<unknown>;
  upload(cloudPath: string, content: Uint8Array, openid?: string): Promise<StoredFileInfo>;
  readFile(fileID: string): Buffer | null;
  triggers(): { functionName: string; triggerName: string; cron: string }[];
  fireTrigger(name: string): Promise<TimerRun[]>;
  allCredits(): { openid: string; templateId: string; count: number }[];
  hasTemplate(templateId: string): boolean;
  grantCredits(openid: string, templateId: string, count: number): Promise<number>;
  outbox(): OutboxEntry[];
  templates(): Template[];
  stats(): LocalCloudStats;
  reset(): Promise<void>;
}
