import { toInstant } from './beijing-calendar';
import { type Actor, type DomainResult } from './case-effects';
import { type CaseRecord } from './case-record';
import { type ReminderDecision } from './reminder-policy';

/** The timer and other server-side work act as this actor in the audit trail. */
export const SYSTEM_ACTOR: Actor = { openid: 'system', role: 'system' };

function touched(caseDoc: CaseRecord, now: Date): CaseRecord {
  return { ...caseDoc, version: caseDoc.version + 1, updatedAt: toInstant(now) };
}

/**
 * A view of the evidence is itself evidence (DESIGN §3 "Audit trail"); it is the only event
 * a completed case still takes, and it changes nothing else.
 */
export function recordEvidenceView(caseDoc: CaseRecord, actor: Actor, now: Date): DomainResult {
  const at = toInstant(now);
  return {
    ok: true,
    case: touched(caseDoc, now),
    effects: {
      event: { type: 'evidence.view', actor, at, payload: { chainHead: caseDoc.lastEventHash } },
      reminders: [],
    },
  };
}

/** What a reminder run decided for the case, logged before anything is sent. */
export function recordReminderDecisions(
  caseDoc: CaseRecord,
  decisions: readonly ReminderDecision[],
  now: Date,
  actor: Actor = SYSTEM_ACTOR,
): DomainResult {
  const at = toInstant(now);
  return {
    ok: true,
    case: touched(caseDoc, now),
    effects: {
      event: {
        type: 'reminder.decision',
        actor,
        at,
        payload: {
          decisions: decisions.map((d) => ({
            id: d.id,
            kind: d.kind,
            recipient: d.recipient,
            status: d.status,
            dueAt: d.dueAt,
          })),
        },
      },
      reminders: [],
    },
  };
}
