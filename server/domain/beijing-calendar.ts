/**
 * Dates and times in Asia/Shanghai (UTC+8, no daylight saving since 1991). Functions run in
 * UTC, so every conversion goes through a fixed offset and only UTC accessors of Date are
 * used: the machine's zone never matters.
 */

/** A calendar date `YYYY-MM-DD` in Beijing. */
export type CalendarDate = string;
/** An instant as ISO 8601 with an offset. */
export type Instant = string;

const BEIJING_OFFSET_MINUTES = 8 * 60;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export const MS_PER_DAY = 24 * 60 * 60 * 1000;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2027-02-29). */
export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2027-02-30 over in some engines; a round trip catches it.
  return !Number.isNaN(ms) && formatUtcDate(ms) === value;
}

/** True for an ISO 8601 instant that carries an offset (`Z` or `±hh:mm`). */
export function isInstant(value: string): boolean {
  const match = INSTANT_PATTERN.exec(value);
  if (!match || match[1] === undefined || !isCalendarDate(match[1])) return false;
  return !Number.isNaN(Date.parse(value));
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` of a UTC timestamp (callers shift it to Beijing first where needed). */
function formatUtcDate(ms: number): CalendarDate {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function toMs(at: Date | Instant): number {
  return typeof at === 'string' ? Date.parse(at) : at.getTime();
}

/** The Beijing calendar date of an instant. */
export function beijingDate(at: Date | Instant): CalendarDate {
  return formatUtcDate(toMs(at) + BEIJING_OFFSET_MINUTES * 60 * 1000);
}

/** Hours and minutes on the Beijing wall clock, as minutes since Beijing midnight. */
export function beijingMinuteOfDay(at: Date | Instant): number {
  const shifted = new Date(toMs(at) + BEIJING_OFFSET_MINUTES * 60 * 1000);
  return shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
}

/** Calendar arithmetic on a date (no time of day involved, so no zone either). */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  return formatUtcDate(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** The instant a Beijing wall-clock time happens on a Beijing date. */
export function beijingTime(date: CalendarDate, hour: number, minute = 0): Date {
  const midnightUtcMs = Date.parse(`${date}T00:00:00Z`) - BEIJING_OFFSET_MINUTES * 60 * 1000;
  return new Date(midnightUtcMs + (hour * 60 + minute) * 60 * 1000);
}

/** Canonical form for storing an instant: UTC with `Z`, millisecond precision. */
export function toInstant(at: Date): Instant {
  return at.toISOString();
}

export function instantMs(at: Instant): number {
  return Date.parse(at);
}

/** Lexicographic order is calendar order for `YYYY-MM-DD`. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
