import type { Role } from '../../server/contract';

export type AdminPage = 'stats' | 'terminate' | 'employee' | 'roster' | 'trial-send';

export interface AdminLink {
  page: AdminPage;
  label: string;
}

const LINKS: readonly AdminLink[] = [
  { page: 'stats', label: '统计分析' },
  { page: 'terminate', label: '发起解除' },
  { page: 'employee', label: '发放绑定码' },
  { page: 'roster', label: '导入花名册' },
];

/** Admins configure the message templates, so they alone try them before launch. */
const ADMIN_ONLY: readonly AdminLink[] = [{ page: 'trial-send', label: '消息试发送' }];

/** HR's own pages are offered to HR and admins only; the server checks every call anyway. */
export function adminLinksFor(roles: readonly Role[]): AdminLink[] {
  if (roles.includes('admin')) return [...LINKS, ...ADMIN_ONLY];
  return roles.includes('hr') ? [...LINKS] : [];
}
