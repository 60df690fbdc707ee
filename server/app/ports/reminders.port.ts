import type { CalendarDate, Instant } from '../../domain/beijing-calendar';
import type { ReminderStatus } from '../../domain/reminder-kinds';
import type { ReminderSlot } from '../../domain/reminder-policy';

/**
 * A reminder as stored in `reminders`: one document per (case, track, slot) with a
 * deterministic `_id`, created before the send so that it is sent at most once.
 */
export type ReminderRecord = ReminderSlot & {
  readonly status: ReminderStatus;
  /** The OPENID the message went (or was to go) to; every HR gets it when the case has no owner. */
  readonly touser?: string;
  readonly tousers?: readonly string[];
  readonly templateId?: string;
  readonly errMsg?: string;
  readonly sendDate: CalendarDate;
  readonly sentAt?: Instant;
  readonly errCode?: number;
  readonly attempts: number;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
};

export interface RemindersRepository {
  listForCase(caseId: string): Promise<ReminderRecord[]>;
  /** Deletes every reminder of the case (a purge: they name the recipients' OPENIDs). */
  removeForCase(caseId: string): Promise<void>;
  /** Adds the record under its deterministic id; false when it exists (another run has it). */
  claim(record: ReminderRecord): Promise<boolean>;
  /**
   * Applies `patch` only while the record is still in `from` (status and attempts): a retry or
   * a stale-record sweep cannot race another run. False when it moved meanwhile.
   */
  transition(
    id: string,
    from: Pick<ReminderRecord, 'status' | 'attempts'>,
    patch: Partial<ReminderRecord>,
  ): Promise<boolean>;
}
