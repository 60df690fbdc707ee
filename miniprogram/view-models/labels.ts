import type {
  AttachmentKind,
  AuditEventType,
  Reason,
  ReminderKind,
  ReminderStatus,
  Role,
  State,
} from '../../server/contract';

/** Labels as `Record`s over the contract's vocabularies: a new value fails the typecheck here. */

export const STATE_LABELS: Record<State, string> = {
  draft: '待发出',
  submitted: '待部门审批',
  returned: '退回补充',
  hr_review: 'HR确认',
  formalities: '手续办理',
  completed: '完成归档',
  withdrawn: '已撤回',
};

/** TDesign tag themes by stage: waiting on someone = warning, done = success. */
export type TagTheme = 'default' | 'primary' | 'warning' | 'danger' | 'success';

export const STATE_THEMES: Record<State, TagTheme> = {
  draft: 'default',
  submitted: 'warning',
  returned: 'danger',
  hr_review: 'warning',
  formalities: 'primary',
  completed: 'success',
  withdrawn: 'default',
};

export const ROLE_LABELS: Record<Role, string> = {
  employee: '员工',
  manager: '部门经理',
  hr: 'HR',
  admin: '管理员',
};

export const REASON_LABELS: Record<Reason, string> = {
  resignation: '辞职',
  personal: '其他个人原因',
  incompetence: '不能胜任工作',
  employer_fault: '用人单位过错（被迫解除）',
};

export const ATTACHMENT_LABELS: Record<AttachmentKind, string> = {
  handover_checklist: '工作交接清单',
  appraisal_record: '考核记录',
  training_certificate: '培训证明',
  position_change_record: '调岗记录',
  notice_delivery: '送达凭证',
  severance_document: '经济补偿文件',
  other: '其他材料',
};

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  notice: '办理通知',
  daily: '每日提醒',
  gentle: '温馨提醒',
  serious: '严肃提醒',
  hr_alert: '预警通知',
  manager_review: '审批提醒',
  legal_deadline: '法定时限',
};

export const REMINDER_STATUS_LABELS: Record<ReminderStatus, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  failed: '发送失败',
  failed_unknown: '结果未知',
  undeliverable: '无法送达',
  skipped: '已跳过',
};

export const REMINDER_STATUS_THEMES: Record<ReminderStatus, TagTheme> = {
  pending: 'default',
  sending: 'primary',
  sent: 'success',
  failed: 'warning',
  failed_unknown: 'warning',
  undeliverable: 'danger',
  skipped: 'default',
};

export const EVENT_LABELS: Record<AuditEventType, string> = {
  'review.approve': '部门审批通过',
  'review.return': '部门退回补充',
  'hr.escalate': 'HR 越级处理',
  withdraw: '员工撤回',
  'hr.cancel': 'HR 撤销',
  resubmit: '重新提交',
  'hr.confirm': 'HR 确认',
  'hr.return': 'HR 退回补充',
  'hr.close': '完成归档',
  'hr.issue': '发出解除通知',
  'case.submit': '提交离职申请',
  'case.terminate': '拟定解除',
  'case.attach': '上传材料',
  'case.sign': '电子签名',
  'case.consentLaterDay': '同意延后最后工作日',
  'case.consentLastWorkingDay': '同意调整最后工作日',
  'case.markDisputed': '标记劳动争议',
  'checklist.done': '完成清单项',
  'checklist.undone': '撤销清单项',
  'checklist.waive': '豁免清单项',
  'reminder.decision': '提醒记录',
  'evidence.view': '查看证据',
};

export function rolesText(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join('、') || '—';
}
