/** Events that move a case between states; the machine's table names which apply where. */
export const EVENT_TYPES = [
  'review.approve',
  'review.return',
  'hr.escalate',
  'withdraw',
  'hr.cancel',
  'resubmit',
  'hr.confirm',
  'hr.return',
  'hr.close',
  'hr.issue',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Everything else the audit trail records (DESIGN §3 "Audit trail"): creation, uploads,
 * checklist changes, the signature, reminder decisions, views of evidence, rebinding.
 */
export const RECORD_EVENT_TYPES = [
  'case.submit',
  'case.terminate',
  'case.attach',
  'case.sign',
  'case.consentLaterDay',
  // 民法典 第137条: the termination notice reached the employee (first opening, or HR's record).
  'notice.delivered',
  'case.consentLastWorkingDay',
  'case.markDisputed',
  'case.nonCompete',
  // HR or the manager phoned the employee (需电话联系): a fact of the handling, no evidence field.
  'case.contact',
  // The successors named, and each handover item confirmed or disputed by them.
  'handover.assign',
  'handover.confirm',
  'handover.dispute',
  'checklist.done',
  'checklist.undone',
  'checklist.waive',
  'reminder.decision',
  'evidence.view',
  'document.generated',
  'certificate.reasonChoice',
  'certificate.issue',
] as const;
export type RecordEventType = (typeof RECORD_EVENT_TYPES)[number];

export type AuditEventType = EventType | RecordEventType;

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

export const AUDIT_EVENT_TYPES = [...EVENT_TYPES, ...RECORD_EVENT_TYPES] as const;
