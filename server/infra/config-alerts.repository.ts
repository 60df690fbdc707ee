import type { ConfigAlertsRepository } from '../app/ports';

/**
 * `config_alerts`: what admins must fix in the settings or the WeChat console (a wrong template
 * id, a field that does not fit, a bad OPENID). One document per (template, errCode), so a
 * misconfiguration that hits a thousand reminders is one document, kept at its latest case.
 */
export function configAlertsRepository(db: WxServerSdk.Database): ConfigAlertsRepository {
  return {
    async raise(alert) {
      await db
        .collection('config_alerts')
        .doc(`${alert.templateId || alert.kind}:${alert.errCode}`)
        .set({ data: { ...alert, resolved: false } });
    },
  };
}
