import { addDays, type CalendarDate } from './beijing-calendar';

/**
 * Whether training pays off (issue 14, the article's 60 % → 90 % mastery and −50 % unfinished
 * formalities), measured on this company's own resignations: cases of people who were 已掌握
 * when they gave notice against the others.
 */
export interface CaseFacts {
  readonly employeeNo: string;
  readonly noticeReceivedAt: string;
  /** Beijing date of the notice. */
  readonly noticeDate: CalendarDate;
  readonly lastWorkingDay?: CalendarDate;
  /** Beijing date the case was completed, if it was. */
  readonly completedDate?: CalendarDate;
  readonly formalitiesAtMs: number | null;
  readonly signedAtMs: number | null;
}

export interface CaseGroup {
  readonly cases: number;
  /** Share of cases whose formalities finished on time (null without cases). */
  readonly onTimeShare: number | null;
  /** Median days from the start of formalities to the signature (null without signatures). */
  readonly medianDaysToSign: number | null;
}

/** Days after the last working day within which the formalities count as on time (第50条). */
export const ON_TIME_DAYS_AFTER_LAST_DAY = 15;

/**
 * On time: completed no later than 15 days after the last working day, the window 第50条 gives
 * the company for the transfers. A case still open, or closed later, is not.
 */
export function finishedOnTime(facts: CaseFacts): boolean {
  if (!facts.completedDate || !facts.lastWorkingDay) return false;
  return facts.completedDate <= addDays(facts.lastWorkingDay, ON_TIME_DAYS_AFTER_LAST_DAY);
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? 0)
      : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

const DAY_MS = 86_400_000;

export function caseGroup(cases: readonly CaseFacts[]): CaseGroup {
  const days = cases.flatMap((c) =>
    c.signedAtMs !== null && c.formalitiesAtMs !== null
      ? [(c.signedAtMs - c.formalitiesAtMs) / DAY_MS]
      : [],
  );
  return {
    cases: cases.length,
    onTimeShare:
      cases.length === 0
        ? null
        : Math.round((1000 * cases.filter(finishedOnTime).length) / cases.length) / 1000,
    medianDaysToSign: median(days),
  };
}

/** Trained: the person was 已掌握 before their notice arrived. */
export function splitByMastery(
  cases: readonly CaseFacts[],
  masteredAt: (employeeNo: string) => string | undefined,
): { trained: CaseFacts[]; untrained: CaseFacts[] } {
  const trained: CaseFacts[] = [];
  const untrained: CaseFacts[] = [];
  for (const c of cases) {
    const at = masteredAt(c.employeeNo);
    const before = at !== undefined && Date.parse(at) <= Date.parse(c.noticeReceivedAt);
    (before ? trained : untrained).push(c);
  }
  return { trained, untrained };
}
