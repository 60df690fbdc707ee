import { type CaseRecord } from './case-record';
import { type DomainResult, type PendingEvent } from './case-effects';

/**
 * A change that keeps the case in its state: the case one version on, with the event that
 * records it.
 */
export function changeCase(
  before: CaseRecord,
  patch: Partial<CaseRecord>,
  event: PendingEvent,
): DomainResult {
  const next: CaseRecord = {
    ...before,
    ...patch,
    version: before.version + 1,
    updatedAt: event.at,
  };
  return {
    ok: true,
    case: next,
    effects: { event },
  };
}
