import type { AttachmentKind } from '../../server/contract';
import { call } from './rpc';
import { type DocumentSource, pickDocument, uploadCaseFile } from './upload';

export type AttachOutcome =
  { status: 'attached' } | { status: 'cancelled' } | { status: 'failed'; message: string };

/**
 * Lets the user pick a document (a chat file, or photos of a paper one), uploads it under the
 * case's folder and records it with one `case.attach`. The server checks type and size and
 * keeps each file's hash as evidence.
 */
export async function pickAndAttach(
  caseId: string,
  kind: AttachmentKind,
  source: DocumentSource = 'chat',
): Promise<AttachOutcome> {
  const picked = await pickDocument(source);
  if (picked.status !== 'picked') return picked;
  const fileIds: string[] = [];
  for (const file of picked.files) {
    const uploaded = await uploadCaseFile(caseId, kind, file.path, file.name);
    if (!uploaded.ok) return { status: 'failed', message: uploaded.message };
    fileIds.push(uploaded.fileId);
  }
  const reply = await call('case.attach', { caseId, kind, fileIds });
  if (!reply.ok) return { status: 'failed', message: reply.error.message };
  return { status: 'attached' };
}
