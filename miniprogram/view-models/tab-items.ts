import type { Role } from '../../server/contract';

export interface TabItem {
  /** Page route without the leading slash, as `getCurrentPages()` reports it. */
  path: string;
  text: string;
  icon: string;
}

const HOME: TabItem = { path: 'pages/home/index', text: '首页', icon: 'home' };
const CASES: TabItem = { path: 'pages/cases/index', text: '办理', icon: 'task' };
const ME: TabItem = { path: 'pages/me/index', text: '我的', icon: 'user' };

/** Roles that handle other people's cases see 办理; everyone else sees 首页 and 我的. */
export function canHandleCases(roles: readonly Role[]): boolean {
  return roles.some((role) => role === 'manager' || role === 'hr' || role === 'admin');
}

export function tabItemsFor(roles: readonly Role[]): TabItem[] {
  return canHandleCases(roles) ? [HOME, CASES, ME] : [HOME, ME];
}
