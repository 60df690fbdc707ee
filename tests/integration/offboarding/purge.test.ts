/**
 * 个保法 第47条 after 劳动合同法 第50条第3款: once a closed case has been kept for
 * `settings.retentionYears` (at least two years from its closing), an admin purges it
 * (`admin.purgeCase`): its files leave storage, no personal field is left in the database, and
 * a tombstone keeps the case id, its dates and the final chain head. Refused before the period,
 * for a disputed case and for an open one.
 */
import type { Person } from '../../../tools/demo/demo-company';
import { EXPORTED_COLLECTIONS } from '../../../server/app/data-export';
import { ADMIN_OPENID, CHINESE, type Company, startCompany } from './company-harness';

const DAY_MS = 86_400_000;

let company: Company;
let hr: string;
beforeAll(async () => {
  company = await startCompany();
  hr = company.person('H001').openid;
}, 60_000);
afterAll(() => company.dispose());

const db = () => company.cloud.cloud.database();

/** A closed case with a signed letter and a rendered 离职证明: files of every kind in storage. */
async function closedCase(owner: Person): Promise<string> {
  const { caseId } = await company.closeable(owner);
  await company.must(hr, 'case.issueCertificate', { caseId });
  await company.cloud.invoke(
    'documents',
    { action: 'documents.render', payload: { caseId } },
    { openid: owner.openid },
  );
  await company.must(hr, 'case.close', { caseId });
  return caseId;
}

/** Every stored document, in any collection, that mentions the case. */
async function documentsOf(caseId: string): Promise<{ collection: string; text: string }[]> {
  const found: { collection: string; text: string }[] = [];
  for (const collection of EXPORTED_COLLECTIONS) {
    const { data } = await db().collection(collection).limit(1000).get();
    for (const doc of data) {
      const text = JSON.stringify(doc);
      if (text.includes(caseId)) found.push({ collection, text });
    }
  }
  return found;
}

async function moveClock(days: number): Promise<void> {
  const clock = company.cloud.clock;
  await clock.jump(new Date(clock.now().getTime() + days * DAY_MS));
}

describe('admin.purgeCase', () => {
  let owner: Person;
  let caseId: string;
  let fileIds: string[];
  let chainHead: string;
  let disputedId: string;
  let openId: string;

  beforeAll(async () => {
    owner = await company.hire('M001');
    caseId = await closedCase(owner);
    const stored = (await db().collection('cases').doc(caseId).get()).data as {
      lastEventHash: string;
    };
    chainHead = stored.lastEventHash;
    fileIds = [...new Set(JSON.stringify(stored).match(/cloud:\/\/[^"]+/g) ?? [])];

    const other = await company.hire('M001');
    disputedId = await closedCase(other);
    await company.must(hr, 'case.markDisputed', { caseId: disputedId, disputed: true });

    openId = (await company.formalities(await company.hire('M001'))).caseId;
  }, 60_000);

  it('has files of every kind to delete: uploads, evidence copies, the signature, the PDFs', () => {
    const paths = fileIds.join('\n');
    expect(paths).toMatch(/cases\/.+\/handover_checklist\//);
    expect(paths).toMatch(/evidence\/.+\/handover_checklist\//);
    expect(paths).toMatch(/evidence\/.+\/signature\//);
    expect(paths).toMatch(/evidence\/.+\/documents\/certificate-/);
    for (const fileId of fileIds) expect(company.cloud.readFile(fileId)).not.toBeNull();
  });

  it('the case id embeds no employee number and no OPENID', () => {
    expect(caseId).not.toContain(owner.employeeNo);
    expect(caseId).not.toContain(owner.openid);
    expect(caseId).toMatch(/^c[0-9a-f]{24}$/);
  });

  it('劳动合同法 第50条第3款: refused before the retention period, saying from when', async () => {
    const early = await company.call(ADMIN_OPENID, 'admin.purgeCase', { caseId });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', details: { guard: 'retention_period' } },
    });
    // Closed on 2027-03-01 (Beijing): kept through 2029-03-01, purged from the day after.
    expect(!early.ok && early.error.message).toContain('2029年3月2日');
    for (const fileId of fileIds) expect(company.cloud.readFile(fileId)).not.toBeNull();
  });

  it('HR may not purge: deleting for good is an admin’s', async () => {
    const byHr = await company.call(hr, 'admin.purgeCase', { caseId });
    expect(byHr).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  describe('after the retention period', () => {
    let first: { caseId: string; chainHead: string; purgeHash: string; filesDeleted: number };

    beforeAll(async () => {
      // Two years and a day after 2027-03-01: 2029-03-02.
      await moveClock(732);
      first = await company.must(ADMIN_OPENID, 'admin.purgeCase', { caseId });
    });

    it('个保法 第47条: the case’s files are gone from storage', () => {
      expect(first).toMatchObject({ caseId, chainHead, filesDeleted: fileIds.length });
      for (const fileId of fileIds) expect(company.cloud.readFile(fileId)).toBeNull();
    });

    it('个保法 第47条: no stored document of the case names the person', async () => {
      const documents = await documentsOf(caseId);
      expect(documents.map((d) => d.collection)).toEqual(['purged_cases']);
      for (const { text } of documents) {
        expect(text).not.toContain(owner.name);
        expect(text).not.toContain(owner.employeeNo);
        expect(text).not.toContain(owner.openid);
        expect(text).not.toContain(hr);
        expect(text).not.toContain(ADMIN_OPENID);
        expect(text).not.toContain('cloud://');
      }
    });

    it('leaves a tombstone: the case id, its dates, the final chain head and the purge record', async () => {
      const { data } = await db().collection('purged_cases').doc(caseId).get();
      expect(data).toMatchObject({
        caseId,
        status: 'purged',
        closedState: 'completed',
        chainHead,
        closedAt: expect.stringMatching(/^2027-03-01T/),
        purgeableFrom: '2029-03-02',
        retentionYears: 2,
        purge: { type: 'case.purge', role: 'admin', prevHash: chainHead, hash: first.purgeHash },
      });
    });

    it('a retry duplicates nothing and answers the same', async () => {
      const again = await company.must(ADMIN_OPENID, 'admin.purgeCase', { caseId });
      expect(again).toEqual(first);
      const { total } = await db().collection('purged_cases').where({ caseId }).count();
      expect(total).toBe(1);
    });

    it('the case’s views say it was purged, not tampered with', async () => {
      for (const action of ['case.get', 'case.evidence'] as const) {
        const answer = await company.call(hr, action, { caseId });
        expect(answer).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND', details: { purged: { caseId, chainHead } } },
        });
        expect(!answer.ok && answer.error.message).toContain('个人信息已依法删除');
      }
      const verify = await company.call(owner.openid, 'document.verify', { code: `${caseId}-C` });
      expect(verify).toMatchObject({ ok: false, error: { details: { purged: { caseId } } } });
      expect(!verify.ok && verify.error.message).toContain('保存期满');
    });

    it('个保法 第47条: a case HR marked as disputed is kept, whatever its age', async () => {
      const answer = await company.call(ADMIN_OPENID, 'admin.purgeCase', { caseId: disputedId });
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'PRECONDITION_FAILED', details: { guard: 'case_disputed' } },
      });
      expect(!answer.ok && answer.error.message).toMatch(CHINESE);
      const still = await company.must<{ case: { disputed: boolean } }>(hr, 'case.get', {
        caseId: disputedId,
      });
      expect(still.case.disputed).toBe(true);
    });

    it('an open case is never purged', async () => {
      const answer = await company.call(ADMIN_OPENID, 'admin.purgeCase', { caseId: openId });
      expect(answer).toMatchObject({
        ok: false,
        error: { code: 'PRECONDITION_FAILED', details: { guard: 'case_closed' } },
      });
      const still = await company.call(hr, 'case.get', { caseId: openId });
      expect(still.ok).toBe(true);
    });

    it('an unknown case is NOT_FOUND', async () => {
      const answer = await company.call(ADMIN_OPENID, 'admin.purgeCase', {
        caseId: 'c000000000000000000000000',
      });
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
  });
});
