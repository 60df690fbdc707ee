import type * as z from 'zod/mini';
import { allowedEvents } from '../domain/case-machine';
import { type CaseRecord, type ChecklistEntry } from '../domain/case-record';
import { STATE_LABELS } from '../domain/case-states';
import { type AuditEvent, type HashText } from '../domain/event-chain';
import { type LetterOptions, renderLetter } from '../domain/letters';
import { STATUTORY_DUTIES } from '../domain/checklist-rules';
import {
  AWAITING_DELIVERY_LABEL,
  awaitingDelivery,
  UNTIL_DELIVERY_LAST_DAY,
} from '../domain/notice-delivery';
import { type HandoverItem } from '../domain/handover-record';
import { nextCompensationDue } from '../domain/non-compete';
import { VOCABULARY } from '../domain/vocabulary';
import { REASON_LABELS } from '../domain/reasons';
import { FAULT_GROUND_RULES } from '../domain/employer-fault';
import { type ReminderSlot } from '../domain/reminder-policy';
import { type ReminderStatus } from '../domain/reminder-kinds';
import {
  type auditEventView,
  type blockedCaseActionView,
  type caseActionView,
  type caseView,
  type checklistRowView,
  type handoverItemView,
  type handoverView,
  type letterView,
  type reminderRowView,
} from './views.schema';

export type CaseView = z.output<typeof caseView>;
export type CaseActionView = z.output<typeof caseActionView>;
export type BlockedCaseActionView = z.output<typeof blockedCaseActionView>;
export type ChecklistRowView = z.output<typeof checklistRowView>;
export type LetterView = z.output<typeof letterView>;
export type ReminderRowView = z.output<typeof reminderRowView>;
export type AuditEventView = z.output<typeof auditEventView>;
export type HandoverItemView = z.output<typeof handoverItemView>;
export type HandoverView = z.output<typeof handoverView>;

/** What a page shows of a stored case; the signer's OPENID and IP stay on the server. */
export function presentCase(c: CaseRecord, needsCall = false): CaseView {
  const pending = awaitingDelivery(c);
  return {
    caseId: c.caseId,
    kind: c.kind,
    reason: c.reason,
    reasonLabel: REASON_LABELS[c.reason],
    explanation: c.explanation,
    faultGrounds: c.faultGrounds?.map((ground) => ({
      ground,
      label: FAULT_GROUND_RULES[ground].label,
    })),
    state: c.state,
    stateLabel: pending ? AWAITING_DELIVERY_LABEL : STATE_LABELS[c.state],
    version: c.version,
    employee: c.employee,
    managerNo: c.managerNo,
    hrOwner: c.hrOwner,
    noticeReceivedAt: c.noticeReceivedAt,
    noticeTextHash: c.noticeTextHash,
    legalLastWorkingDay: c.legalLastWorkingDay,
    lastWorkingDay: c.lastWorkingDay,
    noticeMode: c.noticeMode,
    earlyReleaseProposedBy: c.earlyReleaseProposedBy,
    consentToLaterDay: c.consentToLaterDay,
    consentedLastWorkingDay: c.consentedLastWorkingDay,
    ...(c.disputed ? { disputed: true } : {}),
    noProtectedStatus: c.noProtectedStatus,
    unionNotice: c.unionNotice ? { ...c.unionNotice } : undefined,
    issuedAt: c.issuedAt,
    awaitingDelivery: pending,
    deliveredAt: c.deliveredAt,
    deliveredOn: c.deliveredOn,
    deliveryMethod: c.deliveryMethod,
    lastWorkingDayText:
      c.lastWorkingDay ?? (pending && c.noticeMode !== 'payInLieu' ? UNTIL_DELIVERY_LAST_DAY : ''),
    attachments: c.attachments.map((a) => ({ ...a })),
    waivers: c.waivers.map((w) => ({ ...w })),
    allowedEvents: allowedEvents(c.kind, c.state),
    signature: c.signature
      ? { hash: c.signature.hash, letterHash: c.signature.letterHash, at: c.signature.at }
      : undefined,
    stages: c.stages.map((s) => ({ ...s })),
    needsCall,
    completedAt: c.completedAt,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/**
 * The non-compete decision as a page shows it (第23/24条): the employee sees the decision and
 * its terms; the wage figures HR worked from are HR's only.
 */
export function presentNonCompete(
  c: CaseRecord,
  today: string,
  forHr: boolean,
): CaseView['nonCompete'] {
  const d = c.nonCompete;
  if (d === undefined) return undefined;
  const next = nextCompensationDue(d, c.lastWorkingDay, today);
  return {
    decision: d.decision,
    ...(d.months === undefined ? {} : { months: d.months }),
    ...(d.monthlyCompensation === undefined ? {} : { monthlyCompensation: d.monthlyCompensation }),
    ...(forHr && d.averageMonthlyWage !== undefined
      ? { averageMonthlyWage: d.averageMonthlyWage }
      : {}),
    ...(forHr && d.minimumWage !== undefined ? { minimumWage: d.minimumWage } : {}),
    decidedAt: d.decidedAt,
    ...(next ? { nextCompensationDate: next } : {}),
  };
}

/** One handover item as a page shows it: who answered stays on the server. */
export function presentHandoverItem(i: HandoverItem): HandoverItemView {
  return {
    itemId: i.itemId,
    text: i.text,
    status: i.status,
    statusLabel: VOCABULARY.handoverItemStatuses[i.status],
    ...(i.at ? { at: i.at } : {}),
    ...(i.comment ? { comment: i.comment } : {}),
    ...(i.note ? { note: i.note } : {}),
    ...(i.onBehalf ? { onBehalf: true as const } : {}),
  };
}

/** The successors and the state of each of their items (the case page). */
export function presentHandover(c: CaseRecord): HandoverView | undefined {
  const h = c.handover;
  if (h === undefined) return undefined;
  return {
    round: h.round,
    assignedAt: h.assignedAt,
    successors: h.successors.map((s) => ({
      employeeNo: s.employeeNo,
      name: s.name,
      items: h.items.filter((i) => i.successorNo === s.employeeNo).map(presentHandoverItem),
    })),
  };
}

export function presentChecklistRow(e: ChecklistEntry): ChecklistRowView {
  return { ...e, by: [...e.by], waivable: !STATUTORY_DUTIES.includes(e.item) };
}

export function presentChecklist(c: CaseRecord): ChecklistRowView[] {
  return c.checklist.map(presentChecklistRow);
}

export function presentLetter(
  c: CaseRecord,
  sha256: HashText,
  options?: LetterOptions,
): LetterView {
  const letter = renderLetter(c, options);
  // Once signed, the letter is the text kept with the signature, never rendered again.
  const text = c.signature?.letterText ?? letter.text;
  return { title: letter.title, text, hash: sha256(text) };
}

/** A stored reminder: the slot the policy made plus what the sweep did with it. */
export interface StoredReminder extends ReminderSlot {
  readonly status: ReminderStatus;
  readonly sentAt?: string;
  readonly errCode?: number;
  readonly attempts: number;
}

export function presentReminder(r: StoredReminder): ReminderRowView {
  return {
    id: r.id,
    track: r.track,
    slot: r.slot,
    kind: r.kind,
    phrase: r.phrase,
    recipient: r.recipient,
    status: r.status,
    dueAt: r.dueAt,
    sentAt: r.sentAt,
    errCode: r.errCode,
    attempts: r.attempts,
  };
}

export function presentEvent(e: AuditEvent): AuditEventView {
  return {
    seq: e.seq,
    type: e.type,
    actor: { ...e.actor },
    at: e.at,
    payload: { ...e.payload },
    prevHash: e.prevHash,
    hash: e.hash,
  };
}
