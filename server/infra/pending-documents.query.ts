import type { PendingDocumentsQuery } from '../app/ports/pending-documents.port';

/** `cases` with `documentsPending: true` (indexed), the oldest change first. */
export function pendingDocumentsQuery(db: WxServerSdk.Database): PendingDocumentsQuery {
  return {
    async pendingCaseIds(limit) {
      const { data } = await db
        .collection('cases')
        .where({ documentsPending: true })
        .orderBy('updatedAt', 'asc')
        .limit(limit)
        .field({ caseId: true })
        .get();
      return data.map((doc) => String(doc.caseId ?? doc._id));
    },
  };
}
