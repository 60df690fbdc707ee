import {
  addDays,
  beijingDate,
  type CalendarDate,
  compareDates,
  type Instant,
} from './beijing-calendar';
import { type DomainError } from './domain-error';

/**
 * How far ahead a last working day may lie: two years after the notice (or the day it is
 * chosen). Far beyond any notice period or agreed stay, and it keeps every date the case
 * derives from it (transfer deadlines, reminder slots) within what a Date can hold.
 */
export const LAST_WORKING_DAY_HORIZON_DAYS = 730;

/** The latest last working day a notice received (or a day chosen) on `from` allows. */
export function latestLastWorkingDay(from: CalendarDate): CalendarDate {
  return addDays(from, LAST_WORKING_DAY_HORIZON_DAYS);
}

/**
 * A last working day later than the window allows, as a validation failure naming the
 * field; undefined when the day is within it. The earliest day is each rule's own guard.
 */
export function lastWorkingDayTooLate(
  day: CalendarDate,
  from: Instant | Date,
): DomainError | undefined {
  const latest = latestLastWorkingDay(beijingDate(from));
  if (compareDates(day, latest) <= 0) return undefined;
  return { code: 'VALIDATION_FAILED', field: 'lastWorkingDay', latest };
}
