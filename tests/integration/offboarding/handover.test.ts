/**
 * The successor's handover (交接人, issue 17): the manager names colleagues and the items each
 * takes over; each is told by a subscription message, sees only their own items, confirms or
 * disputes each; the last confirmation ticks `handover_confirmed`; the manager may confirm on a
 * successor's behalf with a note. A successor is no party to the case.
 */
import { type Company, CHINESE, localTemplateIds, startCompany } from './company-harness';
import type { Person } from '../../../tools/demo/demo-company';

let company: Company;
beforeAll(async () => {
  company = await startCompany();
}, 60_000);
afterAll(() => company.dispose());

/** The template the `notice` kind is sent with (the first of templates.json). */
const NOTICE_TEMPLATE = localTemplateIds()[0] ?? '';

interface MineCase {
  caseId: string;
  employeeName: string;
  answerable: boolean;
  items: { itemId: string; text: string; status: string; comment?: string; note?: string }[];
}

interface CaseGet {
  case: {
    handover?: {
      successors: {
        employeeNo: string;
        name: string;
        items: { itemId: string; status: string }[];
      }[];
    };
  };
  checklist: { item: string; done: boolean; note?: string }[];
  allowedActions: { action: string }[];
}

const manager = () => company.person('M001').openid;

/** A leaver under M001 at the review, and two colleagues to take over their work. */
async function leaverAndSuccessors(): Promise<{ owner: Person; a: Person; b: Person }> {
  const owner = await company.hire('M001');
  const a = await company.hire('M001');
  const b = await company.hire('M002');
  return { owner, a, b };
}

async function nameSuccessors(caseId: string, a: Person, b: Person) {
  return company.must<{ handover: CaseGet['case']['handover'] }>(
    manager(),
    'case.assignSuccessors',
    {
      caseId,
      successors: [
        { employeeNo: a.employeeNo, items: ['客户A的对接资料', '代码仓库权限', '周报模板'] },
        { employeeNo: b.employeeNo, items: ['供应商合同台账'] },
      ],
    },
  );
}

it('names successors at approval; each sees only their own items and the leaver’s name', async () => {
  const { owner, a, b } = await leaverAndSuccessors();
  const { caseId } = await company.submitted(owner);

  const named = await nameSuccessors(caseId, a, b);
  await company.must(manager(), 'case.review', { caseId, decision: 'approve' });

  expect(named.handover?.successors.map((s) => [s.employeeNo, s.items.length])).toEqual([
    [a.employeeNo, 3],
    [b.employeeNo, 1],
  ]);
  const mine = await company.must<{ cases: MineCase[] }>(a.openid, 'handover.mine');
  const mineCase = mine.cases.find((c) => c.caseId === caseId);
  // The leaver's name and the items: nothing else of the case.
  expect(Object.keys(mineCase ?? {}).sort()).toEqual([
    'answerable',
    'caseId',
    'employeeName',
    'items',
  ]);
  expect(mineCase).toMatchObject({
    employeeName: owner.name,
    answerable: false,
    items: [
      { text: '客户A的对接资料', status: 'pending' },
      { text: '代码仓库权限', status: 'pending' },
      { text: '周报模板', status: 'pending' },
    ],
  });
  const theirs = await company.must<{ cases: MineCase[] }>(b.openid, 'handover.mine');
  expect(theirs.cases.find((c) => c.caseId === caseId)?.items.map((i) => i.text)).toEqual([
    '供应商合同台账',
  ]);
});

it('a successor may not see the case itself', async () => {
  const { owner, a, b } = await leaverAndSuccessors();
  const { caseId } = await company.submitted(owner);
  await nameSuccessors(caseId, a, b);

  for (const action of ['case.get', 'case.evidence', 'case.documents']) {
    const answer = await company.call(a.openid, action, { caseId });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
});

it('items are answered once the handover is under way (formalities)', async () => {
  const { owner, a, b } = await leaverAndSuccessors();
  const { caseId } = await company.submitted(owner);
  await nameSuccessors(caseId, a, b);

  const early = await company.call(a.openid, 'handover.confirm', { caseId, itemId: 'r1-1' });

  expect(early).toMatchObject({
    ok: false,
    error: { code: 'PRECONDITION_FAILED', details: { guard: 'handover_started' } },
  });
  expect(!early.ok && early.error.message).toMatch(CHINESE);
});

it('a successor confirms two items and disputes one; the manager sees each item’s state', async () => {
  const { owner, a, b } = await leaverAndSuccessors();
  const { caseId } = await company.hrReview(owner);
  await nameSuccessors(caseId, a, b);
  await company.must(company.person('H001').openid, 'case.hrConfirm', { caseId });

  const first = await company.must<{ status: string; handoverConfirmed: boolean }>(
    a.openid,
    'handover.confirm',
    { caseId, itemId: 'r1-1' },
  );
  await company.must(a.openid, 'handover.confirm', { caseId, itemId: 'r1-2' });
  const disputed = await company.must<{ status: string }>(a.openid, 'handover.dispute', {
    caseId,
    itemId: 'r1-3',
    comment: '周报模板缺少上季度数据',
  });
  await company.must(b.openid, 'handover.confirm', { caseId, itemId: 'r1-4' });

  expect(first).toEqual({ caseId, itemId: 'r1-1', status: 'confirmed', handoverConfirmed: false });
  expect(disputed.status).toBe('disputed');
  const view = await company.must<CaseGet>(manager(), 'case.get', { caseId });
  expect(view.case.handover?.successors).toEqual([
    expect.objectContaining({
      employeeNo: a.employeeNo,
      items: [
        expect.objectContaining({ itemId: 'r1-1', status: 'confirmed' }),
        expect.objectContaining({ itemId: 'r1-2', status: 'confirmed' }),
        expect.objectContaining({
          itemId: 'r1-3',
          status: 'disputed',
          comment: '周报模板缺少上季度数据',
        }),
      ],
    }),
    expect.objectContaining({
      employeeNo: b.employeeNo,
      items: [expect.objectContaining({ itemId: 'r1-4', status: 'confirmed' })],
    }),
  ]);
  // One item is disputed: the handover is not confirmed yet.
  expect(view.checklist.find((e) => e.item === 'handover_confirmed')?.done).toBe(false);
  expect(view.allowedActions).toContainEqual({ action: 'handover.confirm' });

  // A second confirmation of a confirmed item changes nothing.
  const again = await company.must<{ status: string }>(a.openid, 'handover.confirm', {
    caseId,
    itemId: 'r1-1',
  });
  expect(again.status).toBe('confirmed');
  const evidence = await company.must<{ valid: boolean }>(owner.openid, 'case.evidence', {
    caseId,
  });
  expect(evidence.valid).toBe(true);
});

it('the manager confirms on the successor’s behalf only with a note; the last one ticks the handover', async () => {
  const { owner, a, b } = await leaverAndSuccessors();
  const { caseId } = await company.hrReview(owner);
  await nameSuccessors(caseId, a, b);
  await company.must(company.person('H001').openid, 'case.hrConfirm', { caseId });
  for (const itemId of ['r1-1', 'r1-2']) {
    await company.must(a.openid, 'handover.confirm', { caseId, itemId });
  }
  await company.must(a.openid, 'handover.dispute', { caseId, itemId: 'r1-3', comment: '缺数据' });
  await company.must(b.openid, 'handover.confirm', { caseId, itemId: 'r1-4' });

  const bare = await company.call(manager(), 'handover.confirm', { caseId, itemId: 'r1-3' });
  const noted = await company.must<{ handoverConfirmed: boolean }>(manager(), 'handover.confirm', {
    caseId,
    itemId: 'r1-3',
    note: '已补发上季度数据，当面确认',
  });

  expect(bare).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  expect(noted.handoverConfirmed).toBe(true);
  const mine = await company.must<{ cases: MineCase[] }>(a.openid, 'handover.mine');
  expect(mine.cases.find((c) => c.caseId === caseId)?.items[2]).toMatchObject({
    status: 'confirmed',
    onBehalf: true,
    note: '已补发上季度数据，当面确认',
  });
  const view = await company.must<CaseGet>(manager(), 'case.get', { caseId });
  expect(view.checklist.find((e) => e.item === 'handover_confirmed')).toMatchObject({
    done: true,
    note: '交接人已全部确认接收',
  });
  // Confirmed in full: nobody renames the successors now.
  const rename = await company.call(manager(), 'case.assignSuccessors', {
    caseId,
    successors: [{ employeeNo: a.employeeNo, items: ['另一项'] }],
  });
  expect(rename).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  const evidence = await company.must<{ valid: boolean; events: { type: string }[] }>(
    owner.openid,
    'case.evidence',
    { caseId },
  );
  expect(evidence.valid).toBe(true);
  expect(evidence.events.map((e) => e.type)).toEqual(
    expect.arrayContaining(['handover.assign', 'handover.confirm', 'handover.dispute']),
  );
});

it('the manager ticks the handover for unconfirmed items only with a note', async () => {
  const { owner, a, b } = await leaverAndSuccessors();
  const { caseId } = await company.formalities(owner);
  await nameSuccessors(caseId, a, b);

  const bare = await company.call(manager(), 'case.checklist', {
    caseId,
    item: 'handover_confirmed',
    done: true,
  });
  const noted = await company.call(manager(), 'case.checklist', {
    caseId,
    item: 'handover_confirmed',
    done: true,
    note: '交接人出差，已当面核对全部事项',
  });

  expect(bare).toMatchObject({
    ok: false,
    error: { code: 'PRECONDITION_FAILED', details: { guard: 'note_given' } },
  });
  expect(noted).toMatchObject({ ok: true, data: { row: { done: true } } });
});

it('a stranger may neither confirm nor dispute an item; a successor only their own', async () => {
  const { owner, a, b } = await leaverAndSuccessors();
  const { caseId } = await company.formalities(owner);
  await nameSuccessors(caseId, a, b);
  const stranger = company.person('D009').openid;

  const answers = [
    await company.call(stranger, 'handover.confirm', { caseId, itemId: 'r1-1' }),
    await company.call(stranger, 'handover.confirm', { caseId, itemId: 'r1-1', note: '代确认' }),
    await company.call(stranger, 'handover.dispute', { caseId, itemId: 'r1-1', comment: '不对' }),
    // B's item is not A's to answer.
    await company.call(a.openid, 'handover.confirm', { caseId, itemId: 'r1-4' }),
    await company.call(a.openid, 'handover.dispute', { caseId, itemId: 'r1-4', comment: '不对' }),
  ];

  for (const answer of answers) {
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!answer.ok && answer.error.message).toMatch(CHINESE);
  }
  const mine = await company.must<{ cases: MineCase[] }>(stranger, 'handover.mine');
  expect(mine.cases.some((c) => c.caseId === caseId)).toBe(false);
  // A successor of the case asking for an item that is not there is told so.
  const missing = await company.call(a.openid, 'handover.confirm', { caseId, itemId: 'r1-9' });
  expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('names only colleagues on the roster, never the leaver', async () => {
  const { owner, a } = await leaverAndSuccessors();
  const { caseId } = await company.submitted(owner);

  const unknown = await company.call(manager(), 'case.assignSuccessors', {
    caseId,
    successors: [{ employeeNo: 'NOBODY1', items: ['客户资料'] }],
  });
  const self = await company.call(manager(), 'case.assignSuccessors', {
    caseId,
    successors: [{ employeeNo: owner.employeeNo, items: ['客户资料'] }],
  });
  const tooMany = await company.call(manager(), 'case.assignSuccessors', {
    caseId,
    successors: [
      { employeeNo: a.employeeNo, items: Array.from({ length: 51 }, (_, i) => `第${i}项`) },
    ],
  });

  expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  expect(self).toMatchObject({
    ok: false,
    error: { code: 'PRECONDITION_FAILED', details: { guard: 'successor_not_leaver' } },
  });
  expect(tooMany).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
});

it('each successor gets one subscription message, sent once', async () => {
  const { owner, a, b } = await leaverAndSuccessors();
  const { caseId } = await company.submitted(owner);
  await company.cloud.grantCredits(a.openid, NOTICE_TEMPLATE, 5);
  await company.cloud.grantCredits(b.openid, NOTICE_TEMPLATE, 5);
  await nameSuccessors(caseId, a, b);
  await company.must(manager(), 'case.review', { caseId, decision: 'approve' });

  await company.cloud.fireTrigger('reminders');
  await company.cloud.fireTrigger('reminders');

  const toA = company.cloud.outbox().filter((m) => m.touser === a.openid);
  const toB = company.cloud.outbox().filter((m) => m.touser === b.openid);
  expect(toA).toHaveLength(1);
  expect(toB).toHaveLength(1);
  expect(toA[0]).toMatchObject({ templateId: NOTICE_TEMPLATE, errCode: 0 });
  expect(JSON.stringify(toA[0]?.data)).toContain('工作交接待你确认');
});

it('stays within the round-trip budget for the successor too', async () => {
  const { owner, a, b } = await leaverAndSuccessors();
  const { caseId } = await company.formalities(owner);
  await nameSuccessors(caseId, a, b);
  await company.must(company.person('H001').openid, 'meta.get');

  for (const [action, payload] of [
    ['handover.mine', undefined],
    ['handover.confirm', { caseId, itemId: 'r1-1' }],
    ['handover.dispute', { caseId, itemId: 'r1-2', comment: '缺少文档' }],
  ] as const) {
    const { answer, reads, writes } = await company.measured(a.openid, action, payload);
    expect({ action, ok: answer.ok, within: reads + writes <= 4 }).toEqual({
      action,
      ok: true,
      within: true,
    });
  }
});
