import { compareDates, type CalendarDate, toInstant } from './beijing-calendar';
import { changeCase } from './case-change';
import { lastWorkingDayTooLate } from './date-window';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { type CaseRecord } from './case-record';
import { type State } from './case-states';

/** Before HR confirms the last working day; afterwards it is fixed. */
const CONSENT_STATES: readonly State[] = ['submitted', 'returned', 'hr_review'];

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
  if (actor.role !== 'employee') {
    return { ok: false, code: 'FORBIDDEN', reason: 'only the employee consents' };
  }
  if (caseDoc.kind !== 'resignation' || !CONSENT_STATES.includes(caseDoc.state)) {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      state: caseDoc.state,
      event: 'case.consentLaterDay',
    };
  }
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
