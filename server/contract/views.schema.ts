import * as z from 'zod/mini';
import { AUDIT_EVENT_TYPES, EVENT_TYPES } from '../domain/case-events';
import { PROGRESS_STEPS } from '../domain/case-progress';
import { CHECKLIST_ACTORS, SEVERANCE_CLOSINGS } from '../domain/checklist';
import { HANDOVER_ITEM_STATUSES } from '../domain/handover-record';
import { NON_COMPETE_DECISIONS } from '../domain/non-compete';
import { REMINDER_RECIPIENTS, REMINDER_STATUSES, REMINDER_TRACKS } from '../domain/reminder-kinds';
import {
  asset,
  calendarDate,
  caseId,
  checklistItemId,
  employeeNo,
  fileId,
  instant,
  openid,
  sha256Hex,
  stateSchema,
  roleSchema,
  reasonSchema,
  caseKindSchema,
  attachmentKindSchema,
  reminderKindSchema,
  noticeModeSchema,
  earlyReleaseProposerSchema,
  faultGroundSchema,
  deliveryChannelSchema,
  unionNoticeSchema,
  rehireSchema,
} from './field-schemas';

/** Shapes the server returns: what a page shows, never the stored document itself. */

export const employeeView = z.strictObject({
  employeeNo,
  name: z.string(),
  department: z.string(),
  position: z.string(),
  managerNo: z.optional(employeeNo),
  hireDate: calendarDate,
  probationEndDate: calendarDate,
  contractStart: z.optional(calendarDate),
  contractEnd: z.optional(calendarDate),
  /** The contract has a non-compete clause (劳动合同法 第23条). */
  nonCompete: z.optional(z.literal(true)),
});

/** One handover item as its successor, the manager and HR see it. */
export const handoverItemView = z.strictObject({
  itemId: z.string(),
  text: z.string(),
  status: z.enum(HANDOVER_ITEM_STATUSES),
  statusLabel: z.string(),
  /** When it was confirmed or disputed. */
  at: z.optional(instant),
  /** The successor's objection. */
  comment: z.optional(z.string()),
  /** The note given with the confirmation. */
  note: z.optional(z.string()),
  /** Confirmed by the manager or HR on the successor's behalf (the note says why). */
  onBehalf: z.optional(z.literal(true)),
});

/** The successors named on a case and the state of each of their items. */
export const handoverView = z.strictObject({
  round: z.int(),
  assignedAt: instant,
  successors: z.array(
    z.strictObject({ employeeNo, name: z.string(), items: z.array(handoverItemView) }),
  ),
});

/** What every transition answers at least (DESIGN §4). */
/**
 * One thing the caller may do on a case, named by its RPC action; `decision`, `kind` or
 * `item` say which form of the action when one action serves several buttons.
 */
export const caseActionView = z.strictObject({
  action: z.enum([
    'case.attach',
    'case.resubmit',
    'case.sign',
    'case.withdraw',
    'case.consentLaterDay',
    'case.consentLastWorkingDay',
    'case.review',
    'case.remind',
    'case.checklist',
    'case.hrEscalate',
    'case.issue',
    'case.hrConfirm',
    'case.hrReturn',
    'case.close',
    'case.hrCancel',
    'case.nonCompete',
    'case.markDisputed',
    'admin.purgeCase',
    'case.assignSuccessors',
    'handover.confirm',
  ]),
  decision: z.optional(z.enum(['approve', 'return'])),
  kind: z.optional(attachmentKindSchema),
  /** `handover_list`: waived; `severance_paid`: closed as not owed or settled (解释(一) 第35条). */
  item: z.optional(z.enum(['handover_list', 'severance_paid'])),
  /** `case.markDisputed`: whether the offer marks the dispute (true) or lifts the mark. */
  disputed: z.optional(z.boolean()),
});

/** An action the caller's role allows but a rule holds back now, and why, for the person. */
export const blockedCaseActionView = z.extend(caseActionView, {
  reason: z.string().check(z.minLength(1)),
});

export const caseRef = z.strictObject({
  caseId,
  state: stateSchema,
  version: z.int().check(z.nonnegative()),
});

export const openCaseView = z.strictObject({
  caseId,
  kind: caseKindSchema,
  state: stateSchema,
  version: z.int().check(z.nonnegative()),
});

export const attachmentView = z.strictObject({
  kind: attachmentKindSchema,
  fileId,
  evidenceFileId: fileId,
  sha256: sha256Hex,
  size: z.int().check(z.nonnegative()),
  contentType: z.string(),
  uploadedBy: openid,
  at: instant,
  documentDate: z.optional(calendarDate),
  /** A temporary URL of the evidence copy, handed out by `case.get` after its access check. */
  url: z.optional(z.string()),
});

export const signatureView = z.strictObject({
  hash: sha256Hex,
  letterHash: sha256Hex,
  at: instant,
});

export const stagePeriodView = z.strictObject({
  state: stateSchema,
  enteredAt: instant,
  exitedAt: z.optional(instant),
});

export const caseView = z.strictObject({
  caseId,
  kind: caseKindSchema,
  reason: reasonSchema,
  reasonLabel: z.string(),
  explanation: z.optional(z.string()),
  /** 第38条: the employer's faults the employee named, with the law's words. */
  faultGrounds: z.optional(
    z.array(z.strictObject({ ground: faultGroundSchema, label: z.string() })),
  ),
  state: stateSchema,
  stateLabel: z.string(),
  version: z.int().check(z.nonnegative()),
  employee: employeeView,
  managerNo: z.optional(employeeNo),
  hrOwner: z.optional(openid),
  noticeReceivedAt: z.optional(instant),
  noticeTextHash: z.optional(sha256Hex),
  legalLastWorkingDay: z.optional(calendarDate),
  lastWorkingDay: z.optional(calendarDate),
  noticeMode: z.optional(noticeModeSchema),
  earlyReleaseProposedBy: z.optional(earlyReleaseProposerSchema),
  consentToLaterDay: z.optional(calendarDate),
  consentedLastWorkingDay: z.optional(calendarDate),
  disputed: z.optional(z.boolean()),
  noProtectedStatus: z.boolean(),
  unionNotice: z.optional(unionNoticeSchema),
  issuedAt: z.optional(instant),
  /** 民法典 第137条: an issued termination not yet delivered shows 待送达. */
  awaitingDelivery: z.boolean(),
  deliveredAt: z.optional(instant),
  deliveredOn: z.optional(calendarDate),
  deliveryMethod: z.optional(deliveryChannelSchema),
  /** The last working day as a page shows it: the date, or 送达后30日 before delivery. */
  lastWorkingDayText: z.string(),
  attachments: z.array(attachmentView),
  /** Employee-side items HR waived before formalities (the handover list), with the reason. */
  waivers: z.array(
    z.strictObject({ item: checklistItemId, by: openid, at: instant, note: z.string() }),
  ),
  allowedEvents: z.array(z.enum(EVENT_TYPES)),
  signature: z.optional(signatureView),
  stages: z.array(stagePeriodView),
  needsCall: z.boolean(),
  /** 可再次录用: in HR's view only, never the employee's or the manager's. */
  rehire: z.optional(rehireSchema),
  /**
   * HR's non-compete decision (第23/24条). The wage figures HR worked from are HR's only;
   * `nextCompensationDate` is the next monthly payment while enforced (解释(一) 第38条).
   */
  nonCompete: z.optional(
    z.strictObject({
      decision: z.enum(NON_COMPETE_DECISIONS),
      months: z.optional(z.int()),
      monthlyCompensation: z.optional(z.number()),
      averageMonthlyWage: z.optional(z.number()),
      minimumWage: z.optional(z.number()),
      decidedAt: instant,
      nextCompensationDate: z.optional(calendarDate),
    }),
  ),
  /** The successors (交接人) and their handover items; absent until someone is named. */
  handover: z.optional(handoverView),
  completedAt: z.optional(instant),
  createdAt: instant,
  updatedAt: instant,
});

/** One step of the case's progress, with the Beijing day it was reached. */
export const progressStepView = z.strictObject({
  step: z.enum(PROGRESS_STEPS),
  label: z.string(),
  status: z.enum(['finish', 'process', 'error', 'default']),
  reachedOn: z.optional(calendarDate),
  subState: z.optional(z.string()),
  note: z.optional(z.string()),
});

/** The employee's one next thing to do and its due day, or whom the case waits for since when. */
export const nextStepView = z.strictObject({
  action: z.enum(['case.attach', 'case.resubmit', 'case.sign', 'wait', 'none']),
  label: z.string(),
  dueDate: z.optional(calendarDate),
  daysLeft: z.optional(z.int()),
  waitingFor: z.optional(z.enum(['employee', 'manager', 'hr'])),
  since: z.optional(calendarDate),
});

export const letterView = z.strictObject({
  title: z.string(),
  text: z.string(),
  hash: sha256Hex,
});

export const checklistRowView = z.strictObject({
  item: checklistItemId,
  label: z.string(),
  by: z.array(z.enum(CHECKLIST_ACTORS)),
  due: calendarDate,
  done: z.boolean(),
  doneAt: z.optional(instant),
  doneBy: z.optional(openid),
  waived: z.optional(z.boolean()),
  waivedAt: z.optional(instant),
  waivedBy: z.optional(openid),
  note: z.optional(z.string()),
  /** `severance_paid` closed without a payment, with the document (解释(一) 第35条). */
  closedAs: z.optional(z.enum(SEVERANCE_CLOSINGS)),
  /** False for the employer's statutory duties: they are done, never waived (第50条). */
  waivable: z.boolean(),
});

export const reminderRowView = z.strictObject({
  id: z.string(),
  track: z.enum(REMINDER_TRACKS),
  slot: z.string(),
  kind: reminderKindSchema,
  phrase: z.string(),
  recipient: z.enum(REMINDER_RECIPIENTS),
  status: z.enum(REMINDER_STATUSES),
  dueAt: instant,
  sentAt: z.optional(instant),
  errCode: z.optional(z.int()),
  attempts: z.int().check(z.nonnegative()),
});

export const auditEventView = z.strictObject({
  seq: z.int().check(z.nonnegative()),
  type: z.enum(AUDIT_EVENT_TYPES),
  actor: z.strictObject({ openid, role: z.union([roleSchema, z.literal('system')]) }),
  at: instant,
  payload: z.record(z.string(), z.unknown()),
  prevHash: z.nullable(sha256Hex),
  hash: sha256Hex,
});

/** A stored field, event, anchor or file that the replay of the log contradicts. */
export const evidenceMismatchView = z.strictObject({
  field: z.string(),
  stored: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  replayed: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});

export const reasonView = z.strictObject({
  reason: reasonSchema,
  kind: caseKindSchema,
  label: z.string(),
  enabled: z.boolean(),
  explanation: z.enum(['none', 'optional', 'required']),
  explanationMin: z.int(),
  explanationMax: z.int(),
  attachmentsAllOf: z.array(attachmentKindSchema),
  attachmentsAnyOf: z.array(z.array(attachmentKindSchema)),
});

export const policyView = z.strictObject({
  employeeMayWithdrawBeforeReview: z.boolean(),
  escalateAfterDays: z.int(),
  assets: z.array(asset),
  reminders: z.strictObject({
    sendWindow: z.strictObject({ startHour: z.int(), endHour: z.int() }),
    employeeTask: z.strictObject({
      dailyDays: z.array(z.int()),
      gentleDay: z.int(),
      seriousFromDay: z.int(),
      hrAlertDay: z.int(),
    }),
    managerReview: z.strictObject({
      afterDays: z.int(),
      hrAlertDay: z.int(),
    }),
    legalDeadline: z.strictObject({
      daysBeforeLastDay: z.array(z.int()),
      transferDaysAfterLastDay: z.array(z.int()),
    }),
  }),
});

/** The 离职证明 of a finished case, as the employee's 离职记录 shows it. */
export const CERTIFICATE_STATUSES = ['issued', 'pending', 'none'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/**
 * One finished case in the employee's 离职记录 (completed or withdrawn): what it was, how it
 * ended, the signed paper, the evidence kept and the 离职证明. The case page shows the rest.
 */
export const departureRecordView = z.strictObject({
  caseId,
  kind: caseKindSchema,
  reason: reasonSchema,
  state: stateSchema,
  noticeReceivedAt: z.optional(instant),
  lastWorkingDay: z.optional(calendarDate),
  /** When the case was archived or withdrawn. */
  endedAt: instant,
  /** When the employee signed the 《辞职书》 or the receipt of the company's notice. */
  signedAt: z.optional(instant),
  /** Files kept as evidence on the case (the employee's and HR's attachments). */
  evidenceCount: z.int().check(z.nonnegative()),
  certificate: z.enum(CERTIFICATE_STATUSES),
  /** The day HR marked the 离职证明 issued. */
  certificateIssuedAt: z.optional(instant),
});
