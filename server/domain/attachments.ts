/** Documents a case can carry (DESIGN §4 `case.attach`). */
export const ATTACHMENT_KINDS = [
  'handover_checklist',
  'appraisal_record',
  'training_certificate',
  'position_change_record',
  'notice_delivery',
  'severance_document',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  handover_checklist: '工作交接清单',
  appraisal_record: '绩效考核记录',
  training_certificate: '培训记录',
  position_change_record: '调岗记录',
  notice_delivery: '送达凭证',
  severance_document: '经济补偿文件',
  other: '其他材料',
};
