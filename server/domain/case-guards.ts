import { beijingDate, compareDates, instantMs, MS_PER_DAY } from './beijing-calendar';
import { type EarlyReleaseProposer } from './case-kinds';
import { type CaseRecord } from './case-record';
import { type EventType } from './case-events';
import { type Asset } from './checklist';
import { isSettled } from './checklist-rules';
import { type Actor } from './case-effects';
import { type Policy } from './policy';
import { type ReasonRule } from './reasons';
import { type CalendarDate } from './beijing-calendar';

/** What an actor asks the machine to do, with the data the event needs. */
export interface CaseCommand {
  readonly type: EventType;
  readonly comment?: string;
  /** hr.confirm: the chosen last working day (default: the legal one). */
  readonly lastWorkingDay?: CalendarDate;
  readonly earlyReleaseProposedBy?: EarlyReleaseProposer;
  /** hr.confirm: the assets to return (default: the settings' list). */
  readonly assets?: readonly Asset[];
  /** hr.issue: HR attests that no 第42条 protection applies. */
  readonly noProtectedStatus?: boolean;
}

export interface GuardContext {
  readonly case: CaseRecord;
  readonly command: CaseCommand;
  readonly now: Date;
  readonly actor: Actor;
  readonly policy: Policy;
}

export const MACHINE_GUARDS = [
  'handover_list_present',
  'reason_requirements_met',
  'comment_given',
  'manager_overdue',
  'withdraw_allowed',
  'last_working_day_after_notice',
  'later_day_consented',
  'earlier_day_consented',
  'earlier_day_proposed',
  'last_working_day_reached',
  'checklist_complete',
  'termination_documents_attached',
  'no_protected_status_attested',
  'last_working_day_chosen',
] as const;
export type MachineGuard = (typeof MACHINE_GUARDS)[number];

export function handoverListPresent(caseDoc: CaseRecord): boolean {
  return (
    caseDoc.attachments.some((a) => a.kind === 'handover_checklist') ||
    caseDoc.waivers.some((w) => w.item === 'handover_list')
  );
}

export function explanationMeetsRule(rule: ReasonRule, explanation: string | undefined): boolean {
  const text = explanation?.trim() ?? '';
  if (text.length === 0) return rule.explanation !== 'required';
  if (rule.explanation === 'none') return false;
  return text.length >= rule.explanationMin && text.length <= rule.explanationMax;
}

export function attachmentsMeetRule(rule: ReasonRule, caseDoc: CaseRecord): boolean {
  const has = (kind: string): boolean => caseDoc.attachments.some((a) => a.kind === kind);
  return (
    rule.attachmentsAllOf.every(has) && rule.attachmentsAnyOf.every((group) => group.some(has))
  );
}

/** The last working day HR confirms: the one given, else the one the case already has. */
export function chosenLastWorkingDay(ctx: GuardContext): CalendarDate | undefined {
  return ctx.command.lastWorkingDay ?? ctx.case.lastWorkingDay;
}

/** When the case last entered `submitted`: the manager's waiting starts there. */
export function lastEnteredAt(caseDoc: CaseRecord, state: CaseRecord['state']): string | undefined {
  for (let i = caseDoc.stages.length - 1; i >= 0; i -= 1) {
    const stage = caseDoc.stages[i];
    if (stage && stage.state === state) return stage.enteredAt;
  }
  return undefined;
}

export const GUARDS: Record<MachineGuard, (ctx: GuardContext) => boolean> = {
  handover_list_present: (ctx) => handoverListPresent(ctx.case),

  reason_requirements_met: (ctx) => {
    const rule = ctx.policy.reasons[ctx.case.reason];
    return explanationMeetsRule(rule, ctx.case.explanation) && attachmentsMeetRule(rule, ctx.case);
  },

  comment_given: (ctx) => (ctx.command.comment?.trim() ?? '').length > 0,

  manager_overdue: (ctx) => {
    const since = lastEnteredAt(ctx.case, 'submitted');
    if (since === undefined) return false;
    return ctx.now.getTime() - instantMs(since) > ctx.policy.escalateAfterDays * MS_PER_DAY;
  },

  // A withdrawal the company agreed to in advance by this setting.
  withdraw_allowed: (ctx) => ctx.policy.employeeMayWithdrawBeforeReview,

  last_working_day_after_notice: (ctx) => {
    const chosen = chosenLastWorkingDay(ctx);
    const received = ctx.case.noticeReceivedAt;
    if (chosen === undefined || received === undefined) return false;
    return compareDates(chosen, beijingDate(received)) >= 0;
  },

  // 第37条 gives the employee the right to leave after 30 days; staying longer needs consent.
  later_day_consented: (ctx) => {
    const chosen = chosenLastWorkingDay(ctx);
    const legal = ctx.case.legalLastWorkingDay;
    if (chosen === undefined || legal === undefined) return false;
    if (compareDates(chosen, legal) <= 0) return true;
    if (ctx.case.consentedLastWorkingDay === chosen) return true;
    const consent = ctx.case.consentToLaterDay;
    return consent !== undefined && compareDates(chosen, consent) <= 0;
  },

  // 第36条: the contract ends early only by agreement; the employee records the day themself.
  earlier_day_consented: (ctx) => {
    const chosen = chosenLastWorkingDay(ctx);
    const legal = ctx.case.legalLastWorkingDay;
    if (chosen === undefined || legal === undefined) return false;
    return compareDates(chosen, legal) >= 0 || ctx.case.consentedLastWorkingDay === chosen;
  },

  // 第36/46条: who proposed an early release decides whether severance may be owed.
  earlier_day_proposed: (ctx) => {
    const chosen = chosenLastWorkingDay(ctx);
    const legal = ctx.case.legalLastWorkingDay;
    if (chosen === undefined || legal === undefined) return false;
    return compareDates(chosen, legal) >= 0 || ctx.command.earlyReleaseProposedBy !== undefined;
  },

  last_working_day_reached: (ctx) => {
    const last = ctx.case.lastWorkingDay;
    return last !== undefined && compareDates(beijingDate(ctx.now), last) >= 0;
  },

  checklist_complete: (ctx) => ctx.case.checklist.every(isSettled),

  // 第40条(二): incompetence shown, then training or a change of post.
  termination_documents_attached: (ctx) =>
    attachmentsMeetRule(ctx.policy.reasons[ctx.case.reason], ctx.case),

  // 第42条: no termination under 第40条 while a protected status applies.
  no_protected_status_attested: (ctx) =>
    ctx.command.noProtectedStatus === true || ctx.case.noProtectedStatus,

  // 第40条 payment in lieu: HR chooses the day, no earlier than the issue date.
  last_working_day_chosen: (ctx) => {
    if (ctx.case.noticeMode !== 'payInLieu') return true;
    const last = ctx.case.lastWorkingDay;
    return last !== undefined && compareDates(last, beijingDate(ctx.now)) >= 0;
  },
};
