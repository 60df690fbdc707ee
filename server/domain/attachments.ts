/** Documents a case can carry (DESIGN §4 `case.attach`). */
export const ATTACHMENT_KINDS = [
  'handover_checklist',
  'appraisal_record',
  'training_certificate',
  'position_change_record',
  'notice_delivery',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
