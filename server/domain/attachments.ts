/** Documents a case can carry (DESIGN §4 `case.attach`). */
export const ATTACHMENT_KINDS = [
  'handover_checklist',
  'appraisal_record',
  'training_certificate',
  'position_change_record',
  'notice_delivery',
  'severance_document',
  'other',
  // 第43条: the union's notice and, when it objected, the company's written reply.
  'union_notice',
  'union_reply',
  // The employee's written request to withdraw a resignation (民法典 第141条).
  'withdrawal_request',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

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
