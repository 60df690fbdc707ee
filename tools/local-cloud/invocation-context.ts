import { AsyncLocalStorage } from 'node:async_hooks';

/** Database round trips made by one invocation, reads and writes apart. */
export interface RoundTrips {
  reads: number;
  writes: number;
}

/** What one function run sees: its WeChat context and its own counters. */
export interface Invocation {
  functionName: string;
  wxContext: WxServerSdk.WXContext;
  roundTrips: RoundTrips;
}

/**
 * Functions share one cloud object per local cloud, as module-level `cloud` is shared on WeChat;
 * AsyncLocalStorage gives each concurrent run its own `getWXContext()` and counters.
 */
export const invocations = new AsyncLocalStorage<Invocation>();

export function currentInvocation(): Invocation | undefined {
  return invocations.getStore();
}
