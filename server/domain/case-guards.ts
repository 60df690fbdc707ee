import { beijingDate, compareDates, instantMs, MS_PER_DAY } from './beijing-calendar';
import { type EarlyReleaseProposer } from './case-kinds';
import { type CaseRecord } from './case-record';
import { type EventType } from './case-events';
import { type Asset } from './checklist';
import { isSettled } from './checklist-rules';
import { type Actor } from './actor';
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

/** When the case last entered `state` (a returned case enters `submitted` again on resubmission). */
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
    const consent = ctx.case.consentToLaterDay;
    return consent !== undefined && compareDates(chosen, consent) <= 0;
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

/** Every named precondition; `details.guard` of PRECONDITION_FAILED is one of these. */
export const GUARD_NAMES = [
  ...MACHINE_GUARDS,
  'reason_matches_kind',
  'note_given',
  'after_last_working_day',
  'notice_delivery_attached',
  'e_signature_required',
  'item_open',
  'item_not_waived',
  'letter_unchanged',
  'attachment_allowed',
  'later_than_legal_day',
  'statutory_duty',
  'decision_action_required',
  'non_compete_terms_given',
] as const;
export type GuardName = (typeof GUARD_NAMES)[number];

export const GUARD_MESSAGES: Record<GuardName, string> = {
  handover_list_present: '请先上传工作交接清单',
  reason_requirements_met: '离职原因所需的说明或材料不完整',
  comment_given: '请填写意见',
  manager_overdue: '部门经理审批尚未超过时限，暂不能由HR处理',
  withdraw_allowed: '公司设置不允许在审批前撤回',
  last_working_day_after_notice: '最后工作日不能早于通知日期',
  later_day_consented: '晚于法定日期的最后工作日须有员工同意',
  earlier_day_proposed: '早于法定日期的最后工作日须注明由谁提出',
  last_working_day_reached: '尚未到最后工作日',
  checklist_complete: '还有未完成的手续',
  termination_documents_attached: '请先上传绩效考核记录以及培训或调岗记录',
  no_protected_status_attested: '请确认员工不存在第42条规定的情形',
  last_working_day_chosen: '选择代通知金时须指定最后工作日',
  reason_matches_kind: '该离职原因不适用于此类案件',
  note_given: '请填写备注',
  after_last_working_day: '最后工作日之后才能豁免员工事项',
  notice_delivery_attached: '豁免员工事项前请上传送达凭证',
  e_signature_required: '此项须由员工电子签名完成',
  item_open: '此项已完成',
  item_not_waived: '此项已豁免',
  letter_unchanged: '文书内容已变化，请刷新后重新签署',
  attachment_allowed: '当前阶段不能上传此类材料',
  later_than_legal_day: '同意的最后工作日须晚于法定的最后工作日',
  statutory_duty: '法定义务不能豁免：办结后标记完成，可附说明',
  decision_action_required: '此项须在案件页录入竞业限制决定后自动完成',
  non_compete_terms_given: '执行竞业限制须填写期限（1–24个月）和每月补偿金额',
};
