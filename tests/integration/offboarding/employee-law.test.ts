/**
 * The employee's side of the law over the real `offboarding` function on the local cloud:
 * 第38条 (the employer's fault), 第36条 (an agreed earlier day), the duties that are never
 * waived. The clock stands at Monday 2027-03-01 10:00 Beijing.
 */
import { PDF_BYTES, type Person } from '../../../tools/demo/demo-company';
import { CHINESE, type Company, startCompany, unique } from './company-harness';

let company: Company;
beforeAll(async () => {
  company = await startCompany();
});
afterAll(() => company.dispose());

const hr = () => company.person('H001').openid;
const manager = () => company.person('M001').openid;

interface CaseAnswer {
  case: {
    lastWorkingDay: string;
    legalLastWorkingDay: string;
    faultGrounds?: { ground: string; label: string }[];
    earlyReleaseProposedBy?: string;
  };
  letter: { title: string; text: string; hash: string };
  checklist: { item: string; label: string; done: boolean; closedAs?: string }[];
  severance?: { months: number };
}

async function attach(openid: string, caseId: string, kind: string) {
  const fileId = await company.upload(openid, `cases/${caseId}/${kind}/${kind}.pdf`, PDF_BYTES);
  await company.must(openid, 'case.attach', { caseId, kind, fileIds: [fileId] });
}

async function faultCase(owner: Person, extra: Record<string, unknown> = {}) {
  return company.must<{ caseId: string; lastWorkingDay: string; noticeTextHash: string }>(
    owner.openid,
    'case.submit',
    {
      reason: 'employer_fault',
      faultGrounds: ['unpaid_wages', 'coercion'],
      idempotencyKey: unique('fault-'),
      ...extra,
    },
  );
}

describe('第38条: the employer’s fault', () => {
  it('第38条: takes effect on receipt — the last working day is today, the letter names the grounds', async () => {
    const owner = await company.hire('M001');
    const receipt = await faultCase(owner);
    expect(receipt.lastWorkingDay).toBe('2027-03-01');

    const view = await company.must<CaseAnswer>(owner.openid, 'case.get', {
      caseId: receipt.caseId,
    });
    expect(view.letter.title).toBe('被迫解除劳动合同通知书');
    expect(view.letter.text).toContain('未及时足额支付劳动报酬');
    expect(view.letter.text).toContain('以暴力、威胁或者非法限制人身自由的手段强迫劳动');
    expect(view.letter.text).toContain('第三十八条第一款、第二款');
    expect(view.case.faultGrounds?.map((g) => g.ground)).toEqual(['unpaid_wages', 'coercion']);

    await attach(owner.openid, receipt.caseId, 'handover_checklist');
    await company.must(manager(), 'case.review', { caseId: receipt.caseId, decision: 'approve' });
    await company.must(hr(), 'case.hrConfirm', { caseId: receipt.caseId });
    const confirmed = await company.must<CaseAnswer>(hr(), 'case.get', { caseId: receipt.caseId });
    expect(confirmed.case.lastWorkingDay).toBe('2027-03-01');
    expect(confirmed.checklist.map((e) => e.item)).toEqual(
      expect.arrayContaining(['severance_review', 'severance_paid']),
    );
    // 第47条 months, shown to HR on an employer-fault case (hired 2024-01-02).
    expect(confirmed.severance?.months).toBe(3.5);

    const evidence = await company.must<{ valid: boolean }>(hr(), 'case.evidence', {
      caseId: receipt.caseId,
    });
    expect(evidence.valid).toBe(true);
  });

  it('第38条: a later day the employee names is kept; an earlier one is refused', async () => {
    const owner = await company.hire('M001');
    const later = await faultCase(owner, { lastWorkingDay: '2027-03-08' });
    expect(later.lastWorkingDay).toBe('2027-03-08');

    const other = await company.hire('M001');
    const early = await company.call(other.openid, 'case.submit', {
      reason: 'employer_fault',
      faultGrounds: ['no_social_insurance'],
      lastWorkingDay: '2027-02-27',
      idempotencyKey: unique('fault-'),
    });
    expect(early).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', details: { guard: 'last_working_day_after_notice' } },
    });
  });

  it.each([
    ['no grounds for employer fault', { reason: 'employer_fault' }],
    ['empty grounds', { reason: 'employer_fault', faultGrounds: [] }],
    ['an unknown ground', { reason: 'employer_fault', faultGrounds: ['late_bus'] }],
    ['a ground twice', { reason: 'employer_fault', faultGrounds: ['coercion', 'coercion'] }],
    ['grounds for a resignation', { reason: 'resignation', faultGrounds: ['coercion'] }],
    ['a day for a resignation', { reason: 'resignation', lastWorkingDay: '2027-03-05' }],
  ])('第38条: refuses %s, in Chinese, creating nothing', async (_name, payload) => {
    const owner = await company.hire('M001');
    const answer = await company.call(owner.openid, 'case.submit', {
      ...payload,
      idempotencyKey: unique('bad-'),
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!answer.ok && answer.error.message).toMatch(CHINESE);
    const me = await company.must<{ openCase?: unknown }>(owner.openid, 'me.get');
    expect(me.openCase).toBeUndefined();
  });
});

describe('第36条: an agreed earlier last working day', () => {
  async function inReview() {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner);
    await company.must(manager(), 'case.review', { caseId, decision: 'approve' });
    return { owner, caseId };
  }

  it('第36条: HR’s earlier day needs the employee’s own consent to that day', async () => {
    const { owner, caseId } = await inReview();
    const early = { caseId, lastWorkingDay: '2027-03-10', earlyReleaseProposedBy: 'company' };
    expect(await company.call(hr(), 'case.hrConfirm', early)).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', details: { guard: 'earlier_day_consented' } },
    });
    // HR cannot record it for the employee.
    expect(
      await company.call(hr(), 'case.consentLastWorkingDay', {
        caseId,
        lastWorkingDay: '2027-03-10',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    expect(
      await company.must(owner.openid, 'case.consentLastWorkingDay', {
        caseId,
        lastWorkingDay: '2027-03-10',
      }),
    ).toMatchObject({ consentedLastWorkingDay: '2027-03-10' });
    await company.must(hr(), 'case.hrConfirm', early);

    const view = await company.must<CaseAnswer>(hr(), 'case.get', { caseId });
    expect(view.case).toMatchObject({
      lastWorkingDay: '2027-03-10',
      earlyReleaseProposedBy: 'company',
    });
    expect(view.checklist.map((e) => e.item)).toContain('severance_review');
    expect(view.letter.text).toContain('经公司提出、本人同意');
    const evidence = await company.must<{ valid: boolean }>(hr(), 'case.evidence', { caseId });
    expect(evidence.valid).toBe(true);
  });

  it('第37条: the same consent to a later day lets HR confirm that day', async () => {
    const { owner, caseId } = await inReview();
    await company.must(owner.openid, 'case.consentLastWorkingDay', {
      caseId,
      lastWorkingDay: '2027-04-20',
    });
    expect(
      await company.must(hr(), 'case.hrConfirm', { caseId, lastWorkingDay: '2027-04-20' }),
    ).toMatchObject({ lastWorkingDay: '2027-04-20' });
  });

  it('第36条: refuses the legal day itself and a day before the notice', async () => {
    const { owner, caseId } = await inReview();
    for (const [day, guard] of [
      ['2027-03-31', 'other_than_legal_day'],
      ['2027-02-27', 'last_working_day_after_notice'],
    ] as const) {
      expect(
        await company.call(owner.openid, 'case.consentLastWorkingDay', {
          caseId,
          lastWorkingDay: day,
        }),
      ).toMatchObject({ ok: false, error: { details: { guard } } });
    }
  });
});

describe('severance_paid: done, or closed with its document, never waived', () => {
  it('解释(一) 第35条: closed as settled with the agreement attached; a waiver is refused', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await faultCase(owner);
    await attach(owner.openid, caseId, 'handover_checklist');
    await company.must(manager(), 'case.review', { caseId, decision: 'approve' });
    await company.must(hr(), 'case.hrConfirm', { caseId });

    expect(
      await company.call(hr(), 'case.checklist', {
        caseId,
        item: 'severance_paid',
        waive: true,
        note: '员工口头放弃',
      }),
    ).toMatchObject({ ok: false, error: { details: { guard: 'statutory_duty' } } });
    expect(
      await company.call(hr(), 'case.checklist', {
        caseId,
        item: 'severance_paid',
        closeAs: 'settled',
      }),
    ).toMatchObject({ ok: false, error: { details: { guard: 'severance_document_attached' } } });
    // Only severance can be closed this way.
    expect(
      await company.call(hr(), 'case.checklist', { caseId, item: 'final_pay', closeAs: 'settled' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

    await attach(hr(), caseId, 'severance_document');
    const closed = await company.must<{ row: { done: boolean; closedAs?: string } }>(
      hr(),
      'case.checklist',
      { caseId, item: 'severance_paid', closeAs: 'settled', note: '和解协议已签' },
    );
    expect(closed.row).toMatchObject({ done: true, closedAs: 'settled' });
    const evidence = await company.must<{ valid: boolean }>(hr(), 'case.evidence', { caseId });
    expect(evidence.valid).toBe(true);
  });

  it.each([
    'final_pay',
    'certificate_issued',
    'social_insurance_stop',
    'housing_fund_seal',
    'file_transfer',
  ])('第50条: %s is never waived', async (item) => {
    const owner = await company.hire('M001');
    const { caseId } = await company.formalities(owner);
    expect(
      await company.call(hr(), 'case.checklist', { caseId, item, waive: true, note: '无法办理' }),
    ).toMatchObject({ ok: false, error: { details: { guard: 'statutory_duty' } } });
  });
});

describe('个保法: the privacy guide', () => {
  it('个保法 第17条: anyone with an OPENID reads who handles the data and how long cases are kept', async () => {
    const answer = await company.call(unique('stranger-'), 'privacy.get', {});
    // The test company configures neither COMPANY_NAME nor PRIVACY_CONTACT.
    expect(answer).toEqual({
      ok: true,
      data: { handler: null, contact: null, retentionYears: 2 },
    });
  });
});

describe('a case under a labour dispute', () => {
  it('个保法 第47条: HR marks a closed case as disputed; the mark shows and the evidence holds', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.closeable(owner);
    await company.must(hr(), 'case.close', { caseId });
    expect(
      await company.call(owner.openid, 'case.markDisputed', { caseId, disputed: true }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await company.must(hr(), 'case.markDisputed', { caseId, disputed: true })).toMatchObject(
      { caseId, state: 'completed', disputed: true },
    );
    const view = await company.must<{ case: { disputed?: boolean } }>(hr(), 'case.get', { caseId });
    expect(view.case.disputed).toBe(true);
    const evidence = await company.must<{ valid: boolean }>(hr(), 'case.evidence', { caseId });
    expect(evidence.valid).toBe(true);
  });
});
