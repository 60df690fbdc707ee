import { beijingDate, compareDates, instantMs, MS_PER_DAY } from './beijing-calendar';
import { type EarlyReleaseProposer, isCancelBasis, type UnionNotice } from './case-kinds';
import { type StoredAttachment } from './case-record';
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
  /** hr.issue: whom HR told before the issue (第43条). */
  readonly unionNotice?: UnionNotice;
  /** hr.cancel: why HR cancels (DESIGN §3: HR never revokes a resignation alone). */
  readonly basis?: string;
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
  'union_notified',
  'still_incompetent_after',
  'notice_delivered',
  'after_last_working_day',
  'notice_delivery_attached',
  'cancel_basis_given',
  'withdrawal_request_attached',
  'entered_in_error_oa_only',
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

function hasAttachment(caseDoc: CaseRecord, kind: StoredAttachment['kind']): boolean {
  return caseDoc.attachments.some((a) => a.kind === kind);
}

/**
 * Whether document `later` is dated after document `earlier` on the case: by the dates they
 * bear where HR gave them (the upload's Beijing date stands in for a missing one); two undated
 * documents by the order they were added to the case.
 */
export function datedAfter(
  caseDoc: CaseRecord,
  later: StoredAttachment,
  earlier: StoredAttachment,
) {
  if (later.documentDate === undefined && earlier.documentDate === undefined) {
    return caseDoc.attachments.indexOf(later) > caseDoc.attachments.indexOf(earlier);
  }
  const dateOf = (a: StoredAttachment) => a.documentDate ?? beijingDate(a.at);
  return compareDates(dateOf(later), dateOf(earlier)) > 0;
}

/**
 * 第40条(二) 仍不能胜任: a first appraisal, the training or change of post, and a second
 * appraisal dated after that training or change.
 */
export function stillIncompetentAfter(caseDoc: CaseRecord): boolean {
  const appraisals = caseDoc.attachments.filter((a) => a.kind === 'appraisal_record');
  const remedies = caseDoc.attachments.filter(
    (a) => a.kind === 'training_certificate' || a.kind === 'position_change_record',
  );
  return remedies.some((remedy) =>
    appraisals.some(
      (second) =>
        datedAfter(caseDoc, second, remedy) && appraisals.some((first) => first !== second),
    ),
  );
}

/**
 * 第43条: the union (or, without one, the local federation / street union or the employee
 * representatives) was told on or before the issue date, its record is attached, and when it
 * objected the company's written reply is attached too.
 */
export function unionNotified(caseDoc: CaseRecord, notice: UnionNotice | undefined, now: Date) {
  if (notice === undefined) return false;
  if (compareDates(notice.notifiedOn, beijingDate(now)) > 0) return false;
  if (!hasAttachment(caseDoc, 'union_notice')) return false;
  return notice.objection !== true || hasAttachment(caseDoc, 'union_reply');
}

/** Which bases may cancel a case where it stands (DESIGN §3 `hr.cancel`). */
function basisFits(caseDoc: CaseRecord, basis: string | undefined): boolean {
  if (caseDoc.state === 'draft') return basis === undefined || isCancelBasis(basis);
  if (caseDoc.kind === 'termination') return basis === 'employee_agreed';
  return basis === 'employee_request' || basis === 'duplicate' || basis === 'entered_in_error';
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

  union_notified: (ctx) => unionNotified(ctx.case, ctx.command.unionNotice, ctx.now),

  still_incompetent_after: (ctx) => stillIncompetentAfter(ctx.case),

  // 民法典 第137条: a termination takes effect when its notice reaches the employee.
  notice_delivered: (ctx) =>
    ctx.case.kind !== 'termination' || ctx.case.noticeReceivedAt !== undefined,

  after_last_working_day: (ctx) => {
    const last = ctx.case.lastWorkingDay;
    return last !== undefined && compareDates(beijingDate(ctx.now), last) > 0;
  },

  notice_delivery_attached: (ctx) => hasAttachment(ctx.case, 'notice_delivery'),

  cancel_basis_given: (ctx) => basisFits(ctx.case, ctx.command.basis),

  withdrawal_request_attached: (ctx) =>
    ctx.case.state === 'draft' ||
    ctx.command.basis !== 'employee_request' ||
    hasAttachment(ctx.case, 'withdrawal_request'),

  // An OA entry can be made in error; the employee's own submission is their notice.
  entered_in_error_oa_only: (ctx) =>
    ctx.case.state === 'draft' ||
    ctx.command.basis !== 'entered_in_error' ||
    ctx.case.source === 'oa',
};

/** Every named precondition; `details.guard` of PRECONDITION_FAILED is one of these. */
export const GUARD_NAMES = [
  ...MACHINE_GUARDS,
  'reason_matches_kind',
  'note_given',
  'e_signature_required',
  'item_open',
  'item_not_waived',
  'letter_unchanged',
  'attachment_allowed',
  'later_than_legal_day',
  'statutory_duty',
  'delivery_not_recorded',
  'delivery_date_valid',
  'certificate_on_last_day',
  'contract_start_known',
  'fault_grounds_named',
  'other_than_legal_day',
  'severance_document_attached',
  'decision_action_required',
  'non_compete_terms_given',
  'case_closed',
  'case_disputed',
  'retention_period',
  'handover_open',
  'handover_untouched',
  'successor_not_leaver',
  'handover_started',
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
  after_last_working_day: '最后工作日过后才能豁免员工事项或越级处理',
  notice_delivery_attached: '请先上传送达凭证（如 EMS 回执）',
  e_signature_required: '此项须由员工电子签名完成',
  item_open: '此项已完成',
  item_not_waived: '此项已豁免',
  letter_unchanged: '文书内容已变化，请刷新后重新签署',
  attachment_allowed: '当前阶段不能上传此类材料',
  union_notified:
    '请先通知工会（第43条）：填写通知日期（不晚于今天）和通知对象，并上传通知工会的书面记录；工会提出异议的，还须上传公司的书面答复。没有工会的，通知当地总工会、街道工会或职工代表',
  still_incompetent_after:
    '第40条(二)须证明仍不能胜任：请在培训或调岗记录之后，再上传一份日期更晚的绩效考核记录',
  notice_delivered: '解除通知尚未送达员工：员工在小程序中查阅后或 HR 登记送达后才能继续',
  delivery_not_recorded: '解除通知已登记送达，不能重复登记',
  delivery_date_valid: '送达日期须在通知发出之日至今天之间',
  cancel_basis_given:
    'HR 不能单方撤销：辞职案件须注明依据（员工书面申请撤回、重复提交或 OA 误录入）；已发出的解除通知须经员工同意',
  withdrawal_request_attached: '按员工申请撤销的，请先上传员工撤回辞职的书面申请',
  entered_in_error_oa_only:
    '“误录入”只适用于经 OA 提交的案件；员工本人提交的辞职须按其书面申请撤回',
  later_than_legal_day: '同意的最后工作日须晚于法定的最后工作日',
  statutory_duty: '法定义务不能豁免：办结后标记完成，可附说明',
  certificate_on_last_day: '离职证明须在最后工作日当天或之后出具（劳动合同法 第50条）',
  contract_start_known: '员工档案缺少劳动合同起始日：请先在花名册中补充后再出具离职证明',
  severance_document_attached:
    '经济补偿不能豁免：以“无须支付”或“已协议解决”办结前，请先上传经济补偿文件（协议或说明）',
  other_than_legal_day: '所选日期与法定最后工作日相同，无需另行同意',
  earlier_day_consented: '早于法定日期的最后工作日须由员工本人在小程序中同意该日期（第36条）',
  fault_grounds_named:
    '因用人单位过错解除时须选择至少一项过错情形；其他离职原因不填过错情形和最后工作日',
  decision_action_required: '此项须在案件页录入竞业限制决定后自动完成',
  non_compete_terms_given: '执行竞业限制须填写期限（1–24个月）和每月补偿金额',
  case_closed: '只能清除已办结（完成归档或已撤回）的案件：请先办结此案件',
  case_disputed: '此案件已标记为劳动争议，须作为证据保留，不能清除；争议了结后由 HR 取消标记再清除',
  retention_period:
    '保存期限未满（劳动合同法 第50条第3款：至少保存2年，自办结起算），期满后才能清除个人信息',
  handover_open: '工作交接已确认完成，不能再指定交接人',
  handover_untouched: '已有交接事项被确认接收，不能重新指定交接人；如需调整请联系 HR',
  successor_not_leaver: '交接人不能是离职员工本人，请填写接手工作的同事工号',
  handover_started: 'HR 确认离职、进入手续办理后才能确认交接事项，请稍后再试',
};
