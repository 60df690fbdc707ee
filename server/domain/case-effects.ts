import { MACHINE_GUARDS } from './case-guards';
import { type AuditEventType } from './case-events';
import { type State } from './case-states';
import { type CaseRecord } from './case-record';
import { type Instant } from './beijing-calendar';
import { type Role } from './roles';

/** Who did something: the OPENID the server saw and the role they acted in. */
export interface Actor {
  readonly openid: string;
  readonly role: Role | 'system';
}

/** An audit event before it is numbered and hashed (that happens where it is written). */
export interface PendingEvent {
  readonly type: AuditEventType;
  readonly actor: Actor;
  readonly at: Instant;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * What a change leaves for the adapters to carry out: its audit event. Reminders are not an
 * effect: the writer schedules them from the case before and after (`nextReminderAfterChange`).
 */
export interface Effects {
  readonly event: PendingEvent;
}

/** Expected failures, as values with stable codes (mapped onto the RPC error codes). */
export type DomainError =
  | { readonly code: 'INVALID_TRANSITION'; readonly state: State; readonly event: AuditEventType }
  | { readonly code: 'FORBIDDEN'; readonly reason: string }
  | { readonly code: 'PRECONDITION_FAILED'; readonly guard: GuardName }
  | { readonly code: 'NOT_FOUND'; readonly what: string }
  /** A date outside the window the case allows (the payload alone could not tell). */
  | { readonly code: 'VALIDATION_FAILED'; readonly field: string; readonly latest: string };

export type DomainResult =
  | { readonly ok: true; readonly case: CaseRecord; readonly effects: Effects }
  | ({ readonly ok: false } & DomainError);

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
  termination_documents_attached: '请先上传考核记录以及培训或调岗记录',
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
    '第40条(二)须证明仍不能胜任：请在培训或调岗记录之后，再上传一份日期更晚的考核记录',
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
};
