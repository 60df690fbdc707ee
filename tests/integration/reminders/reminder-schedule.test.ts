import {
  attachHandover,
  caseInFormalities,
  EMPLOYEE,
  grantAll,
  HR,
  ok,
  type ReminderHarness,
  seedPeople,
  sentMessages,
  sign,
  startReminderCloud,
  submitCase,
} from './reminders-harness';

const DAY = 86_400_000;
let h: ReminderHarness;

beforeEach(async () => {
  h = await startReminderCloud();
  await h.jumpTo('2027-03-01T09:50:00');
  await seedPeople(h);
  await grantAll(h, 30);
});
afterEach(() => h.dispose());

describe('the reminder schedule, driven by the 30-minute timer on the local clock', () => {
  it('sends the employee who never signs exactly the designed messages over 10 days', async () => {
    const caseId = await caseInFormalities(h);
    // Day by day, so every 30-minute tick of the timer fires in between.
    for (let day = 0; day < 10; day += 1) await h.cloud.clock.advance(DAY);
    await h.cloud.clock.advance(3_600_000);

    expect(sentMessages(h)).toEqual([
      { to: 'employee', phrase: '办理通知', at: '2027-03-01 10:00', errCode: 0 },
      { to: 'employee', phrase: '每日提醒', at: '2027-03-02 10:00', errCode: 0 },
      { to: 'employee', phrase: '每日提醒', at: '2027-03-03 10:00', errCode: 0 },
      { to: 'employee', phrase: '温馨提醒', at: '2027-03-04 10:00', errCode: 0 },
      { to: 'employee', phrase: '每日提醒', at: '2027-03-05 10:00', errCode: 0 },
      { to: 'employee', phrase: '每日提醒', at: '2027-03-06 10:00', errCode: 0 },
      { to: 'employee', phrase: '每日提醒', at: '2027-03-07 10:00', errCode: 0 },
      { to: 'employee', phrase: '严肃提醒', at: '2027-03-08 10:00', errCode: 0 },
      { to: 'hr', phrase: '预警通知', at: '2027-03-08 10:00', errCode: 0 },
      { to: 'employee', phrase: '严肃提醒', at: '2027-03-09 10:00', errCode: 0 },
      { to: 'employee', phrase: '严肃提醒', at: '2027-03-10 10:00', errCode: 0 },
      { to: 'employee', phrase: '严肃提醒', at: '2027-03-11 10:00', errCode: 0 },
    ]);

    // What the employee reads: the task, its deadline in Beijing time, the kind as a phrase.
    expect(h.cloud.outbox()[0]?.data).toEqual({
      thing1: { value: '签署《辞职书》' },
      time2: { value: '2027年3月4日 09:50' },
      phrase3: { value: '办理通知' },
      thing4: { value: '请于3日内签署《辞职书》' },
    });
    expect(h.cloud.outbox()[0]).not.toHaveProperty('page');

    // Every reminder is on the case, and every decision in its audit log.
    const view = ok(await h.call(HR, 'case.get', { caseId }));
    expect(view.reminders).toHaveLength(12);
    expect(view.reminders[0]).toMatchObject({
      track: 'employee_sign',
      slot: 'd0',
      kind: 'notice',
      phrase: '办理通知',
      recipient: 'employee',
      status: 'sent',
      dueAt: '2027-03-01T01:50:00.000Z',
      sentAt: '2027-03-01T02:00:00.000Z',
      attempts: 1,
    });
    const decisions = view.events.filter((e: { type: string }) => e.type === 'reminder.decision');
    expect(decisions).toHaveLength(12);
    expect(decisions[0]).toMatchObject({
      actor: { openid: 'system', role: 'system' },
      payload: { kind: 'notice', status: 'sent', recipient: 'employee' },
    });
    expect(ok(await h.call(HR, 'case.evidence', { caseId })).valid).toBe(true);
  });

  it('stops the moment the employee signs (day 2): nothing after', async () => {
    const caseId = await caseInFormalities(h);
    await h.cloud.clock.advance(DAY + 2 * 3_600_000); // 2027-03-02 11:50
    await sign(h, caseId);
    for (let day = 0; day < 9; day += 1) await h.cloud.clock.advance(DAY);

    expect(sentMessages(h)).toEqual([
      { to: 'employee', phrase: '办理通知', at: '2027-03-01 10:00', errCode: 0 },
      { to: 'employee', phrase: '每日提醒', at: '2027-03-02 10:00', errCode: 0 },
    ]);
    // Only the legal deadlines (weeks away) keep the case on the schedule.
    const stored = await h.cloud.cloud.database().collection('cases').where({ _id: caseId }).get();
    expect(stored.data[0]?.nextReminderAt).toBe('2027-03-28T01:00:00.000Z');
  });

  it('reminds the manager after 2 days without a review, daily, and alerts HR on day 4', async () => {
    const caseId = await submitCase(h);
    await attachHandover(h, caseId);
    for (let day = 0; day < 5; day += 1) await h.cloud.clock.advance(DAY);
    await h.cloud.clock.advance(3_600_000);

    expect(sentMessages(h)).toEqual([
      { to: 'manager', phrase: '审批提醒', at: '2027-03-04 10:00', errCode: 0 },
      { to: 'manager', phrase: '审批提醒', at: '2027-03-05 10:00', errCode: 0 },
      { to: 'hr', phrase: '预警通知', at: '2027-03-05 10:00', errCode: 0 },
      { to: 'manager', phrase: '审批提醒', at: '2027-03-06 10:00', errCode: 0 },
    ]);
  });

  it('holds a slot due at night until 09:00 Beijing', async () => {
    await h.jumpTo('2027-03-01T21:10:00');
    await submitCase(h); // handover list missing: the employee's task starts now
    await h.cloud.clock.advance(12 * 3_600_000);
    expect(sentMessages(h)).toEqual([
      { to: 'employee', phrase: '办理通知', at: '2027-03-02 09:00', errCode: 0 },
    ]);
    expect(h.cloud.outbox()[0]?.data).toMatchObject({
      thing1: { value: '上传工作交接清单' },
    });
  });

  it('answers me.get with the credit estimate, one less for each message WeChat accepted', async () => {
    const template = h.templateFor('notice');
    ok(
      await h.call(EMPLOYEE, 'subscription.record', {
        results: { [template]: 'accept' },
      }),
    );
    ok(await h.call(EMPLOYEE, 'subscription.record', { results: { [template]: 'accept' } }));
    expect(ok(await h.call(EMPLOYEE, 'me.get')).subscriptions.notice).toBe(2);
    await caseInFormalities(h);
    await h.cloud.clock.advance(DAY + 3_600_000);
    // The notice and the day-1 reminder went out.
    expect(ok(await h.call(EMPLOYEE, 'me.get')).subscriptions.notice).toBe(0);
  });
});
