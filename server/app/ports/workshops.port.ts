import type { Instant } from '../../domain/beijing-calendar';
import type { Workshop } from '../../domain/workshops';

/** A session as stored in `workshops` (`_id` = workshop id). */
export interface StoredWorkshop extends Workshop {
  /** What attendees scan (or type) to check themselves in. HR's pages show it. */
  readonly code: string;
  /** Signs attendees' passes; never leaves the server. */
  readonly passSecret: string;
  /** When the reminders timer should next send the day-before reminder; null when nothing is due. */
  readonly remindAt: Instant | null;
  readonly version: number;
  readonly createdAt: Instant;
  readonly createdBy: string;
  readonly updatedAt: Instant;
}

export interface WorkshopsRepository {
  get(workshopId: string): Promise<StoredWorkshop | null>;
  /** False when the id exists. */
  create(workshop: StoredWorkshop): Promise<boolean>;
  /** Version-checked: false when someone else wrote it since `baseVersion`. */
  save(workshop: StoredWorkshop, baseVersion: number): Promise<boolean>;
  /** Sessions not ended before `since`, earliest start first. */
  endingSince(since: Instant, limit: number): Promise<StoredWorkshop[]>;
  /** Sessions starting in [from, to], newest first. */
  startedBetween(from: Instant, to: Instant, limit: number): Promise<StoredWorkshop[]>;
  /** Sessions whose reminder time has come (`remindAt` ≤ now). */
  dueReminders(now: Instant, limit: number): Promise<StoredWorkshop[]>;
}
