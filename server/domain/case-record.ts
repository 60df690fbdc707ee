import { type AttachmentKind } from './attachments';
import { type CalendarDate, type Instant } from './beijing-calendar';
import {
  type CaseKind,
  type DeliveryChannel,
  type EarlyReleaseProposer,
  type NoticeMode,
  type UnionNotice,
} from './case-kinds';
import { type State } from './case-states';
import { type ChecklistActor, type ChecklistItemId, type SeveranceClosing } from './checklist';
import { type FaultGround } from './employer-fault';
import { type CaseDocument } from './paper-documents';
import { type Handover } from './handover-record';
import { type NonCompeteDecision } from './non-compete-decision';
import { type Reason } from './reasons';

/** 可再次录用: yes, no, or ask HR first. */
export const REHIRE_CHOICES = ['yes', 'no', 'ask'] as const;
export type RehireChoice = (typeof REHIRE_CHOICES)[number];

/** The employee as they were when the case started; later roster edits do not rewrite it. */
export interface EmployeeSnapshot {
  readonly employeeNo: string;
  readonly name: string;
  readonly department: string;
  readonly position: string;
  readonly managerNo?: string;
  readonly hireDate: CalendarDate;
  readonly probationEndDate: CalendarDate;
  readonly contractStart?: CalendarDate;
  /** Absent for an open-ended contract. */
  readonly contractEnd?: CalendarDate;
  /** The contract has a non-compete clause (第23条). */
  readonly nonCompete?: true;
}

/** A stored document: the client's upload and the server's evidence copy with its hash. */
export interface StoredAttachment {
  readonly kind: AttachmentKind;
  readonly fileId: string;
  readonly evidenceFileId: string;
  readonly sha256: string;
  readonly size: number;
  readonly contentType: string;
  readonly uploadedBy: string;
  readonly at: Instant;
  /** The date the document bears, where HR gave it (termination documents). */
  readonly documentDate?: CalendarDate;
}

export interface ChecklistEntry {
  readonly item: ChecklistItemId;
  readonly label: string;
  readonly by: readonly ChecklistActor[];
  readonly due: CalendarDate;
  readonly done: boolean;
  readonly doneAt?: Instant;
  readonly doneBy?: string;
  readonly waived?: boolean;
  readonly waivedAt?: Instant;
  readonly waivedBy?: string;
  readonly note?: string;
  /** `severance_paid` closed without a payment, with the document attached (解释(一) 第35条). */
  readonly closedAs?: SeveranceClosing;
}

/** An employee-side item HR waived outside the checklist (the handover list). */
export interface Waiver {
  readonly item: ChecklistItemId;
  readonly by: string;
  readonly at: Instant;
  readonly note: string;
}

export interface Signature {
  /** SHA-256 of the signature image. */
  readonly hash: string;
  readonly openid: string;
  readonly at: Instant;
  readonly clientIp: string;
  /** SHA-256 of the letter text the signer was shown. */
  readonly letterHash: string;
  /** The exact text signed, kept so that evidence never re-renders it from code. */
  readonly letterText?: string;
  /** The evidence copy of the image, re-hashed by `case.evidence`. */
  readonly evidenceFileId?: string;
}

/** One stay in a state; the durations feed per-stage statistics. */
export interface StagePeriod {
  readonly state: State;
  readonly enteredAt: Instant;
  readonly exitedAt?: Instant;
}

/** The case document the server stores. */
export interface CaseRecord {
  readonly caseId: string;
  readonly kind: CaseKind;
  readonly reason: Reason;
  readonly explanation?: string;
  /** 第38条: the employer's faults the employee names (reason `employer_fault`). */
  readonly faultGrounds?: readonly FaultGround[];
  readonly state: State;
  /** Bumped by every write; the write is conditional on the previous value. */
  readonly version: number;
  readonly employee: EmployeeSnapshot;
  /** The employee's OPENID at submission (absent for a termination until they bind). */
  readonly employeeOpenid?: string;
  readonly managerNo?: string;
  /**
   * The manager the case was submitted to, kept for the record when the roster moved the
   * employee and `managerNo` became the manager at review time.
   */
  readonly submittedManagerNo?: string;
  /** The HR who confirmed the case or created the termination. */
  readonly hrOwner?: string;
  readonly noticeReceivedAt?: Instant;
  readonly noticeTextHash?: string;
  /** The exact notice text received, as hashed at receipt (电子签名法 第4条). */
  readonly noticeText?: string;
  /** The legal default (第37条 / 第40条), fixed at the first submission or the issue. */
  readonly legalLastWorkingDay?: CalendarDate;
  readonly lastWorkingDay?: CalendarDate;
  readonly attachments: readonly StoredAttachment[];
  readonly waivers: readonly Waiver[];
  readonly checklist: readonly ChecklistEntry[];
  /** A later last working day the employee agreed to in writing. */
  readonly consentToLaterDay?: CalendarDate;
  /**
   * The last working day the employee agreed to in their own name (`case.consentLastWorkingDay`),
   * earlier (第36条) or later (第37条) than the legal one.
   */
  readonly consentedLastWorkingDay?: CalendarDate;
  readonly earlyReleaseProposedBy?: EarlyReleaseProposer;
  readonly noticeMode?: NoticeMode;
  readonly noProtectedStatus: boolean;
  /** 第43条: whom HR told before issuing a termination, and when. */
  readonly unionNotice?: UnionNotice;
  /** When HR issued a termination; it takes effect on delivery (民法典 第137条). */
  readonly issuedAt?: Instant;
  /** When the termination notice reached the employee, the Beijing date, and how. */
  readonly deliveredAt?: Instant;
  readonly deliveredOn?: CalendarDate;
  readonly deliveryMethod?: DeliveryChannel;
  /** 可再次录用, set by HR at closing: HR's only, never in the audit log or a document. */
  readonly rehire?: RehireChoice;
  /** HR's non-compete decision (第23/24条), for a contract with the clause. */
  readonly nonCompete?: NonCompeteDecision;
  /** The 《竞业限制决定告知书》 exactly as written at the decision (its PDF is rendered from it). */
  readonly nonCompeteNoticeText?: string;
  /** The successors the manager (or HR) named and the handover items each confirms. */
  readonly handover?: Handover;
  /** The successors' employee numbers: the indexed field `handover.mine` queries. */
  readonly successorNos?: readonly string[];
  readonly signature?: Signature;
  readonly stages: readonly StagePeriod[];
  /** Number of the last audit event and its hash: the chain head. */
  readonly seq: number;
  readonly lastEventHash: string | null;
  readonly completedAt?: Instant;
  /** The case's PDFs (signed letter, receipt, 离职证明), pending until the documents function renders them. */
  readonly documents?: readonly CaseDocument[];
  /** Some document is still pending: the documents timer's indexed query. */
  readonly documentsPending?: boolean;
  /**
   * Whether the 离职证明 states the reason: only when the employee asks (劳部发〔1996〕354号
   * 第15条); absent until they choose.
   */
  readonly certificateStatesReason?: boolean;
  /** The 离职证明 exactly as issued (its PDF is rendered from this text). */
  readonly certificateText?: string;
  /** HR marked the case as under a labour dispute: it is never purged while marked. */
  readonly disputed?: boolean;
  /** A resignation the company's OA sent (README "接入 OA"); absent for in-app cases. */
  readonly source?: 'oa';
  /** The OA's id of the request: one OA request makes at most one case. */
  readonly oaRef?: string;
  /** SHA-256 of the OA's request as canonical JSON: a repeat must be the same request. */
  readonly oaBodyHash?: string;
  readonly createdAt: Instant;
  readonly updatedAt: Instant;
}
