import { beijingDate, compareDates, type CalendarDate, toInstant } from './beijing-calendar';
import { changeCase } from './case-change';
import { lastWorkingDayTooLate } from './date-window';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { type CaseRecord } from './case-record';
import { type State } from './case-states';

/** Before HR confirms the last working day; afterwards it is fixed. */
const CONSENT_STATES: readonly State[] = ['submitted', 'returned', 'hr_review'];

/**
 * Only the employee consents, and only to a resignation's day before HR confirms it: the
 * refusal both consents share, or null.
 */
function consentRefused(
  caseDoc: CaseRecord,
  actor: Actor,
  event: 'case.consentLaterDay' | 'case.consentLastWorkingDay',
): DomainResult | null {
  if (actor.role !== 'employee') {
    return { ok: false, code: 'FORBIDDEN', reason: 'only the employee consents' };
  }
  if (caseDoc.kind !== 'resignation' || !CONSENT_STATES.includes(caseDoc.state)) {
    return { ok: false, code: 'INVALID_TRANSITION', state: caseDoc.state, event };
  }
  return null;
}

/**
 * The employee agrees in writing to stay beyond the legal last working day (第37条 lets them
 * leave after 30 days; a later day binds them only with their consent). HR may then confirm
 * any day up to the one agreed.
 */
export function consentToLaterDay(
  caseDoc: CaseRecord,
  lastWorkingDay: CalendarDate,
  actor: Actor,
  now: Date,
): DomainResult {
  const refused = consentRefused(caseDoc, actor, 'case.consentLaterDay');
  if (refused) return refused;
  const legal = caseDoc.legalLastWorkingDay;
  if (legal === undefined || compareDates(lastWorkingDay, legal) <= 0) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'later_than_legal_day' };
  }
  const late = lastWorkingDayTooLate(lastWorkingDay, caseDoc.noticeReceivedAt ?? now);
  if (late) return { ok: false, ...late };
  return changeCase(
    caseDoc,
    { consentToLaterDay: lastWorkingDay },
    {
      type: 'case.consentLaterDay',
      actor,
      at: toInstant(now),
      payload: { consentToLaterDay: lastWorkingDay, legalLastWorkingDay: legal },
    },
  );
}

/**
 * The employee records, in their own name, the last working day they agree to: later than the
 * legal one (第37条: staying longer binds them only with consent), or earlier (第36条: the
 * contract ends early only by agreement). HR may then confirm exactly that day; for an
 * earlier day HR also says who proposed it (a company proposal may owe severance, 第46条(二)).
 */
export function consentToLastWorkingDay(
  caseDoc: CaseRecord,
  lastWorkingDay: CalendarDate,
  actor: Actor,
  now: Date,
): DomainResult {
  const refused = consentRefused(caseDoc, actor, 'case.consentLastWorkingDay');
  if (refused) return refused;
  const legal = caseDoc.legalLastWorkingDay;
  const received = caseDoc.noticeReceivedAt;
  if (legal === undefined || received === undefined || lastWorkingDay === legal) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'other_than_legal_day' };
  }
  if (compareDates(lastWorkingDay, beijingDate(received)) < 0) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'last_working_day_after_notice' };
  }
  const late = lastWorkingDayTooLate(lastWorkingDay, received);
  if (late) return { ok: false, ...late };
  return changeCase(
    caseDoc,
    { consentedLastWorkingDay: lastWorkingDay },
    {
      type: 'case.consentLastWorkingDay',
      actor,
      at: toInstant(now),
      payload: {
        consentedLastWorkingDay: lastWorkingDay,
        legalLastWorkingDay: legal,
        earlier: compareDates(lastWorkingDay, legal) < 0,
      },
    },
  );
}
