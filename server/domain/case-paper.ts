import { type Instant, toInstant } from './beijing-calendar';
import { type Actor } from './actor';
import { type DomainResult } from './case-effects';
import { changeCase } from './case-change';
import { type CaseRecord } from './case-record';
import { DOCUMENT_KINDS, type DocumentKind } from './paper-documents';

export {
  type CaseDocument,
  DOCUMENT_KINDS,
  DOCUMENT_LABELS,
  type DocumentKind,
  signedDocumentKind,
} from './paper-documents';

/** The case with a document of `kind` waiting for the event numbered `forSeq`. */
export function withPendingDocument(
  caseDoc: CaseRecord,
  kind: DocumentKind,
  forSeq: number,
  at: Instant,
): CaseRecord {
  const others = (caseDoc.documents ?? []).filter((d) => d.kind !== kind);
  return {
    ...caseDoc,
    documents: [...others, { kind, forSeq, requestedAt: at, status: 'pending' }],
    documentsPending: true,
  };
}

export interface RenderedDocument {
  readonly kind: DocumentKind;
  readonly fileId: string;
  readonly sha256: string;
  readonly size: number;
}

/**
 * The rendered PDF taken into custody: its SHA-256 recorded as an event (`document.generated`),
 * so a later change of the stored file, or of its recorded hash, is detectable.
 */
export function recordDocument(
  caseDoc: CaseRecord,
  rendered: RenderedDocument,
  actor: Actor,
  now: Date,
): DomainResult {
  const pending = (caseDoc.documents ?? []).find(
    (d) => d.kind === rendered.kind && d.status === 'pending',
  );
  if (pending === undefined) return { ok: false, code: 'NOT_FOUND', what: rendered.kind };
  const at = toInstant(now);
  const documents = (caseDoc.documents ?? []).map((d) =>
    d === pending
      ? {
          ...d,
          status: 'ready' as const,
          fileId: rendered.fileId,
          sha256: rendered.sha256,
          size: rendered.size,
          createdAt: at,
        }
      : d,
  );
  return changeCase(
    caseDoc,
    { documents, documentsPending: documents.some((d) => d.status === 'pending') },
    {
      type: 'document.generated',
      actor,
      at,
      payload: {
        kind: rendered.kind,
        forSeq: pending.forSeq,
        fileId: rendered.fileId,
        sha256: rendered.sha256,
        size: rendered.size,
      },
    },
  );
}

/** The verify page, which the QR code on every document opens with the document's scene. */
export const VERIFY_PAGE = 'packages/verify/pages/verify/index';

const SCENE_LETTERS: Record<DocumentKind, string> = {
  signed_letter: 'L',
  termination_receipt: 'R',
  certificate: 'C',
  non_compete_notice: 'N',
};

/**
 * The QR code's `scene` (WeChat allows at most 32 characters): the case id (`c…` or `oa…`, 25–26 characters) and a letter for the
 * kind, e.g. `c0123…-L`. It names the document, and reveals nothing without the server's check.
 */
export function verifyScene(caseId: string, kind: DocumentKind): string {
  return `${caseId}-${SCENE_LETTERS[kind]}`;
}

/** The document a scene names, or null when it is none of ours. */
export function parseVerifyScene(scene: string): { caseId: string; kind: DocumentKind } | null {
  const match = /^((?:c|oa)[0-9a-f]{24})-([LRCN])$/.exec(scene);
  if (!match?.[1] || !match[2]) return null;
  const kind = DOCUMENT_KINDS.find((k) => SCENE_LETTERS[k] === match[2]);
  return kind ? { caseId: match[1], kind } : null;
}
