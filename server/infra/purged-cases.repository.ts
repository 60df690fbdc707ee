import type { PurgedCasesRepository, StoredTombstone } from '../app/ports/purged-cases.port';
import { findById, isTransactionConflict, readInTransaction } from './cloud-documents';

/**
 * `purged_cases` (`_id` is the case id): what is left of a case after its retention period.
 * The case leaves `cases` in the same transaction that writes its tombstone, so a case is
 * always in exactly one of the two.
 */
export function purgedCasesRepository(db: WxServerSdk.Database): PurgedCasesRepository {
  const tombstones = () => db.collection('purged_cases');
  return {
    get(caseId) {
      return findById<StoredTombstone>(tombstones(), caseId);
    },
    async begin(expectedVersion, tombstone) {
      try {
        return await db.runTransaction(async (transaction) => {
          const caseRef = transaction.collection('cases').doc(tombstone.caseId);
          const current = await readInTransaction<{ version?: number }>(caseRef);
          if (!current || current.version !== expectedVersion) return 'conflict' as const;
          await caseRef.remove();
          await transaction
            .collection('purged_cases')
            .add({ data: { _id: tombstone.caseId, ...tombstone } });
          return 'begun' as const;
        });
      } catch (error) {
        if (isTransactionConflict(error)) return 'conflict';
        throw error;
      }
    },
    async finish(caseId, filesDeleted) {
      await tombstones()
        .where({ _id: caseId })
        .update({ data: { status: 'purged', filesDeleted, fileIds: db.command.remove() } });
    },
  };
}
