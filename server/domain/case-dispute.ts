import { toInstant } from './beijing-calendar';
import { changeCase } from './case-change';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { type CaseRecord } from './case-record';
import { actsAsHr } from './roles';

/**
 * HR marks a case as under a labour dispute (or no longer): a disputed case is evidence in
 * arbitration or court and is never purged, whatever its age (个保法 第47条 allows keeping what
 * a law requires; 劳动争议调解仲裁法 第6条 puts the burden of proof on whoever holds it). Allowed
 * in any state but a draft, finished cases included: disputes arise after the departure.
 */
export function markDisputed(
  caseDoc: CaseRecord,
  disputed: boolean,
  actor: Actor,
  now: Date,
  comment?: string,
): DomainResult {
  if (actor.role === 'system' || !actsAsHr(actor.role)) {
    return { ok: false, code: 'FORBIDDEN', reason: 'only HR marks a dispute' };
  }
  if (caseDoc.state === 'draft') {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      state: caseDoc.state,
      event: 'case.markDisputed',
    };
  }
  return changeCase(
    caseDoc,
    { disputed },
    {
      type: 'case.markDisputed',
      actor,
      at: toInstant(now),
      payload: { disputed, ...(comment?.trim() ? { comment: comment.trim() } : {}) },
    },
  );
}
