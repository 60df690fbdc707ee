import type { ActionResult, CertificateStatus } from '../contract';
import type { ClosedCase } from './ports/cases.port';

type DepartureRecord = NonNullable<ActionResult<'me.get'>['history']>[number];

/**
 * The 离职证明 of a finished case: issued once HR ticked `certificate_issued` (第50条: when the
 * contract ends); a withdrawn case ended no contract and gets none.
 */
function certificateOf(caseDoc: ClosedCase): {
  certificate: CertificateStatus;
  certificateIssuedAt?: string;
} {
  if (caseDoc.state !== 'completed') return { certificate: 'none' };
  const entry = caseDoc.checklist.find((e) => e.item === 'certificate_issued');
  if (entry?.done) {
    return {
      certificate: 'issued',
      ...(entry.doneAt ? { certificateIssuedAt: entry.doneAt } : {}),
    };
  }
  return { certificate: 'pending' };
}

/**
 * One row of the employee's 离职记录, or null for a termination HR withdrew before issuing it:
 * the employee never saw that draft (DESIGN §3), so it is no part of their record.
 */
export function departureRecord(caseDoc: ClosedCase): DepartureRecord | null {
  if (caseDoc.kind === 'termination' && caseDoc.issuedAt === undefined) return null;
  return {
    caseId: caseDoc.caseId,
    kind: caseDoc.kind,
    reason: caseDoc.reason,
    state: caseDoc.state,
    ...(caseDoc.noticeReceivedAt ? { noticeReceivedAt: caseDoc.noticeReceivedAt } : {}),
    ...(caseDoc.lastWorkingDay ? { lastWorkingDay: caseDoc.lastWorkingDay } : {}),
    endedAt: caseDoc.enteredAt,
    ...(caseDoc.signature ? { signedAt: caseDoc.signature.at } : {}),
    evidenceCount: caseDoc.attachments.length,
    ...certificateOf(caseDoc),
  };
}
