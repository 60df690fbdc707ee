import type { ActionPayload, ActionResult, Role } from '../../server/contract';

export type RosterRow = ActionPayload<'admin.import'>['rows'][number];
type RosterField = keyof RosterRow;
type ImportResult = ActionResult<'admin.import'>;

type CellKind = 'text' | 'employeeNo' | 'date' | 'roles';

interface Column {
  field: RosterField;
  label: string;
  required: boolean;
  kind: CellKind;
  /** The server's length limit for plain text cells. */
  max?: number;
}

/** The fixed column order HR pastes in, as shown above the text box. */
export const ROSTER_COLUMNS: readonly Column[] = [
  { field: 'employeeNo', label: '工号', required: true, kind: 'employeeNo' },
  { field: 'name', label: '姓名', required: true, kind: 'text', max: 32 },
  { field: 'department', label: '部门', required: true, kind: 'text', max: 64 },
  { field: 'position', label: '岗位', required: true, kind: 'text', max: 64 },
  { field: 'managerNo', label: '直属经理工号', required: false, kind: 'employeeNo' },
  { field: 'hireDate', label: '入职日期', required: true, kind: 'date' },
  { field: 'probationEndDate', label: '试用期结束日', required: true, kind: 'date' },
  { field: 'contractStart', label: '合同开始日', required: false, kind: 'date' },
  { field: 'contractEnd', label: '合同结束日', required: false, kind: 'date' },
  { field: 'roles', label: '角色', required: false, kind: 'roles' },
];

/** `admin.import` takes at most this many rows in one call. */
export const ROSTER_LIMIT = 500;

/** Problems shown at once: a badly pasted sheet must not make one huge setData. */
export const PROBLEMS_SHOWN = 20;

const columnLabels: Record<string, string> = {};
for (const column of ROSTER_COLUMNS) columnLabels[column.field] = column.label;
export const COLUMN_LABELS: Readonly<Record<string, string>> = columnLabels;

const ROLE_WORDS: Readonly<Record<string, Role>> = {
  员工: 'employee',
  经理: 'manager',
  部门经理: 'manager',
  hr: 'hr',
  管理员: 'admin',
  employee: 'employee',
  manager: 'manager',
  admin: 'admin',
};

const EMPLOYEE_NO = /^[A-Za-z0-9_-]{1,32}$/;
// One separator throughout: 2024-5-6 or 2024/5/6, never 2024-5/6.
const DATE = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;

/** `2024/5/6`, `2024-5-6` or `2024-05-06` → `2024-05-06`; null when not a real date. */
export function normaliseDate(cell: string): string | null {
  const match = DATE.exec(cell.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[3]);
  const day = Number(match[4]);
  if (month < 1 || month > 12 || day < 1) return null;
  // Day 0 of the next month is the last day of this one (leap years included).
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `经理、HR` or `manager/hr` → roles; the unknown words are returned to be named. */
export function parseRoles(cell: string): { roles: Role[]; unknown: string[] } {
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const word of cell.split(/[、/]/)) {
    const text = word.trim();
    if (!text) continue;
    const role = ROLE_WORDS[text.toLowerCase()];
    if (!role) unknown.push(text);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
}

/** Excel copies cells with tabs; a line without any tab is read as comma-separated. */
function cellsOf(line: string): string[] {
  const cells = line.includes('\t') ? line.split('\t') : line.split(/[,，]/);
  return cells.map((cell) => cell.trim());
}

const HEADER_WORDS = new Set(['工号', '员工编号', 'employeeno']);

function isHeader(cells: readonly string[]): boolean {
  return HEADER_WORDS.has((cells[0] ?? '').toLowerCase());
}

export interface RosterParse {
  rows: RosterRow[];
  /** The pasted line number of each row, so the server's row numbers can be shown as lines. */
  lines: number[];
  /** `第 3 行 入职日期：…`, every local problem, in line order. */
  problems: string[];
}

function cellProblem(column: Column, cell: string): string {
  switch (column.kind) {
    case 'employeeNo':
      return EMPLOYEE_NO.test(cell) ? '' : '只能包含字母、数字、下划线和连字符，最多 32 位';
    case 'date':
      return normaliseDate(cell) ? '' : `“${cell}”不是有效日期，应如 2024-05-06 或 2024/5/6`;
    case 'roles': {
      const { unknown } = parseRoles(cell);
      return unknown.length === 0
        ? ''
        : `不认识“${unknown.join('、')}”，应为 员工、经理、HR 或 管理员`;
    }
    case 'text':
      return column.max && cell.length > column.max ? `最多 ${column.max} 个字` : '';
  }
}

function rowOf(cells: readonly string[]): RosterRow {
  const row: Record<string, unknown> = {};
  ROSTER_COLUMNS.forEach((column, i) => {
    const cell = cells[i] ?? '';
    // Empty optional cells are left out: the server reads a missing field as "not given".
    if (!cell) return;
    if (column.kind === 'date') row[column.field] = normaliseDate(cell);
    else if (column.kind === 'roles') row[column.field] = parseRoles(cell).roles;
    else row[column.field] = cell;
  });
  return row as unknown as RosterRow;
}

/**
 * Reads rows pasted from Excel in the order of ROSTER_COLUMNS. Blank lines are skipped, and so
 * is a first line that is the header. A row with a problem is reported and not sent.
 */
export function parseRoster(text: string): RosterParse {
  const out: RosterParse = { rows: [], lines: [], problems: [] };
  let first = true;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const lineNo = index + 1;
    const cells = cellsOf(line);
    if (cells.every((cell) => !cell)) return;
    const wasFirst = first;
    first = false;
    if (wasFirst && isHeader(cells)) return;
    const problems: string[] = [];
    if (cells.slice(ROSTER_COLUMNS.length).some(Boolean)) {
      problems.push(`第 ${lineNo} 行：多于 ${ROSTER_COLUMNS.length} 列，请按上方列顺序粘贴`);
    }
    ROSTER_COLUMNS.forEach((column, i) => {
      const cell = cells[i] ?? '';
      const problem = cell ? cellProblem(column, cell) : column.required ? '必填' : '';
      if (problem) problems.push(`第 ${lineNo} 行 ${column.label}：${problem}`);
    });
    if (problems.length > 0) {
      out.problems.push(...problems);
      return;
    }
    out.rows.push(rowOf(cells));
    out.lines.push(lineNo);
  });
  return out;
}

export interface RosterPreview {
  /** Rows read, with or without problems: `共 N 行`. */
  count: number;
  problems: string[];
  /** Problems beyond PROBLEMS_SHOWN, counted only. */
  moreProblems: number;
  /** Why the rows cannot be sent as they are; '' when they can. */
  blocker: string;
}

export function rosterPreview(parsed: RosterParse): RosterPreview {
  const badLines = new Set(parsed.problems.map((p) => /^第 (\d+) 行/.exec(p)?.[1]));
  const count = parsed.rows.length + badLines.size;
  let blocker = '';
  if (count === 0) blocker = '请粘贴要导入的员工';
  else if (count > ROSTER_LIMIT) {
    blocker = `共 ${count} 行，一次最多导入 ${ROSTER_LIMIT} 行，请分批导入`;
  } else if (parsed.problems.length > 0) blocker = '请先改正以上问题再导入';
  return {
    count,
    problems: parsed.problems.slice(0, PROBLEMS_SHOWN),
    moreProblems: Math.max(0, parsed.problems.length - PROBLEMS_SHOWN),
    blocker,
  };
}

export interface RosterOutcome {
  created: string;
  updated: string;
  errors: string[];
  moreErrors: number;
}

/** The server's per-row answer, with its row numbers turned back into pasted line numbers. */
export function rosterOutcome(result: ImportResult, lines: readonly number[]): RosterOutcome {
  const errors = result.errors.map((e) => {
    const line = lines[e.row - 1] ?? e.row;
    return `第 ${line} 行 ${COLUMN_LABELS[e.field] ?? e.field}：${e.message}`;
  });
  return {
    created: `新增 ${result.created} 人`,
    updated: `更新 ${result.updated} 人`,
    errors: errors.slice(0, PROBLEMS_SHOWN),
    moreErrors: Math.max(0, errors.length - PROBLEMS_SHOWN),
  };
}

/**
 * A refusal of the whole import. When the server's validation caught a row the local checks
 * let through, its `rows.3.hireDate` is shown as the pasted line and column, like the rest.
 */
export function importFailure(
  error: { message: string; details?: Readonly<Record<string, unknown>> },
  lines: readonly number[],
): string {
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return error.message;
  for (const issue of issues as unknown[]) {
    const { field, message } = (issue ?? {}) as { field?: unknown; message?: unknown };
    const match = typeof field === 'string' ? /^rows\.(\d+)\.(\w+)/.exec(field) : null;
    if (!match || typeof message !== 'string') continue;
    const index = Number(match[1]);
    const column = match[2] ?? '';
    // The server's text starts with its own row name: keep only what follows it.
    const text = message.slice(message.indexOf('：') + 1);
    return `第 ${lines[index] ?? index + 1} 行 ${COLUMN_LABELS[column] ?? column}：${text}`;
  }
  return error.message;
}
