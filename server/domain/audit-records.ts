import { beijingDate, toInstant } from './beijing-calendar';
import { changeCase } from './case-change';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { type CaseRecord } from './case-record';
import { type AuditEvent } from './event-chain';

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

/**
 * Views are logged at most once per person, case and Beijing day (DESIGN §3 "Audit trail"), so
 * no caller can grow a case without bound by looking at it.
 */
export function viewLoggedToday(
  events: readonly Pick<AuditEvent, 'type' | 'actor' | 'at'>[],
  openid: string,
  now: Date,
): boolean {
  const today = beijingDate(now);
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i];
    if (e === undefined) continue;
    if (beijingDate(e.at) < today) return false;
    if (e.type === 'evidence.view' && e.actor.openid === openid) return true;
  }
  return false;
}
