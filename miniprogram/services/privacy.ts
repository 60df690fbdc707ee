import type { PrivateApi } from '../../server/contract';
import { failureKind, PRIVACY_TEXTS } from '../view-models/privacy-failure';
import { ask } from './feedback';
import { call } from './rpc';

export type PrivateCall<T> =
  { status: 'ok'; value: T } | { status: 'cancelled' } | { status: 'failed'; message: string };

// Reported once per API while the app runs: one tap or a hundred, the admins need one alert.
const reported = new Set<PrivateApi>();

/** errno 112: tells the admins through `privacy.report`; best effort, never in the way. */
async function reportUndeclared(api: PrivateApi): Promise<void> {
  if (reported.has(api)) return;
  reported.add(api);
  const reply = await call('privacy.report', { api, errno: 112 });
  // Not recorded (offline): the next failure tries again.
  if (!reply.ok) reported.delete(api);
}

/**
 * Runs a private API (2023 privacy rules) and tells its outcomes apart: a cancel says
 * nothing; a refused privacy pop-up (errno 104) offers once to ask again, which shows the
 * pop-up again; an API missing from 用户隐私保护指引 (errno 112) cannot be fixed by the user,
 * so they are told whom to ask and the admins get a configuration alert.
 */
export async function callPrivateApi<T>(
  api: PrivateApi,
  run: () => Promise<T>,
): Promise<PrivateCall<T>> {
  const texts = PRIVACY_TEXTS[api];
  for (let asked = false; ; asked = true) {
    try {
      return { status: 'ok', value: await run() };
    } catch (error) {
      switch (failureKind(error)) {
        case 'cancelled':
          return { status: 'cancelled' };
        case 'undeclared':
          await reportUndeclared(api);
          return { status: 'failed', message: texts.undeclared };
        case 'refused':
          if (!asked && (await ask('需要你的授权', texts.askAgain, '重新授权'))) continue;
          return { status: 'failed', message: texts.refused };
        case 'failed':
          return { status: 'failed', message: texts.failed };
      }
    }
  }
}
