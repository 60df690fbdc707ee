import { beijingDate, compareDates, type Instant, toInstant } from './beijing-calendar';
import { type CaseKind } from './case-kinds';
import { type CaseRecord, type StagePeriod } from './case-record';
import { type EventType } from './case-events';
import { type Actor } from './actor';
import { type DomainResult, type PendingEvent } from './case-effects';
import {
  type CaseCommand,
  chosenLastWorkingDay,
  GUARDS,
  type GuardContext,
  type MachineGuard,
} from './case-guards';
import { type State, STATES } from './case-states';
import { buildChecklist } from './checklist-rules';
import { lastWorkingDayTooLate } from './date-window';
import { type Policy } from './policy';
import { actsAsHr } from './roles';

/**
 * Who may fire an event. `manager` is the employee's manager (the app checks the relation);
 * `hr_when_no_manager` is HR acting for a case whose employee has no manager.
 */
export type ActorRule = 'employee' | 'manager' | 'hr' | 'hr_when_no_manager';

/** The audit event's payload besides `from`, `to` and the comment. */
type PayloadOf = (ctx: GuardContext, next: CaseRecord) => Readonly<Record<string, unknown>>;

/** What an event does in one state, as xstate's `states.<from>.on.<event>` reads. */
export interface Transition {
  readonly kinds: readonly CaseKind[];
  readonly actors: readonly ActorRule[];
  readonly to: State;
  /** Checked in order; the first that fails answers. */
  readonly guards: readonly MachineGuard[];
  /** What the event changes besides the state, once every guard holds. */
  readonly apply?: (ctx: GuardContext, at: Instant) => Partial<CaseRecord>;
  readonly payload?: PayloadOf;
}

export interface TransitionRule extends Transition {
  readonly from: State;
  readonly event: EventType;
}

const RESIGNATION: readonly CaseKind[] = ['resignation'];
const TERMINATION: readonly CaseKind[] = ['termination'];
const BOTH: readonly CaseKind[] = ['resignation', 'termination'];
const REVIEWER: readonly ActorRule[] = ['manager', 'hr_when_no_manager'];
const HR: readonly ActorRule[] = ['hr'];
const EMPLOYEE: readonly ActorRule[] = ['employee'];

/**
 * HR cancels a case, saying why in the comment and on what basis: HR never revokes a
 * resignation alone, nor a delivered termination without the employee's agreement.
 */
const hrCancel = (kinds: readonly CaseKind[]): Transition => ({
  kinds,
  actors: HR,
  to: 'withdrawn',
  guards: [
    'comment_given',
    'cancel_basis_given',
    'withdrawal_request_attached',
    'entered_in_error_oa_only',
  ],
  payload: (ctx) => (ctx.command.basis ? { basis: ctx.command.basis } : {}),
});

const withdraw: Transition = {
  kinds: RESIGNATION,
  actors: EMPLOYEE,
  to: 'withdrawn',
  guards: ['withdraw_allowed'],
  // Logged as a withdrawal the company agreed to in advance by its setting.
  payload: () => ({ agreedBySetting: 'employeeMayWithdrawBeforeReview' }),
};

/** The days and the checklist a notice fixes, as hr.confirm and hr.issue record them. */
const noticeTerms: PayloadOf = (_ctx, next) => ({
  lastWorkingDay: next.lastWorkingDay,
  legalLastWorkingDay: next.legalLastWorkingDay,
  ...(next.earlyReleaseProposedBy ? { earlyReleaseProposedBy: next.earlyReleaseProposedBy } : {}),
  checklist: next.checklist.map((e) => e.item),
});

/** HR confirms a resignation: the last working day chosen, the checklist for the formalities. */
function confirmResignation(ctx: GuardContext): Partial<CaseRecord> {
  const { case: c, command, now, actor, policy } = ctx;
  const lastWorkingDay = chosenLastWorkingDay(ctx) ?? c.legalLastWorkingDay;
  if (lastWorkingDay === undefined) return {};
  const early = lastWorkingDay < (c.legalLastWorkingDay ?? lastWorkingDay);
  const earlyReleaseProposedBy = early ? command.earlyReleaseProposedBy : undefined;
  return {
    lastWorkingDay,
    earlyReleaseProposedBy,
    hrOwner: actor.openid,
    checklist: buildChecklist({
      kind: c.kind,
      formalitiesStart: now,
      lastWorkingDay,
      hasManager: c.managerNo !== undefined,
      assets: command.assets ?? policy.assets,
      earlyReleaseProposedBy,
      employerFault: c.reason === 'employer_fault',
      nonCompete: c.employee.nonCompete === true,
    }),
  };
}

/**
 * HR issues a termination. It takes effect when delivered (民法典 第137条), so the notice time,
 * the legal last day and the checklist wait for the delivery (`deliverNotice`); a pay-in-lieu
 * day HR chose stays as chosen.
 */
function issueTermination(ctx: GuardContext, at: Instant): Partial<CaseRecord> {
  const { case: c, command, actor } = ctx;
  return {
    issuedAt: at,
    // Stored in one field order, as the replay rebuilds it.
    ...(command.unionNotice
      ? {
          unionNotice: {
            notifiedOn: command.unionNotice.notifiedOn,
            body: command.unionNotice.body,
            ...(command.unionNotice.objection !== undefined
              ? { objection: command.unionNotice.objection }
              : {}),
          },
        }
      : {}),
    noProtectedStatus: true,
    hrOwner: c.hrOwner ?? actor.openid,
  };
}

/**
 * The only place that says which event is allowed where and what it does (DESIGN §3 "States
 * and events"), by the state it leaves. Every state is listed: one with no events is final.
 */
export const CASE_STATES: Record<State, { readonly on: Partial<Record<EventType, Transition>> }> = {
  draft: {
    on: {
      'hr.issue': {
        kinds: TERMINATION,
        actors: HR,
        to: 'formalities',
        guards: [
          'termination_documents_attached',
          'still_incompetent_after',
          'no_protected_status_attested',
          'union_notified',
          'last_working_day_chosen',
        ],
        apply: issueTermination,
        payload: (_ctx, next) => ({
          noProtectedStatus: true,
          noticeMode: next.noticeMode,
          ...(next.unionNotice ? { unionNotice: { ...next.unionNotice } } : {}),
          ...(next.noticeMode === 'payInLieu' ? { lastWorkingDay: next.lastWorkingDay } : {}),
        }),
      },
      'hr.cancel': hrCancel(TERMINATION),
    },
  },
  // A resignation is a notice: the manager cannot refuse it, only return it for material.
  submitted: {
    on: {
      'review.approve': {
        kinds: RESIGNATION,
        actors: REVIEWER,
        to: 'hr_review',
        guards: ['handover_list_present', 'reason_requirements_met'],
      },
      'review.return': {
        kinds: RESIGNATION,
        actors: REVIEWER,
        to: 'returned',
        guards: ['comment_given'],
      },
      'hr.escalate': {
        kinds: RESIGNATION,
        actors: HR,
        to: 'hr_review',
        guards: ['manager_overdue', 'comment_given', 'handover_list_present'],
      },
      withdraw,
      'hr.cancel': hrCancel(RESIGNATION),
    },
  },
  returned: {
    on: {
      resubmit: {
        kinds: RESIGNATION,
        actors: EMPLOYEE,
        to: 'submitted',
        guards: ['reason_requirements_met'],
      },
      withdraw,
      // The employee who vanished: after the last working day, with proof the notice reached
      // them and the handover list waived with it, HR takes the case on (DESIGN §3).
      'hr.escalate': {
        kinds: RESIGNATION,
        actors: HR,
        to: 'hr_review',
        guards: [
          'comment_given',
          'after_last_working_day',
          'notice_delivery_attached',
          'handover_list_present',
        ],
      },
      'hr.cancel': hrCancel(RESIGNATION),
    },
  },
  hr_review: {
    on: {
      'hr.confirm': {
        kinds: RESIGNATION,
        actors: HR,
        to: 'formalities',
        guards: [
          'last_working_day_after_notice',
          'later_day_consented',
          'earlier_day_consented',
          'earlier_day_proposed',
        ],
        apply: confirmResignation,
        payload: noticeTerms,
      },
      'hr.return': {
        kinds: RESIGNATION,
        actors: HR,
        to: 'returned',
        guards: ['comment_given'],
      },
      'hr.cancel': hrCancel(RESIGNATION),
    },
  },
  formalities: {
    on: {
      // 第37条 / 第40条: the contract ends on the last working day, signed or not.
      'hr.close': {
        kinds: BOTH,
        actors: HR,
        to: 'completed',
        guards: ['notice_delivered', 'last_working_day_reached', 'checklist_complete'],
        apply: (_ctx, at) => ({ completedAt: at }),
      },
      'hr.cancel': hrCancel(BOTH),
    },
  },
  completed: { on: {} },
  withdrawn: { on: {} },
};

/** The table as one rule per (from, event), for checks and tests that walk every rule. */
export const CASE_MACHINE: readonly TransitionRule[] = STATES.reduce<TransitionRule[]>(
  (rules, from) => [
    ...rules,
    // The keys of `on` are events; Object.entries only types them as strings.
    ...Object.entries(CASE_STATES[from].on).map(([event, t]) => ({
      ...t,
      from,
      event: event as EventType,
    })),
  ],
  [],
);

/** The rule for (kind, state, event), if the table has one. */
export function findRule(
  kind: CaseKind,
  from: State,
  event: EventType,
): TransitionRule | undefined {
  const t = CASE_STATES[from].on[event];
  return t?.kinds.includes(kind) ? { ...t, from, event } : undefined;
}

/** Events the table allows for a case in its current state (for the UI's buttons). */
export function allowedEvents(kind: CaseKind, state: State): EventType[] {
  return CASE_MACHINE.filter((r) => r.kinds.includes(kind) && r.from === state).map((r) => r.event);
}

/** Whether the actor's role fits one of the rule's actors; relations are the app's concern. */
export function actorMatches(
  actors: readonly ActorRule[],
  actor: Actor,
  caseDoc: CaseRecord,
): boolean {
  if (actor.role === 'system') return false;
  const role = actor.role;
  return actors.some((rule) => {
    switch (rule) {
      case 'employee':
        return role === 'employee';
      case 'manager':
        return role === 'manager' && caseDoc.managerNo !== undefined;
      case 'hr':
        return actsAsHr(role);
      case 'hr_when_no_manager':
        return actsAsHr(role) && caseDoc.managerNo === undefined;
    }
  });
}

/** Closes the current stay and opens the next, so per-stage durations can be computed. */
export function moveStage(stages: readonly StagePeriod[], to: State, at: Instant): StagePeriod[] {
  const closed = stages.map((s, i) =>
    i === stages.length - 1 && s.exitedAt === undefined ? { ...s, exitedAt: at } : s,
  );
  return [...closed, { state: to, enteredAt: at }];
}

export interface TransitionOptions {
  readonly actor: Actor;
  readonly policy: Policy;
}

/**
 * Applies an event to a case: the next case (version bumped, stages updated) and the effects
 * to carry out, or why not. Checks run as DESIGN §4 orders them: the actor's role
 * (FORBIDDEN), the event in this state (INVALID_TRANSITION), then the guards in order.
 */
export function transition(
  caseDoc: CaseRecord,
  command: CaseCommand,
  now: Date,
  options: TransitionOptions,
): DomainResult {
  const { actor, policy } = options;
  const rulesForEvent = CASE_MACHINE.filter(
    (r) => r.event === command.type && r.kinds.includes(caseDoc.kind),
  );
  const rule = findRule(caseDoc.kind, caseDoc.state, command.type);
  const actorRules = rule?.actors ?? rulesForEvent[0]?.actors;
  if (actorRules !== undefined && !actorMatches(actorRules, actor, caseDoc)) {
    return { ok: false, code: 'FORBIDDEN', reason: `${actor.role} may not ${command.type}` };
  }
  if (rule === undefined) {
    return { ok: false, code: 'INVALID_TRANSITION', state: caseDoc.state, event: command.type };
  }
  const late = dateOutOfWindow(caseDoc, command, now);
  if (late) return { ok: false, ...late };
  const ctx: GuardContext = { case: caseDoc, command, now, actor, policy };
  for (const guard of rule.guards) {
    if (!GUARDS[guard](ctx)) return { ok: false, code: 'PRECONDITION_FAILED', guard };
  }
  const at = toInstant(now);
  const next: CaseRecord = {
    ...caseDoc,
    ...rule.apply?.(ctx, at),
    state: rule.to,
    version: caseDoc.version + 1,
    stages: moveStage(caseDoc.stages, rule.to, at),
    updatedAt: at,
  };
  const comment = command.comment?.trim();
  const event: PendingEvent = {
    type: rule.event,
    actor,
    at,
    payload: {
      from: rule.from,
      to: rule.to,
      ...(comment ? { comment } : {}),
      ...rule.payload?.(ctx, next),
    },
  };
  return { ok: true, case: next, effects: { event } };
}

/**
 * The last working day HR confirms lies at most two years after the notice's receipt; a
 * pay-in-lieu day at most two years after the issue (a draft's day may have been chosen long
 * before it is issued).
 */
function dateOutOfWindow(caseDoc: CaseRecord, command: CaseCommand, now: Date) {
  if (command.type === 'hr.confirm' && command.lastWorkingDay !== undefined) {
    return lastWorkingDayTooLate(command.lastWorkingDay, caseDoc.noticeReceivedAt ?? now);
  }
  if (command.type === 'hr.issue' && caseDoc.noticeMode === 'payInLieu' && caseDoc.lastWorkingDay) {
    return lastWorkingDayTooLate(caseDoc.lastWorkingDay, now);
  }
  return undefined;
}

/** Today's Beijing date is after the last working day: only then may HR waive employee-side items. */
export function lastWorkingDayPassed(caseDoc: CaseRecord, now: Date): boolean {
  const last = caseDoc.lastWorkingDay;
  return last !== undefined && compareDates(beijingDate(now), last) > 0;
}
