import type { Instant } from '../../domain/beijing-calendar';
import type { ReminderKind } from '../../domain/reminder-kinds';

export type TrainingMessageKind = Extract<ReminderKind, 'workshop' | 'training_notice'>;

/**
 * `queued` waits for the person to be reachable (bound, with a subscription for the template);
 * `sending` is claimed by a run; the others are final.
 */
export type TrainingMessageStatus =
  'queued' | 'sending' | 'sent' | 'failed' | 'failed_unknown' | 'undeliverable';

/**
 * One training message (`training_messages`, the outbox): `_id` is deterministic —
 * `course:<courseId>:<employeeNo>` for a 培训通知, `workshop:<workshopId>:<employeeNo>` for
 * the day-before reminder — so each goes to a person once.
 */
export interface TrainingMessage {
  readonly id: string;
  readonly kind: TrainingMessageKind;
  readonly employeeNo: string;
  /** The course or the workshop. */
  readonly subjectId: string;
  readonly title: string;
  /** The session's start (workshop reminders). */
  readonly startsAt?: Instant;
  readonly place?: string;
  readonly status: TrainingMessageStatus;
  readonly attempts: number;
  /** A queued message is looked at again from then on. */
  readonly checkAt: Instant;
  /** How often a queued message was looked at with its person not reachable yet. */
  readonly checks?: number;
  readonly templateId?: string;
  readonly touser?: string;
  readonly errCode?: number;
  readonly errMsg?: string;
  readonly sentAt?: Instant;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}

export interface TrainingMessagesRepository {
  /** Which of these ids are stored. */
  existing(ids: readonly string[]): Promise<Set<string>>;
  /** Adds them all in one request; false when one exists already (nothing is added then). */
  enqueue(messages: readonly TrainingMessage[]): Promise<boolean>;
  /** Adds one under its id: false when it exists (another run has it). */
  claim(message: TrainingMessage): Promise<boolean>;
  /** Queued messages whose `checkAt` has come, oldest first. */
  queuedDue(now: Instant, limit: number): Promise<TrainingMessage[]>;
  /** Applies `patch` only while the message is still in `from`. */
  transition(
    id: string,
    from: TrainingMessageStatus,
    patch: Partial<TrainingMessage>,
  ): Promise<boolean>;
}
