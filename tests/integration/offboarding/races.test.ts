/**
 * What happens when people double-tap, retry on a bad network, or act at the same moment
 * (DESIGN §4: version-checked writes, idempotency keys, one open case per employee).
 */
import { PDF_BYTES } from '../../../tools/demo/demo-company';
import { type Answer, type Company, startCompany, unique } from './company-harness';

let company: Company;
beforeAll(async () => {
  // Over HTTP, each overlapping call in its own function instance, SDK answers jittered.
  company = await startCompany({ overHttp: true, jitterMs: 5 });
});
afterAll(() => company.dispose());

type Submitted = { caseId: string; state: string; version: number; noticeReceivedAt: string };
type CaseDetail = { case: { state: string; version: number }; events: { type: string }[] };

const codeOf = (answer: Answer) => (answer.ok ? 'ok' : answer.error.code);

async function casesOf(employeeNo: string) {
  const { data } = await company.cloud.cloud
    .database()
    .collection('cases')
    .where({ 'employee.employeeNo': employeeNo })
    .get();
  return data as { _id: string; state: string }[];
}

describe('two people acting on one case at the same moment', () => {
  it('two approvals of one case: one wins, the other is told, one event is logged', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner);
    const manager = company.person('M001').openid;

    const answers = await Promise.all([
      company.call(manager, 'case.review', { caseId, decision: 'approve' }),
      company.call(manager, 'case.review', { caseId, decision: 'approve' }),
    ]);

    const codes = answers.map(codeOf).sort();
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(codes.find((code) => code !== 'ok'));
    const view = await company.must<CaseDetail>(manager, 'case.get', { caseId });
    expect(view.case.state).toBe('hr_review');
    expect(view.events.filter((event) => event.type === 'review.approve')).toHaveLength(1);
  });

  it('an approval and a return at once: the case takes exactly one of them', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner);
    const manager = company.person('M001').openid;

    const answers = await Promise.all([
      company.call(manager, 'case.review', { caseId, decision: 'approve' }),
      company.call(manager, 'case.review', { caseId, decision: 'return', comment: '请补充' }),
    ]);

    expect(answers.map(codeOf).filter((code) => code === 'ok')).toHaveLength(1);
    const view = await company.must<CaseDetail>(manager, 'case.get', { caseId });
    const reviews = view.events.filter((event) => event.type.startsWith('review.'));
    expect(reviews).toHaveLength(1);
    expect(view.case.state).toBe(reviews[0]?.type === 'review.approve' ? 'hr_review' : 'returned');
  });
  it('the employee withdraws while the manager approves: one of them, never both', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner);
    const manager = company.person('M001').openid;

    const [approval, withdrawal] = await Promise.all([
      company.call(manager, 'case.review', { caseId, decision: 'approve' }),
      company.call(owner.openid, 'case.withdraw', { caseId, comment: '决定留任' }),
    ]);

    expect([approval, withdrawal].filter((answer) => answer.ok)).toHaveLength(1);
    const view = await company.must<CaseDetail>(manager, 'case.get', { caseId });
    expect(view.case.state).toBe(approval.ok ? 'hr_review' : 'withdrawn');
    const decided = view.events.filter((e) => ['review.approve', 'withdraw'].includes(e.type));
    expect(decided).toHaveLength(1);
  });
});

describe('a submission sent again', () => {
  it('with the same key answers what the first answered, even after the case moved on', async () => {
    const owner = await company.hire('M001');
    const payload = { reason: 'resignation', idempotencyKey: unique('retry-submit-') };
    const first = await company.must<Submitted>(owner.openid, 'case.submit', payload);
    expect(first).toMatchObject({ state: 'submitted', version: 1 });

    // The same request again right away, then after the manager approved the case.
    expect(await company.call(owner.openid, 'case.submit', payload)).toEqual({
      ok: true,
      data: first,
    });
    const fileId = await company.upload(
      owner.openid,
      `cases/${first.caseId}/handover_checklist/list.pdf`,
      PDF_BYTES,
    );
    await company.must(owner.openid, 'case.attach', {
      caseId: first.caseId,
      kind: 'handover_checklist',
      fileIds: [fileId],
    });
    await company.must(company.person('M001').openid, 'case.review', {
      caseId: first.caseId,
      decision: 'approve',
    });
    expect(await company.call(owner.openid, 'case.submit', payload)).toEqual({
      ok: true,
      data: first,
    });
    expect(await casesOf(owner.employeeNo)).toHaveLength(1);
  });

  it('with the same key after the case was withdrawn still answers the first result', async () => {
    const owner = await company.hire('M001');
    const payload = { reason: 'resignation', idempotencyKey: unique('retry-withdrawn-') };
    const first = await company.must<Submitted>(owner.openid, 'case.submit', payload);
    await company.must(owner.openid, 'case.withdraw', { caseId: first.caseId });

    expect(await company.call(owner.openid, 'case.submit', payload)).toEqual({
      ok: true,
      data: first,
    });
    expect(await casesOf(owner.employeeNo)).toEqual([
      expect.objectContaining({ _id: first.caseId, state: 'withdrawn' }),
    ]);
  });

  it('twice at once with the same key makes one case and answers both with it', async () => {
    const owner = await company.hire('M001');
    const payload = { reason: 'resignation', idempotencyKey: unique('double-tap-') };

    const answers = await Promise.all([
      company.call(owner.openid, 'case.submit', payload),
      company.call(owner.openid, 'case.submit', payload),
    ]);

    expect(answers.map(codeOf)).toEqual(['ok', 'ok']);
    expect(answers[0]).toEqual(answers[1]);
    expect(await casesOf(owner.employeeNo)).toHaveLength(1);
  });

  it('twice at once with different keys leaves exactly one open case', async () => {
    const owner = await company.hire('M001');

    const answers = await Promise.all(
      ['a', 'b'].map((key) =>
        company.call(owner.openid, 'case.submit', {
          reason: 'resignation',
          idempotencyKey: unique(`two-keys-${key}-`),
        }),
      ),
    );

    const refused = answers.find((answer) => !answer.ok);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', details: { guard: 'one_open_case' } },
    });
    expect(!refused?.ok && refused?.error.message).toContain('进行中');
    expect(await casesOf(owner.employeeNo)).toHaveLength(1);
    const me = await company.must<{ openCase?: { caseId: string } }>(owner.openid, 'me.get');
    const accepted = answers.find((answer) => answer.ok) as { data: Submitted };
    expect(me.openCase?.caseId).toBe(accepted.data.caseId);
  });
});

describe('a termination sent again', () => {
  it('with the same key answers the first draft, even after documents were attached', async () => {
    const owner = await company.hire('M001');
    const hr = company.person('H001').openid;
    const payload = {
      employeeNo: owner.employeeNo,
      reason: 'incompetence',
      noticeMode: 'notice30',
      idempotencyKey: unique('retry-terminate-'),
    };
    const first = await company.must<{ caseId: string }>(hr, 'case.terminate', payload);
    expect(first).toMatchObject({ state: 'draft', version: 1 });
    const fileId = await company.upload(
      hr,
      `cases/${first.caseId}/appraisal_record/appraisal.pdf`,
      PDF_BYTES,
    );
    await company.must(hr, 'case.attach', {
      caseId: first.caseId,
      kind: 'appraisal_record',
      fileIds: [fileId],
    });

    expect(await company.call(hr, 'case.terminate', payload)).toEqual({ ok: true, data: first });
    expect(await casesOf(owner.employeeNo)).toHaveLength(1);
  });

  it('with a key already used for another employee is refused, and makes nothing', async () => {
    const [first, second] = [await company.hire('M001'), await company.hire('M002')];
    const hr = company.person('H001').openid;
    const key = unique('reused-key-');
    const terminate = (employeeNo: string) =>
      company.call(hr, 'case.terminate', {
        employeeNo,
        reason: 'incompetence',
        noticeMode: 'notice30',
        idempotencyKey: key,
      });
    expect(codeOf(await terminate(first.employeeNo))).toBe('ok');

    const answer = await terminate(second.employeeNo);

    expect(answer).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!answer.ok && answer.error.message).toContain('请求标识');
    expect(await casesOf(second.employeeNo)).toHaveLength(0);
  });
});

describe('many phones at once', () => {
  it('twenty identical approvals sent at once: one effect, nineteen told why', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner);
    const manager = company.person('M001').openid;
    const instancesBefore = company.cloud.stats().instances;

    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        company.call(manager, 'case.review', { caseId, decision: 'approve' }),
      ),
    );

    const codes = answers.map(codeOf);
    expect(codes.filter((code) => code === 'ok')).toHaveLength(1);
    for (const code of codes.filter((c) => c !== 'ok')) {
      expect(['CONFLICT', 'INVALID_TRANSITION']).toContain(code);
    }
    // New instances started for them: the calls really overlapped.
    expect(company.cloud.stats().instances).toBeGreaterThan(instancesBefore);
    const view = await company.must<CaseDetail>(manager, 'case.get', { caseId });
    expect(view.case.state).toBe('hr_review');
    expect(view.events.filter((event) => event.type === 'review.approve')).toHaveLength(1);
  });
});
