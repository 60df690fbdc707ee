/**
 * DESIGN §4 and §7: each action within its database round-trip budget (`roundTripBudget`). Counted by the local cloud on each success path,
 * on a warm instance (one that read the settings within the last minute and keeps them).
 */
import { ACTION_NAMES } from '../../../server/contract';
import { actionOf, importRows, readyScene, roundTripBudget, SUCCESS_PATHS } from './action-scenes';
import { type Company, startCompany, unique } from './company-harness';

let company: Company;
beforeAll(async () => {
  company = await startCompany();
});
afterAll(() => company.dispose());

it('counts every action', () => {
  expect(new Set(SUCCESS_PATHS.map(([scene]) => actionOf(scene)))).toEqual(new Set(ACTION_NAMES));
});

it.each(SUCCESS_PATHS)('%s as %s: within its round-trip budget', async (scene, who) => {
  const { action, caller, payload } = await readyScene(company, scene, who);
  // A warm instance: it read the settings within the last minute and keeps them.
  await company.must(company.person('H001').openid, 'meta.get');

  const { answer, reads, writes } = await company.measured(caller, action, payload);

  expect({ action, outcome: answer.ok ? 'ok' : answer.error }).toEqual({ action, outcome: 'ok' });
  const budget = roundTripBudget(action, payload);
  // The action and its counts are in the failure message.
  expect({ action, reads, writes, withinBudget: reads + writes <= budget }).toEqual({
    action,
    reads,
    writes,
    withinBudget: true,
  });
});

it('admin.import of 50 rows stays within one round trip per row plus 3', async () => {
  const hr = company.person('H001').openid;
  const rows = importRows(50);
  // Half of them exist already: updates cost the same as creations.
  await company.must(hr, 'admin.import', { rows: rows.slice(0, 25) });

  const { answer, reads, writes } = await company.measured(hr, 'admin.import', { rows });

  expect(answer).toMatchObject({ ok: true, data: { created: 25, updated: 25, errors: [] } });
  // Plus 3: the new hires' 培训通知 are queued in one write.
  expect(reads + writes).toBeLessThanOrEqual(rows.length + 3);
});

it('a refused second submission stays within its round-trip budget', async () => {
  const owner = await company.hire('M001');
  await company.submitted(owner, { handover: false });

  const { answer, reads, writes } = await company.measured(owner.openid, 'case.submit', {
    reason: 'resignation',
    idempotencyKey: unique('second-'),
  });

  expect(answer).toMatchObject({ ok: false, error: { details: { guard: 'one_open_case' } } });
  expect(reads + writes).toBeLessThanOrEqual(roundTripBudget('case.submit', {}));
});

it('a submission retried after its case was withdrawn stays within its round-trip budget', async () => {
  const owner = await company.hire('M001');
  const payload = { reason: 'resignation', idempotencyKey: unique('retry-') };
  const first = await company.must<{ caseId: string }>(owner.openid, 'case.submit', payload);
  await company.must(owner.openid, 'case.withdraw', { caseId: first.caseId });

  const { answer, reads, writes } = await company.measured(owner.openid, 'case.submit', payload);

  expect(answer).toMatchObject({ ok: true, data: { caseId: first.caseId, version: 1 } });
  expect(reads + writes).toBeLessThanOrEqual(roundTripBudget('case.submit', {}));
});
