/**
 * 离职记录: after completion or withdrawal the employee keeps their finished cases on `me.get`
 * (`history`): the signed letter, the evidence and the 离职证明's status; only their own.
 */
import type { ActionResult } from '../../../server/contract';
import { type Company, startCompany } from './company-harness';

type Me = ActionResult<'me.get'>;

let company: Company;
let hr: string;
beforeAll(async () => {
  company = await startCompany();
  hr = company.person('H001').openid;
}, 60_000);
afterAll(() => company.dispose());

describe('me.get history (离职记录)', () => {
  it('keeps a completed case with its signature, evidence and issued 离职证明', async () => {
    const owner = await company.hire('M001');
    const before = await company.must<Me>(owner.openid, 'me.get');
    expect(before.history).toEqual([]);

    const { caseId } = await company.closeable(owner);
    await company.must(hr, 'case.close', { caseId });

    const me = await company.must<Me>(owner.openid, 'me.get');
    expect(me.openCase).toBeUndefined();
    expect(me.history).toHaveLength(1);
    const record = me.history?.[0];
    expect(record).toMatchObject({
      caseId,
      kind: 'resignation',
      state: 'completed',
      certificate: 'issued',
    });
    expect(record?.signedAt).toEqual(expect.any(String));
    expect(record?.certificateIssuedAt).toEqual(expect.any(String));
    expect(record?.evidenceCount).toBeGreaterThan(0);
    expect(record?.lastWorkingDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // Nobody else's 离职记录 shows it.
    const other = await company.must<Me>(company.person('D009').openid, 'me.get');
    expect(other.history?.map((r) => r.caseId) ?? []).not.toContain(caseId);
    const hrMe = await company.must<Me>(hr, 'me.get');
    expect(hrMe.history?.map((r) => r.caseId) ?? []).not.toContain(caseId);
  });

  it('keeps a withdrawn resignation, without a 离职证明, newest first', async () => {
    const owner = await company.hire('M001');
    const first = await company.submitted(owner);
    await company.must(owner.openid, 'case.withdraw', { caseId: first.caseId });
    // A day later (the clock stands still otherwise), the second one.
    await company.cloud.clock.jump(new Date(company.cloud.clock.now().getTime() + 86_400_000));
    const second = await company.submitted(owner);
    await company.must(owner.openid, 'case.withdraw', { caseId: second.caseId });

    const me = await company.must<Me>(owner.openid, 'me.get');
    expect(me.history?.map((r) => [r.caseId, r.state, r.certificate])).toEqual([
      [second.caseId, 'withdrawn', 'none'],
      [first.caseId, 'withdrawn', 'none'],
    ]);
  });

  it('never lists a termination HR withdrew before issuing it', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.draft(owner);
    await company.must(hr, 'case.hrCancel', {
      caseId,
      comment: '重新准备材料',
      basis: 'entered_in_error',
    });

    const me = await company.must<Me>(owner.openid, 'me.get');
    expect(me.history).toEqual([]);
  });
});
