import { type Instant } from './beijing-calendar';
import { type CaseKind } from './case-kinds';
import { VOCABULARY } from './vocabulary';

/**
 * The PDFs a case yields for paper proceedings (labour arbitration runs on paper): the signed
 * 《辞职书》, the signed receipt of a 《解除劳动合同通知书》, and the 离职证明.
 */
export const DOCUMENT_KINDS = [
  'signed_letter',
  'termination_receipt',
  'certificate',
  // 劳动合同法 第23/24条: HR's non-compete decision as the employee receives it in writing.
  'non_compete_notice',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_LABELS: Record<DocumentKind, string> = VOCABULARY.documents;

/**
 * A document of the case: recorded as pending by the event that needs it, rendered after by
 * the documents function, which records the PDF's SHA-256 as an event of its own.
 */
export interface CaseDocument {
  readonly kind: DocumentKind;
  /** Which event asked for it (its seq): a document renders the case as it stood then. */
  readonly forSeq: number;
  readonly requestedAt: Instant;
  readonly status: 'pending' | 'ready';
  /** The evidence copy (`evidence/{caseId}/documents/…`), once rendered. */
  readonly fileId?: string;
  readonly sha256?: string;
  readonly size?: number;
  readonly createdAt?: Instant;
}

/** The signed paper of a case kind: the letter, or the receipt of the company's notice. */
export function signedDocumentKind(kind: CaseKind): DocumentKind {
  return kind === 'termination' ? 'termination_receipt' : 'signed_letter';
}
