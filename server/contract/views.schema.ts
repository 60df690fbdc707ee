import { z } from 'zod';
import { ATTACHMENT_KINDS } from '../domain/attachments';
import { AUDIT_EVENT_TYPES, EVENT_TYPES } from '../domain/case-events';
import { CASE_KINDS, EARLY_RELEASE_PROPOSERS, NOTICE_MODES } from '../domain/case-kinds';
import { STATES } from '../domain/case-states';
import { CHECKLIST_ACTORS, SEVERANCE_CLOSINGS } from '../domain/checklist';
import { REASONS } from '../domain/reasons';
import { FAULT_GROUNDS } from '../domain/employer-fault';
import {
  REMINDER_KINDS,
  REMINDER_RECIPIENTS,
  REMINDER_STATUSES,
  REMINDER_TRACKS,
} from '../domain/reminder-kinds';
import { ROLES } from '../domain/roles';
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
} from './field-schemas';

/** Shapes the server returns: what a page shows, never the stored document itself. */

export const stateSchema = z.enum(STATES);
export const roleSchema = z.enum(ROLES);
export const reasonSchema = z.enum(REASONS);
export const caseKindSchema = z.enum(CASE_KINDS);
export const attachmentKindSchema = z.enum(ATTACHMENT_KINDS);
export const reminderKindSchema = z.enum(REMINDER_KINDS);
export const noticeModeSchema = z.enum(NOTICE_MODES);
export const earlyReleaseProposerSchema = z.enum(EARLY_RELEASE_PROPOSERS);
export const faultGroundSchema = z.enum(FAULT_GROUNDS);

export const employeeView = z.strictObject({
  employeeNo,
  name: z.string(),
  department: z.string(),
  position: z.string(),
  managerNo: employeeNo.optional(),
  hireDate: calendarDate,
  probationEndDate: calendarDate,
  contractStart: calendarDate.optional(),
  contractEnd: calendarDate.optional(),
});

/** What every transition answers at least (DESIGN §4). */
export const caseRef = z.strictObject({
  caseId,
  state: stateSchema,
  version: z.number().int().nonnegative(),
});

export const openCaseView = z.strictObject({
  caseId,
  kind: caseKindSchema,
  state: stateSchema,
  version: z.number().int().nonnegative(),
});

export const attachmentView = z.strictObject({
  kind: attachmentKindSchema,
  fileId,
  evidenceFileId: fileId,
  sha256: sha256Hex,
  size: z.number().int().nonnegative(),
  contentType: z.string(),
  uploadedBy: openid,
  at: instant,
  /** A temporary URL of the evidence copy, handed out by `case.get` after its access check. */
  url: z.string().optional(),
});

export const signatureView = z.strictObject({
  hash: sha256Hex,
  letterHash: sha256Hex,
  at: instant,
});

export const stagePeriodView = z.strictObject({
  state: stateSchema,
  enteredAt: instant,
  exitedAt: instant.optional(),
});

export const caseView = z.strictObject({
  caseId,
  kind: caseKindSchema,
  reason: reasonSchema,
  reasonLabel: z.string(),
  explanation: z.string().optional(),
  /** 第38条: the employer's faults the employee named, with the law's words. */
  faultGrounds: z
    .array(z.strictObject({ ground: faultGroundSchema, label: z.string() }))
    .optional(),
  state: stateSchema,
  stateLabel: z.string(),
  version: z.number().int().nonnegative(),
  employee: employeeView,
  managerNo: employeeNo.optional(),
  hrOwner: openid.optional(),
  noticeReceivedAt: instant.optional(),
  noticeTextHash: sha256Hex.optional(),
  legalLastWorkingDay: calendarDate.optional(),
  lastWorkingDay: calendarDate.optional(),
  noticeMode: noticeModeSchema.optional(),
  earlyReleaseProposedBy: earlyReleaseProposerSchema.optional(),
  consentToLaterDay: calendarDate.optional(),
  consentedLastWorkingDay: calendarDate.optional(),
  disputed: z.boolean().optional(),
  noProtectedStatus: z.boolean(),
  attachments: z.array(attachmentView),
  /** Employee-side items HR waived before formalities (the handover list), with the reason. */
  waivers: z.array(
    z.strictObject({ item: checklistItemId, by: openid, at: instant, note: z.string() }),
  ),
  allowedEvents: z.array(z.enum(EVENT_TYPES)),
  signature: signatureView.optional(),
  stages: z.array(stagePeriodView),
  needsCall: z.boolean(),
  completedAt: instant.optional(),
  createdAt: instant,
  updatedAt: instant,
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
  doneAt: instant.optional(),
  doneBy: openid.optional(),
  waived: z.boolean().optional(),
  waivedAt: instant.optional(),
  waivedBy: openid.optional(),
  note: z.string().optional(),
  /** `severance_paid` closed without a payment, with the document (解释(一) 第35条). */
  closedAs: z.enum(SEVERANCE_CLOSINGS).optional(),
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
  sentAt: instant.optional(),
  errCode: z.number().int().optional(),
  attempts: z.number().int().nonnegative(),
});

export const auditEventView = z.strictObject({
  seq: z.number().int().nonnegative(),
  type: z.enum(AUDIT_EVENT_TYPES),
  actor: z.strictObject({ openid, role: z.union([roleSchema, z.literal('system')]) }),
  at: instant,
  payload: z.record(z.string(), z.unknown()),
  prevHash: sha256Hex.nullable(),
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
  explanationMin: z.number().int(),
  explanationMax: z.number().int(),
  attachmentsAllOf: z.array(attachmentKindSchema),
  attachmentsAnyOf: z.array(z.array(attachmentKindSchema)),
});

export const policyView = z.strictObject({
  employeeMayWithdrawBeforeReview: z.boolean(),
  escalateAfterDays: z.number().int(),
  assets: z.array(asset),
  reminders: z.strictObject({
    sendWindow: z.strictObject({ startHour: z.number().int(), endHour: z.number().int() }),
    employeeTask: z.strictObject({
      dailyDays: z.array(z.number().int()),
      gentleDay: z.number().int(),
      seriousFromDay: z.number().int(),
      hrAlertDay: z.number().int(),
    }),
    managerReview: z.strictObject({
      afterDays: z.number().int(),
      hrAlertDay: z.number().int(),
    }),
    legalDeadline: z.strictObject({
      daysBeforeLastDay: z.array(z.number().int()),
      transferDaysAfterLastDay: z.array(z.number().int()),
    }),
  }),
});
