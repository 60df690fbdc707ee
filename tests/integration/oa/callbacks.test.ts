/**
 * Status callbacks to the OA (issue 15): every state change of an OA case goes through the
 * `oa_callbacks` outbox to OA_CALLBACK_URL, signed, in order per case, retried with back-off by
 * the oa-webhook timer, at least once; failures show as 同步失败 on HR's board.
 */
import { type Receiver, startReceiver } from '../../../tools/oa/receiver';
import { type Company } from '../offboarding/company-harness';
import { CALLBACK_SECRET, postToWebhook, resignation, startOaCompany } from './oa-harness';

let company: Company;
let receiver: Receiver;
beforeAll(async () => {
  // The receiver checks the signature's time against the local cloud's clock.
  let now = () => new Date();
  receiver = await startReceiver(CALLBACK_SECRET, { clock: () => now() });
  company = await startOaCompany(receiver.url);
  now = () => company.cloud.clock.now();
}, 60_000);
afterAll(async () => {
  await company.dispose();
  await receiver.close();
});

const hr = () => company.person('H001').openid;

/** The case's row on HR's board, open or withdrawn. */
async function boardRow(employeeNo: string, caseId: string) {
  for (const filter of [{}, { state: 'withdrawn' }]) {
    const board = await company.must<{ rows: Record<string, unknown>[] }>(hr(), 'admin.board', {
      q: employeeNo,
      ...filter,
    });
    const row = board.rows.find((r) => r.caseId === caseId);
    if (row) return row;
  }
  return undefined;
}

function deliveredFor(caseId: string) {
  return receiver.requests
    .filter((r) => r.status === 200 && r.body.caseId === caseId)
    .map((r) => r.body);
}

it('the receiver fails twice: the third try delivers, in order, and the 同步失败 mark goes', async () => {
  const owner = await company.hire('M001');
  const body = resignation(company, owner.employeeNo);
  const made = await postToWebhook(company, body);
  const caseId = String(made.body.caseId);
  // HR cancels it before anything was sent: two changes wait in the outbox.
  await company.must(hr(), 'case.hrCancel', {
    caseId,
    comment: 'OA 误录入，员工未提出辞职',
    basis: 'entered_in_error',
  });

  receiver.failNext(2);
  await company.cloud.clock.advance(10 * 60_000); // first try: 500
  expect(receiver.requests.filter((r) => r.body.caseId === caseId).map((r) => r.status)).toEqual([
    500,
  ]);
  expect(await boardRow(owner.employeeNo, caseId)).toMatchObject({ oaSyncFailed: true });

  await company.cloud.clock.advance(10 * 60_000); // second try (5 minutes on): 500
  await company.cloud.clock.advance(10 * 60_000); // third try (10 minutes on): delivered
  const attempts = receiver.requests.filter((r) => r.body.caseId === caseId);
  expect(attempts.map((r) => [r.status, r.body.eventSeq])).toEqual([
    [500, 1],
    [500, 1],
    [200, 1],
    [200, 2],
  ]);
  expect(attempts.every((r) => r.signed)).toBe(true);
  expect(deliveredFor(caseId)).toEqual([
    {
      oaRef: body.oaRef,
      caseId,
      state: 'submitted',
      stateLabel: '待部门审批',
      lastWorkingDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      at: expect.any(String),
      eventSeq: 1,
    },
    expect.objectContaining({ state: 'withdrawn', stateLabel: '已撤回', eventSeq: 2 }),
  ]);
  expect(await boardRow(owner.employeeNo, caseId)).not.toHaveProperty('oaSyncFailed');

  // Delivered ones are not sent again.
  await company.cloud.clock.advance(30 * 60_000);
  expect(receiver.requests.filter((r) => r.body.caseId === caseId)).toHaveLength(4);
});

it('after 24 hours of failures it stops; HR’s retry sends the changes again, in order', async () => {
  const owner = await company.hire('M001');
  const body = resignation(company, owner.employeeNo);
  const made = await postToWebhook(company, body);
  const caseId = String(made.body.caseId);
  receiver.failNext(1_000_000);
  await company.cloud.clock.advance(25 * 3_600_000);
  const tries = receiver.requests.filter((r) => r.body.caseId === caseId).length;
  // Exponential back-off: a handful of tries in a day, not one every run.
  expect(tries).toBeGreaterThan(3);
  expect(tries).toBeLessThan(20);
  const { data } = await company.cloud.cloud
    .database()
    .collection('oa_callbacks')
    .where({ caseId })
    .get();
  expect(data.map((d) => d.status)).toEqual(['failed']);
  // Given up: no more tries.
  await company.cloud.clock.advance(3_600_000);
  expect(receiver.requests.filter((r) => r.body.caseId === caseId)).toHaveLength(tries);
  expect(await boardRow(owner.employeeNo, caseId)).toMatchObject({ oaSyncFailed: true });

  // The OA withdraws meanwhile: a second change waits behind the first.
  const withdrawn = await postToWebhook(company, {
    type: 'resignation.withdrawn',
    oaRef: body.oaRef,
    requestedAt: company.cloud.clock.now().toISOString(),
  });
  expect(withdrawn.status).toBe(200);

  receiver.failNext(0);
  const retry = await company.must<{ requeued: number }>(hr(), 'case.oaRetry', { caseId });
  // The platform counts changed documents: the withdrawal's entry was already due now.
  expect(retry.requeued).toBeGreaterThanOrEqual(1);
  await company.cloud.clock.advance(10 * 60_000);
  // In order; the sequence numbers between are the day's reminder decisions (no state change).
  const delivered = deliveredFor(caseId);
  expect(delivered.map((b) => b.state)).toEqual(['submitted', 'withdrawn']);
  expect(Number(delivered[0]?.eventSeq)).toBeLessThan(Number(delivered[1]?.eventSeq));
  expect(await boardRow(owner.employeeNo, caseId)).not.toHaveProperty('oaSyncFailed');
});

it('cases made in the mini program send nothing', async () => {
  const owner = await company.hire('M001');
  const { caseId } = await company.submitted(owner);
  await company.must(hr(), 'case.hrCancel', {
    caseId,
    comment: '测试：小程序内的案件',
    basis: 'duplicate',
  });
  await company.cloud.clock.advance(20 * 60_000);
  const { total } = await company.cloud.cloud
    .database()
    .collection('oa_callbacks')
    .where({ caseId })
    .count();
  expect(total).toBe(0);
  expect(receiver.requests.filter((r) => r.body.caseId === caseId)).toEqual([]);
});
