import type { Instant } from '../../domain/beijing-calendar';
import type { StoredCase } from './cases.port';

/** Where the sweep stands in the due list: (`nextReminderAt`, case id) order. */
export interface DuePosition {
  readonly at: Instant;
  readonly caseId: string;
}

/** A case's chain head as of some instant, for the daily anchor. */
export interface ChainHead {
  readonly caseId: string;
  readonly seq: number;
  readonly lastEventHash: string;
}

/** Indexed reads of `cases` for the reminder sweep and the anchor (never a scan of open cases). */
export interface ReminderCaseQueries {
  /** Open cases with `nextReminderAt` ≤ now, after `after` in (`nextReminderAt`, id) order. */
  dueCases(now: Instant, after: DuePosition | null, limit: number): Promise<StoredCase[]>;
  /**
   * Cases written at or after `since` (`updatedAt` index), after the case id `after`, with their
   * events: the anchor takes each one's head as of the day's end.
   */
  changedSince(
    since: Instant,
    after: string | null,
    limit: number,
  ): Promise<Pick<StoredCase, 'caseId' | 'events'>[]>;
}
