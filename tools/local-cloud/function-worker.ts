/**
 * One function instance, in its own worker thread: it wires the function's `createMain` with
 * the real wx-server-sdk (pointed at the local cloud's wire, as `TCB_CONTEXT_CNFG` does on
 * WeChat) and runs one invocation at a time. The SDK's `getWXContext()` reads the caller from
 * `process.env`, which is this thread's own: concurrent instances never see each other's caller.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type wxServerSdk from 'wx-server-sdk';
import type { CloudFunctionMain, FunctionDeps } from '../../server/infra/function-deps';

export interface InstanceData {
  /** The function's `src/main.ts`. */
  mainFile: string;
  /** The wire URL this instance's SDK calls (the local cloud tells instances apart by it). */
  serviceUrl: string;
  envId: string;
}

export interface InvokeMessage {
  id: number;
  event: unknown;
  context: Record<string, string>;
  wxContext: WxServerSdk.WXContext;
  /** The local clock: frozen at this instant, or real time when null. */
  frozenAt: number | null;
}

export type ResultMessage =
  /** The result as JSON text: it crosses to the caller as JSON, as on WeChat. */
  | { id: number; ok: true; json: string }
  | { id: number; ok: false; message: string; stack?: string };

const data = workerData as InstanceData;
let frozenAt: number | null = null;

// What the platform sets for a function: the SDK reads its environment and the caller from here.
Object.assign(process.env, {
  TENCENTCLOUD: 'true',
  TENCENTCLOUD_SECRETID: 'local',
  TENCENTCLOUD_SECRETKEY: 'local',
  TCB_ENV: data.envId,
  SCF_NAMESPACE: data.envId,
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: data.serviceUrl }),
});

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the instance loads the real SDK as a function does
const cloud = require('wx-server-sdk') as typeof wxServerSdk;
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the function's module, by path
const loaded = require(data.mainFile) as {
  createMain?: (deps: FunctionDeps) => CloudFunctionMain;
};
if (typeof loaded.createMain !== 'function') {
  throw new Error(`${data.mainFile} does not export createMain(deps)`);
}
const main = loaded.createMain({
  cloud,
  clock: { now: () => new Date(frozenAt ?? Date.now()) },
  env: process.env,
});

const CONTEXT_KEYS = ['OPENID', 'APPID', 'UNIONID', 'CLIENTIP'] as const;

/** The SDK reads only the keys `WX_CONTEXT_KEYS` lists: a caller's absent OPENID stays absent. */
function enterContext(wxContext: WxServerSdk.WXContext): void {
  const keys: string[] = [];
  for (const key of CONTEXT_KEYS) {
    const value = wxContext[key];
    if (value === undefined) continue;
    process.env[`WX_${key}`] = value;
    keys.push(`WX_${key}`);
  }
  process.env.WX_CONTEXT_KEYS = keys.join(',');
  process.env.TCB_SOURCE = wxContext.SOURCE;
}

parentPort?.on('message', (message: InvokeMessage) => {
  frozenAt = message.frozenAt;
  enterContext(message.wxContext);
  main(message.event, message.context).then(
    // A function's answer reaches its caller as JSON on WeChat (dates become strings).
    (result) =>
      parentPort?.postMessage({
        id: message.id,
        ok: true,
        json: JSON.stringify(result === undefined ? null : result),
      } as ResultMessage),
    (error: unknown) =>
      parentPort?.postMessage({
        id: message.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
      } as ResultMessage),
  );
});
parentPort?.postMessage('ready');
