import { toInstant } from '../domain/beijing-calendar';
import { PRIVACY_DECLARATIONS } from '../domain/private-apis';
import { ok } from './outcome';
import type { ConfigAlertsRepository } from './ports/config-alerts.port';
import type { Handler } from './rpc-handler';

/**
 * `privacy.report`: a client could not call a private API because 用户隐私保护指引 does not
 * declare it (errno 112). No user can fix that; the MP admin must, so it becomes a
 * configuration alert. Every report of the same API lands on the same alert document (latest
 * reporter and time), so a thousand taps are still one alert.
 */
export function privacyHandlers(deps: { readonly configAlerts: ConfigAlertsRepository }): {
  'privacy.report': Handler<'privacy.report'>;
} {
  return {
    async 'privacy.report'({ caller, now }, { api, errno }) {
      await deps.configAlerts.raise({
        source: 'privacy',
        api,
        errno,
        declaration: PRIVACY_DECLARATIONS[api],
        reportedBy: caller.employee?.employeeNo ?? caller.openid,
        at: toInstant(now),
      });
      return ok({ recorded: true });
    },
  };
}
