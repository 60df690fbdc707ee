import { toInstant } from './beijing-calendar';
import { changeCase } from './case-change';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { type CaseRecord, type ChecklistEntry } from './case-record';
import { type State } from './case-states';
import { type Handover, type HandoverItem, type Successor } from './handover-record';

/** At most five colleagues take over one departure's work. */
export const MAX_SUCCESSORS = 5;
/** The handover list typed in when naming them: at most 50 lines of at most 100 characters. */
export const MAX_HANDOVER_ITEMS = 50;
export const HANDOVER_ITEM_MAX_CHARS = 100;

/** Successors may be named from the review (at approval) until the formalities end. */
const ASSIGNABLE_STATES: readonly State[] = ['submitted', 'hr_review', 'formalities'];

/** A successor named with the lines of the handover list they take over. */
export interface SuccessorAssignment extends Successor {
  readonly items: readonly string[];
}

function handoverEntry(caseDoc: CaseRecord): ChecklistEntry | undefined {
  return caseDoc.checklist.find((e) => e.item === 'handover_confirmed');
}

function handoverSettled(caseDoc: CaseRecord): boolean {
  const entry = handoverEntry(caseDoc);
  return entry !== undefined && (entry.done || entry.waived === true);
}

/** The items a successor was given on the case, in the order they were typed in. */
export function itemsOf(handover: Handover | undefined, employeeNo: string): HandoverItem[] {
  return (handover?.items ?? []).filter((i) => i.successorNo === employeeNo);
}

export function isSuccessorOf(caseDoc: CaseRecord, employeeNo: string | undefined): boolean {
  return employeeNo !== undefined && (caseDoc.successorNos ?? []).includes(employeeNo);
}

/**
 * Names the successors and the handover items each takes over (the manager, or HR): replaces an
 * earlier naming while none of its items has been confirmed, and never once the handover is
 * confirmed. The item ids carry the round, so an item of a replaced naming is never mistaken for
 * a new one.
 */
export function assignSuccessors(
  caseDoc: CaseRecord,
  successors: readonly SuccessorAssignment[],
  actor: Actor,
  now: Date,
): DomainResult {
  if (!ASSIGNABLE_STATES.includes(caseDoc.state)) {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      state: caseDoc.state,
      event: 'handover.assign',
    };
  }
  if (handoverSettled(caseDoc)) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'handover_open' };
  }
  if ((caseDoc.handover?.items ?? []).some((i) => i.status === 'confirmed')) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'handover_untouched' };
  }
  if (successors.some((s) => s.employeeNo === caseDoc.employee.employeeNo)) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'successor_not_leaver' };
  }
  const round = (caseDoc.handover?.round ?? 0) + 1;
  const at = toInstant(now);
  const items: HandoverItem[] = [];
  for (const s of successors) {
    for (const text of s.items) {
      const itemId = `r${round}-${items.length + 1}`;
      items.push({ itemId, text, successorNo: s.employeeNo, status: 'pending' });
    }
  }
  const handover: Handover = {
    round,
    assignedAt: at,
    assignedBy: actor.openid,
    successors: successors.map(({ employeeNo, name, openid }) => ({
      employeeNo,
      name,
      ...(openid ? { openid } : {}),
    })),
    items,
  };
  return changeCase(
    caseDoc,
    { handover, successorNos: successors.map((s) => s.employeeNo) },
    {
      type: 'handover.assign',
      actor,
      at,
      payload: {
        round,
        successors: successors.map((s) => ({
          employeeNo: s.employeeNo,
          name: s.name,
          items: items
            .filter((i) => i.successorNo === s.employeeNo)
            .map((i) => ({ itemId: i.itemId, text: i.text })),
        })),
      },
    },
  );
}

/** How someone answers for an item: the successor themselves, or on their behalf with a note. */
export type HandoverAnswer =
  | { readonly kind: 'confirm'; readonly note?: string; readonly onBehalf?: true }
  | { readonly kind: 'dispute'; readonly comment: string };

/**
 * A successor confirms an item received, or disputes it with a comment; the manager or HR may
 * confirm on the successor's behalf with a note (the app decides who is which). Only in
 * formalities, when the handover is under way. The last confirmation ticks `handover_confirmed`
 * in the same event.
 */
export function answerHandoverItem(
  caseDoc: CaseRecord,
  itemId: string,
  answer: HandoverAnswer,
  actor: Actor,
  now: Date,
): DomainResult {
  const event = answer.kind === 'confirm' ? 'handover.confirm' : 'handover.dispute';
  const handover = caseDoc.handover;
  const index = handover?.items.findIndex((i) => i.itemId === itemId) ?? -1;
  const item = handover?.items[index];
  if (handover === undefined || item === undefined) {
    return { ok: false, code: 'NOT_FOUND', what: itemId };
  }
  if (caseDoc.state !== 'formalities') {
    if (caseDoc.state === 'submitted' || caseDoc.state === 'hr_review') {
      return { ok: false, code: 'PRECONDITION_FAILED', guard: 'handover_started' };
    }
    return { ok: false, code: 'INVALID_TRANSITION', state: caseDoc.state, event };
  }
  if (item.status === 'confirmed') {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'item_open' };
  }
  const at = toInstant(now);
  const note = answer.kind === 'confirm' ? answer.note : undefined;
  const onBehalf = answer.kind === 'confirm' && answer.onBehalf === true;
  const next: HandoverItem =
    answer.kind === 'confirm'
      ? {
          itemId: item.itemId,
          text: item.text,
          successorNo: item.successorNo,
          status: 'confirmed',
          at,
          by: actor.openid,
          ...(note ? { note } : {}),
          ...(onBehalf ? { onBehalf: true as const } : {}),
        }
      : { ...item, status: 'disputed', at, by: actor.openid, comment: answer.comment };
  const items = handover.items.map((i, k) => (k === index ? next : i));
  const entry = handoverEntry(caseDoc);
  const completes =
    answer.kind === 'confirm' &&
    entry !== undefined &&
    !entry.done &&
    entry.waived !== true &&
    items.every((i) => i.status === 'confirmed');
  const checklist = completes
    ? caseDoc.checklist.map((e) =>
        e.item === 'handover_confirmed'
          ? { ...e, done: true, doneAt: at, doneBy: actor.openid, note: '交接人已全部确认接收' }
          : e,
      )
    : caseDoc.checklist;
  return changeCase(
    caseDoc,
    { handover: { ...handover, items }, checklist },
    {
      type: event,
      actor,
      at,
      payload: {
        itemId,
        successorNo: item.successorNo,
        ...(answer.kind === 'dispute' ? { comment: answer.comment } : {}),
        ...(note ? { note } : {}),
        ...(onBehalf ? { onBehalf: true } : {}),
        ...(completes ? { handoverConfirmed: true } : {}),
      },
    },
  );
}
