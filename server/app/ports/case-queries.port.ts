import type { CalendarDate, Instant } from '../../domain/beijing-calendar';
import type { RehireChoice } from '../../domain/case-record';
import type { State } from '../../domain/case-states';
import type { StoredCase } from './cases.port';

/** Who may see which cases on the board, and what HR narrowed it to. */
export interface BoardFilter {
  /** Only cases in these states (not empty); absent: any state. */
  readonly states?: readonly State[];
  /** A manager's view: only cases whose `managerNo` is this employee number. */
  readonly managerNo?: string;
  /** Only cases with `overdueAt` at or before this instant. */
  readonly overdueAt?: Instant;
  /** Only cases whose reminders could not be delivered (需电话联系). */
  readonly needsCall?: true;
  readonly department?: string;
  /** Employee number (exact) or the start of the name. */
  readonly q?: string;
  /** 可再次录用 as HR set it at closing. */
  readonly rehire?: RehireChoice;
}

/** The board's sort key: longest-waiting first, the case id breaking ties. */
export interface BoardPosition {
  readonly enteredAt: Instant;
  readonly caseId: string;
}

/**
 * The overdue board's sort key: most overdue first (the earliest deadline), the case id breaking
 * ties. A page filtered to overdue cases is ordered by urgency, not by entry.
 */
export interface OverduePosition {
  readonly overdueAt: Instant;
  readonly caseId: string;
}

/** What a board row needs of a stored case, and nothing more (never the event log). */
export type BoardCase = Pick<
  StoredCase,
  | 'caseId'
  | 'kind'
  | 'reason'
  | 'state'
  | 'lastWorkingDay'
  | 'enteredAt'
  | 'overdueAt'
  | 'needsCall'
  | 'source'
  | 'oaSyncFailed'
  | 'rehire'
> & { readonly employee: Pick<StoredCase['employee'], 'employeeNo' | 'name' | 'department'> };

/** The board's numbers: cases per state, and how many of the open ones are urgent. */
export interface BoardCounts {
  /** Cases per state under the whole filter; states without cases are absent. */
  readonly byState: Partial<Record<State, number>>;
  /** Cases per state under the filter without its `overdueAt` and `needsCall` parts. */
  readonly ignoringUrgency: Partial<Record<State, number>>;
  /**
   * Open cases per state overdue at `now` and needing a phone call, under the filter without
   * its `overdueAt` and `needsCall` parts (the urgency tabs count whichever tab is open).
   */
  readonly overdueByState: Partial<Record<State, number>>;
  readonly needsCallByState: Partial<Record<State, number>>;
}

/** Handling and signing sums over a group of cases, as one database aggregation returns them. */
export interface OutcomeTotals {
  readonly cases: number;
  /** Completed cases and the sum of their handling times. */
  readonly handled: number;
  readonly handlingMs: number;
  /** Completed cases without a signed letter (the signature was waived). */
  readonly handledUnsigned: number;
  /** Cases whose 72 h signing window is decided (signed, or the window passed unsigned). */
  readonly signingDecided: number;
  readonly signedWithin72h: number;
}

/** The sums of one month (`YYYY-MM`, by Beijing notice date). */
export interface MonthTotals extends OutcomeTotals {
  readonly month: string;
}

/** Sums over the cases of a notice period, per reason and department. */
export interface ReasonTotals extends OutcomeTotals {
  readonly reason: string;
  readonly department: string;
  /** Per state: how many cases had a closed stay in it, and the sum of those stays. */
  readonly stays: Partial<Record<State, { readonly cases: number; readonly ms: number }>>;
  /** Per open state: the cases in it now and how long they have stood there until `now`. */
  readonly stalls: Partial<Record<State, OpenStall>>;
}

/** Open cases of one state and the time they have stood in it so far. */
export interface OpenStall {
  readonly cases: number;
  /** Of those, the cases whose entry time is stored as a number (written by this version on). */
  readonly timed: number;
  /** Sum over the timed cases of `now − enteredAt`. */
  readonly stalledMs: number;
}

/** Read-side queries over `cases` for the board and the statistics (DESIGN §4). */
export interface CaseQueries {
  /**
   * Up to `limit` cases after `after` in board order, from an indexed, cursor-paged query:
   * longest-waiting first, or most overdue first when the filter has `overdueAt` (then `after`
   * is an `OverduePosition`).
   */
  boardPage(
    filter: BoardFilter,
    after: BoardPosition | OverduePosition | null,
    limit: number,
  ): Promise<readonly BoardCase[]>;
  /**
   * Cases per state under the filter. Open states count every case in them; `completed` and
   * `withdrawn` only those that ended since `finishedSince`, so the cost follows the cases in
   * flight and the recent past, never the whole history. Overdue means at `now`.
   */
  countByState(filter: BoardFilter, finishedSince: Instant, now: Instant): Promise<BoardCounts>;
  /**
   * Totals per reason and department over cases whose notice date lies in [from, to], from one
   * aggregation.
   */
  periodTotals(from: CalendarDate, to: CalendarDate, now: Date): Promise<readonly ReasonTotals[]>;
  /** Totals per month over cases whose notice date lies in [from, to], from one aggregation. */
  monthTotals(from: CalendarDate, to: CalendarDate, now: Date): Promise<readonly MonthTotals[]>;
}
