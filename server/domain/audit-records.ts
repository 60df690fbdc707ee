import { toInstant } from './beijing-calendar';
import { changeCase } from './case-change';
import { type Actor, type DomainResult } from './case-effects';
import { type CaseRecord } from './case-record';

/** The timer and other server-side work act as this actor in the audit trail. */
export const SYSTEM_ACTOR: Actor = { openid: 'system', role: 'system' };

/**
 * A view of the evidence is itself evidence (DESIGN §3 "Audit trail"); it is the only event
 * a completed case still takes, and it changes nothing else.
 */
export function recordEvidenceView(caseDoc: CaseRecord, actor: Actor, now: Date): DomainResult {
  return changeCase(
    caseDoc,
    {},
    {
      type: 'evidence.view',
      actor,
      at: toInstant(now),
      payload: { chainHead: caseDoc.lastEventHash },
    },
  );
}
