import { type CaseRecord } from './case-record';
import { handoverListPresent } from './case-guards';
import {
  isSettled,
  PAY_AND_CERTIFICATE_ITEMS,
  SIGN_ITEMS,
  TRANSFER_ITEMS,
} from './checklist-rules';
import { type ReminderTrack } from './reminder-kinds';

/**
 * Which reminder tracks a case has open (DESIGN §3 "Reminders"): the employee's open task
 * (handover list while submitted/returned and missing; the signature in formalities), the
 * manager's review once the handover list is there, HR's legal deadlines, HR's monthly
 * non-compete compensation while it is enforced, and the successors' handover items.
 */
export function openTracks(caseDoc: CaseRecord): ReminderTrack[] {
  const tracks: ReminderTrack[] = [];
  const inReview = caseDoc.state === 'submitted' || caseDoc.state === 'returned';
  const handover = handoverListPresent(caseDoc);
  if (inReview && !handover) tracks.push('employee_handover');
  if (caseDoc.state === 'submitted' && handover) tracks.push('manager_review');
  // Successors are told of their items while the case is under way and any is unconfirmed.
  const running = inReview || caseDoc.state === 'hr_review' || caseDoc.state === 'formalities';
  if (running && caseDoc.handover?.items.some((i) => i.status !== 'confirmed')) {
    tracks.push('successor_handover');
  }
  if (caseDoc.state === 'formalities') {
    const open = (ids: readonly string[]): boolean =>
      caseDoc.checklist.some((e) => ids.includes(e.item) && !isSettled(e));
    if (open(SIGN_ITEMS)) tracks.push('employee_sign');
    if (open(PAY_AND_CERTIFICATE_ITEMS) || open(TRANSFER_ITEMS)) tracks.push('legal_deadline');
  }
  // 劳动合同法 第23条: an enforced non-compete is paid monthly after the departure, so its
  // reminders outlive the case's closing (the schedule ends them).
  if (
    (caseDoc.state === 'formalities' || caseDoc.state === 'completed') &&
    caseDoc.nonCompete?.decision === 'enforced' &&
    caseDoc.lastWorkingDay !== undefined
  ) {
    tracks.push('non_compete_compensation');
  }
  return tracks;
}
