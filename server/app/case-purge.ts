import type { ActionResult } from '../contract';
import { beijingDate } from '../domain/beijing-calendar';
import { GUARD_MESSAGES } from '../domain/case-guards';
import { chineseDate } from '../domain/letters';
import { caseTombstone, purgeVerdict, retentionYears, storedFileIds } from '../domain/retention';
import { type Failure, fail, guardFailed, ok } from './outcome';
import type { CasesRepository } from './ports/cases.port';
import type { Crypto } from './ports/crypto.port';
import type { FileStore } from './ports/file-store.port';
import type { PurgedCasesRepository, StoredTombstone } from './ports/purged-cases.port';
import type { RemindersRepository } from './ports/reminders.port';
import type { SettingsRepository } from './ports/settings.port';
import type { Handler } from './rpc-handler';

export interface PurgeDeps {
  readonly cases: CasesRepository;
  readonly purged: PurgedCasesRepository;
  readonly reminders: RemindersRepository;
  readonly files: FileStore;
  readonly settings: SettingsRepository;
  readonly crypto: Crypto;
}

type PurgeResult = ActionResult<'admin.purgeCase'>;

function resultOf(tombstone: StoredTombstone, filesDeleted: number): PurgeResult {
  return {
    caseId: tombstone.caseId,
    closedAt: tombstone.closedAt,
    purgedAt: tombstone.purge.at,
    chainHead: tombstone.chainHead,
    purgeHash: tombstone.purge.hash,
    filesDeleted,
  };
}

/**
 * What a view of a purged case answers: not "tampered" and not an unknown id, but that the
 * case was purged on that day after its retention period, with what its tombstone keeps.
 */
export function purgedCaseFailure(tombstone: StoredTombstone): Failure {
  return fail(
    'NOT_FOUND',
    `该离职案件已于${chineseDate(beijingDate(tombstone.purge.at))}保存期满，个人信息已依法删除（个人信息保护法 第47条），仅保留办结记录；如需核实请联系 HR`,
    {
      purged: {
        caseId: tombstone.caseId,
        closedAt: tombstone.closedAt,
        purgedAt: tombstone.purge.at,
        chainHead: tombstone.chainHead,
        purgeHash: tombstone.purge.hash,
      },
    },
  );
}

/**
 * `admin.purgeCase` (个保法 第47条): after the retention period the case leaves `cases` and its
 * tombstone is written in one transaction; then its files and reminders are deleted. A purge
 * cut short is finished by the next call, and a repeat answers what the first did.
 */
export function purgeHandlers(deps: PurgeDeps): { 'admin.purgeCase': Handler<'admin.purgeCase'> } {
  async function finish(tombstone: StoredTombstone): Promise<PurgeResult> {
    if (tombstone.status === 'purged') return resultOf(tombstone, tombstone.filesDeleted ?? 0);
    const filesDeleted = await deps.files.remove(tombstone.fileIds ?? []);
    await deps.reminders.removeForCase(tombstone.caseId);
    // A retry after a cut-short run finds fewer files: the first run's count is the true one.
    const count = Math.max(filesDeleted, tombstone.filesDeleted ?? 0);
    await deps.purged.finish(tombstone.caseId, count);
    return resultOf(tombstone, count);
  }

  return {
    async 'admin.purgeCase'({ now }, { caseId }) {
      const caseDoc = await deps.cases.get(caseId);
      if (!caseDoc) {
        const tombstone = await deps.purged.get(caseId);
        return tombstone ? ok(await finish(tombstone)) : fail('NOT_FOUND', '没有找到该离职案件');
      }
      const years = retentionYears((await deps.settings.get()).retentionYears);
      const verdict = purgeVerdict(caseDoc, years, now);
      if (!verdict.ok) {
        const message =
          verdict.guard === 'retention_period' && verdict.purgeableFrom
            ? `保存期限未满：本案件办结后保存 ${years} 年（劳动合同法 第50条第3款：至少 2 年），${chineseDate(verdict.purgeableFrom)}起才能清除个人信息`
            : GUARD_MESSAGES[verdict.guard];
        return guardFailed(verdict.guard, message);
      }
      const fileIds = storedFileIds(caseDoc);
      const tombstone: StoredTombstone = {
        ...caseTombstone(caseDoc, verdict, years, now, (text) => deps.crypto.sha256(text)),
        status: 'purging',
        fileIds,
      };
      const begun = await deps.purged.begin(caseDoc.version, tombstone);
      if (begun === 'conflict') return fail('CONFLICT', '案件刚被他人修改，请刷新后重试');
      return ok(await finish(tombstone));
    },
  };
}

/** A case that is not found may have been purged: then the tombstone answers instead. */
export async function unlessPurged(
  purged: PurgedCasesRepository,
  caseId: string,
  failure: Failure,
): Promise<Failure> {
  if (failure.error.code !== 'NOT_FOUND') return failure;
  const tombstone = await purged.get(caseId);
  return tombstone ? purgedCaseFailure(tombstone) : failure;
}
