import { caseIndicators } from '../domain/case-indicators';
import type { CaseRecord } from '../domain/case-record';
import type { PendingEvent } from '../domain/case-effects';
import { isTerminal } from '../domain/case-states';
import { appendEvent, type AuditEvent } from '../domain/event-chain';
import type { Policy } from '../domain/policy';
import type { CasesRepository, Crypto, StoredCase } from './ports';

/**
 * Turns the domain's next case and event into what is stored: the event numbered and chained,
 * the derived indicators refreshed. Used for new cases and for every change.
 */
export function storedCase(
  next: CaseRecord,
  pending: PendingEvent,
  previous: Pick<StoredCase, 'events' | 'needsCall'> | null,
  policy: Policy,
  crypto: Crypto,
): { stored: StoredCase; event: AuditEvent } {
  const chained = appendEvent(next, pending, (text) => crypto.sha256(text));
  return {
    stored: {
      ...chained.case,
      ...caseIndicators(chained.case, policy),
      events: [...(previous?.events ?? []), chained.event],
      needsCall: previous?.needsCall ?? false,
    },
    event: chained.event,
  };
}

/**
 * Writes a change in one version-checked update together with its event; a case that has
 * just ended gives up the employee's open-case lock.
 */
export async function saveChange(
  cases: CasesRepository,
  before: StoredCase,
  next: CaseRecord,
  pending: PendingEvent,
  policy: Policy,
  crypto: Crypto,
): Promise<{ ok: true; case: StoredCase; event: AuditEvent } | { ok: false }> {
  const { stored, event } = storedCase(next, pending, before, policy, crypto);
  if ((await cases.save(before.version, stored, event)) === 'conflict') return { ok: false };
  if (isTerminal(stored.state) && !isTerminal(before.state)) {
    await cases.releaseLock(stored.employee.employeeNo, stored.caseId);
  }
  return { ok: true, case: stored, event };
}
