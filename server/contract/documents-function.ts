import { z } from 'zod';
import { DOCUMENT_KINDS } from '../domain/case-paper';
import { caseId, instant, sha256Hex } from './field-schemas';

export const documentKindSchema = z.enum(DOCUMENT_KINDS);

/**
 * The `documents` function (its own time budget, apart from `offboarding`): the client asks it
 * to render a case's pending documents right after the event that needs them; its timer renders
 * whatever is still pending. Strict payload; `userInfo`, which WeChat adds, is let through.
 */
export const documentsRequestSchema = z.object({
  action: z.literal('documents.render', { error: '未知的操作' }),
  payload: z.strictObject({ caseId }),
});

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
