import { changeCase } from './case-change';
import { type AttachmentKind, DATED_ATTACHMENT_KINDS } from './attachments';
import { beijingDate, type CalendarDate, compareDates, toInstant } from './beijing-calendar';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { type CaseRecord, type StoredAttachment } from './case-record';
import { isTerminal, type State, UNFINISHED_STATES } from './case-states';
import { actsAsHr } from './roles';

/** A file the server has already checked, hashed and copied to evidence storage. */
export type AttachmentFile = Omit<StoredAttachment, 'kind' | 'uploadedBy' | 'at'>;

interface AttachRule {
  readonly who: 'owner_or_hr' | 'hr' | 'anyone';
  readonly states: readonly State[];
}

/** Who may add which document when (DESIGN §4 `case.attach`). */
export const ATTACH_RULES: Record<AttachmentKind, AttachRule> = {
  handover_checklist: {
    who: 'owner_or_hr',
    states: ['submitted', 'returned', 'hr_review', 'formalities'],
  },
  // 第40条(二) evidence is HR's, prepared before the notice is issued.
  appraisal_record: { who: 'hr', states: ['draft'] },
  training_certificate: { who: 'hr', states: ['draft'] },
  position_change_record: { who: 'hr', states: ['draft'] },
  notice_delivery: { who: 'hr', states: UNFINISHED_STATES },
  // 解释(一) 第35条: the agreement settling severance, or why none is owed; HR's, at formalities.
  severance_document: { who: 'hr', states: ['formalities'] },
  other: { who: 'anyone', states: UNFINISHED_STATES },
  // 第43条: told before the issue, so recorded with the draft.
  union_notice: { who: 'hr', states: ['draft'] },
  union_reply: { who: 'hr', states: ['draft'] },
  // The employee's written request to withdraw, which HR's cancellation rests on.
  withdrawal_request: {
    who: 'owner_or_hr',
    states: ['submitted', 'returned', 'hr_review', 'formalities'],
  },
};

function mayAttach(rule: AttachRule, actor: Actor): boolean {
  if (actor.role === 'system') return false;
  if (rule.who === 'anyone') return true;
  if (rule.who === 'hr') return actsAsHr(actor.role);
  return actor.role === 'employee' || actsAsHr(actor.role);
}

/**
 * Of the files offered for a kind, those the case does not hold yet: one attachment per
 * content (SHA-256) per case and kind, however often the same file is sent, in one call or
 * later. The first of several equal files is the one kept.
 */
export function newAttachmentFiles<F extends { readonly sha256: string }>(
  caseDoc: CaseRecord,
  kind: AttachmentKind,
  files: readonly F[],
): F[] {
  const held = new Set(caseDoc.attachments.filter((a) => a.kind === kind).map((a) => a.sha256));
  const out: F[] = [];
  for (const file of files) {
    if (held.has(file.sha256)) continue;
    held.add(file.sha256);
    out.push(file);
  }
  return out;
}

export function attach(
  caseDoc: CaseRecord,
  kind: AttachmentKind,
  files: readonly AttachmentFile[],
  actor: Actor,
  now: Date,
  /** The date the documents bear (termination documents only, see DATED_ATTACHMENT_KINDS). */
  documentDate?: CalendarDate,
): DomainResult {
  const rule = ATTACH_RULES[kind];
  if (!mayAttach(rule, actor)) {
    return { ok: false, code: 'FORBIDDEN', reason: `${actor.role} may not attach ${kind}` };
  }
  if (isTerminal(caseDoc.state)) {
    return { ok: false, code: 'INVALID_TRANSITION', state: caseDoc.state, event: 'case.attach' };
  }
  if (!rule.states.includes(caseDoc.state)) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'attachment_allowed' };
  }
  const at = toInstant(now);
  if (documentDate !== undefined) {
    if (!DATED_ATTACHMENT_KINDS.includes(kind)) {
      return { ok: false, code: 'PRECONDITION_FAILED', guard: 'attachment_allowed' };
    }
    // A document cannot bear a date that has not come yet.
    if (compareDates(documentDate, beijingDate(now)) > 0) {
      return {
        ok: false,
        code: 'VALIDATION_FAILED',
        field: 'documentDate',
        latest: beijingDate(now),
      };
    }
  }
  const added: StoredAttachment[] = files.map((f) => ({
    ...f,
    kind,
    uploadedBy: actor.openid,
    at,
    ...(documentDate ? { documentDate } : {}),
  }));
  return changeCase(
    caseDoc,
    { attachments: [...caseDoc.attachments, ...added] },
    {
      type: 'case.attach',
      actor,
      at,
      payload: {
        kind,
        files: added.map((f) => ({
          fileId: f.fileId,
          evidenceFileId: f.evidenceFileId,
          sha256: f.sha256,
          size: f.size,
          contentType: f.contentType,
          ...(f.documentDate ? { documentDate: f.documentDate } : {}),
        })),
      },
    },
  );
}
