/**
 * 劳动合同法 第23/24条 at exit: for an employee whose contract has a non-compete clause, HR
 * records whether it is enforced or released before the case can close (`case.nonCompete`).
 */
import type { Person } from '../../../tools/demo/demo-company';
import { type Company, startCompany } from './company-harness';

let company: Company;
let hr: string;
beforeAll(async () => {
  company = await startCompany();
  hr = company.person('H001').openid;
}, 60_000);
afterAll(() => company.dispose());

interface NonCompeteView {
  decision: string;
  months?: number;
  monthlyCompensation?: number;
  averageMonthlyWage?: number;
  minimumWage?: number;
  nextCompensationDate?: string;
}
interface CaseGet {
  case: { nonCompete?: NonCompeteView; lastWorkingDay?: string };
  allowedActions: { action: string }[];
  blockedActions: { action: string; reason: string }[];
  checklist: { item: string; done: boolean; waivable: boolean }[];
}

/** A new hire whose roster row says the contract has a non-compete clause. */
async function hireWithClause(): Promise<Person> {
  const owner = await company.hire('M001');
  await company.must(hr, 'admin.import', {
    rows: [
      {
        employeeNo: owner.employeeNo,
        name: owner.name,
        department: '研发部',
        position: '工程师',
        managerNo: 'M001',
        hireDate: '2024-01-02',
        probationEndDate: '2024-04-01',
        contractStart: '2024-01-02',
        nonCompete: true,
      },
    ],
  });
  return owner;
}

describe('case.nonCompete', () => {
  it('a case with a non-compete clause cannot close until HR records the decision', async () => {
    const owner = await hireWithClause();
    const { caseId } = await company.closeable(owner);
    const before = await company.must<CaseGet>(hr, 'case.get', { caseId });
    const row = before.checklist.find((r) => r.item === 'non_compete_decided');
    expect(row).toMatchObject({ done: false, waivable: false });
    expect(before.allowedActions).toContainEqual({ action: 'case.nonCompete' });
    expect(before.blockedActions).toContainEqual({
      action: 'case.close',
      reason: '1 项未完成',
    });

    const waived = await company.call(hr, 'case.checklist', {
      caseId,
      item: 'non_compete_decided',
      waive: true,
      note: '员工已离职',
    });
    expect(waived).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    const ticked = await company.call(hr, 'case.checklist', {
      caseId,
      item: 'non_compete_decided',
      done: true,
    });
    expect(ticked).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    const early = await company.call(hr, 'case.close', { caseId });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', details: { guard: 'checklist_complete' } },
    });

    const recorded = await company.must<{ decision: string; nextCompensationDate?: string }>(
      hr,
      'case.nonCompete',
      {
        caseId,
        decision: 'enforced',
        months: 6,
        monthlyCompensation: 4500,
        averageMonthlyWage: 15000,
        minimumWage: 2690,
      },
    );
    expect(recorded.decision).toBe('enforced');
    expect(recorded.nextCompensationDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const seenByHr = await company.must<CaseGet>(hr, 'case.get', { caseId });
    expect(seenByHr.case.nonCompete).toMatchObject({
      decision: 'enforced',
      months: 6,
      monthlyCompensation: 4500,
      averageMonthlyWage: 15000,
      nextCompensationDate: recorded.nextCompensationDate,
    });
    expect(seenByHr.allowedActions).not.toContainEqual({ action: 'case.nonCompete' });
    // The employee sees the decision and its terms, not the figures HR worked from.
    const seenByOwner = await company.must<CaseGet>(owner.openid, 'case.get', { caseId });
    expect(seenByOwner.case.nonCompete).toMatchObject({ decision: 'enforced', months: 6 });
    expect(seenByOwner.case.nonCompete).not.toHaveProperty('averageMonthlyWage');
    expect(seenByOwner.case.nonCompete).not.toHaveProperty('minimumWage');

    const evidence = await company.must<{ valid: boolean; events: { type: string }[] }>(
      owner.openid,
      'case.evidence',
      { caseId },
    );
    expect(evidence.valid).toBe(true);
    expect(evidence.events.map((e) => e.type)).toContain('case.nonCompete');

    const closed = await company.must<{ state: string }>(hr, 'case.close', { caseId });
    expect(closed.state).toBe('completed');
  });

  it('a second decision, or one for a contract without the clause, is refused', async () => {
    const owner = await hireWithClause();
    const { caseId } = await company.formalities(owner);
    await company.must(hr, 'case.nonCompete', { caseId, decision: 'released' });
    const again = await company.call(hr, 'case.nonCompete', {
      caseId,
      decision: 'enforced',
      months: 12,
      monthlyCompensation: 3000,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });

    const plain = await company.hire('M001');
    const other = await company.formalities(plain);
    const none = await company.call(hr, 'case.nonCompete', {
      caseId: other.caseId,
      decision: 'released',
    });
    expect(none).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('第24条: an enforced decision needs its months (at most 24) and the compensation', async () => {
    const owner = await hireWithClause();
    const { caseId } = await company.formalities(owner);
    const tooLong = await company.call(hr, 'case.nonCompete', {
      caseId,
      decision: 'enforced',
      months: 25,
      monthlyCompensation: 3000,
    });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const unpaid = await company.call(hr, 'case.nonCompete', {
      caseId,
      decision: 'enforced',
      months: 12,
    });
    expect(unpaid).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const byOwner = await company.call(owner.openid, 'case.nonCompete', {
      caseId,
      decision: 'released',
    });
    expect(byOwner).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the decision in the employee’s hands and in the evidence (第23/24条)', () => {
  interface Letter {
    text: string;
    sha256: string;
    matches: boolean;
  }
  interface Evidence {
    valid: boolean;
    letters: { nonCompete?: Letter | null };
  }
  interface Documents {
    documents: { kind: string; fileId: string; sha256: string }[];
    pending: string[];
  }

  it('an enforced decision becomes a 《竞业限制决定告知书》 PDF the employee opens and verifies', async () => {
    const owner = await hireWithClause();
    const { caseId } = await company.closeable(owner);
    await company.must(hr, 'case.nonCompete', {
      caseId,
      decision: 'enforced',
      months: 6,
      monthlyCompensation: 4500,
    });

    const pending = await company.must<Documents>(owner.openid, 'case.documents', { caseId });
    expect(pending.pending).toContain('non_compete_notice');
    await company.cloud.invoke(
      'documents',
      { action: 'documents.render', payload: { caseId } },
      { openid: owner.openid },
    );
    const listed = await company.must<Documents>(owner.openid, 'case.documents', { caseId });
    const notice = listed.documents.find((d) => d.kind === 'non_compete_notice');
    expect(notice).toBeDefined();
    const stored = company.cloud.readFile(notice?.fileId ?? '');
    expect(stored?.subarray(0, 5).toString()).toBe('%PDF-');

    // The text the PDF is made of, kept on the case and checked against its record.
    const evidence = await company.must<Evidence>(owner.openid, 'case.evidence', { caseId });
    expect(evidence.valid).toBe(true);
    const text = evidence.letters.nonCompete?.text ?? '';
    expect(evidence.letters.nonCompete?.matches).toBe(true);
    expect(text).toContain('《竞业限制决定告知书》');
    expect(text).toContain(`${owner.name}（员工编号 ${owner.employeeNo}）`);
    expect(text).toContain('执行竞业限制。期限 6 个月');
    expect(text).toContain('经济补偿 4500 元，共 6 期');
    expect(text).toContain('连续三个月未支付经济补偿的，你可以请求解除竞业限制约定');

    const verified = await company.must<{ valid: boolean; label: string }>(
      owner.openid,
      'document.verify',
      { code: `${caseId}-N`, sha256: notice?.sha256 },
    );
    expect(verified).toMatchObject({ valid: true, label: '竞业限制决定告知书', heldMatches: true });
    expect(verified).not.toHaveProperty('details.signedBy');
  });

  it('a release tells the employee so, with the three extra months of 第39条 and the doubt about the exit day', async () => {
    const owner = await hireWithClause();
    const { caseId } = await company.formalities(owner);
    await company.must(hr, 'case.nonCompete', { caseId, decision: 'released' });
    const evidence = await company.must<Evidence>(hr, 'case.evidence', { caseId });
    const text = evidence.letters.nonCompete?.text ?? '';
    expect(text).toContain('不执行竞业限制');
    expect(text).toContain('额外支付三个月');
    expect(text).toContain('存在争议');
  });
});
