import * as z from 'zod/mini';
import { DOCUMENT_KINDS } from '../domain/case-paper';
import { caseId, instant, sha256Hex } from './field-schemas';

export const documentKindSchema = z.enum(DOCUMENT_KINDS);

/**
 * The `documents` function (its own time budget, apart from `offboarding`): the client asks it
 * to render a case's pending documents right after the event that needs them; its timer renders
 * whatever is still pending. Strict payload; `userInfo`, which WeChat adds, is let through.
 */
export const documentsRequestSchema = z.object({
  /** `documents.export`: HR's ZIP of the case for arbitration. */
  action: z.enum(['documents.render', 'documents.export'], { error: '未知的操作' }),
  payload: z.strictObject({ caseId }),
});

export const documentsExportResult = z.strictObject({
  caseId,
  fileId: z.string(),
  url: z.string(),
  sha256: sha256Hex,
  size: z.int().check(z.nonnegative()),
  /** Each file in the ZIP with the SHA-256 the log recorded (as in its SHA256SUMS). */
  files: z.array(z.strictObject({ path: z.string(), sha256: sha256Hex })),
});
export type DocumentsExportResult = z.infer<typeof documentsExportResult>;

export const documentsRenderResult = z.strictObject({
  caseId,
  rendered: z.array(documentKindSchema),
  pending: z.array(documentKindSchema),
});
export type DocumentsRenderResult = z.infer<typeof documentsRenderResult>;

/** One document as `case.documents` lists it. */
export const documentView = z.strictObject({
  kind: documentKindSchema,
  fileId: z.string(),
  url: z.string(),
  sha256: sha256Hex,
  createdAt: instant,
});
