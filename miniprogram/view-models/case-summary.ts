import type { ActionResult, Role, State } from '../../server/contract';
import { formatDate, formatInstant } from './beijing-time';
import { AWAITING_DELIVERY, STATE_LABELS, STATE_THEMES, type TagTheme } from './labels';

export type CaseView = ActionResult<'case.get'>;
// Partial: a state with no cases may be missing from the counts.
type BoardCounts = Partial<ActionResult<'admin.board'>['counts']>;

export type NextStepKind = 'upload' | 'sign' | 'resubmit' | 'wait' | 'done';

export interface NextStep {
  kind: NextStepKind;
  text: string;
}

const SIGN_ITEMS: readonly string[] = ['sign_letter', 'sign_receipt'];

export function handoverAttached(view: CaseView): boolean {
  const c = view.case;
  return (
    c.attachments.some((a) => a.kind === 'handover_checklist') ||
    c.waivers.some((w) => w.item === 'handover_list')
  );
}

/** The signature item still open for the employee, if any (waived counts as closed). */
export function openSignItem(view: CaseView): CaseView['checklist'][number] | undefined {
  if (view.case.signature) return undefined;
  return view.checklist.find((row) => SIGN_ITEMS.includes(row.item) && !row.done && !row.waived);
}

const WAITING: Record<State, string> = {
  draft: '等待 HR 发出通知',
  submitted: '等待部门经理审批',
  returned: '请按退回意见补充后重新提交',
  hr_review: '等待 HR 确认',
  formalities: '等待办理离职手续',
  completed: '离职手续已全部办结',
  withdrawn: '申请已撤回',
};

/** What the employee should do next on their own case. */
export function nextStepFor(view: CaseView): NextStep {
  const { state, kind } = view.case;
  if ((state === 'submitted' || state === 'returned') && !handoverAttached(view)) {
    return { kind: 'upload', text: '上传交接清单' };
  }
  if (state === 'returned') return { kind: 'resubmit', text: '补充后重新提交' };
  if (state === 'formalities' && openSignItem(view)) {
    return {
      kind: 'sign',
      text: kind === 'termination' ? '签收《解除劳动合同通知书》' : '签署辞职书',
    };
  }
  if (state === 'completed' || state === 'withdrawn') return { kind: 'done', text: WAITING[state] };
  return { kind: 'wait', text: WAITING[state] };
}

export interface CaseSummary {
  caseId: string;
  stateLabel: string;
  stateTheme: TagTheme;
  lastWorkingDay: string;
  noticeReceivedAt: string;
  next: NextStep;
}

export function caseSummary(view: CaseView): CaseSummary {
  return {
    caseId: view.case.caseId,
    stateLabel: view.case.awaitingDelivery ? AWAITING_DELIVERY : STATE_LABELS[view.case.state],
    stateTheme: STATE_THEMES[view.case.state],
    lastWorkingDay: view.case.lastWorkingDay
      ? formatDate(view.case.lastWorkingDay)
      : view.case.lastWorkingDayText || '—',
    noticeReceivedAt: formatInstant(view.case.noticeReceivedAt),
    next: nextStepFor(view),
  };
}

/** Cases waiting on this person: managers review `submitted`; HR confirms and runs formalities. */
export function pendingCount(counts: BoardCounts, roles: readonly Role[]): number {
  const states = new Set<State>();
  if (roles.includes('manager')) states.add('submitted');
  if (roles.includes('hr') || roles.includes('admin')) {
    states.add('hr_review');
    states.add('formalities');
  }
  let total = 0;
  for (const state of states) total += counts[state] ?? 0;
  return total;
}
