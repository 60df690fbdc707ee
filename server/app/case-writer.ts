import { caseIndicators } from '../domain/case-indicators';
import type { CaseRecord } from '../domain/case-record';
import type { PendingEvent } from '../domain/case-effects';
import { isTerminal } from '../domain/case-states';
import { appendEvent, type AuditEvent } from '../domain/event-chain';
import type { Policy } from '../domain/policy';
import { nextReminderAfterChange } from '../domain/reminder-policy';
import { CALLABLE_TRACKS } from '../domain/reminder-kinds';
import { openTracks } from '../domain/reminder-tracks';
import type { CasesRepository, StoredCase } from './ports/cases.port';
import type { Crypto } from './ports/crypto.port';

/**
 * "Needs a phone call" lasts while the employee or the manager still has a task the reminders
 * are about; once those tracks are closed there is nobody left to call.
 */
function stillNeedsCall(caseDoc: CaseRecord, flagged: boolean): boolean {
  return flagged && openTracks(caseDoc).some((t) => CALLABLE_TRACKS.includes(t));
}

/**
 * Turns the domain's next case and events into what is stored: the events numbered and
 * chained, the derived indicators refreshed, and `nextReminderAt` (the sweep's indexed due
 * field) moved to the first slot of any reminder track the change opened.
 */
export function storedCase(
  next: CaseRecord,
  pending: PendingEvent | readonly PendingEvent[],
  previous: StoredCase | null,
  policy: Policy,
  crypto: Crypto,
  schedule?: { readonly nextReminderAt: string | null; readonly needsCall: boolean },
): { stored: StoredCase; event: AuditEvent; events: AuditEvent[] } {
  const pendings = Array.isArray(pending) ? pending : [pending as PendingEvent];
  let record = next;
  const events: AuditEvent[] = [];
  for (const p of pendings) {
    const chained = appendEvent(record, p, (text) => crypto.sha256(text));
    record = chained.case;
    events.push(chained.event);
  }
  const last = events[events.length - 1];
  if (!last) throw new Error('a case change carries at least one event');
  const at = new Date(last.at);
  const nextReminderAt =
    schedule?.nextReminderAt !== undefined
      ? schedule.nextReminderAt
      : nextReminderAfterChange(
          previous,
          previous?.nextReminderAt ?? null,
          record,
          at,
          policy.reminders,
        );
  return {
    stored: {
      ...record,
      ...caseIndicators(record, policy),
      events: [...(previous?.events ?? []), ...events],
      needsCall: stillNeedsCall(record, schedule?.needsCall ?? previous?.needsCall ?? false),
      nextReminderAt,
    },
    event: last,
    events,
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

/**
 * The reminder sweep's write to a case: its decisions as `reminder.decision` events, the next
 * due time and the phone-call flag, in the same version-checked update as any other change.
 */
export async function saveReminderOutcome(
  cases: CasesRepository,
  before: StoredCase,
  pendings: readonly PendingEvent[],
  schedule: { readonly nextReminderAt: string | null; readonly needsCall: boolean },
  at: string,
  policy: Policy,
  crypto: Crypto,
): Promise<'saved' | 'conflict'> {
  const next: CaseRecord = { ...recordOf(before), version: before.version + 1, updatedAt: at };
  if (pendings.length === 0) {
    if (
      before.nextReminderAt === schedule.nextReminderAt &&
      before.needsCall === schedule.needsCall
    ) {
      return 'saved';
    }
  }
  const { stored, events } =
    pendings.length > 0
      ? storedCase(next, pendings, before, policy, crypto, schedule)
      : {
          stored: {
            ...before,
            version: before.version + 1,
            nextReminderAt: schedule.nextReminderAt,
            needsCall: stillNeedsCall(before, schedule.needsCall),
          },
          events: [],
        };
  return cases.saveWithEvents(before.version, stored, events);
}

/**
 * Every field a stored case holds beside its domain record (the log, the indicators, the
 * reminder schedule, the OA mark): a field added to StoredCase does not compile until it is
 * listed here.
 */
const STORED_ONLY: Record<Exclude<keyof StoredCase, keyof CaseRecord>, true> = {
  events: true,
  needsCall: true,
  nextReminderAt: true,
  oaSyncFailed: true,
  enteredAt: true,
  enteredAtMs: true,
  overdueAt: true,
  noticeDate: true,
  stageMs: true,
  handlingMs: true,
  formalitiesAtMs: true,
  signedAtMs: true,
};

const STORED_ONLY_KEYS: ReadonlySet<string> = new Set(Object.keys(STORED_ONLY));

/** The domain record inside a stored case: every stored-only field stripped. */
function recordOf(stored: StoredCase): CaseRecord {
  const entries = Object.entries(stored).filter(([key]) => !STORED_ONLY_KEYS.has(key));
  // What is left is exactly the CaseRecord part; entries only type it as strings and unknowns.
  return Object.fromEntries(entries) as unknown as CaseRecord;
}
