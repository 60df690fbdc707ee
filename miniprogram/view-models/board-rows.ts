import type { ActionPayload, ActionResult, Role, State } from '../../server/contract';
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
  /** `已停留5天 · 逾期2天`, or `已停留5天` ('' from an older server: then `enteredAt` shows). */
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

/** How long the case has stood in its stage and, when overdue, by how much (server's days). */
export function waitingText(row: BoardRow): string {
  const parts: string[] = [];
  if (row.stayedDays !== undefined) parts.push(`已停留${row.stayedDays}天`);
  if (row.overdue && row.overdueDays !== undefined) parts.push(`逾期${row.overdueDays}天`);
  return parts.join(' · ');
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

/**
 * The board's tabs: the urgent ones first (已逾期, 需电话联系), then what waits on this person
 * (待你处理), then every case in hand and each state. `all` means no filter.
 */
export type BoardTab = State | 'all' | 'overdue' | 'needs_call' | 'mine';

export interface FilterTab {
  value: BoardTab;
  label: string;
}

/** The states whose cases wait on this person: managers review; HR confirms and runs formalities. */
export function pendingStates(roles: readonly Role[]): State[] {
  const states: State[] = [];
  if (roles.includes('manager')) states.push('submitted');
  if (roles.includes('hr') || roles.includes('admin')) states.push('hr_review', 'formalities');
  return states;
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
const OPEN_STATES = ['submitted', 'returned', 'hr_review', 'formalities', 'draft'] as const;

type Counts = Partial<Record<State, number>>;
/** What the tabs need of an `admin.board` answer (the urgency numbers absent from an older server). */
export type TabCounts = { counts: Counts } & Partial<
  Pick<Board, 'countsIgnoringUrgency' | 'overdueByState' | 'needsCallByState'>
>;

function sum(counts: Counts, states: readonly State[]): number {
  return states.reduce((total, state) => total + (counts[state] ?? 0), 0);
}

/** Without the server's number the tab shows none rather than a made-up zero. */
function labelled(label: string, counts: Counts | undefined, states: readonly State[]): string {
  return counts ? `${label} ${sum(counts, states)}` : label;
}

/** The tabs with the board's numbers; `null` (not loaded, or failed): the labels alone. */
export function filterTabs(board: TabCounts | null, mine: readonly State[] = []): FilterTab[] {
  // While an urgency tab is open, `counts` is narrowed to it; the state tabs count everything.
  const counts = board ? (board.countsIgnoringUrgency ?? board.counts) : undefined;
  return [
    { value: 'overdue', label: labelled('已逾期', board?.overdueByState, OPEN_STATES) },
    { value: 'needs_call', label: labelled('需电话联系', board?.needsCallByState, OPEN_STATES) },
    ...(mine.length > 0
      ? [{ value: 'mine' as const, label: labelled('待你处理', counts, mine) }]
      : []),
    { value: 'all', label: labelled('进行中', counts, OPEN_STATES) },
    ...FILTER_ORDER.map((state) => ({
      value: state,
      label: labelled(STATE_LABELS[state], counts, [state]),
    })),
  ];
}

/** The `admin.board` filter a tab stands for. */
export function tabPayload(tab: BoardTab, mine: readonly State[]): ActionPayload<'admin.board'> {
  switch (tab) {
    case 'all':
      return {};
    case 'overdue':
      return { overdueOnly: true };
    case 'needs_call':
      return { needsCallOnly: true };
    case 'mine':
      return mine.length > 0 ? { states: [...mine] } : {};
    default:
      return { state: tab };
  }
}

/** What an empty tab says. */
export function emptyText(tab: BoardTab, searching: boolean): string {
  if (searching) return '没有符合条件的案件';
  if (tab === 'overdue') return '没有逾期的案件';
  if (tab === 'needs_call') return '没有需要电话联系的人';
  if (tab === 'mine') return '暂时没有待你处理的案件';
  return '暂无案件';
}

/** Overdue cases among those waiting on this person (the home card's 已逾期 N). */
export function pendingOverdue(board: TabCounts, roles: readonly Role[]): number | null {
  return board.overdueByState ? sum(board.overdueByState, pendingStates(roles)) : null;
}

/** Under a finished state's tab: the board counts and lists endings of the recent past only. */
export function finishedNote(filter: string, finishedSince: string): string {
  return filter === 'completed' || filter === 'withdrawn'
    ? `数量只统计${formatDate(finishedSince)}以来结束的案件`
    : '';
}
