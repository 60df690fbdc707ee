import type { CalendarDate, Instant } from '../domain/beijing-calendar';
import type { CaseIndicators } from '../domain/case-indicators';
import type { State } from '../domain/case-states';
import type { CaseRecord } from '../domain/case-record';
import type { AuditEvent } from '../domain/event-chain';
import type { Role } from '../domain/roles';
import type { Policy } from '../domain/policy';
import type { PrivateApi, UNDECLARED_PRIVATE_API_ERRNO } from '../domain/private-apis';
import type { ReminderKind, ReminderStatus } from '../domain/reminder-kinds';
import type { ReminderSlot } from '../domain/reminder-policy';

/** An employee as stored in `employees` (`_id` is the employee number). */
export interface EmployeeRecord {
  readonly employeeNo: string;
  readonly name: string;
  readonly department: string;
  readonly position: string;
  readonly managerNo?: string;
  readonly hireDate: string;
  readonly probationEndDate: string;
  readonly contractStart?: string;
  readonly contractEnd?: string;
  readonly roles: readonly Role[];
  /** Set only by binding, never by import. */
  readonly openid?: string;
  readonly boundAt?: string;
  readonly binding?: BindingState;
  /** Bindings and role changes, oldest first (the case log keeps case events). */
  readonly events: readonly EmployeeEvent[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * The employee's binding code (DESIGN §2), kept on the employee record so that a try is
 * judged and recorded in one version-checked write: concurrent guesses cannot outrun the lock.
 */
export interface BindingState {
  readonly codeHash: string;
  readonly issuedBy: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly usedAt?: string;
  /**
   * Wrong tries within the last hour, each with the OPENID that made it: failures count per
   * (employee, OPENID), so a stranger's guesses lock out the stranger, not the holder.
   * (Records written before this kept bare times; those are ignored.)
   */
  readonly failures: readonly (BindingFailure | string)[];
  /** OPENIDs locked out of this employee's binding, and until when. */
  readonly locks?: readonly { readonly openid: string; readonly until: string }[];
  /** Records written before per-OPENID locks: a lock for everyone, honoured until it ends. */
  readonly lockedUntil?: string;
}

export interface BindingFailure {
  readonly openid: string;
  readonly at: string;
}

/**
 * `openid_claims`, `_id` = OPENID: which employee the OPENID is bound to (DESIGN §2: one
 * OPENID, one employee), and its wrong binding tries of the last hour, for every employee
 * (the per-OPENID rate limit). Written in the same transaction as the employee's binding.
 */
export interface OpenidClaim {
  readonly employeeNo?: string;
  readonly failures: readonly string[];
  readonly at: string;
}

/** What one binding try writes, decided from what the transaction read. */
export interface BindingDecision<T> {
  readonly answer: T;
  readonly employee?: {
    readonly patch: Partial<Omit<EmployeeRecord, 'employeeNo' | 'events' | 'version'>>;
    readonly event?: EmployeeEvent;
  };
  readonly claim?: OpenidClaim;
  /** The OPENID the employee was bound to before: its claim is released. */
  readonly release?: string;
}

export interface BindingsRepository {
  /**
   * One binding try in one transaction: reads the employee and the caller's claim, lets
   * `decide` judge them, and writes what it decided (employee, claim, the released claim)
   * all or nothing. A concurrent try that wrote either document first makes this one run
   * again on what that one wrote; 'conflict' when it keeps losing.
   */
  attempt<T>(
    employeeNo: string,
    openid: string,
    decide: (record: EmployeeRecord | null, claim: OpenidClaim | null) => BindingDecision<T>,
  ): Promise<T | 'conflict'>;
}

export interface EmployeeEvent {
  readonly type: 'employee.bound' | 'employee.bindingCodeIssued' | 'employee.imported';
  readonly actor: string;
  readonly at: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** The fields an import row may set; everything else is kept. */
export type ImportedEmployee = Pick<
  EmployeeRecord,
  | 'employeeNo'
  | 'name'
  | 'department'
  | 'position'
  | 'managerNo'
  | 'hireDate'
  | 'probationEndDate'
  | 'contractStart'
  | 'contractEnd'
> & { readonly roles?: readonly Role[] };

export interface EmployeesRepository {
  findByOpenid(openid: string): Promise<EmployeeRecord | null>;
  get(employeeNo: string): Promise<EmployeeRecord | null>;
  findByNos(employeeNos: readonly string[]): Promise<EmployeeRecord[]>;
  /** Every employee holding the role (HR: a handful), for alerts to every HR. */
  findByRole(role: Role): Promise<EmployeeRecord[]>;
  create(record: EmployeeRecord): Promise<void>;
  /**
   * Applies `patch` (and appends `event`) only if the record is still at `version`;
   * false when it changed underneath.
   */
  update(
    employeeNo: string,
    version: number,
    patch: Partial<Omit<EmployeeRecord, 'employeeNo' | 'events' | 'version'>>,
    event?: EmployeeEvent,
  ): Promise<boolean>;
}

/** Company settings: the domain policy plus what the platform side needs. */
export interface Settings {
  readonly policy: Policy;
  /** Subscription template id per message kind. */
  readonly templateIds: Partial<Record<ReminderKind, string>>;
  /**
   * Field keys per template id, as WeChat's console lists them (`thing1`, `time2`, …): the
   * notifier fills each by its type. A template without an entry gets no data (WeChat says 47003).
   */
  readonly templateFields: Readonly<Record<string, readonly string[]>>;
  /**
   * The phrase a template's phrase field carries per message kind, where the company chose
   * its own (WeChat refuses some words per template); otherwise the kind's own (办理通知 …).
   * Only 1–5 Chinese characters get here: the repository refuses anything else.
   */
  readonly templatePhrases: Readonly<Record<string, Partial<Record<ReminderKind, string>>>>;
  /** The page a message opens; only once that page is in the released version (else 41030). */
  readonly reminderPage?: string;
  readonly miniprogramState: 'developer' | 'trial' | 'formal';
}

export interface SettingsRepository {
  /** The settings, as a warm instance keeps them for a while; `fresh` reads them now. */
  get(options?: { readonly fresh?: boolean }): Promise<Settings>;
}

/** The server's estimate of subscription credits per template, from what clients report. */
export interface SubscriptionsRepository {
  get(openid: string): Promise<Readonly<Record<string, number>>>;
  add(
    openid: string,
    accepted: readonly string[],
    at: string,
  ): Promise<Readonly<Record<string, number>>>;
}

/** Hashing and randomness, from the platform. */
export interface Crypto {
  sha256(input: string | Uint8Array): string;
  /** Crockford base32, from a cryptographic source. */
  randomCode(length: number): string;
}

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

export type CaseWriteResult = 'saved' | 'conflict';

export interface CasesRepository {
  get(caseId: string): Promise<StoredCase | null>;
  /** The employee's case that is neither a draft nor finished. */
  findOpen(employeeNo: string): Promise<StoredCase | null>;
  /**
   * Creates a case with its first event under the employee's open-case lock, in one
   * transaction; otherwise names the case holding the lock (the same id for a repeated
   * request).
   */
  create(caseDoc: StoredCase): Promise<'created' | { lockedBy: string | null }>;
  releaseLock(employeeNo: string, caseId: string): Promise<void>;
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

/** Cloud storage as the functions use it. */
export interface FileStore {
  /** The path inside the environment of a file id (`cloud://env.bucket/path` → `path`). */
  pathOf(fileId: string): string | null;
  download(fileId: string): Promise<Uint8Array | null>;
  upload(path: string, content: Uint8Array): Promise<string>;
  temporaryUrls(fileIds: readonly string[]): Promise<Readonly<Record<string, string>>>;
}

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

/** What a subscription message says; the notifier fits it into the template's fields. */
export interface MessageContent {
  /** 办理通知, 每日提醒, … (a phrase field, ≤ 5 Chinese characters). */
  readonly phrase: string;
  /** What to do, e.g. 签署《辞职书》. */
  readonly task: string;
  /** One more line for the person, e.g. 已逾期7天，请尽快办理. */
  readonly note: string;
  /** The employee the case is about. */
  readonly person: string;
  /** The time the message names (the task's deadline or the slot's due time). */
  readonly at: Instant;
  readonly caseId: string;
}

export interface OutgoingMessage {
  readonly touser: string;
  /** Empty when no template is configured for the kind: WeChat then answers 40037. */
  readonly templateId: string;
  readonly fieldKeys: readonly string[];
  readonly content: MessageContent;
  readonly page?: string;
  readonly miniprogramState: Settings['miniprogramState'];
}

/** WeChat's answer: 0 when accepted; -1 also stands for a network failure. */
export interface SendOutcome {
  readonly errCode: number;
  readonly errMsg: string;
  /** The template field WeChat refused (47003), as its message names it: `phrase3`. */
  readonly field?: string;
}

export interface MessageSender {
  send(message: OutgoingMessage): Promise<SendOutcome>;
}

/** A configuration error WeChat reported (40003/40037/47003/41030), for admins. */
export interface TemplateConfigAlert {
  readonly source?: 'template';
  readonly templateId: string;
  readonly kind: ReminderKind;
  readonly errCode: number;
  readonly errMsg: string;
  readonly reminderId: string;
  readonly caseId: string;
  readonly at: Instant;
}

/**
 * A private API the mini program could not call because 用户隐私保护指引 does not declare it
 * (errno 112), as a client reported it: the MP admin must add `declaration` there.
 */
export interface PrivacyConfigAlert {
  readonly source: 'privacy';
  readonly api: PrivateApi;
  readonly errno: typeof UNDECLARED_PRIVATE_API_ERRNO;
  readonly declaration: string;
  /** Who met it last: an employee number, or the OPENID of an admin bound to no one. */
  readonly reportedBy: string;
  readonly at: Instant;
}

export type ConfigAlert = TemplateConfigAlert | PrivacyConfigAlert;

/** A configuration alert as stored: its document id, and whether an admin marked it fixed. */
export type StoredConfigAlert = ConfigAlert & {
  readonly id: string;
  readonly resolved: boolean;
  readonly resolvedAt?: Instant;
  readonly resolvedBy?: string;
};

export interface ConfigAlertsRepository {
  /**
   * One document per (template, errCode) or (private API, errno), overwritten with the latest
   * occurrence (which also opens it again).
   */
  raise(alert: ConfigAlert): Promise<void>;
  /** The newest `limit` alerts, open or fixed. */
  latest(limit: number): Promise<StoredConfigAlert[]>;
  /** Marks an alert fixed; false when there is no such alert. */
  resolve(id: string, by: string, at: Instant): Promise<boolean>;
}

/** The daily anchor's marker: one document per Beijing date, so each day is written once. */
export interface AnchorMarker {
  readonly date: CalendarDate;
  readonly status: 'writing' | 'done';
  readonly at: Instant;
  readonly fileId?: string;
  readonly cases?: number;
}

export interface AnchorMarkersRepository {
  get(date: CalendarDate): Promise<AnchorMarker | null>;
  /** The finished markers among these dates, in one read (`case.evidence` checks their files). */
  listDone(dates: readonly CalendarDate[]): Promise<AnchorMarker[]>;
  /** Adds the marker; false when the date has one already. */
  claim(marker: AnchorMarker): Promise<boolean>;
  /** Re-takes a marker left `writing` since `at` (a crashed run); false if another run did. */
  retake(date: CalendarDate, at: Instant, now: Instant): Promise<boolean>;
  complete(date: CalendarDate, patch: Pick<AnchorMarker, 'fileId' | 'cases' | 'at'>): Promise<void>;
}

/** Who may see which cases on the board, and what HR narrowed it to. */
export interface BoardFilter {
  /** Only cases in these states (not empty); absent: any state. */
  readonly states?: readonly State[];
  /** A manager's view: only cases whose `managerNo` is this employee number. */
  readonly managerNo?: string;
  /** Only cases with `overdueAt` at or before this instant. */
  readonly overdueAt?: Instant;
  readonly department?: string;
  /** Employee number (exact) or the start of the name. */
  readonly q?: string;
}

/** The board's sort key: longest-waiting first, the case id breaking ties. */
export interface BoardPosition {
  readonly enteredAt: Instant;
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
> & { readonly employee: Pick<StoredCase['employee'], 'employeeNo' | 'name' | 'department'> };

/** Sums over the cases of a notice period, per reason, as one database aggregation returns them. */
export interface ReasonTotals {
  readonly reason: string;
  readonly cases: number;
  /** Completed cases and the sum of their handling times. */
  readonly handled: number;
  readonly handlingMs: number;
  /** Cases whose 72 h signing window is decided (signed, or the window passed unsigned). */
  readonly signingDecided: number;
  readonly signedWithin72h: number;
  /** Per state: how many cases had a closed stay in it, and the sum of those stays. */
  readonly stays: Partial<Record<State, { readonly cases: number; readonly ms: number }>>;
}

/** Read-side queries over `cases` for the board and the statistics (DESIGN §4). */
export interface CaseQueries {
  /** Up to `limit` cases after `after` in board order, from an indexed, cursor-paged query. */
  boardPage(
    filter: BoardFilter,
    after: BoardPosition | null,
    limit: number,
  ): Promise<readonly BoardCase[]>;
  /**
   * Cases per state under the filter; states without cases are absent. Open states count every
   * case in them; `completed` and `withdrawn` only those that ended since `finishedSince`, so
   * the cost follows the cases in flight and the recent past, never the whole history.
   */
  countByState(
    filter: BoardFilter,
    finishedSince: Instant,
  ): Promise<Partial<Record<State, number>>>;
  /** Totals per reason over cases whose notice date lies in [from, to], from one aggregation. */
  periodTotals(from: CalendarDate, to: CalendarDate, now: Date): Promise<readonly ReasonTotals[]>;
}
