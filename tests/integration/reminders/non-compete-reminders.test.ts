/**
 * 劳动合同法 第23条: an enforced non-compete is compensated monthly after the departure. The
 * reminder timer tells HR on each compensation date, warning that three months unpaid lets the
 * employee end the obligation (最高法 劳动争议解释(一) 第38条): once per date, also after the
 * case is closed, and never after the last month.
 */
import {
  ADMIN,
  attachHandover,
  EMPLOYEE,
  grantAll,
  HR,
  MANAGER,
  ok,
  type ReminderHarness,
  seedPeople,
  sentMessages,
  sign,
  startReminderCloud,
  submitCase,
} from './reminders-harness';

let h: ReminderHarness;

beforeEach(async () => {
  h = await startReminderCloud();
  await h.jumpTo('2027-03-01T09:50:00');
  await seedPeople(h);
  await grantAll(h, 30);
});
afterEach(() => h.dispose());

/**
 * D001's contract has a non-compete clause; they leave today (2027-03-01) by agreement, HR
 * enforces the restriction for `months` months at 3000 a month, and the case is closed.
 */
async function closedWithNonCompete(decision: 'enforced' | 'released', months = 3) {
  ok(
    await h.call(ADMIN, 'admin.import', {
      rows: [
        {
          employeeNo: 'D001',
          name: '张三',
          department: '研发部',
          position: '工程师',
          managerNo: 'M001',
          hireDate: '2022-03-01',
          probationEndDate: '2022-06-01',
          contractStart: '2022-03-01',
          nonCompete: true,
        },
      ],
    }),
  );
  const caseId = await submitCase(h);
  await attachHandover(h, caseId);
  ok(await h.call(MANAGER, 'case.review', { caseId, decision: 'approve' }));
  ok(
    await h.call(EMPLOYEE, 'case.consentLastWorkingDay', {
      caseId,
      lastWorkingDay: '2027-03-01',
    }),
  );
  ok(
    await h.call(HR, 'case.hrConfirm', {
      caseId,
      lastWorkingDay: '2027-03-01',
      earlyReleaseProposedBy: 'employee',
    }),
  );
  await sign(h, caseId);
  const view = ok(await h.call(HR, 'case.get', { caseId }));
  for (const { item } of view.checklist as { item: string }[]) {
    if (item === 'sign_letter' || item === 'non_compete_decided') continue;
    ok(
      await h.call(item === 'handover_confirmed' ? MANAGER : HR, 'case.checklist', {
        caseId,
        item,
        done: true,
        ...(item === 'certificate_issued' ? { note: '纸质离职证明已交付' } : {}),
      }),
    );
  }
  ok(
    await h.call(
      HR,
      'case.nonCompete',
      decision === 'enforced'
        ? { caseId, decision, months, monthlyCompensation: 3000 }
        : { caseId, decision },
    ),
  );
  ok(await h.call(HR, 'case.close', { caseId }));
  return caseId;
}

/** The messages HR got about non-compete compensation, by their task line. */
function compensationMessages(): { at: string; task: string; note: string }[] {
  const rows = sentMessages(h);
  return h.cloud
    .outbox()
    .map((entry, i) => {
      const values = Object.values(entry.data as Record<string, { value: string }>).map(
        (v) => v.value,
      );
      return {
        to: rows[i]?.to,
        at: rows[i]?.at ?? '',
        task: values.find((v) => v.includes('竞业限制补偿')) ?? '',
        note: values.find((v) => v.includes('员工可请求解除')) ?? '',
      };
    })
    .filter((m) => m.to === 'hr' && m.task !== '')
    .map(({ at, task, note }) => ({ at, task, note }));
}

/** Runs the 30-minute timer through the Beijing day `date` (from 08:00 to 12:00). */
async function throughMorningOf(date: string): Promise<void> {
  await h.jumpTo(`${date}T08:00:00`);
  await h.cloud.clock.advance(4 * 3_600_000);
}

describe('non-compete compensation reminders (劳动合同法 第23条, 解释(一) 第38条)', () => {
  it('reminds HR on each compensation date of an enforced restriction, once each, after closing too', async () => {
    const caseId = await closedWithNonCompete('enforced', 3);
    const closed = ok(await h.call(HR, 'case.get', { caseId }));
    expect(closed.case.state).toBe('completed');

    for (const date of ['2027-03-31', '2027-04-01', '2027-04-02']) await throughMorningOf(date);
    // Twice more on the same day: the record made before the send stops a second message.
    await h.cloud.fireTrigger('reminders');
    await h.cloud.fireTrigger('reminders');
    for (const date of ['2027-05-01', '2027-06-01', '2027-07-01', '2027-08-01']) {
      await throughMorningOf(date);
    }

    expect(compensationMessages()).toEqual([
      {
        at: '2027-04-01 09:00',
        task: '支付竞业限制补偿（第1/3期）',
        note: '法定时限：3个月未付，员工可请求解除',
      },
      {
        at: '2027-05-01 09:00',
        task: '支付竞业限制补偿（第2/3期）',
        note: '法定时限：3个月未付，员工可请求解除',
      },
      {
        at: '2027-06-01 09:00',
        task: '支付竞业限制补偿（第3/3期）',
        note: '法定时限：3个月未付，员工可请求解除',
      },
    ]);
    // The kind is 法定时限, and every one is on the case with its decision in the log.
    expect(
      sentMessages(h).filter((m) => m.to === 'hr' && m.at.endsWith('09:00') && m.at > '2027-03-31'),
    ).toEqual([
      { to: 'hr', phrase: '法定时限', at: '2027-04-01 09:00', errCode: 0 },
      { to: 'hr', phrase: '法定时限', at: '2027-05-01 09:00', errCode: 0 },
      { to: 'hr', phrase: '法定时限', at: '2027-06-01 09:00', errCode: 0 },
    ]);
    const view = ok(await h.call(HR, 'case.get', { caseId }));
    const rows = (view.reminders as { track: string; slot: string; status: string }[]).filter(
      (r) => r.track === 'non_compete_compensation',
    );
    expect(rows.map((r) => [r.slot, r.status])).toEqual([
      ['pay-2027-04-01', 'sent'],
      ['pay-2027-05-01', 'sent'],
      ['pay-2027-06-01', 'sent'],
    ]);
    // Past the last month the case leaves the timer's due index.
    const stored = (await h.cloud.cloud.database().collection('cases').doc(caseId).get()).data as {
      nextReminderAt: string | null;
    };
    expect(stored.nextReminderAt).toBeNull();
    expect(ok(await h.call(HR, 'case.evidence', { caseId })).valid).toBe(true);
  });

  it('sends nothing for a released restriction', async () => {
    await closedWithNonCompete('released');
    for (const date of ['2027-04-01', '2027-05-01']) await throughMorningOf(date);
    expect(compensationMessages()).toEqual([]);
  });
});
