import type { ActionResult } from '../../server/contract';
import { formatDate, formatInstant } from './beijing-time';
import type { TagTheme } from './labels';

type ChecklistRow = ActionResult<'case.get'>['checklist'][number];
export type ChecklistActor = ChecklistRow['by'][number];

export type RowStatus = 'done' | 'waived' | 'overdue' | 'open';

export interface ChecklistRowView {
  item: ChecklistRow['item'];
  label: string;
  who: string;
  due: string;
  status: RowStatus;
  statusText: string;
  statusTheme: TagTheme;
  detail: string;
  note: string;
  canTick: boolean;
  canUntick: boolean;
  canWaive: boolean;
}

const ACTOR_LABELS: Record<ChecklistActor, string> = {
  employee: '员工',
  manager: '部门经理',
  hr: 'HR',
};

const STATUS: Record<RowStatus, { text: string; theme: TagTheme }> = {
  done: { text: '已完成', theme: 'success' },
  waived: { text: '已豁免', theme: 'default' },
  overdue: { text: '已逾期', theme: 'danger' },
  open: { text: '待办', theme: 'warning' },
};

/** Signature items close by signing on the sign page, never by a tick. */
const SIGNED_ITEMS: readonly string[] = ['sign_letter', 'sign_receipt'];

export interface Viewer {
  /** The parts the viewer plays on this case. */
  actors: readonly ChecklistActor[];
  /** HR may waive items (the employee who vanished, DESIGN §3). */
  mayWaive: boolean;
  /** Checklist changes only happen in `formalities`. */
  editable: boolean;
  /** Today's Beijing date, `YYYY-MM-DD`. */
  today: string;
}

export function checklistRow(row: ChecklistRow, viewer: Viewer): ChecklistRowView {
  const status: RowStatus = row.waived
    ? 'waived'
    : row.done
      ? 'done'
      : row.due < viewer.today
        ? 'overdue'
        : 'open';
  const mine = row.by.some((actor) => viewer.actors.includes(actor));
  const closed = status === 'done' || status === 'waived';
  const tickable = viewer.editable && mine && !SIGNED_ITEMS.includes(row.item);
  let detail = '';
  if (status === 'done') detail = `完成于 ${formatInstant(row.doneAt)}`;
  if (status === 'waived') detail = `豁免于 ${formatInstant(row.waivedAt)}`;
  return {
    item: row.item,
    label: row.label,
    who: row.by.map((actor) => ACTOR_LABELS[actor]).join(' / '),
    due: formatDate(row.due),
    status,
    statusText: STATUS[status].text,
    statusTheme: STATUS[status].theme,
    detail,
    note: row.note ?? '',
    canTick: tickable && !closed,
    canUntick: tickable && status === 'done',
    canWaive: viewer.editable && viewer.mayWaive && row.waivable && !closed,
  };
}
