import {
  caseInFormalities,
  EMPLOYEE,
  grantAll,
  HR,
  MANAGER,
  ok,
  type ReminderHarness,
  seedPeople,
  sentMessages,
  sign,
  failNextSends,
  startReminderCloud,
} from './reminders-harness';

let h: ReminderHarness;

async function start(env: Record<string, string> = {}, credits = 30): Promise<void> {
  h = await startReminderCloud(env);
  await h.jumpTo('2027-03-01T09:50:00');
  await seedPeople(h);
  if (credits > 0) await grantAll(h, credits);
}
afterEach(() => h.dispose());

function reminders(caseId: string) {
  return h.cloud.cloud.database().collection('reminders').where({ caseId }).get();
}

describe('sending each reminder at most once', () => {
  it('an employee without credits: undeliverable, final, and a phone call on the HR board', async () => {
    await start({}, 0);
    const caseId = await caseInFormalities(h);
    await h.cloud.clock.advance(15 * 60_000); // the 10:00 run

    expect(sentMessages(h)).toEqual([
      { to: 'employee', phrase: '办理通知', at: '2027-03-01 10:00', errCode: 43101 },
    ]);
    const view = ok(await h.call(HR, 'case.get', { caseId }));
    expect(view.case.needsCall).toBe(true);
    expect(view.reminders).toEqual([
      expect.objectContaining({ slot: 'd0', status: 'undeliverable', attempts: 1 }),
    ]);
    const board = ok(await h.call(HR, 'admin.board', {}));
    expect(board.rows).toEqual([expect.objectContaining({ caseId, needsCall: true })]);

    // Final: later runs that day send nothing more for it.
    await h.cloud.clock.advance(3 * 3_600_000);
    expect(h.cloud.outbox()).toHaveLength(1);
  });

  it('the timer fired twice at the same instant sends nothing twice', async () => {
    await start();
    await caseInFormalities(h);
    await h.jumpTo('2027-03-01T10:00:00');
    await h.cloud.fireTrigger('reminders');
    await h.cloud.fireTrigger('reminders');
    expect(sentMessages(h)).toEqual([
      { to: 'employee', phrase: '办理通知', at: '2027-03-01 10:00', errCode: 0 },
    ]);
  });

  it('refuses a client that calls the timer function by name, and sends nothing', async () => {
    await start();
    await caseInFormalities(h);
    await h.jumpTo('2027-03-08T10:00:00');
    const before = h.cloud.outbox().length;
    const answer = await h.cloud.invoke('reminders', {}, { openid: 'someone' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(h.cloud.outbox()).toHaveLength(before);
  });

  it('two runs at once send nothing twice', async () => {
    await start();
    const caseId = await caseInFormalities(h);
    await h.jumpTo('2027-03-08T10:00:00'); // day 7: the employee and HR are both due
    const at = new Date('2027-03-08T02:00:00Z');
    await Promise.all([
      h.cloud.invokeAsTrigger('reminders', 'sweep', at),
      h.cloud.invokeAsTrigger('reminders', 'sweep', at),
      h.cloud.invokeAsTrigger('reminders', 'sweep', at),
    ]);
    const messages = sentMessages(h);
    expect(messages).toHaveLength(2);
    expect(messages).toEqual(
      expect.arrayContaining([
        { to: 'employee', phrase: '严肃提醒', at: '2027-03-08 10:00', errCode: 0 },
        { to: 'hr', phrase: '预警通知', at: '2027-03-08 10:00', errCode: 0 },
      ]),
    );
    // The days the sweep did not run are recorded as skipped, once each.
    const { data } = await reminders(caseId);
    expect(data.filter((r) => r.status === 'sent')).toHaveLength(2);
    expect(new Set(data.map((r) => r._id)).size).toBe(data.length);
    const view = ok(await h.call(HR, 'case.get', { caseId }));
    expect(ok(await h.call(HR, 'case.evidence', { caseId })).valid).toBe(true);
    expect(
      view.events.filter((e: { type: string }) => e.type === 'reminder.decision'),
    ).toHaveLength(data.length);
  });

  it('a record a crashed run left `sending` becomes failed_unknown and is not resent', async () => {
    await start();
    const caseId = await caseInFormalities(h);
    // A run claimed the notice at 09:55 and died before WeChat answered.
    const slot = `${caseId}:employee_sign:d0`;
    await h.cloud.cloud
      .database()
      .collection('reminders')
      .add({
        data: {
          _id: slot,
          id: slot,
          caseId,
          track: 'employee_sign',
          slot: 'd0',
          kind: 'notice',
          phrase: '办理通知',
          recipient: 'employee',
          dueAt: '2027-03-01T01:50:00.000Z',
          sendAt: '2027-03-01T01:50:00.000Z',
          detail: { task: 'sign_letter', day: 0 },
          status: 'sending',
          touser: EMPLOYEE,
          templateId: h.templateFor('notice'),
          sendDate: '2027-03-01',
          attempts: 1,
          createdAt: '2027-03-01T01:55:00.000Z',
          updatedAt: '2027-03-01T01:55:00.000Z',
        },
      });
    await h.cloud.clock.advance(86_400_000 + 3_600_000);

    const view = ok(await h.call(HR, 'case.get', { caseId }));
    expect(view.reminders.map((r: { slot: string; status: string }) => [r.slot, r.status])).toEqual(
      [
        ['d0', 'failed_unknown'],
        ['d1', 'sent'],
      ],
    );
    // The notice was not sent again; the next day's reminder went out as usual.
    expect(sentMessages(h)).toEqual([
      { to: 'employee', phrase: '每日提醒', at: '2027-03-02 10:00', errCode: 0 },
    ]);
  });

  it('a wrong template id: failed, final, shown on the case and to admins', async () => {
    await start({
      TEMPLATE_IDS: JSON.stringify({ notice: 'no-such-template', daily: 'no-such-template' }),
    });
    const caseId = await caseInFormalities(h);
    await h.cloud.clock.advance(15 * 60_000);
    const view = ok(await h.call(HR, 'case.get', { caseId }));
    expect(view.reminders).toEqual([
      expect.objectContaining({ slot: 'd0', status: 'failed', errCode: 40037 }),
    ]);
    expect(view.case.needsCall).toBe(false);
    const alerts = await h.cloud.cloud.database().collection('config_alerts').get();
    expect(alerts.data).toEqual([
      expect.objectContaining({
        _id: 'no-such-template:40037',
        kind: 'notice',
        errCode: 40037,
        caseId,
        resolved: false,
      }),
    ]);
    await h.cloud.clock.advance(3 * 3_600_000);
    expect(h.cloud.outbox()).toHaveLength(1);
  });
});

describe('case.remind', () => {
  it('HR sends the employee one message now, once a day, through the same log', async () => {
    await start();
    const caseId = await caseInFormalities(h);
    await h.jumpTo('2027-03-03T15:00:00');
    const first = ok(await h.call(HR, 'case.remind', { caseId }));
    expect(first.caseId).toBe(caseId);
    expect(first.reminders).toEqual([
      expect.objectContaining({
        slot: 'manual-2027-03-03',
        kind: 'daily',
        phrase: '每日提醒',
        status: 'sent',
        sentAt: '2027-03-03T07:00:00.000Z',
      }),
    ]);
    // A second request the same day meets the once-a-day rule.
    const again = ok(await h.call(HR, 'case.remind', { caseId }));
    expect(again.reminders).toHaveLength(1);
    expect(sentMessages(h)).toEqual([
      { to: 'employee', phrase: '每日提醒', at: '2027-03-03 15:00', errCode: 0 },
    ]);
    // The timer's own slots that day are skipped: one message a day.
    await h.cloud.clock.advance(3_600_000);
    expect(h.cloud.outbox()).toHaveLength(1);
    const view = ok(await h.call(HR, 'case.get', { caseId }));
    const decision = view.events.find(
      (e: { type: string; payload: { slot?: string } }) =>
        e.type === 'reminder.decision' && e.payload.slot === 'manual-2027-03-03',
    );
    expect(decision.actor).toEqual({ openid: HR, role: 'hr' });
  });

  it('is for HR only, and only when the employee has an open task', async () => {
    await start();
    const caseId = await caseInFormalities(h);
    expect((await h.call(MANAGER, 'case.remind', { caseId })).error.code).toBe('FORBIDDEN');
    await h.jumpTo('2027-03-01T22:00:00');
    expect((await h.call(HR, 'case.remind', { caseId })).error.details.guard).toBe('send_window');
  });
});

describe('transient errors', () => {
  it('are tried again at the next runs the same day, at most 3 more times', async () => {
    await start();
    const caseId = await caseInFormalities(h);
    // WeChat answers "system busy" (-1) to everything for a while.
    const busy = failNextSends(h, 'busy');
    await h.cloud.clock.advance(3 * 3_600_000); // runs at 10:00, 10:30, …, 12:30
    busy.restore();

    expect(busy.failed()).toBe(4);
    const view = ok(await h.call(HR, 'case.get', { caseId }));
    expect(view.reminders).toEqual([
      expect.objectContaining({ slot: 'd0', status: 'failed', errCode: -1, attempts: 4 }),
    ]);
    expect(
      view.events
        .filter((e: { type: string }) => e.type === 'reminder.decision')
        .map((e: { payload: { status: string } }) => e.payload.status),
    ).toEqual(['pending', 'pending', 'pending', 'failed']);
  });

  it('a retry that succeeds is one message', async () => {
    await start();
    const caseId = await caseInFormalities(h);
    failNextSends(h, 'network', 1);
    await h.cloud.clock.advance(45 * 60_000); // 10:00 fails on the network, 10:30 sends
    expect(sentMessages(h)).toEqual([
      { to: 'employee', phrase: '办理通知', at: '2027-03-01 10:30', errCode: 0 },
    ]);
    const view = ok(await h.call(HR, 'case.get', { caseId }));
    expect(view.reminders).toEqual([
      expect.objectContaining({ slot: 'd0', status: 'sent', attempts: 2 }),
    ]);
  });
});

describe('a retry after the task is done', () => {
  it('is not sent: the track stopped when the employee signed', async () => {
    await start();
    const caseId = await caseInFormalities(h);
    failNextSends(h, 'busy', 1);
    await h.cloud.clock.advance(15 * 60_000); // 10:00: WeChat busy
    await sign(h, caseId);
    await h.cloud.clock.advance(3_600_000);
    expect(sentMessages(h)).toEqual([]);
    const view = ok(await h.call(HR, 'case.get', { caseId }));
    expect(view.reminders).toEqual([
      expect.objectContaining({ slot: 'd0', status: 'skipped', errCode: -1, attempts: 1 }),
    ]);
  });
});
