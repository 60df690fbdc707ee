import type { Instant } from '../../domain/beijing-calendar';
import type { CaseIndicators } from '../../domain/case-indicators';
import type { CaseRecord } from '../../domain/case-record';
import type { AuditEvent } from '../../domain/event-chain';

/**
 * A case as stored in `cases` (`_id` is the case id): the domain record, its audit events, and
 * the indicators derived at every write for indexed board queries and aggregated statistics.
 */
export type StoredCase = CaseRecord &
  CaseIndicators & {
    readonly events: readonly AuditEvent[];
    /** A reminder could not be delivered (43101): HR should phone the person. */
    readonly needsCall: boolean;
    /** When the reminder sweep should next look at the case; null when nothing is open. */
    readonly nextReminderAt: Instant | null;
    /** An OA callback of the case failed and is not yet through (同步失败 on the board). */
    readonly oaSyncFailed?: boolean;
  };

/** What the 离职记录 needs of a finished case (never the event log). */
export type ClosedCase = Pick<
  StoredCase,
  | 'caseId'
  | 'kind'
  | 'reason'
  | 'state'
  | 'noticeReceivedAt'
  | 'lastWorkingDay'
  | 'enteredAt'
  | 'issuedAt'
  | 'signature'
  | 'attachments'
  | 'checklist'
>;

export type CaseWriteResult = 'saved' | 'conflict';

/** What a successor's own list reads of a case: its handover and the leaver's name, no more. */
export type SuccessorCase = Pick<StoredCase, 'caseId' | 'state' | 'handover'> & {
  readonly employee: Pick<StoredCase['employee'], 'name'>;
};

export interface CasesRepository {
  get(caseId: string): Promise<StoredCase | null>;
  /** The employee's case that is neither a draft nor finished. */
  findOpen(employeeNo: string): Promise<StoredCase | null>;
  /**
   * The employee's finished cases (completed, withdrawn), newest ending first, at most `limit`,
   * without their event logs: the 离职记录.
   */
  findClosed(employeeNo: string, limit: number): Promise<readonly ClosedCase[]>;
  /**
   * Creates a case with its first event under the employee's open-case lock, in one
   * transaction; otherwise names the case holding the lock (the same id for a repeated
   * request).
   */
  create(caseDoc: StoredCase): Promise<'created' | { lockedBy: string | null }>;
  releaseLock(employeeNo: string, caseId: string): Promise<void>;
  /** Unfinished cases naming `employeeNo` a successor (indexed on `successorNos`), oldest first. */
  withSuccessor(employeeNo: string, limit: number): Promise<SuccessorCase[]>;
  /**
   * Writes the next case and appends its event in one update, only if the stored version is
   * still `expectedVersion` (DESIGN §4).
   */
  save(expectedVersion: number, next: StoredCase, event: AuditEvent): Promise<CaseWriteResult>;
  /** The same, appending several events (the reminder decisions of one sweep visit). */
  saveWithEvents(
    expectedVersion: number,
    next: StoredCase,
    events: readonly AuditEvent[],
  ): Promise<CaseWriteResult>;
}
