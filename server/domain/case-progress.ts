import { addDays, beijingDate, type CalendarDate, daysBetween } from './beijing-calendar';
import { handoverListPresent, lastEnteredAt } from './case-guards';
import { type CaseRecord } from './case-record';
import { type AuditEvent } from './event-chain';
import { type State } from './case-states';
import { isSettled, SIGN_WITHIN_DAYS } from './checklist-rules';
import { VOCABULARY } from './vocabulary';

/**
 * Where a case stands as the person reads it: the steps with the day each was reached, and
 * the one thing to do next with its due day. Pure: `now` comes in.
 */

export const PROGRESS_STEPS = [
  'apply',
  'review',
  'hr_review',
  'formalities',
  'completed',
  'draft',
  'delivery',
] as const;
export type ProgressStepId = (typeof PROGRESS_STEPS)[number];
const STEP_LABELS: Record<ProgressStepId, string> = VOCABULARY.progressSteps;
/** TDesign's step statuses: done, under way, stopped (returned or withdrawn), not yet. */
export type ProgressStatus = 'finish' | 'process' | 'error' | 'default';

export interface ProgressStep {
  readonly step: ProgressStepId;
  readonly label: string;
  readonly status: ProgressStatus;
  /** The Beijing day the case reached this step. */
  readonly reachedOn?: CalendarDate;
  /** A sub-state shown in red under the step (退回补充, 已撤回). */
  readonly subState?: string;
  /** Why it stopped there: the comment of whoever returned or cancelled it. */
  readonly note?: string;
}

const RESIGNATION_STEPS = ['apply', 'review', 'hr_review', 'formalities', 'completed'] as const;
/**
 * A termination: prepared by HR (待发出), issued and waiting to reach the employee (待送达: it
 * takes effect on delivery, 民法典 第137条), formalities, archived. 待送达 is done when the
 * delivery is recorded (`notice.delivered`: the employee opened it, or HR's
 * `case.recordDelivery`); a notice issued before delivery was recorded took effect at its issue.
 */
const TERMINATION_STEPS = ['draft', 'delivery', 'formalities', 'completed'] as const;

/** The step each state sits on. */
const STEP_OF_STATE: Record<Exclude<State, 'withdrawn'>, ProgressStepId> = {
  draft: 'draft',
  submitted: 'review',
  returned: 'review',
  hr_review: 'hr_review',
  formalities: 'formalities',
  completed: 'completed',
};

/** The state whose first entry marks the day a step was reached. */
const ENTRY_STATE: Partial<Record<ProgressStepId, State>> = {
  review: 'submitted',
  hr_review: 'hr_review',
  formalities: 'formalities',
  completed: 'completed',
  draft: 'draft',
};

function firstEnteredAt(caseDoc: CaseRecord, state: State): string | undefined {
  return caseDoc.stages.find((s) => s.state === state)?.enteredAt;
}

function reachedOn(caseDoc: CaseRecord, step: ProgressStepId): CalendarDate | undefined {
  if (caseDoc.kind === 'termination' && (step === 'delivery' || step === 'formalities')) {
    // Issued: waiting for delivery from then on; delivered: formalities from the delivery.
    const issued = caseDoc.issuedAt ?? firstEnteredAt(caseDoc, 'formalities');
    if (step === 'delivery') return issued === undefined ? undefined : beijingDate(issued);
    if (caseDoc.deliveredOn !== undefined) return caseDoc.deliveredOn;
    const at = caseDoc.noticeReceivedAt ?? issued;
    return at === undefined ? undefined : beijingDate(at);
  }
  if (step === 'apply') {
    const at = caseDoc.noticeReceivedAt ?? firstEnteredAt(caseDoc, 'submitted');
    return at === undefined ? undefined : beijingDate(at);
  }
  const state = ENTRY_STATE[step];
  const at = state === undefined ? undefined : firstEnteredAt(caseDoc, state);
  return at === undefined ? undefined : beijingDate(at);
}

/** The comment of the newest event that moved the case into `state`, if it carried one. */
function commentInto(
  events: readonly Pick<AuditEvent, 'payload'>[],
  state: State,
): string | undefined {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const event = events[i];
    if (event?.payload['to'] === state) {
      const comment = event.payload['comment'];
      return typeof comment === 'string' ? comment : undefined;
    }
  }
  return undefined;
}

/** The step a state stands on; an issued termination not yet delivered stands on 待送达. */
function stepOf(caseDoc: CaseRecord, state: Exclude<State, 'withdrawn'>): ProgressStepId {
  if (
    caseDoc.kind === 'termination' &&
    state === 'formalities' &&
    caseDoc.noticeReceivedAt === undefined
  ) {
    return 'delivery';
  }
  return STEP_OF_STATE[state];
}

/** The step a withdrawn case stopped on: the state it left last. */
function stoppedStep(caseDoc: CaseRecord): ProgressStepId {
  const before = [...caseDoc.stages].reverse().find((s) => s.state !== 'withdrawn');
  return before && before.state !== 'withdrawn' ? stepOf(caseDoc, before.state) : 'apply';
}

export function caseProgress(
  caseDoc: CaseRecord,
  events: readonly Pick<AuditEvent, 'payload'>[],
): ProgressStep[] {
  const ids: readonly ProgressStepId[] =
    caseDoc.kind === 'termination' ? TERMINATION_STEPS : RESIGNATION_STEPS;
  const withdrawn = caseDoc.state === 'withdrawn';
  const current = withdrawn ? stoppedStep(caseDoc) : stepOf(caseDoc, caseDoc.state);
  const currentIndex = ids.indexOf(current);
  return ids.map((step, index): ProgressStep => {
    const label = STEP_LABELS[step];
    const reached = index <= currentIndex ? reachedOn(caseDoc, step) : undefined;
    const on = reached === undefined ? {} : { reachedOn: reached };
    if (index < currentIndex || (index === currentIndex && caseDoc.state === 'completed')) {
      return { step, label, status: 'finish', ...on };
    }
    if (index > currentIndex) return { step, label, status: 'default' };
    if (caseDoc.state === 'returned' || withdrawn) {
      const note = commentInto(events, caseDoc.state);
      return {
        step,
        label,
        status: 'error',
        ...on,
        subState: VOCABULARY.states[caseDoc.state],
        ...(note ? { note } : {}),
      };
    }
    return { step, label, status: 'process', ...on };
  });
}

export type NextStepAction = 'case.attach' | 'case.resubmit' | 'case.sign' | 'wait' | 'none';

export interface NextStep {
  readonly action: NextStepAction;
  readonly label: string;
  readonly dueDate?: CalendarDate;
  /** Days from today to the due day: 0 is today, negative is overdue. */
  readonly daysLeft?: number;
  /** Whom the case waits for when the employee has nothing to do. */
  readonly waitingFor?: 'employee' | 'manager' | 'hr';
  /** The Beijing day the case began waiting there. */
  readonly since?: CalendarDate;
}

/**
 * The handover list's deadline: the reminders for it run from the notice's receipt on the
 * same ladder as the signature (温馨提醒 on day 3), so it is due as the signature is.
 */
export const HANDOVER_WITHIN_DAYS = SIGN_WITHIN_DAYS;
/** A returned case is to be completed within the same span, counted from the return. */
export const RESUBMIT_WITHIN_DAYS = SIGN_WITHIN_DAYS;

function due(action: NextStepAction, label: string, dueDate: CalendarDate, now: Date): NextStep {
  return { action, label, dueDate, daysLeft: daysBetween(beijingDate(now), dueDate) };
}

function sinceEntry(caseDoc: CaseRecord): CalendarDate | undefined {
  const at = lastEnteredAt(caseDoc, caseDoc.state);
  return at === undefined ? undefined : beijingDate(at);
}

/** What the employee does next on their case, by when; or whom the case waits for. */
export function employeeNextStep(caseDoc: CaseRecord, now: Date): NextStep {
  const { state } = caseDoc;
  const tasks = VOCABULARY.employeeTasks;
  if ((state === 'submitted' || state === 'returned') && !handoverListPresent(caseDoc)) {
    const start = caseDoc.noticeReceivedAt ?? lastEnteredAt(caseDoc, 'submitted');
    if (start !== undefined) {
      const dueDate = addDays(beijingDate(start), HANDOVER_WITHIN_DAYS);
      return due('case.attach', tasks.handover_list, dueDate, now);
    }
  }
  if (state === 'returned') {
    const since = sinceEntry(caseDoc);
    if (since !== undefined) {
      return due('case.resubmit', tasks.resubmit, addDays(since, RESUBMIT_WITHIN_DAYS), now);
    }
  }
  if (state === 'formalities' && !caseDoc.signature) {
    const item = caseDoc.kind === 'resignation' ? 'sign_letter' : 'sign_receipt';
    const entry = caseDoc.checklist.find((e) => e.item === item);
    if (entry && !isSettled(entry)) return due('case.sign', tasks[item], entry.due, now);
  }
  const label = VOCABULARY.waiting[state];
  if (state === 'completed' || state === 'withdrawn') return { action: 'none', label };
  const since = sinceEntry(caseDoc);
  const waitingFor =
    state === 'submitted' && caseDoc.managerNo !== undefined
      ? 'manager'
      : state === 'returned'
        ? 'employee'
        : 'hr';
  return { action: 'wait', label, waitingFor, ...(since ? { since } : {}) };
}
