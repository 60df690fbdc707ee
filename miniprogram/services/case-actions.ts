import type { ActionPayload, ChecklistItemId } from '../../server/contract';
import type { CaseAction } from '../view-models/case-detail';
import type { SeveranceClosing } from '../view-models/labels';
import { call, type ClientError } from './rpc';

export type ActionOutcome = { ok: true } | { ok: false; error: ClientError };

/**
 * Buttons answered by one RPC with an optional comment; uploads, signing, issuing a termination
 * and HR's reminder have their own flows.
 */
export type CommentedAction = Exclude<
  CaseAction,
  'upload' | 'uploadDelivery' | 'sign' | 'issue' | 'remind' | 'nonCompete' | 'assignSuccessors'
>;

const done = (reply: { ok: true } | { ok: false; error: ClientError }): ActionOutcome =>
  reply.ok ? { ok: true } : { ok: false, error: reply.error };

/** HR's confirmation choices beyond the comment; the day is also the employee's consent. */
export type ConfirmOptions = Pick<
  ActionPayload<'case.hrConfirm'>,
  'lastWorkingDay' | 'earlyReleaseProposedBy'
> &
  Pick<ActionPayload<'case.close'>, 'rehire'> & { closeAs?: SeveranceClosing };

/** Sends the RPC behind a case button; the comment is passed only when the user wrote one. */
export async function runCaseAction(
  caseId: string,
  action: CommentedAction,
  comment: string,
  confirm: ConfirmOptions = {},
  /** hr.cancel: the basis HR cancels on (DESIGN §3). */
  basis = '',
): Promise<ActionOutcome> {
  const text = comment.trim();
  const withComment = text ? { caseId, comment: text } : { caseId };
  switch (action) {
    case 'resubmit':
      return done(await call('case.resubmit', withComment));
    case 'withdraw':
      return done(await call('case.withdraw', withComment));
    case 'approve':
      return done(await call('case.review', { ...withComment, decision: 'approve' }));
    case 'return':
      return done(await call('case.review', { ...withComment, decision: 'return' }));
    case 'escalate':
      return done(await call('case.hrEscalate', withComment));
    case 'confirm':
      return done(await call('case.hrConfirm', { ...withComment, ...confirm }));
    case 'hrReturn':
      return done(await call('case.hrReturn', withComment));
    case 'cancel':
      return done(await call('case.hrCancel', basis ? { ...withComment, basis } : withComment));
    case 'close':
      return done(
        await call('case.close', { caseId, ...(confirm.rehire ? { rehire: confirm.rehire } : {}) }),
      );
    case 'consentLater':
      return done(
        await call('case.consentLastWorkingDay', {
          caseId,
          lastWorkingDay: confirm.lastWorkingDay ?? '',
        }),
      );
    case 'waiveHandover':
      return done(
        await call('case.checklist', { caseId, item: 'handover_list', waive: true, note: text }),
      );
    case 'closeSeverance':
      return done(
        await call('case.checklist', {
          caseId,
          item: 'severance_paid',
          closeAs: confirm.closeAs ?? 'settled',
          ...(text ? { note: text } : {}),
        }),
      );
    case 'markDisputed':
    case 'unmarkDisputed':
      return done(
        await call('case.markDisputed', { ...withComment, disputed: action === 'markDisputed' }),
      );
    case 'purge':
      return done(await call('admin.purgeCase', { caseId }));
  }
}

/** HR's non-compete decision as typed: fields left empty are not sent. */
export interface NonCompeteInput {
  decision: ActionPayload<'case.nonCompete'>['decision'];
  months?: number | undefined;
  monthlyCompensation?: number | undefined;
  averageMonthlyWage?: number | undefined;
  minimumWage?: number | undefined;
}

/** Records HR's non-compete decision (劳动合同法 第23/24条); the server checks the figures. */
export async function recordNonCompete(
  caseId: string,
  input: NonCompeteInput,
): Promise<ActionOutcome> {
  const { decision, months, monthlyCompensation, averageMonthlyWage, minimumWage } = input;
  const given: ActionPayload<'case.nonCompete'> = {
    caseId,
    decision,
    ...(months === undefined ? {} : { months }),
    ...(monthlyCompensation === undefined ? {} : { monthlyCompensation }),
    ...(averageMonthlyWage === undefined ? {} : { averageMonthlyWage }),
    ...(minimumWage === undefined ? {} : { minimumWage }),
  };
  return done(await call('case.nonCompete', given));
}

export type ChecklistChange = 'tick' | 'untick' | 'waive';

export async function changeChecklistItem(
  caseId: string,
  item: ChecklistItemId,
  change: ChecklistChange,
  note: string,
): Promise<ActionOutcome> {
  const text = note.trim();
  if (change === 'waive') {
    return done(await call('case.checklist', { caseId, item, waive: true, note: text }));
  }
  const ticked = change === 'tick';
  return done(
    await call('case.checklist', { caseId, item, done: ticked, ...(text ? { note: text } : {}) }),
  );
}
