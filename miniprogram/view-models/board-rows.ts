import type { ActionResult, State } from '../../server/contract';
import { formatDate, formatInstant } from './beijing-time';
import { REASON_LABELS, REHIRE_LABELS, STATE_LABELS, STATE_THEMES, type TagTheme } from './labels';

type Board = ActionResult<'admin.board'>;
type BoardRow = Board['rows'][number];

export interface BoardRowView {
  caseId: string;
  title: string;
  subtitle: string;
  stateLabel: string;
  stateTheme: TagTheme;
  enteredAt: string;
  /** `逾期2天` for an overdue case, else `已停留5天` in its stage ('' from an older server). */
  waiting: string;
  lastWorkingDay: string;
  overdue: boolean;
  needsCall: boolean;
  employeeNo: string;
  /** 经 OA 提交: the company's OA sent the resignation. */
  viaOa: boolean;
  /** 未绑定小程序: HR hands out a binding code from the row. */
  unbound: boolean;
  /** 同步失败: a status callback to the OA is failing; HR may send again. */
  oaSyncFailed: boolean;
  /** 可再次录用 as HR set it at closing ('' when unset; HR's board only). */
  rehire: string;
  /** The mobile to tap on a row that needs a call ('' when none is on file). */
  mobile: string;
}

/** How long the case has stood, in the server's days: overdue first, since that is urgent. */
export function waitingText(row: BoardRow): string {
  if (row.overdue && row.overdueDays !== undefined) return `逾期${row.overdueDays}天`;
  if (row.stayedDays !== undefined) return `已停留${row.stayedDays}天`;
  return '';
}

export function boardRow(row: BoardRow): BoardRowView {
  return {
    caseId: row.caseId,
    title: `${row.name}（${row.employeeNo}）`,
    subtitle: `${row.department} · ${REASON_LABELS[row.reason]}`,
    stateLabel: STATE_LABELS[row.state],
    stateTheme: STATE_THEMES[row.state],
    enteredAt: formatInstant(row.enteredAt),
    waiting: waitingText(row),
    lastWorkingDay: row.lastWorkingDay ? formatDate(row.lastWorkingDay) : '',
    overdue: row.overdue,
    needsCall: row.needsCall,
    employeeNo: row.employeeNo,
    viaOa: row.source === 'oa',
    unbound: row.unbound === true,
    oaSyncFailed: row.oaSyncFailed === true,
    rehire: row.rehire ? REHIRE_LABELS[row.rehire] : '',
    mobile: row.needsCall && row.mobile ? row.mobile : '',
  };
}

export interface FilterTab {
  /** `all` means no state filter. */
  value: State | 'all';
  label: string;
}

/** The board's filters, in the order a case moves; each label carries its count. */
const FILTER_ORDER: readonly State[] = [
  'submitted',
  'returned',
  'hr_review',
  'formalities',
  'draft',
  'completed',
  'withdrawn',
];

export function filterTabs(counts: Partial<Board['counts']>): FilterTab[] {
  const open = (['submitted', 'returned', 'hr_review', 'formalities', 'draft'] as const).reduce(
    (sum, state) => sum + (counts[state] ?? 0),
    0,
  );
  return [
    { value: 'all', label: `进行中 ${open}` },
    ...FILTER_ORDER.map((state) => ({
      value: state,
      label: `${STATE_LABELS[state]} ${counts[state] ?? 0}`,
    })),
  ];
}

/** Under a finished state's tab: the board counts and lists endings of the recent past only. */
export function finishedNote(filter: string, finishedSince: string): string {
  return filter === 'completed' || filter === 'withdrawn'
    ? `数量只统计${formatDate(finishedSince)}以来结束的案件`
    : '';
}
