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
  if (!text) return '请输入员工编号';
  if (!EMPLOYEE_NO.test(text)) return '员工编号只能包含字母、数字、下划线和连字符，最多 32 位';
  return '';
}
