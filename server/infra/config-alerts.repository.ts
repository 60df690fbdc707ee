import type { ConfigAlert, ConfigAlertsRepository } from '../app/ports';

/** The alert's document id: the same fault always lands on the same document. */
function alertId(alert: ConfigAlert): string {
  if (alert.source === 'privacy') return `privacy:${alert.api}:${alert.errno}`;
  return `${alert.templateId || alert.kind}:${alert.errCode}`;
}

/**
 * `config_alerts`: what admins must fix in the settings or the WeChat console (a wrong template
 * id, a field that does not fit, a bad OPENID, a private API missing from 用户隐私保护指引). One
 * document per (template, errCode) or (API, errno), so a misconfiguration that hits a thousand
 * reminders or taps is one document, kept at its latest occurrence.
 */
export function configAlertsRepository(db: WxServerSdk.Database): ConfigAlertsRepository {
  return {
    async raise(alert) {
      await db
        .collection('config_alerts')
        .doc(alertId(alert))
        .set({ data: { ...alert, resolved: false } });
    },
  };
}
