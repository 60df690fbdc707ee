import { type BlockedCaseActionView, type CaseActionView, rpcErrorOf } from '../contract';
import { addDays, beijingDate } from '../domain/beijing-calendar';
import { attach } from '../domain/case-attachments';
import { type DomainResult } from '../domain/case-effects';
import { type CaseCommand, GUARD_MESSAGES, handoverListPresent } from '../domain/case-guards';
import { chineseDate } from '../domain/letters';
import { transition } from '../domain/case-machine';
import { type CaseRecord } from '../domain/case-record';
import { changeChecklistItem } from '../domain/checklist-actions';
import { isSettled, signItemOf } from '../domain/checklist-rules';
import { markDisputed } from '../domain/case-dispute';
import { consentToLastWorkingDay } from '../domain/later-day-consent';
import { assignSuccessors } from '../domain/handover-successors';
import { recordNonCompete } from '../domain/non-compete';
import { type Policy } from '../domain/policy';
import { inSendWindow, manualReminderSlot } from '../domain/reminder-policy';
import { purgeVerdict } from '../domain/retention';
import type { Caller } from './caller';
import { actorAs, type Relation } from './case-access';

/**
 * What the caller may do on a case now (`case.get`'s `allowedActions`), and what their role
 * would let them do but a rule holds back, with the reason in Chinese (`blockedActions`).
 * Each candidate runs through the same domain function the action's handler calls, for the
 * same actor: the answer is what the server would accept. Comments and HR's attestation are
 * asked for in the action's own dialog, so they are taken as given here.
 */
export function caseActions(
  caseDoc: CaseRecord,
  caller: Caller,
  relation: Relation,
  policy: Policy,
  now: Date,
  /** `settings.retentionYears`: when an admin may purge the closed case. */
  retentionYears: number,
): { allowedActions: CaseActionView[]; blockedActions: BlockedCaseActionView[] } {
  const allowedActions: CaseActionView[] = [];
  const blockedActions: BlockedCaseActionView[] = [];
  const consider = (action: CaseActionView, result: Verdict): void => {
    if (result === 'hidden') return;
    if (result === 'allowed' || result.ok) {
      allowedActions.push(action);
    } else if (result.code === 'PRECONDITION_FAILED' && !HIDDEN_GUARDS.has(result.guard)) {
      blockedActions.push({ ...action, reason: blockedReason(caseDoc, result, now) });
    }
  };
  const fire = (role: 'employee' | 'manager' | 'hr', command: CaseCommand) => {
    const actor = actorAs(caller, relation, role);
    return actor ? transition(caseDoc, command, now, { actor, policy }) : 'hidden';
  };
  const employee = actorAs(caller, relation, 'employee');
  const hr = actorAs(caller, relation, 'hr');
  const handoverMissing =
    (caseDoc.state === 'submitted' || caseDoc.state === 'returned') &&
    !handoverListPresent(caseDoc);

  // The employee's own steps: the handover list, resubmitting, signing, withdrawing, consent.
  if (employee && handoverMissing) {
    consider(
      { action: 'case.attach', kind: 'handover_checklist' },
      attach(caseDoc, 'handover_checklist', [], employee, now),
    );
  }
  consider({ action: 'case.resubmit' }, fire('employee', { type: 'resubmit' }));
  if (employee && caseDoc.state === 'formalities' && openSignItem(caseDoc)) {
    consider({ action: 'case.sign' }, 'allowed');
  }
  consider({ action: 'case.withdraw' }, fire('employee', { type: 'withdraw' }));
  if (employee) {
    // 第36/37条: a last working day other than the legal one needs the employee's own recorded
    // consent (asked with the day a day after the legal one: the day is chosen in the dialog).
    const otherDay = caseDoc.legalLastWorkingDay && addDays(caseDoc.legalLastWorkingDay, 1);
    consider(
      { action: 'case.consentLastWorkingDay' },
      otherDay ? consentToLastWorkingDay(caseDoc, otherDay, employee, now) : 'hidden',
    );
  }

  // The reviewer: the manager, or HR when the employee has none (DESIGN §2).
  const reviewer = relation.manager ? 'manager' : 'hr';
  consider(
    { action: 'case.review', decision: 'approve' },
    fire(reviewer, { type: 'review.approve' }),
  );
  consider(
    { action: 'case.review', decision: 'return' },
    fire(reviewer, { type: 'review.return', comment: GIVEN_IN_DIALOG }),
  );

  // 交接人: named by the reviewer from the review on, until the handover is confirmed; while it
  // is under way they may confirm an item on a successor's behalf (with a note, in the dialog).
  // HR may step in for a manager through the action, but is offered it only as the reviewer.
  const naming =
    relation.manager || caseDoc.managerNo === undefined
      ? actorAs(caller, relation, reviewer)
      : null;
  if (naming) {
    consider({ action: 'case.assignSuccessors' }, assignSuccessors(caseDoc, [], naming, now));
    const unanswered = caseDoc.handover?.items.some((i) => i.status !== 'confirmed') === true;
    if (caseDoc.state === 'formalities' && unanswered) {
      consider({ action: 'handover.confirm' }, 'allowed');
    }
  }

  if (hr) {
    const slot = manualReminderSlot(caseDoc, now, policy.reminders);
    if (slot) {
      const { startHour, endHour } = policy.reminders.sendWindow;
      if (inSendWindow(now, policy.reminders)) allowedActions.push({ action: 'case.remind' });
      else {
        blockedActions.push({
          action: 'case.remind',
          reason: `提醒只在每天 ${startHour}:00–${endHour}:00 发送`,
        });
      }
    }
    // The employee who vanished (DESIGN §3): proof of delivery, then the list may be waived.
    if (handoverMissing) {
      consider(
        { action: 'case.attach', kind: 'notice_delivery' },
        attach(caseDoc, 'notice_delivery', [], hr, now),
      );
      consider(
        { action: 'case.checklist', item: 'handover_list' },
        changeChecklistItem(
          caseDoc,
          { item: 'handover_list', waive: true, note: GIVEN_IN_DIALOG },
          hr,
          now,
        ),
      );
    }
  }
  consider(
    { action: 'case.hrEscalate' },
    fire('hr', { type: 'hr.escalate', comment: GIVEN_IN_DIALOG }),
  );
  consider({ action: 'case.issue' }, fire('hr', { type: 'hr.issue', noProtectedStatus: true }));
  consider({ action: 'case.hrConfirm' }, fire('hr', { type: 'hr.confirm' }));
  consider(
    { action: 'case.hrReturn' },
    fire('hr', { type: 'hr.return', comment: GIVEN_IN_DIALOG }),
  );
  // 第23/24条: offered while the contract's non-compete clause awaits HR's decision.
  if (hr && caseDoc.nonCompete === undefined) {
    const open = caseDoc.checklist.some((e) => e.item === 'non_compete_decided' && !e.done);
    if (open) {
      consider(
        { action: 'case.nonCompete' },
        recordNonCompete(caseDoc, { decision: 'released' }, hr, now),
      );
    }
  }
  if (hr) {
    // 解释(一) 第35条: severance closed without a payment, its document attached first (the
    // offer to attach it comes with the refusal).
    const severance = caseDoc.checklist.find((e) => e.item === 'severance_paid');
    if (severance && !isSettled(severance)) {
      consider(
        { action: 'case.attach', kind: 'severance_document' },
        attach(caseDoc, 'severance_document', [], hr, now),
      );
      consider(
        { action: 'case.checklist', item: 'severance_paid' },
        changeChecklistItem(caseDoc, { item: 'severance_paid', closeAs: 'settled' }, hr, now),
      );
    }
    // 个保法 第47条: a disputed case is kept; HR marks it, or lifts the mark.
    const disputed = caseDoc.disputed !== true;
    consider(
      { action: 'case.markDisputed', disputed },
      markDisputed(caseDoc, disputed, hr, now, GIVEN_IN_DIALOG),
    );
  }
  consider({ action: 'case.close' }, fire('hr', { type: 'hr.close' }));
  consider(
    { action: 'case.hrCancel' },
    fire('hr', {
      type: 'hr.cancel',
      comment: GIVEN_IN_DIALOG,
      // The dialog offers the bases the case allows (HR never revokes a resignation alone).
      ...(caseDoc.state === 'draft'
        ? {}
        : { basis: caseDoc.kind === 'termination' ? 'employee_agreed' : 'duplicate' }),
    }),
  );
  // 个保法 第47条: an admin purges a closed case once its retention period has passed.
  if (caller.roles.includes('admin')) {
    const verdict = purgeVerdict(caseDoc, retentionYears, now);
    if (verdict.ok) allowedActions.push({ action: 'admin.purgeCase' });
    else if (verdict.guard !== 'case_closed') {
      blockedActions.push({
        action: 'admin.purgeCase',
        reason:
          verdict.guard === 'retention_period' && verdict.purgeableFrom
            ? `保存期限未满，${chineseDate(verdict.purgeableFrom)}起可以清除`
            : GUARD_MESSAGES[verdict.guard],
      });
    }
  }
  return { allowedActions, blockedActions };
}

/** A domain answer, or a step that needs no rule beyond the case's own data, or none to offer. */
type Verdict = DomainResult | 'allowed' | 'hidden';

/** Stands for the comment or note the action's dialog requires before it is sent. */
const GIVEN_IN_DIALOG = '（在操作时填写）';

/** A setting that rules the action out is no reason to show it: the button is not offered. */
const HIDDEN_GUARDS: ReadonlySet<string> = new Set(['withdraw_allowed']);

function openSignItem(caseDoc: CaseRecord): boolean {
  if (caseDoc.signature) return false;
  const item = signItemOf(caseDoc.kind);
  const entry = caseDoc.checklist.find((e) => e.item === item);
  return entry !== undefined && !isSettled(entry);
}

/**
 * The domain's refusal as a person reads it. Closing says everything still missing at once:
 * `8 项未完成 · 3月31日起可归档`.
 */
function blockedReason(caseDoc: CaseRecord, result: DomainResult, now: Date): string {
  if (result.ok) return '';
  const guard = result.code === 'PRECONDITION_FAILED' ? result.guard : undefined;
  if (guard !== 'checklist_complete' && guard !== 'last_working_day_reached') {
    return rpcErrorOf(result).message;
  }
  const parts: string[] = [];
  const open = caseDoc.checklist.filter((e) => !isSettled(e)).length;
  if (open > 0) parts.push(`${open} 项未完成`);
  const last = caseDoc.lastWorkingDay;
  if (last !== undefined && beijingDate(now) < last) {
    const [, month, day] = last.split('-').map(Number);
    parts.push(`${month}月${day}日起可归档`);
  }
  return parts.join(' · ') || rpcErrorOf(result).message;
}
