import {
  caseInFormalities,
  grantAll,
  HR,
  ok,
  type ReminderHarness,
  seedPeople,
  startReminderCloud,
} from './reminders-harness';

let h: ReminderHarness;
beforeEach(async () => {
  h = await startReminderCloud();
  await h.jumpTo('2027-03-01T09:50:00');
  await seedPeople(h);
  await grantAll(h, 30);
});
afterEach(() => h.dispose());

async function markers() {
  return (await h.cloud.cloud.database().collection('evidence_anchors').orderBy('_id', 'asc').get())
    .data;
}

describe('the daily evidence anchor (电子签名法 第13条)', () => {
  it('writes the chain heads of the previous Beijing day once, at the first run after 00:00', async () => {
    const caseId = await caseInFormalities(h);
    await h.cloud.clock.advance(3 * 86_400_000);

    const done = await markers();
    expect(done.map((m) => [m._id, m.status])).toEqual([
      ['2027-02-28', 'done'],
      ['2027-03-01', 'done'],
      ['2027-03-02', 'done'],
      ['2027-03-03', 'done'],
    ]);
    const march1 = done.find((m) => m._id === '2027-03-01');
    const info = h.cloud.fileInfo(String(march1?.fileId));
    expect(info?.cloudPath).toBe('anchors/2027-03-01.json');
    // Written by the 00:00 run of 3 March (Beijing) and never again by the 47 runs after it.
    expect(info?.uploadedAt).toEqual(new Date('2027-03-01T16:00:00.000Z'));

    const anchor = JSON.parse(String(h.cloud.readFile(String(march1?.fileId))));
    // The head as of midnight: the case's events of 1 March (the notice decision included).
    const events = ok(await h.call(HR, 'case.get', { caseId })).events as {
      seq: number;
      at: string;
      hash: string;
    }[];
    const lastOfDay = events.filter((e) => e.at < '2027-03-01T16:00:00.000Z').at(-1);
    expect(anchor).toMatchObject({
      date: '2027-03-01',
      timezone: 'Asia/Shanghai',
      cases: [{ caseId, seq: lastOfDay?.seq, lastEventHash: lastOfDay?.hash }],
    });
    expect(anchor.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(String(h.cloud.readFile(String(done[0]?.fileId)))).cases).toEqual([]);
  });

  it('a failing anchor upload never stops the reminders: they go out, the anchor follows later', async () => {
    await caseInFormalities(h);
    const refused = h.cloud.failUploads(1);
    await h.cloud.clock.advance(30 * 60_000); // the 10:00 run: its anchor upload is refused
    expect(refused.failed()).toBe(1);
    expect(h.cloud.outbox().filter((m) => m.errCode === 0).length).toBeGreaterThan(0);
    await h.cloud.clock.advance(30 * 60_000); // 10:30: the anchor is written after all
    expect((await markers()).find((m) => m._id === '2027-02-28')?.status).toBe('done');
  });
});
