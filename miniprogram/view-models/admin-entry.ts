import type { Role } from '../../server/contract';

export type AdminPage =
  'stats' | 'terminate' | 'employee' | 'roster' | 'workshops' | 'trial-send' | 'config-alerts';

export interface AdminLink {
  page: AdminPage;
  label: string;
}

const LINKS: readonly AdminLink[] = [
  { page: 'stats', label: '统计分析' },
  { page: 'terminate', label: '发起解除' },
  { page: 'employee', label: '发放绑定码' },
  { page: 'roster', label: '导入花名册' },
  { page: 'workshops', label: '培训活动' },
];

/**
 * Admins configure the message templates and the WeChat console, so they alone try the
 * templates before launch and see what the configuration got wrong.
 */
const ADMIN_ONLY: readonly AdminLink[] = [
  { page: 'trial-send', label: '消息试发送' },
  { page: 'config-alerts', label: '配置提醒' },
];

/** HR's own pages are offered to HR and admins only; the server checks every call anyway. */
export function adminLinksFor(roles: readonly Role[]): AdminLink[] {
  if (roles.includes('admin')) return [...LINKS, ...ADMIN_ONLY];
  return roles.includes('hr') ? [...LINKS] : [];
}

/** The 配置提醒 link with the number of alerts still open (`配置提醒 2`), the others unchanged. */
export function withConfigAlertCount(links: readonly AdminLink[], open: number): AdminLink[] {
  return links.map((link) =>
    link.page === 'config-alerts'
      ? { ...link, label: open > 0 ? `配置提醒 ${open}` : '配置提醒' }
      : link,
  );
}
