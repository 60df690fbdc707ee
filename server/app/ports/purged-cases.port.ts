import type { CaseTombstone } from '../../domain/retention';

/**
 * A purged case as stored in `purged_cases` (`_id` is the case id): its tombstone, and while
 * the purge is under way the stored files still to delete (ids only: paths hold no names).
 */
export type StoredTombstone = CaseTombstone & {
  readonly status: 'purging' | 'purged';
  readonly fileIds?: readonly string[];
  readonly filesDeleted?: number;
};

export interface PurgedCasesRepository {
  get(caseId: string): Promise<StoredTombstone | null>;
  /**
   * In one transaction: removes the case, if its version is still `expectedVersion`, and adds
   * its tombstone in `purging`; `conflict` when the case changed or went meanwhile.
   */
  begin(expectedVersion: number, tombstone: StoredTombstone): Promise<'begun' | 'conflict'>;
  /** The files and reminders are gone: the tombstone keeps only how many files there were. */
  finish(caseId: string, filesDeleted: number): Promise<void>;
}
