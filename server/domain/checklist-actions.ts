import { changeCase } from './case-change';
import { toInstant } from './beijing-calendar';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { type GuardName } from './case-guards';
import { lastWorkingDayPassed } from './case-machine';
import { type CaseRecord, type ChecklistEntry } from './case-record';
import { type ChecklistItemId, type SeveranceClosing } from './checklist';
import {
  DECISION_ITEMS,
  isEmployeeSideItem,
  SIGN_ITEMS,
  STATUTORY_DUTIES,
} from './checklist-rules';
import { actsAsHr } from './roles';

export type ChecklistChange =
  | { readonly item: ChecklistItemId; readonly done: boolean; readonly note?: string }
  | { readonly item: ChecklistItemId; readonly waive: true; readonly note: string }
  | {
      readonly item: ChecklistItemId;
      readonly closeAs: SeveranceClosing;
      readonly note?: string;
    };

/**
 * `severance_paid` closed without a payment (解释(一) 第35条): not owed, or settled by
 * agreement, with the document on the case. It counts as done; it is never a waiver.
 */
function closeSeverance(
  caseDoc: CaseRecord,
  closeAs: SeveranceClosing,
  note: string,
  actor: Actor,
  now: Date,
): DomainResult {
  if (!(actor.role !== 'system' && actsAsHr(actor.role))) {
    return { ok: false, code: 'FORBIDDEN', reason: 'only HR closes severance' };
  }
  if (caseDoc.state !== 'formalities') {
    return { ok: false, code: 'INVALID_TRANSITION', state: caseDoc.state, event: 'checklist.done' };
  }
  const index = caseDoc.checklist.findIndex((e) => e.item === 'severance_paid');
  const entry = caseDoc.checklist[index];
  if (entry === undefined) return { ok: false, code: 'NOT_FOUND', what: 'severance_paid' };
  if (entry.done) return failed('item_open');
  const documents = caseDoc.attachments.filter((a) => a.kind === 'severance_document');
  const document = documents[documents.length - 1];
  if (document === undefined) return failed('severance_document_attached');
  const at = toInstant(now);
  const updated: ChecklistEntry = {
    ...entry,
    done: true,
    doneAt: at,
    doneBy: actor.openid,
    closedAs: closeAs,
    ...(note ? { note } : {}),
  };
  return changeCase(
    caseDoc,
    { checklist: caseDoc.checklist.map((e, i) => (i === index ? updated : e)) },
    {
      type: 'checklist.done',
      actor,
      at,
      payload: {
        item: 'severance_paid',
        closeAs,
        document: document.sha256,
        ...(note ? { note } : {}),
      },
    },
  );
}

const failed = (guard: GuardName): DomainResult => ({
  ok: false,
  code: 'PRECONDITION_FAILED',
  guard,
});

function mayTick(entry: ChecklistEntry, actor: Actor): boolean {
  if (actor.role === 'system') return false;
  const role = actor.role;
  return entry.by.some((who) => (who === 'hr' ? actsAsHr(role) : who === role));
}

/**
 * An employee-side item (handover list, signature) may be waived by HR only after the last
 * working day, with a comment and proof that the notice was delivered: the contract ends on
 * that day whether or not the employee signs (第37条).
 */
function employeeSideWaiverGuard(caseDoc: CaseRecord, now: Date): GuardName | undefined {
  if (!lastWorkingDayPassed(caseDoc, now)) return 'after_last_working_day';
  if (!caseDoc.attachments.some((a) => a.kind === 'notice_delivery')) {
    return 'notice_delivery_attached';
  }
  return undefined;
}

/** The handover list is waived before formalities, so approval or escalation can proceed. */
function waiveHandoverList(
  caseDoc: CaseRecord,
  note: string,
  actor: Actor,
  now: Date,
): DomainResult {
  if (!['submitted', 'returned'].includes(caseDoc.state)) {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      state: caseDoc.state,
      event: 'checklist.waive',
    };
  }
  if (note.length === 0) return failed('note_given');
  if (caseDoc.waivers.some((w) => w.item === 'handover_list')) return failed('item_not_waived');
  if (caseDoc.attachments.some((a) => a.kind === 'handover_checklist')) return failed('item_open');
  const blocked = employeeSideWaiverGuard(caseDoc, now);
  if (blocked) return failed(blocked);
  const at = toInstant(now);
  return changeCase(
    caseDoc,
    { waivers: [...caseDoc.waivers, { item: 'handover_list', by: actor.openid, at, note }] },
    {
      type: 'checklist.waive',
      actor,
      at,
      payload: { item: 'handover_list', note, employeeSide: true },
    },
  );
}

/**
 * A tick of an item already done (or an untick of one still open, without a note) changes
 * nothing and writes no event (DESIGN §3 "Who may waive"): twenty identical taps are one, and
 * a second person's tick never takes over the first one's `doneBy`. Only for someone who may
 * tick the item at all: anyone else is refused as before.
 */
export function isRepeatTick(caseDoc: CaseRecord, change: ChecklistChange, actor: Actor): boolean {
  if ('waive' in change || 'closeAs' in change || caseDoc.state !== 'formalities') return false;
  const entry = caseDoc.checklist.find((e) => e.item === change.item);
  if (entry === undefined || entry.waived || SIGN_ITEMS.includes(entry.item)) return false;
  if (!mayTick(entry, actor)) return false;
  if (change.done) return entry.done;
  return !entry.done && (change.note?.trim() ?? '') === '';
}

/** Ticks, unticks or waives one checklist item (DESIGN §4 `case.checklist`). */
export function changeChecklistItem(
  caseDoc: CaseRecord,
  change: ChecklistChange,
  actor: Actor,
  now: Date,
): DomainResult {
  const note = change.note?.trim() ?? '';
  if ('closeAs' in change) {
    if (change.item !== 'severance_paid')
      return { ok: false, code: 'NOT_FOUND', what: change.item };
    return closeSeverance(caseDoc, change.closeAs, note, actor, now);
  }
  const waive = 'waive' in change;
  if (waive && !(actor.role !== 'system' && actsAsHr(actor.role))) {
    return { ok: false, code: 'FORBIDDEN', reason: 'only HR waives checklist items' };
  }
  if (change.item === 'handover_list') {
    // Uploading the list is `case.attach`; here it can only be waived.
    if (!waive) return { ok: false, code: 'NOT_FOUND', what: change.item };
    return waiveHandoverList(caseDoc, note, actor, now);
  }
  if (caseDoc.state !== 'formalities') {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      state: caseDoc.state,
      event: waive ? 'checklist.waive' : 'checklist.done',
    };
  }
  const index = caseDoc.checklist.findIndex((e) => e.item === change.item);
  const entry = caseDoc.checklist[index];
  if (entry === undefined) return { ok: false, code: 'NOT_FOUND', what: change.item };
  if (!waive && !SIGN_ITEMS.includes(entry.item) && !mayTick(entry, actor)) {
    return { ok: false, code: 'FORBIDDEN', reason: `${actor.role} may not tick ${entry.item}` };
  }
  if (waive && note.length === 0) return failed('note_given');
  if (entry.waived) return failed('item_not_waived');

  const at = toInstant(now);
  let updated: ChecklistEntry;
  let type: 'checklist.done' | 'checklist.undone' | 'checklist.waive';
  if (waive) {
    if (STATUTORY_DUTIES.includes(entry.item)) return failed('statutory_duty');
    if (entry.done) return failed('item_open');
    if (isEmployeeSideItem(entry.item)) {
      const blocked = employeeSideWaiverGuard(caseDoc, now);
      if (blocked) return failed(blocked);
    }
    updated = { ...entry, waived: true, waivedAt: at, waivedBy: actor.openid, note };
    type = 'checklist.waive';
  } else {
    if (SIGN_ITEMS.includes(entry.item)) return failed('e_signature_required');
    if (DECISION_ITEMS.includes(entry.item)) return failed('decision_action_required');
    // A paper certificate ticked by hand says so in a note (实施条例 第24条 content aside).
    if (change.done && entry.item === 'certificate_issued' && note.length === 0) {
      return failed('note_given');
    }
    // 交接人: what a successor has not confirmed is confirmed for them only with a note.
    const unconfirmed = caseDoc.handover?.items.some((i) => i.status !== 'confirmed') === true;
    if (change.done && entry.item === 'handover_confirmed' && unconfirmed && note.length === 0) {
      return failed('note_given');
    }
    if (change.done) {
      updated = {
        ...entry,
        done: true,
        doneAt: at,
        doneBy: actor.openid,
        note: note || entry.note,
      };
      type = 'checklist.done';
    } else {
      updated = {
        item: entry.item,
        label: entry.label,
        by: entry.by,
        due: entry.due,
        done: false,
        note: note || undefined,
      };
      type = 'checklist.undone';
    }
  }
  const checklist = caseDoc.checklist.map((e, i) => (i === index ? updated : e));
  const payload: Record<string, unknown> = { item: entry.item };
  if (note) payload.note = note;
  if (waive && isEmployeeSideItem(entry.item)) payload.employeeSide = true;
  return changeCase(caseDoc, { checklist }, { type, actor, at, payload });
}
