import type { ActionResult, Role } from '../../server/contract';
import { formatDate, formatInstant, formatMonthDay } from './beijing-time';
import { pendingStates } from './board-rows';
import { progressView, type ProgressView } from './case-progress';
import { AWAITING_DELIVERY, STATE_LABELS, STATE_THEMES, type TagTheme } from './labels';

export type CaseView = ActionResult<'case.get'>;
// Partial: a state with no cases may be missing from the counts.
type BoardCounts = Partial<ActionResult<'admin.board'>['counts']>;

export type NextStepKind = 'upload' | 'sign' | 'resubmit' | 'wait' | 'done';

export interface NextStep {
  kind: NextStepKind;
  /** The card's sentence, with the due day and the days left or overdue. */
  text: string;
  /** The button's words when there is something to do ('' when there is not). */
  action: string;
  overdue: boolean;
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

const KIND_OF_ACTION: Record<NonNullable<CaseView['nextStep']>['action'], NextStepKind> = {
  'case.attach': 'upload',
  'case.resubmit': 'resubmit',
  'case.sign': 'sign',
  wait: 'wait',
  none: 'done',
};

/** `还剩1天`, `今天截止`, `已逾期2天`. */
export function daysLeftText(daysLeft: number): string {
  if (daysLeft > 0) return `还剩${daysLeft}天`;
  if (daysLeft === 0) return '今天截止';
  return `已逾期${-daysLeft}天`;
}

/**
 * What the employee should do next on their own case, in the server's words and with the
 * server's due day: `请于3月4日前签署《辞职书》，还剩1天`; nothing to do → whom it waits for.
 */
export function nextStepFor(view: CaseView): NextStep {
  const step = view.nextStep;
  if (!step) return { kind: 'wait', text: view.case.stateLabel, action: '', overdue: false };
  const kind = KIND_OF_ACTION[step.action];
  if (step.dueDate !== undefined && step.daysLeft !== undefined) {
    return {
      kind,
      action: step.label,
      text: `请于${formatMonthDay(step.dueDate)}前${step.label}，${daysLeftText(step.daysLeft)}`,
      overdue: step.daysLeft < 0,
    };
  }
  const since = step.since ? `，自${formatMonthDay(step.since)}起` : '';
  return { kind, action: '', text: `${step.label}${since}`, overdue: false };
}

export interface CaseSummary {
  caseId: string;
  stateLabel: string;
  stateTheme: TagTheme;
  lastWorkingDay: string;
  noticeReceivedAt: string;
  next: NextStep;
  progress: ProgressView | null;
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
    progress: progressView(view),
  };
}

/** Cases waiting on this person: managers review `submitted`; HR confirms and runs formalities. */
export function pendingCount(counts: BoardCounts, roles: readonly Role[]): number {
  let total = 0;
  for (const state of pendingStates(roles)) total += counts[state] ?? 0;
  return total;
}
