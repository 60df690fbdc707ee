import type { ActionResult } from '../../server/contract';
import { formatInstant } from './beijing-time';

export interface BindingCodeView {
  employeeNo: string;
  /** Grouped for reading aloud or typing: `ABCDE-12345`. */
  display: string;
  /** Without separators, as copied (the server ignores hyphens either way). */
  raw: string;
  expiresAt: string;
}

/** Groups of five characters joined by hyphens; `me.bind` accepts the hyphens. */
export function groupCode(code: string, size = 5): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += size) groups.push(code.slice(i, i + size));
  return groups.join('-');
}

export function bindingCodeView(
  employeeNo: string,
  result: ActionResult<'admin.bindingCode'>,
): BindingCodeView {
  return {
    employeeNo,
    display: groupCode(result.code),
    raw: result.code,
    expiresAt: formatInstant(result.expiresAt),
  };
}

const EMPLOYEE_NO = /^[A-Za-z0-9_-]{1,32}$/;

/** Checks an employee number as the server does (trimmed, letters, digits, `_` and `-`). */
export function employeeNoProblem(value: string): string {
  const text = value.trim();
  if (!text) return '请输入工号';
  if (!EMPLOYEE_NO.test(text)) return '工号只能包含字母、数字、下划线和连字符，最多 32 位';
  return '';
}

/** Whom a 工号 names, as HR checks it under the field: `张三 · 研发部`. */
export function employeeLine(found: ActionResult<'admin.employeeLookup'>): string {
  return `${found.name} · ${found.department}`;
}

/** What HR reads before a new code voids the old one (DESIGN §2: re-issuing replaces it). */
export function bindingCodeSummary(employeeNo: string, employee: string): string[] {
  return [
    `员工：${employee ? `${employee}（${employeeNo}）` : `工号 ${employeeNo}`}`,
    '有效期 7 天，仅可使用一次。',
    '员工用新码绑定后，原来绑定的微信号即解除绑定。',
  ];
}

export const BINDING_CODE_WARNING = '该员工之前发放的绑定码将立即失效。';
