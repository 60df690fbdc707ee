import { changeCase } from './case-change';
import { toInstant } from './beijing-calendar';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { type CaseRecord } from './case-record';
import { signedDocumentKind, withPendingDocument } from './case-paper';
import { signItemOf } from './checklist-rules';

export interface SignInput {
  /** SHA-256 of the signature image, computed by the server from the stored file. */
  readonly signatureHash: string;
  /** The hash the signer was shown. */
  readonly letterHash: string;
  /** The exact text the signer was shown (its SHA-256 is `currentLetterHash`): kept as signed. */
  readonly letterText?: string;
  /** The hash of the letter as the server renders it now. */
  readonly currentLetterHash: string;
  readonly clientIp: string;
  /** Where the image was kept in custody (`evidence/{caseId}/signature/…`). */
  readonly evidenceFileId?: string;
}

/**
 * The employee signs the letter (电子签名法 第13条): bound to the signer's OPENID, with the
 * letter's and the image's SHA-256 and server time, so later changes are detectable.
 */
export function signLetter(
  caseDoc: CaseRecord,
  input: SignInput,
  actor: Actor,
  now: Date,
): DomainResult {
  if (actor.role !== 'employee') {
    return { ok: false, code: 'FORBIDDEN', reason: 'only the employee signs' };
  }
  if (caseDoc.state !== 'formalities') {
    return { ok: false, code: 'INVALID_TRANSITION', state: caseDoc.state, event: 'case.sign' };
  }
  const item = signItemOf(caseDoc.kind);
  const entry = caseDoc.checklist.find((e) => e.item === item);
  if (entry === undefined) return { ok: false, code: 'NOT_FOUND', what: item };
  if (entry.waived) return { ok: false, code: 'PRECONDITION_FAILED', guard: 'item_not_waived' };
  if (entry.done) return { ok: false, code: 'PRECONDITION_FAILED', guard: 'item_open' };
  if (input.letterHash !== input.currentLetterHash) {
    return { ok: false, code: 'PRECONDITION_FAILED', guard: 'letter_unchanged' };
  }
  const at = toInstant(now);
  // The signed paper is rendered after, by the documents function, from the text kept here;
  // it waits for this event.
  const paper: Pick<CaseRecord, 'documents' | 'documentsPending'> =
    input.letterText === undefined
      ? {}
      : withPendingDocument(caseDoc, signedDocumentKind(caseDoc.kind), caseDoc.seq + 1, at);
  return changeCase(
    caseDoc,
    {
      ...(paper.documents ? { documents: paper.documents, documentsPending: true } : {}),
      signature: {
        hash: input.signatureHash,
        openid: actor.openid,
        at,
        clientIp: input.clientIp,
        letterHash: input.letterHash,
        ...(input.letterText !== undefined ? { letterText: input.letterText } : {}),
        ...(input.evidenceFileId ? { evidenceFileId: input.evidenceFileId } : {}),
      },
      checklist: caseDoc.checklist.map((e) =>
        e.item === item ? { ...e, done: true, doneAt: at, doneBy: actor.openid } : e,
      ),
    },
    {
      type: 'case.sign',
      actor,
      at,
      payload: {
        item,
        letterHash: input.letterHash,
        ...(input.letterText !== undefined ? { letterText: input.letterText } : {}),
        signatureHash: input.signatureHash,
        clientIp: input.clientIp,
        consent: true,
        ...(input.evidenceFileId ? { evidenceFileId: input.evidenceFileId } : {}),
      },
    },
  );
}
