/**
 * Taking the data away and bringing it back (README "数据导出与恢复"): an admin's export of
 * every collection and stored file, restored into an empty environment, where every case's
 * evidence — its chain, its fields, its anchors, its files — checks out as before.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import {
  EXPORTED_COLLECTIONS,
  type ExportPart,
  readExportPart,
  restoreExport,
} from '../../../server/app/data-export';
import { cloudFileStore } from '../../../server/infra/cloud-file-store';
import { databaseDump } from '../../../server/infra/database-dump.repository';
import { nodeCrypto } from '../../../server/infra/node-crypto';
import { createLocalCloud, type LocalCloud } from '../../../tools/local-cloud';
import { ADMIN_OPENID, type Company, startCompany } from './company-harness';

interface ExportAnswer {
  exportId: string;
  part: number;
  fileId: string;
  url: string;
  done: boolean;
  nextCursor?: string;
  documents: number;
  files: number;
  missingFiles: number;
}
interface Evidence {
  valid: boolean;
  checks: { chain: boolean; fields: boolean; anchors: boolean; files: boolean };
  chainHead: string | null;
}

/** 00:30 in Beijing on 2 March: the first sweep of the day anchors 1 March's chain heads. */
const NEXT_NIGHT = new Date('2027-03-01T16:30:00.000Z');

let company: Company;
let target: LocalCloud;
let targetDir: string;
beforeAll(async () => {
  // A call packs one document or little more before its budget runs out: the export spans many
  // parts, each continued from the cursor the last one answered.
  company = await startCompany({ env: { EXPORT_BUDGET_MS: '1' } });
  const owner = await company.hire('M001');
  await company.closeable(owner);
  await company.cloud.clock.jump(NEXT_NIGHT);
  await company.cloud.fireTrigger('reminders');
  targetDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offboarding-restore-'));
  target = await createLocalCloud({
    dataDir: targetDir,
    env: { ADMIN_OPENIDS: ADMIN_OPENID },
    realTimeTimers: false,
  });
  await target.clock.jump(NEXT_NIGHT);
}, 120_000);
afterAll(async () => {
  await company.dispose();
  await target.close();
  fs.rmSync(targetDir, { recursive: true, force: true });
});

/** Every part of one export, as the admin's page would fetch them: call until `done`. */
async function exportAll(): Promise<{ answers: ExportAnswer[]; parts: ExportPart[] }> {
  const answers: ExportAnswer[] = [];
  let cursor: string | undefined;
  do {
    const answer = await company.must<ExportAnswer>(
      ADMIN_OPENID,
      'admin.export',
      cursor ? { cursor } : {},
    );
    answers.push(answer);
    cursor = answer.nextCursor;
  } while (cursor);
  const parts = await Promise.all(
    answers.map((answer) => {
      const bytes = company.cloud.readFile(answer.fileId);
      if (!bytes) throw new Error(`part ${answer.part} is not in storage`);
      return readExportPart(bytes);
    }),
  );
  return { answers, parts };
}

async function allDocuments(cloud: LocalCloud, name: string): Promise<unknown[]> {
  const { data } = await cloud.cloud
    .database()
    .collection(name)
    .orderBy('_id', 'asc')
    .limit(1000)
    .get();
  return data;
}

describe('admin.export and the restore', () => {
  it('is for admins: HR is refused', async () => {
    const answer = await company.call(company.person('H001').openid, 'admin.export', {});
    expect(answer).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '没有权限执行此操作' },
    });
  });

  it('refuses a cursor it did not write', async () => {
    const answer = await company.call(ADMIN_OPENID, 'admin.export', { cursor: 'bm90LWEtY3Vyc29y' });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: '导出进度无效，请重新开始导出' },
    });
  });

  it('round-trips every collection and file into an empty environment, every chain still valid', async () => {
    const { answers, parts } = await exportAll();
    const last = answers[answers.length - 1];
    expect(last?.done).toBe(true);
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.map((a) => a.part)).toEqual(answers.map((_a, i) => i + 1));
    expect(answers.slice(0, -1).every((a) => !a.done)).toBe(true);
    expect(answers.every((a) => a.url.length > 0 && a.exportId === answers[0]?.exportId)).toBe(
      true,
    );
    expect(answers.reduce((n, a) => n + a.missingFiles, 0)).toBe(0);
    const files = parts.flatMap((p) => p.manifest.files.map((f) => f.path));
    // The signature, the evidence copies and the night's anchor are all in the archive.
    expect(files.some((p) => p.startsWith('evidence/'))).toBe(true);
    expect(files.some((p) => p.startsWith('anchors/'))).toBe(true);

    const report = await restoreExport(
      {
        dump: databaseDump(target.cloud.database()),
        files: cloudFileStore(target.cloud),
        crypto: nodeCrypto,
      },
      parts,
    );
    expect(report.movedFiles).toEqual([]);
    expect(report.files).toBe(files.length);

    for (const name of EXPORTED_COLLECTIONS) {
      expect({ name, docs: await allDocuments(target, name) }).toEqual({
        name,
        docs: await allDocuments(company.cloud, name),
      });
    }
    const caseIds = (await allDocuments(target, 'cases')).map((c) => (c as { _id: string })._id);
    expect(caseIds.length).toBeGreaterThanOrEqual(Object.keys(company.cases).length);
    for (const caseId of caseIds) {
      const before = await company.must<Evidence>(ADMIN_OPENID, 'case.evidence', { caseId });
      const answer = await target.invoke(
        'offboarding',
        { action: 'case.evidence', payload: { caseId } },
        { openid: ADMIN_OPENID },
      );
      const after = (answer as { ok: boolean; data: Evidence }).data;
      expect({ caseId, valid: after.valid, checks: after.checks }).toEqual({
        caseId,
        valid: true,
        checks: { chain: true, fields: true, anchors: true, files: true },
      });
      expect(after.chainHead).not.toBeNull();
      expect(before.valid).toBe(true);
    }

    // The people come back with their bindings: HR's board answers in the new environment.
    const board = await target.invoke(
      'offboarding',
      { action: 'admin.board', payload: {} },
      { openid: company.person('H001').openid },
    );
    expect(board).toMatchObject({ ok: true });
  }, 120_000);

  it('restores only into an empty environment', async () => {
    const { parts } = await exportAll();
    await expect(
      restoreExport(
        {
          dump: databaseDump(target.cloud.database()),
          files: cloudFileStore(target.cloud),
          crypto: nodeCrypto,
        },
        parts,
      ),
    ).rejects.toThrow('目标环境不是空的');
  }, 60_000);

  it('refuses an export missing its last part', async () => {
    const { parts } = await exportAll();
    const first = parts[0] as ExportPart;
    const incomplete: ExportPart = { ...first, manifest: { ...first.manifest, done: false } };
    await expect(
      restoreExport(
        {
          dump: databaseDump(target.cloud.database()),
          files: cloudFileStore(target.cloud),
          crypto: nodeCrypto,
        },
        [incomplete],
      ),
    ).rejects.toThrow('不完整');
  }, 60_000);
});
