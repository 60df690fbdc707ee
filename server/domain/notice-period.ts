import {
  addDays,
  beijingDate,
  type CalendarDate,
  compareDates,
  daysBetween,
  type Instant,
} from './beijing-calendar';

/** 劳动合同法 第37条: thirty days' written notice. */
export const NOTICE_DAYS = 30;
/** 劳动合同法 第37条: three days' notice during probation. */
export const PROBATION_NOTICE_DAYS = 3;
/** 劳动合同法 第40条: the employer's notice is thirty days (or a month's pay instead). */
export const EMPLOYER_NOTICE_DAYS = 30;
/** 劳动合同法 第50条: file and social-insurance transfer within fifteen days. */
export const TRANSFER_DAYS = 15;

/**
 * In probation when the Beijing date of receipt is on or before the probation end date
 * (inclusive: the end date itself is still probation).
 */
export function isInProbation(noticeDate: CalendarDate, probationEndDate: CalendarDate): boolean {
  return compareDates(noticeDate, probationEndDate) <= 0;
}

/** 第37条: 30 days' notice, 3 in probation. */
export function noticeDays(inProbation: boolean): number {
  return inProbation ? PROBATION_NOTICE_DAYS : NOTICE_DAYS;
}

/**
 * Default last working day of a resignation: the Beijing date of receipt plus the notice
 * period in calendar days. The day of receipt is not counted (民法典 第201条), so the period
 * ends on receipt + n.
 */
export function legalLastWorkingDay(
  noticeReceivedAt: Instant | Date,
  probationEndDate: CalendarDate,
): CalendarDate {
  const received = beijingDate(noticeReceivedAt);
  return addDays(received, noticeDays(isInProbation(received, probationEndDate)));
}

/** 第40条: with notice, the contract ends thirty days after the notice is issued. */
export function terminationLastWorkingDay(issuedAt: Instant | Date): CalendarDate {
  return addDays(beijingDate(issuedAt), EMPLOYER_NOTICE_DAYS);
}

/** 第50条 and 工资支付暂行规定 第9条: the certificate and the final pay on the last day. */
export function certificateDue(lastWorkingDay: CalendarDate): CalendarDate {
  return lastWorkingDay;
}

export function finalPayDue(lastWorkingDay: CalendarDate): CalendarDate {
  return lastWorkingDay;
}

/** 第50条: file and social-insurance transfer within 15 days of the contract's end. */
export function transferDue(lastWorkingDay: CalendarDate): CalendarDate {
  return addDays(lastWorkingDay, TRANSFER_DAYS);
}

/**
 * 第47条: one month's pay per full year of service; six months or more count as a year,
 * less than six as half a year. Shown to HR as guidance, not computed pay.
 */
export function severanceMonths(hireDate: CalendarDate, lastWorkingDay: CalendarDate): number {
  if (daysBetween(hireDate, lastWorkingDay) < 0) return 0;
  const [hy, hm, hd] = hireDate.split('-').map(Number) as [number, number, number];
  const [ly, lm, ld] = lastWorkingDay.split('-').map(Number) as [number, number, number];
  let months = (ly - hy) * 12 + (lm - hm);
  if (ld < hd) months -= 1;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (rest >= 6) return years + 1;
  if (rest > 0 || ld !== hd) return years + 0.5;
  return years;
}
