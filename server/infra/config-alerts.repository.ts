import type {
  ConfigAlert,
  ConfigAlertsRepository,
  StoredConfigAlert,
} from '../app/ports/config-alerts.port';

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
  const alerts = () => db.collection('config_alerts');
  return {
    async raise(alert) {
      await alerts()
        .doc(alertId(alert))
        .set({ data: { ...alert, resolved: false } });
    },
    async latest(limit) {
      const { data } = await alerts().orderBy('at', 'desc').limit(limit).get();
      return data.map(({ _id, ...alert }) => ({ ...alert, id: String(_id) }) as StoredConfigAlert);
    },
    async resolve(id, by, at) {
      const { stats } = await alerts()
        .where({ _id: id })
        .update({ data: { resolved: true, resolvedBy: by, resolvedAt: at } });
      return stats.updated === 1;
    },
  };
}
