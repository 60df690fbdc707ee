import { type CaseRecord } from './case-record';
import { type DomainResult, type PendingEvent } from './case-effects';
import { trackEffects } from './reminder-tracks';

/**
 * A change that keeps the case in its state: the case one version on, with the event that
 * records it and the reminder tracks it opened or closed.
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
    effects: { event, reminders: trackEffects(before, next, event.at) },
  };
}
