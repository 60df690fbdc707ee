/**
 * `admin.trialSend` on the local cloud: on launch day an admin sends themselves one message
 * per configured template, through the reminders' own send path, and reads WeChat's verdict
 * per template, so a refused phrase or field is found before an employee's reminder meets it.
 */
import { ACTION_RESULTS } from '../../../server/contract/action-results';
import {
  ADMIN,
  EMPLOYEE,
  HR,
  ok,
  type ReminderHarness,
  seedPeople,
  startReminderCloud,
} from './reminders-harness';

let h: ReminderHarness;
let templates: { employee: string; manager: string; hr: string; training: string };

beforeEach(async () => {
  h = await startReminderCloud();
  await h.jumpTo('2027-03-01T10:00:00');
  await seedPeople(h);
  templates = {
    employee: h.templateFor('notice'),
    manager: h.templateFor('manager_review'),
    hr: h.templateFor('hr_alert'),
    training: h.templateFor('workshop'),
  };
});
afterEach(async () => {
  jest.restoreAllMocks();
  await h.dispose();
});

/** What an admin's "allow" in the popup gives: one message per template. */
async function adminAccepts(): Promise<void> {
  for (const id of Object.values(templates)) await h.cloud.grantCredits(ADMIN, id, 1);
}

async function saveSettings(data: Record<string, unknown>): Promise<void> {
  await h.cloud.cloud.database().collection('settings').doc('company').set({ data });
}

interface TrialResult {
  kind: string;
  templateId: string;
  phrase: string;
  errCode: number;
  errMsg: string;
  field?: string;
}

async function trialSend(
  openid = ADMIN,
): Promise<{ results: TrialResult[]; reads: number; writes: number }> {
  const { result, roundTrips } = await h.cloud.invokeWithStats(
    'offboarding',
    { action: 'admin.trialSend', payload: {} },
    { openid },
  );
  const data = ok<{ results: TrialResult[] }>(result);
  // What the function answers is what the contract promises the client.
  ACTION_RESULTS['admin.trialSend'].parse(data);
  return { results: data.results, ...roundTrips };
}

/** The outbox's data of the message to a template, by field key. */
function sentData(templateId: string): Record<string, string> {
  const entry = h.cloud.outbox().find((e) => e.templateId === templateId);
  if (!entry) throw new Error(`nothing sent with ${templateId}`);
  const data = entry.data as Record<string, { value: string }>;
  return Object.fromEntries(Object.entries(data).map(([key, { value }]) => [key, value]));
}

describe('admin.trialSend', () => {
  it('sends the calling admin one message per configured template and answers WeChat’s verdict for each', async () => {
    await adminAccepts();

    const { results, writes } = await trialSend();

    expect(results).toEqual([
      {
        kind: 'notice',
        templateId: templates.employee,
        phrase: '办理通知',
        errCode: 0,
        errMsg: expect.any(String),
      },
      {
        kind: 'hr_alert',
        templateId: templates.hr,
        phrase: '预警通知',
        errCode: 0,
        errMsg: expect.any(String),
      },
      {
        kind: 'manager_review',
        templateId: templates.manager,
        phrase: '审批提醒',
        errCode: 0,
        errMsg: expect.any(String),
      },
      // The training template (workshop reminders and 培训通知): tried as its first kind.
      {
        kind: 'workshop',
        templateId: templates.training,
        phrase: '培训提醒',
        errCode: 0,
        errMsg: expect.any(String),
      },
    ]);
    // To the admin from ADMIN_OPENIDS, bound to no one: the OPENID WeChat gave the call.
    expect(h.cloud.outbox().map((e) => [e.touser, e.errCode])).toEqual([
      [ADMIN, 0],
      [ADMIN, 0],
      [ADMIN, 0],
      [ADMIN, 0],
    ]);
    expect(sentData(templates.employee)).toEqual({
      thing1: '离职通消息试发送',
      time2: '2027年3月1日 10:00',
      phrase3: '办理通知',
      thing4: '上线前检查，无需处理',
    });
    // The HR template has no phrase field: the phrase leads its note, as in a reminder.
    expect(sentData(templates.hr).thing4).toBe('预警通知：上线前检查，无需处理');
    // Records nothing: no reminder (so no once-a-day slot is used), no event, no alert.
    expect(writes).toBe(0);
  });

  it('answers 43101 for a template the admin did not allow, and sends the others', async () => {
    await h.cloud.grantCredits(ADMIN, templates.employee, 1);

    const { results } = await trialSend();

    expect(results.map((r) => [r.kind, r.errCode])).toEqual([
      ['notice', 0],
      ['hr_alert', 43101],
      ['manager_review', 43101],
      ['workshop', 43101],
    ]);
  });

  it('tries the phrase the company configured for a template, and refuses one that is not 1–5 Chinese characters', async () => {
    await adminAccepts();
    // The refusal is logged in the function's log (the settings repository's tests read it).
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await saveSettings({
      templatePhrases: {
        [templates.employee]: { serious: '逾期提醒' },
        // Six characters: WeChat would refuse it; the kind's own phrase goes out instead.
        [templates.manager]: { manager_review: '审批催办通知' },
      },
    });

    const { results } = await trialSend();

    // The employee template is tried as the kind with the company's own word.
    expect(results.map((r) => [r.kind, r.phrase, r.errCode])).toEqual([
      ['serious', '逾期提醒', 0],
      ['hr_alert', '预警通知', 0],
      ['manager_review', '审批提醒', 0],
      ['workshop', '培训提醒', 0],
    ]);
    expect(sentData(templates.employee).phrase3).toBe('逾期提醒');
    expect(sentData(templates.manager).phrase4).toBe('审批提醒');
  });

  it('names the field WeChat refused (47003), and still records nothing', async () => {
    await adminAccepts();
    // Keys copied in another account's order: this template has no phrase2.
    await saveSettings({
      templateFields: { [templates.employee]: ['thing1', 'phrase2', 'time3', 'thing4'] },
    });

    const { results, writes } = await trialSend();

    expect(results[0]).toEqual({
      kind: 'notice',
      templateId: templates.employee,
      phrase: '办理通知',
      errCode: 47003,
      errMsg: expect.stringContaining('data.phrase2'),
      field: 'phrase2',
    });
    expect(results.slice(1).map((r) => r.errCode)).toEqual([0, 0, 0]);
    expect(writes).toBe(0);
  });

  it('reads the settings fresh: a change saved a moment ago is what is tried', async () => {
    await adminAccepts();
    // A warm instance: these calls left the settings cached.
    ok(await h.call(HR, 'meta.get'));
    await saveSettings({ templatePhrases: { [templates.employee]: { daily: '今日待办' } } });

    const { results } = await trialSend();

    expect(results[0]).toMatchObject({ kind: 'daily', phrase: '今日待办', errCode: 0 });
  });

  it('refuses HR and employees (FORBIDDEN) and sends nothing', async () => {
    await h.cloud.grantCredits(HR, templates.hr, 1);

    for (const openid of [HR, EMPLOYEE]) {
      const answer = await h.call(openid, 'admin.trialSend', {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(h.cloud.outbox()).toEqual([]);
  });
});
