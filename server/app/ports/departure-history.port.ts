import type { CalendarDate, Instant } from '../../domain/beijing-calendar';

/**
 * A departure from before the product, imported from HR's spreadsheet (历史导入). It lives in
 * its own collection: never a case, so never evidence, never on the board, never reminded.
 */
export interface HistoricalDeparture {
  readonly employeeNo: string;
  readonly name: string;
  readonly department: string;
  readonly reason: string;
  readonly noticeDate: CalendarDate;
  readonly lastWorkingDay: CalendarDate;
  /** Whether a signed resignation letter is on file. */
  readonly signed: boolean;
}

/** Imported departures of one month (`YYYY-MM`), and how many of them fall in the period. */
export interface HistoryMonthTotals {
  readonly month: string;
  readonly departures: number;
  readonly inPeriod: number;
  readonly inPeriodUnsigned: number;
}

export interface DepartureHistory {
  /**
   * Stores the departures, keyed by employee number and notice date: a departure already
   * stored with the same fields is left alone, one with other fields is overwritten.
   */
  save(
    departures: readonly HistoricalDeparture[],
    importedAt: Instant,
  ): Promise<{ readonly created: number; readonly updated: number; readonly unchanged: number }>;
  /**
   * One aggregation over the departures noticed in [from, to], per month; `inPeriod` counts
   * those noticed on or after `periodFrom`.
   */
  monthTotals(
    from: CalendarDate,
    to: CalendarDate,
    periodFrom: CalendarDate,
  ): Promise<readonly HistoryMonthTotals[]>;
}
