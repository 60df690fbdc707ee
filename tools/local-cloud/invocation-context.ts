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
