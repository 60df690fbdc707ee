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
  'after_last_working_day',
  'notice_delivery_attached',
  'e_signature_required',
  'item_open',
  'item_not_waived',
  'letter_unchanged',
  'attachment_allowed',
  'later_than_legal_day',
  'statutory_duty',
  'fault_grounds_named',
  'other_than_legal_day',
  'severance_document_attached',
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
  after_last_working_day: '最后工作日之后才能豁免员工事项',
  notice_delivery_attached: '豁免员工事项前请上传送达凭证',
  e_signature_required: '此项须由员工电子签名完成',
  item_open: '此项已完成',
  item_not_waived: '此项已豁免',
  letter_unchanged: '文书内容已变化，请刷新后重新签署',
  attachment_allowed: '当前阶段不能上传此类材料',
  later_than_legal_day: '同意的最后工作日须晚于法定的最后工作日',
  statutory_duty: '法定义务不能豁免：办结后标记完成，可附说明',
  severance_document_attached:
    '经济补偿不能豁免：以“无须支付”或“已协议解决”办结前，请先上传经济补偿文件（协议或说明）',
  other_than_legal_day: '所选日期与法定最后工作日相同，无需另行同意',
  earlier_day_consented: '早于法定日期的最后工作日须由员工本人在小程序中同意该日期（第36条）',
  fault_grounds_named:
    '因用人单位过错解除时须选择至少一项过错情形；其他离职原因不填过错情形和最后工作日',
};
