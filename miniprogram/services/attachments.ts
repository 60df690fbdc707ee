import type { AttachmentKind } from '../../server/contract';
import { call } from './rpc';
import { pickDocument, uploadCaseFile } from './upload';

export type AttachOutcome =
  { status: 'attached' } | { status: 'cancelled' } | { status: 'failed'; message: string };

/**
 * Lets the user pick a file, uploads it under the case's folder and records it with
 * `case.attach`. The server checks type and size and keeps its hash as evidence.
 */
export async function pickAndAttach(caseId: string, kind: AttachmentKind): Promise<AttachOutcome> {
  const picked = await pickDocument();
  if (!picked) return { status: 'cancelled' };
  const uploaded = await uploadCaseFile(caseId, kind, picked.path, picked.name);
  if (!uploaded.ok) return { status: 'failed', message: uploaded.message };
  const reply = await call('case.attach', { caseId, kind, fileIds: [uploaded.fileId] });
  if (!reply.ok) return { status: 'failed', message: reply.error.message };
  return { status: 'attached' };
}
