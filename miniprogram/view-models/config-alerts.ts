import type { ActionResult } from '../../server/contract';
import { formatInstant } from './beijing-time';

type Alert = ActionResult<'admin.configAlerts'>['alerts'][number];

export interface ConfigAlertRow {
  id: string;
  title: string;
  fix: string;
  detail: string;
  /** 最近一次：2027-03-01 10:00 (Beijing) */
  when: string;
  resolved: boolean;
}

/** The server's alerts as rows: the open ones first, each newest first as the server sent them. */
export function configAlertRows(alerts: readonly Alert[]): ConfigAlertRow[] {
  const rows = alerts.map((alert) => ({
    id: alert.id,
    title: alert.title,
    fix: alert.fix,
    detail: alert.detail,
    when: `最近一次：${formatInstant(alert.at)}`,
    resolved: alert.resolved,
  }));
  return [...rows.filter((row) => !row.resolved), ...rows.filter((row) => row.resolved)];
}
