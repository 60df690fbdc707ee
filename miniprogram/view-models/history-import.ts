import type { ActionPayload, ActionResult } from '../../server/contract';
import { normaliseDate, PROBLEMS_SHOWN } from './roster-import';

export type HistoryRow = ActionPayload<'admin.importHistory'>['rows'][number];
type HistoryField = keyof HistoryRow;
type HistoryResult = ActionResult<'admin.importHistory'>;

interface Column {
  field: HistoryField;
  label: string;
  date: boolean;
}

/**
 * The column order HR pastes past departures in. The reason and 是否签署 are sent as written:
 * the server knows the company's reasons and answers a word it does not know per row.
 */
export const HISTORY_COLUMNS: readonly Column[] = [
  { field: 'employeeNo', label: '工号', date: false },
  { field: 'name', label: '姓名', date: false },
  { field: 'department', label: '部门', date: false },
  { field: 'reason', label: '离职原因', date: false },
  { field: 'noticeDate', label: '提出离职日期', date: true },
  { field: 'lastWorkingDay', label: '最后工作日', date: true },
  { field: 'signed', label: '是否签署离职文书', date: false },
];

/** `admin.importHistory` takes at most this many rows in one call. */
export const HISTORY_LIMIT = 500;

const EMPLOYEE_NO = /^[A-Za-z0-9_-]{1,32}$/;
const HEADER_WORDS = new Set(['工号', '员工编号', 'employeeno']);

const labels: Record<string, string> = {};
for (const column of HISTORY_COLUMNS) labels[column.field] = column.label;

export interface HistoryParse {
  rows: HistoryRow[];
  /** The pasted line of each row, so the server's row numbers can be shown as lines. */
  lines: number[];
  problems: string[];
  /** Lines read, good or not. */
  count: number;
}

/** Reads rows pasted from Excel (tabs) or typed with commas; a header line is skipped. */
export function parseHistory(text: string): HistoryParse {
  const out: HistoryParse = { rows: [], lines: [], problems: [], count: 0 };
  let first = true;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const lineNo = index + 1;
    const cells = (line.includes('\t') ? line.split('\t') : line.split(/[,，]/)).map((cell) =>
      cell.trim(),
    );
    if (cells.every((cell) => !cell)) return;
    const wasFirst = first;
    first = false;
    if (wasFirst && HEADER_WORDS.has((cells[0] ?? '').toLowerCase())) return;
    out.count += 1;
    const problems: string[] = [];
    const row: Record<string, string> = {};
    HISTORY_COLUMNS.forEach((column, i) => {
      const cell = cells[i] ?? '';
      let problem = '';
      if (!cell) problem = '必填';
      else if (column.field === 'employeeNo' && !EMPLOYEE_NO.test(cell)) {
        problem = '只能包含字母、数字、下划线和连字符，最多 32 位';
      } else if (column.date && !normaliseDate(cell)) {
        problem = `“${cell}”不是有效日期，应如 2024-05-06 或 2024/5/6`;
      }
      if (problem) problems.push(`第 ${lineNo} 行 ${column.label}：${problem}`);
      else row[column.field] = column.date ? (normaliseDate(cell) ?? cell) : cell;
    });
    if (problems.length > 0) {
      out.problems.push(...problems);
      return;
    }
    out.rows.push(row as unknown as HistoryRow);
    out.lines.push(lineNo);
  });
  return out;
}

export interface HistoryPreview {
  count: number;
  problems: string[];
  moreProblems: number;
  blocker: string;
}

export function historyPreview(parsed: HistoryParse): HistoryPreview {
  let blocker = '';
  if (parsed.count === 0) blocker = '请粘贴要导入的历史离职记录';
  else if (parsed.count > HISTORY_LIMIT) {
    blocker = `共 ${parsed.count} 行，一次最多导入 ${HISTORY_LIMIT} 行，请分批导入`;
  } else if (parsed.problems.length > 0) blocker = '请先改正以上问题再导入';
  return {
    count: parsed.count,
    problems: parsed.problems.slice(0, PROBLEMS_SHOWN),
    moreProblems: Math.max(0, parsed.problems.length - PROBLEMS_SHOWN),
    blocker,
  };
}

export interface HistoryOutcome {
  summary: string;
  errors: string[];
  moreErrors: number;
}

/** The server's answer, its row numbers turned back into pasted lines. */
export function historyOutcome(result: HistoryResult, lines: readonly number[]): HistoryOutcome {
  const errors = result.errors.map(
    (e) => `第 ${lines[e.row - 1] ?? e.row} 行 ${labels[e.field] ?? e.field}：${e.message}`,
  );
  return {
    summary: `新增 ${result.created} 条，更新 ${result.updated} 条，已导入过 ${result.unchanged} 条`,
    errors: errors.slice(0, PROBLEMS_SHOWN),
    moreErrors: Math.max(0, errors.length - PROBLEMS_SHOWN),
  };
}
