/** Documents a case can carry (DESIGN §4 `case.attach`). */
export const ATTACHMENT_KINDS = [
  'handover_checklist',
  'appraisal_record',
  'training_certificate',
  'position_change_record',
  'notice_delivery',
  'other',
  // 第43条: the union's notice and, when it objected, the company's written reply.
  'union_notice',
  'union_reply',
  // The employee's written request to withdraw a resignation (民法典 第141条).
  'withdrawal_request',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  handover_checklist: '工作交接清单',
  appraisal_record: '绩效考核记录',
  training_certificate: '培训记录',
  position_change_record: '调岗记录',
  notice_delivery: '送达凭证',
  other: '其他材料',
  union_notice: '通知工会的书面记录',
  union_reply: '对工会意见的书面答复',
  withdrawal_request: '员工撤回辞职的书面申请',
};

/**
 * Termination documents whose date matters to a rule (第40条(二): a second appraisal dated
 * after the training or change of post); `case.attach` may carry that date.
 */
export const DATED_ATTACHMENT_KINDS: readonly AttachmentKind[] = [
  'appraisal_record',
  'training_certificate',
  'position_change_record',
  'union_notice',
  'union_reply',
];
