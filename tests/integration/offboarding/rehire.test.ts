/**
 * 可再次录用: HR sets it at closing (`case.close { rehire }`), sees it on the case and filters
 * former employees by it on the board; no answer the employee can get ever carries it.
 */
import { ACTION_NAMES } from '../../../server/contract';
import { type Company, startCompany } from './company-harness';

let company: Company;
let hr: string;
beforeAll(async () => {
  company = await startCompany();
  hr = company.person('H001').openid;
}, 60_000);
afterAll(() => company.dispose());

interface BoardRows {
  rows: { caseId: string; state: string; rehire?: string }[];
}

describe('case.close { rehire } and the board filter', () => {
  it('HR sets 可再次录用 at closing, sees it, and finds former employees by it', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.closeable(owner);
    const closed = await company.must<{ state: string }>(hr, 'case.close', {
      caseId,
      rehire: 'no',
    });
    expect(closed.state).toBe('completed');

    const seen = await company.must<{ case: { rehire?: string } }>(hr, 'case.get', { caseId });
    expect(seen.case.rehire).toBe('no');

    const no = await company.must<BoardRows>(hr, 'admin.board', { rehire: 'no' });
    expect(no.rows.find((r) => r.caseId === caseId)).toMatchObject({
      state: 'completed',
      rehire: 'no',
    });
    const yes = await company.must<BoardRows>(hr, 'admin.board', { rehire: 'yes' });
    expect(yes.rows.map((r) => r.caseId)).not.toContain(caseId);

    // The manager sees neither the flag on the case nor a filter by it.
    const manager = company.person('M001').openid;
    const managerView = await company.must<{ case: object }>(manager, 'case.get', { caseId });
    expect(managerView.case).not.toHaveProperty('rehire');
    const filtered = await company.call(manager, 'admin.board', { rehire: 'no' });
    expect(filtered).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('never appears in any answer the employee can get, whatever they call', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.closeable(owner);
    await company.must(hr, 'case.close', { caseId, rehire: 'ask' });

    // What the employee can open successfully: their session, the words, the case, its evidence.
    for (const [action, payload] of [
      ['me.get', {}],
      ['meta.get', {}],
      ['case.get', { caseId }],
      ['case.evidence', { caseId }],
    ] as const) {
      const answer = await company.call(owner.openid, action, payload);
      expect(answer).toMatchObject({ ok: true });
      expect(JSON.stringify(answer)).not.toMatch(/rehire|录用/);
    }
    // Every other action, with the case and with nothing: refusals say nothing of it either.
    for (const action of ACTION_NAMES) {
      for (const payload of [{ caseId }, {}]) {
        const answer = await company.call(owner.openid, action, payload);
        expect(JSON.stringify(answer)).not.toMatch(/rehire|录用/);
      }
    }
  });
});
