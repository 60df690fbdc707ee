/**
 * Issue 14 on the local cloud, through the real functions: workshops (schedule, enrol with a
 * capacity two people race for, check-in by pass and by the session's code within the window,
 * the day-before reminder sent once by the timer) and 培训通知 (a new hire's, sent once they
 * are bound and subscribed; HR's push to a department, once per person).
 */
import {
  ADMIN,
  EMPLOYEE,
  grantAll,
  HR,
  type Json,
  MANAGER,
  type ReminderHarness,
  seedPeople,
  startReminderCloud,
} from './reminders-harness';

let h: ReminderHarness;

function data(result: Json): Json {
  if (!result?.ok) throw new Error(`call failed: ${JSON.stringify(result)}`);
  return result.data;
}

/** The reminders timer at a Beijing time (the clock moved there first). */
async function sweep(beijing: string): Promise<Json> {
  await h.jumpTo(beijing);
  return h.cloud.invokeAsTrigger('reminders', 'sweep', new Date(`${beijing}+08:00`));
}

const session = (over: Record<string, unknown> = {}) => ({
  title: '离职办理实操课',
  startsAt: '2027-03-10T14:00:00+08:00',
  endsAt: '2027-03-10T16:00:00+08:00',
  place: '3 楼大会议室',
  audience: 'employee',
  capacity: 2,
  ...over,
});

beforeEach(async () => {
  // The budget production runs with (a 60 s timeout): a busy test machine never cuts a run short.
  h = await startReminderCloud({ SWEEP_BUDGET_MS: '50000' });
  await h.jumpTo('2027-03-01T10:00:00');
  await seedPeople(h);
});

afterEach(async () => {
  await h.dispose();
});

async function bindNew(employeeNo: string, openid: string, department = '研发部') {
  data(
    await h.call(ADMIN, 'admin.import', {
      rows: [
        {
          employeeNo,
          name: `新人${employeeNo}`,
          department,
          position: '工程师',
          hireDate: '2027-03-01',
          probationEndDate: '2027-06-01',
        },
      ],
    }),
  );
  const { code } = data(await h.call(ADMIN, 'admin.bindingCode', { employeeNo }));
  data(await h.call(openid, 'me.bind', { employeeNo, code }));
}

describe('workshops', () => {
  it('HR schedules, people enrol up to the capacity, and attendance shows in the statistics', async () => {
    const saved = data(await h.call(HR, 'admin.workshopSave', session()));
    expect(saved).toMatchObject({ created: true, code: expect.stringMatching(/^[0-9A-Z]{8}$/) });
    const { workshopId } = saved;

    const listed = data(await h.call(EMPLOYEE, 'training.workshops', {}));
    expect(listed.workshops).toEqual([
      expect.objectContaining({ workshopId, mine: 'none', enrolled: 0, capacity: 2 }),
    ]);
    // The session code is HR's to show, not the attendees'.
    expect(listed.workshops[0].code).toBeUndefined();

    // Two people race for the last seat: one gets it.
    await bindNew('D101', 'd101-openid');
    await bindNew('D102', 'd102-openid');
    data(await h.call(EMPLOYEE, 'training.workshopEnrol', { workshopId }));
    const race = await Promise.all([
      h.call('d101-openid', 'training.workshopEnrol', { workshopId }),
      h.call('d102-openid', 'training.workshopEnrol', { workshopId }),
    ]);
    expect(race.filter((answer: Json) => answer.ok)).toHaveLength(1);
    expect(race.find((answer: Json) => !answer.ok)).toMatchObject({
      error: { code: 'PRECONDITION_FAILED', details: { guard: 'workshop_full' } },
    });
    const full = data(await h.call(HR, 'training.workshops', {}));
    expect(full.workshops[0]).toMatchObject({ enrolled: 2, attended: 0 });

    // A manager is not the audience of an employee session... but managers are employees too.
    const winner = race[0].ok ? 'd101-openid' : 'd102-openid';
    const loser = race[0].ok ? 'd102-openid' : 'd101-openid';
    // The winner gives the seat back; the other gets it.
    data(await h.call(winner, 'training.workshopCancel', { workshopId }));
    expect(data(await h.call(loser, 'training.workshopEnrol', { workshopId }))).toMatchObject({
      mine: 'enrolled',
      enrolled: 2,
    });

    // Before the window, a check-in is refused.
    const early = await h.call(EMPLOYEE, 'training.workshopCheckIn', {
      workshopId,
      code: saved.code,
    });
    expect(early).toMatchObject({ error: { details: { guard: 'check_in_window' } } });

    // 13:40, within the window: HR scans the employee's pass; the other scans the session code.
    await h.jumpTo('2027-03-10T13:40:00');
    const pass = data(await h.call(EMPLOYEE, 'training.workshopPass', { workshopId }));
    expect(pass.token).toMatch(/^[0-9A-Z]{8}$/);
    const checked = data(
      await h.call(HR, 'admin.workshopCheckIn', { workshopId, token: pass.token }),
    );
    expect(checked).toMatchObject({ employeeNo: 'D001', name: '张三', already: false });
    const again = data(
      await h.call(HR, 'admin.workshopCheckIn', {
        workshopId,
        token: `${pass.token.slice(0, 4)}-${pass.token.slice(4).toLowerCase()}`,
      }),
    );
    expect(again).toMatchObject({ employeeNo: 'D001', already: true });
    const wrongCode = await h.call(loser, 'training.workshopCheckIn', {
      workshopId,
      code: 'ZZZZZZZZ',
    });
    expect(wrongCode).toMatchObject({ error: { details: { guard: 'session_code' } } });
    expect(
      data(await h.call(loser, 'training.workshopCheckIn', { workshopId, code: saved.code })),
    ).toMatchObject({ already: false });

    // A pass goes stale: 11 minutes later the same code is refused.
    await h.jumpTo('2027-03-10T13:51:00');
    const stale = await h.call(HR, 'admin.workshopCheckIn', { workshopId, token: pass.token });
    expect(stale).toMatchObject({ error: { details: { guard: 'pass_valid' } } });

    // An attendee cannot cancel any more; the statistics count the session.
    const late = await h.call(EMPLOYEE, 'training.workshopCancel', { workshopId });
    expect(late).toMatchObject({ error: { details: { guard: 'already_attended' } } });
    const stats = data(
      await h.call(HR, 'admin.trainingStats', { from: '2027-03-01', to: '2027-03-31' }),
    );
    expect(stats.workshops).toEqual([
      {
        workshopId,
        title: '离职办理实操课',
        startsAt: expect.any(String),
        enrolled: 2,
        attended: 2,
      },
    ]);
  });

  it('refuses what HR may not schedule and what employees may not do', async () => {
    expect(
      await h.call(HR, 'admin.workshopSave', session({ endsAt: '2027-03-10T13:00:00+08:00' })),
    ).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { field: 'endsAt' } } });
    expect(await h.call(HR, 'admin.workshopSave', session({ capacity: 0 }))).toMatchObject({
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(await h.call(EMPLOYEE, 'admin.workshopSave', session())).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    const { workshopId } = data(
      await h.call(HR, 'admin.workshopSave', session({ audience: 'hr' })),
    );
    expect(await h.call(EMPLOYEE, 'training.workshopEnrol', { workshopId })).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
    expect(data(await h.call(EMPLOYEE, 'training.workshops', {})).workshops).toEqual([]);
    expect(
      await h.call(EMPLOYEE, 'admin.workshopCheckIn', { workshopId, token: 'ABCD1234' }),
    ).toMatchObject({
      error: { code: 'FORBIDDEN' },
    });
  });

  it('reminds the enrolled the day before, once, however often the timer runs', async () => {
    await grantAll(h, 5);
    const { workshopId } = data(await h.call(HR, 'admin.workshopSave', session({ capacity: 5 })));
    data(await h.call(EMPLOYEE, 'training.workshopEnrol', { workshopId }));
    data(await h.call(MANAGER, 'training.workshopEnrol', { workshopId }));
    const reminders = () =>
      h.cloud.outbox().filter((entry) => entry.templateId === h.templateFor('workshop'));

    await sweep('2027-03-08T10:00:00');
    expect(reminders()).toHaveLength(0);
    await sweep('2027-03-09T09:00:00');
    await h.jumpTo('2027-03-09T09:30:00');
    const at = new Date('2027-03-09T09:30:00+08:00');
    await Promise.all([
      h.cloud.invokeAsTrigger('reminders', 'sweep', at),
      h.cloud.invokeAsTrigger('reminders', 'sweep', at),
    ]);
    expect(
      reminders()
        .map((entry) => entry.touser)
        .sort(),
    ).toEqual([EMPLOYEE, MANAGER].sort());
    expect(reminders().every((entry) => entry.errCode === 0)).toBe(true);
    expect(JSON.stringify(reminders()[0]?.data)).toContain('离职办理实操课');

    // Someone enrolling after the reminder went out gets theirs at the next run; nobody twice.
    await h.jumpTo('2027-03-09T12:00:00');
    await bindNew('D101', 'd101-openid');
    await h.cloud.grantCredits('d101-openid', h.templateFor('workshop'), 1);
    data(await h.call('d101-openid', 'training.workshopEnrol', { workshopId }));
    await sweep('2027-03-09T12:30:00');
    await sweep('2027-03-09T13:00:00');
    expect(
      reminders()
        .map((entry) => entry.touser)
        .sort(),
    ).toEqual([EMPLOYEE, MANAGER, 'd101-openid'].sort());
  });
});

describe('培训通知', () => {
  it("a new hire's goes out once they are bound and subscribed, and only once", async () => {
    const notices = () =>
      h.cloud.outbox().filter((entry) => entry.templateId === h.templateFor('training_notice'));
    data(
      await h.call(HR, 'admin.import', {
        rows: [
          {
            employeeNo: 'N001',
            name: '新同事',
            department: '研发部',
            position: '工程师',
            hireDate: '2027-03-01',
            probationEndDate: '2027-06-01',
          },
        ],
      }),
    );
    // Not bound yet: it waits.
    await sweep('2027-03-01T10:30:00');
    expect(notices()).toHaveLength(0);

    const { code } = data(await h.call(HR, 'admin.bindingCode', { employeeNo: 'N001' }));
    data(await h.call('n001-openid', 'me.bind', { employeeNo: 'N001', code }));
    // Bound, not subscribed: still waiting (a message without a credit would be refused).
    await sweep('2027-03-01T12:45:00');
    expect(notices()).toHaveLength(0);

    // The phone reports the subscription (and WeChat holds the credit).
    const template = h.templateFor('training_notice');
    await h.cloud.grantCredits('n001-openid', template, 1);
    data(await h.call('n001-openid', 'subscription.record', { results: { [template]: 'accept' } }));
    // Looked at again once its wait is over: 2 hours after the first look, 4 after the second.
    await sweep('2027-03-01T13:30:00');
    expect(notices()).toHaveLength(0);
    await sweep('2027-03-01T17:00:00');
    await sweep('2027-03-01T18:00:00');
    expect(notices()).toHaveLength(1);
    expect(notices()[0]).toMatchObject({ touser: 'n001-openid', errCode: 0 });
    expect(JSON.stringify(notices()[0]?.data)).toContain('培训通知');

    // Importing the same person again queues nothing new.
    data(
      await h.call(HR, 'admin.import', {
        rows: [
          {
            employeeNo: 'N001',
            name: '新同事',
            department: '研发部',
            position: '高级工程师',
            hireDate: '2027-03-01',
            probationEndDate: '2027-06-01',
          },
        ],
      }),
    );
    await sweep('2027-03-02T10:00:00');
    expect(notices()).toHaveLength(1);
  });

  it('HR pushes a course to a department once per person', async () => {
    const first = data(
      await h.call(HR, 'admin.coursePush', { courseId: 'employee-rights', department: '研发部' }),
    );
    // M001 and D001 of 研发部.
    expect(first).toEqual({ queued: 2 });
    expect(
      data(
        await h.call(HR, 'admin.coursePush', { courseId: 'employee-rights', department: '研发部' }),
      ),
    ).toEqual({ queued: 0 });
    expect(
      await h.call(HR, 'admin.coursePush', { courseId: 'employee-rights', department: '无此部门' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      await h.call(EMPLOYEE, 'admin.coursePush', {
        courseId: 'employee-rights',
        department: '研发部',
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
