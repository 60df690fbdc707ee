import type { Clock } from '../app/clock';

/** What a cloud function's `createMain` is wired with: the real SDK on WeChat, the local cloud here. */
export interface FunctionDeps {
  cloud: WxServerSdk.Cloud;
  clock: Clock;
  env: Readonly<Record<string, string | undefined>>;
}

export type CloudFunctionMain = (event: unknown, context?: unknown) => Promise<unknown>;

/** Admins without binding (DESIGN §2): the function's `ADMIN_OPENIDS`, comma separated. */
export function adminOpenids(env: FunctionDeps['env']): ReadonlySet<string> {
  return new Set(
    (env.ADMIN_OPENIDS ?? '')
      .split(',')
      .map((openid) => openid.trim())
      .filter(Boolean),
  );
}
