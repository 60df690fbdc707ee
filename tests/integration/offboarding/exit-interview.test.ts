/**
 * 离职面谈 (issue 17 item 2) and HR reaching the employee (item 5): the questionnaire is the
 * employee's to answer or not (劳动合同法 第37条: a resignation needs nobody's consent), kept
 * apart from the case and its chain, seen by HR only as counts; the roster's mobile reaches HR
 * and the manager on a row that needs a call, and the call and HR's reminder note go on the case.
 */
import { interviewAnswers } from './action-scenes';
import type { Person } from '../../../tools/demo/demo-company';
import { type Company, startCompany } from './company-harness';

let company: Company;
let hr: string;
let manager: string;
beforeAll(async () => {
  company = await startCompany();
  hr = company.person('H001').openid;
  manager = company.person('M001').openid;
}, 60_000);
afterAll(() => company.dispose());

interface InterviewView {
  version: number;
  canAnswer: boolean;
  voluntary: string;
  questions: { questionId: string; kind: string; options?: { value: string }[] }[];
  answers?: { questionId: string; value: string | number }[];
  answered?: boolean;
  note?: { text: string };
}

interface Stats {
  version: number;
  respondents: number;
  departments: { department: string; respondents: number }[];
  distribution: {
    questionId: string;
    answered: number;
    counts: { value: string; count: number }[];
    average?: number | null;
  }[];
  freeText: { shown: boolean; reason?: string; answers: { questionId: string; texts: string[] }[] };
}

async function answer(
  owner: Person,
  caseId: string,
  choice: string,
  scale: number,
  text: string,
): Promise<void> {
  const { version } = await interviewAnswers(company, owner.openid, caseId);
  await company.must(owner.openid, 'interview.submit', {
    caseId,
    version,
    answers: [
      { questionId: 'main-reason', value: choice },
      { questionId: 'team', value: scale },
      { questionId: 'improve', value: text },
    ],
  });
}

describe('离职面谈', () => {
  it('an employee answers after submitting; HR sees the counts, the manager nothing', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner);
    const before = await company.must<{ case: { version: number } }>(hr, 'case.get', { caseId });

    const shown = await company.must<InterviewView>(owner.openid, 'interview.get', { caseId });
    expect(shown).toMatchObject({
      canAnswer: true,
      voluntary: '自愿填写，不影响任何离职手续',
      answers: [],
    });
    expect(shown.questions.map((q) => q.kind)).toEqual(
      expect.arrayContaining(['single', 'scale', 'text']),
    );
    await answer(owner, caseId, 'growth', 2, '希望晋升标准公开透明');

    const mine = await company.must<InterviewView>(owner.openid, 'interview.get', { caseId });
    expect(mine.answers).toEqual(
      expect.arrayContaining([
        { questionId: 'main-reason', value: 'growth' },
        { questionId: 'team', value: 2 },
      ]),
    );

    // HR: whether the employee answered, never the answers themselves.
    const hrView = await company.must<InterviewView>(hr, 'interview.get', { caseId });
    expect(hrView.answered).toBe(true);
    expect(JSON.stringify(hrView)).not.toContain('growth');
    expect(JSON.stringify(hrView)).not.toContain('晋升');

    // The manager: refused, and no view of the case carries the answers.
    expect(await company.call(manager, 'interview.get', { caseId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await company.call(manager, 'admin.interviewStats', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const managerCase = await company.must(manager, 'case.get', { caseId });
    expect(JSON.stringify(managerCase)).not.toMatch(/growth|晋升标准/);

    // Apart from the evidence chain: the case did not change, no event carries the answers.
    const after = await company.must<{ case: { version: number }; events: unknown[] }>(
      hr,
      'case.get',
      { caseId },
    );
    expect(after.case.version).toBe(before.case.version);
    expect(JSON.stringify(after.events)).not.toMatch(/growth|晋升标准|interview/);

    const stats = await company.must<Stats>(hr, 'admin.interviewStats', {});
    expect(stats.respondents).toBeGreaterThanOrEqual(1);
    const reasons = stats.distribution.find((d) => d.questionId === 'main-reason');
    expect(reasons?.counts.find((c) => c.value === 'growth')?.count).toBeGreaterThanOrEqual(1);
    expect(stats.departments.map((d) => d.department)).toContain('研发部');
  });

  it('counts by department and period; free text only with the setting, without names', async () => {
    const owners: Person[] = [];
    for (const [choice, scale, text] of [
      ['pay', 3, '加班太多'],
      ['pay', 5, '同事很好'],
      ['family', 4, '食堂可以改进'],
    ] as const) {
      const owner = await company.hire('M002');
      owners.push(owner);
      const { caseId } = await company.submitted(owner);
      await answer(owner, caseId, choice, scale, text);
    }
    const market = await company.must<Stats>(hr, 'admin.interviewStats', {
      department: '市场部',
    });
    expect(market.respondents).toBe(3);
    const reasons = market.distribution.find((d) => d.questionId === 'main-reason');
    expect(reasons?.counts.find((c) => c.value === 'pay')?.count).toBe(2);
    expect(reasons?.counts.find((c) => c.value === 'family')?.count).toBe(1);
    expect(market.distribution.find((d) => d.questionId === 'team')?.average).toBe(4);
    // Off by default: no free text at all.
    expect(market.freeText).toMatchObject({ shown: false, answers: [] });
    expect(JSON.stringify(market)).not.toContain('加班太多');

    // A period before any of these notices: nothing counted.
    const empty = await company.must<Stats>(hr, 'admin.interviewStats', {
      from: '2020-01-01',
      to: '2020-12-31',
      department: '市场部',
    });
    expect(empty.respondents).toBe(0);

    await company.cloud.cloud
      .database()
      .collection('settings')
      .doc('company')
      .set({ data: { interviewFreeTextInStats: true } });
    // Settings are read again once the warm instance's minute is over.
    await company.cloud.clock.jump(new Date(company.cloud.clock.now().getTime() + 61_000));
    const listed = await company.must<Stats>(hr, 'admin.interviewStats', {
      department: '市场部',
    });
    expect(listed.freeText.shown).toBe(true);
    expect(listed.freeText.answers.find((a) => a.questionId === 'improve')?.texts).toEqual(
      expect.arrayContaining(['加班太多', '同事很好', '食堂可以改进']),
    );
    const text = JSON.stringify(listed.freeText);
    for (const owner of owners) {
      expect(text).not.toContain(owner.employeeNo);
      expect(text).not.toContain(owner.name);
    }
    // Fewer than three interviews in the selection: the words could name the person.
    const few = await company.must<Stats>(hr, 'admin.interviewStats', {
      department: '市场部',
      from: '2020-01-01',
      to: '2020-12-31',
    });
    expect(few.freeText).toMatchObject({ shown: false, answers: [] });
    expect(few.freeText.reason).toContain('不足 3 份');
    await company.cloud.cloud.database().collection('settings').doc('company').remove();
  });

  it('劳动合同法 第37条: a case closes without any interview, and no step waits for one', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.closeable(owner);
    const view = await company.must<{ checklist: { item: string }[]; allowedActions: unknown[] }>(
      hr,
      'case.get',
      { caseId },
    );
    expect(JSON.stringify(view.checklist)).not.toMatch(/interview|面谈/);
    const closed = await company.must<{ state: string }>(hr, 'case.close', { caseId });
    expect(closed.state).toBe('completed');
    // Finished: the answers may no longer be given or changed.
    const late = await company.call(owner.openid, 'interview.submit', {
      caseId,
      ...(await interviewAnswers(company, owner.openid, caseId)),
    });
    expect(late).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  });

  it('HR keeps a note of an in-person interview that only HR reads', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.formalities(owner);
    await company.must(hr, 'case.interviewNote', { caseId, note: '当面面谈：希望保持联系' });
    const hrView = await company.must<InterviewView>(hr, 'interview.get', { caseId });
    expect(hrView).toMatchObject({ answered: false, note: { text: '当面面谈：希望保持联系' } });
    const ownView = await company.must<InterviewView>(owner.openid, 'interview.get', { caseId });
    expect(ownView.note).toBeUndefined();
    const caseView = await company.must(hr, 'case.get', { caseId });
    expect(JSON.stringify(caseView)).not.toContain('希望保持联系');
  });

  it('HR edits the questions; a stale version or a bad question is refused', async () => {
    const { version } = await company.must<Stats>(hr, 'admin.interviewStats', {});
    const bad = await company.call(hr, 'admin.interviewQuestionsSave', {
      baseVersion: version,
      questions: [{ questionId: 'only', kind: 'single', text: '只有一个选项', options: [] }],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const questions = [
      {
        questionId: 'main-reason',
        kind: 'single',
        text: '你离开的主要原因？',
        options: [
          { value: 'pay', label: '薪酬福利' },
          { value: 'growth', label: '职业发展' },
        ],
      },
      { questionId: 'team', kind: 'scale', text: '你对团队氛围满意吗？' },
      { questionId: 'improve', kind: 'text', text: '你希望公司改进什么？' },
    ];
    const saved = await company.must<{ version: number }>(hr, 'admin.interviewQuestionsSave', {
      baseVersion: version,
      questions,
    });
    expect(saved.version).toBe(version + 1);
    const stale = await company.call(hr, 'admin.interviewQuestionsSave', {
      baseVersion: version,
      questions,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner);
    const shown = await company.must<InterviewView>(owner.openid, 'interview.get', { caseId });
    expect(shown.version).toBe(version + 1);
    expect(shown.questions.find((q) => q.questionId === 'main-reason')?.options).toHaveLength(2);
  });
});

describe('HR reaches the employee', () => {
  it('the mobile shows on a row that needs a call, for HR and the manager; the call and the note go on the case', async () => {
    const owner = await company.hire('M001');
    await company.must(hr, 'admin.import', {
      rows: [
        {
          employeeNo: owner.employeeNo,
          name: owner.name,
          department: '研发部',
          position: '工程师',
          managerNo: 'M001',
          hireDate: '2024-01-02',
          probationEndDate: '2024-04-01',
          mobile: '13912345678',
        },
      ],
    });
    const { caseId } = await company.formalities(owner);

    // HR's manual reminder with its own note; the employee has no credit (43101): 需电话联系.
    await company.must(hr, 'case.remind', { caseId, note: '请今天内签署辞职书' });
    const sent = company.cloud.outbox().filter((m) => m.touser === owner.openid);
    expect(sent[sent.length - 1]?.data).toMatchObject({ thing4: { value: '请今天内签署辞职书' } });

    const hrCase = await company.must<{
      case: { needsCall: boolean };
      contact?: { mobile: string };
      events: { type: string; payload?: Record<string, unknown> }[];
    }>(hr, 'case.get', { caseId });
    expect(hrCase.case.needsCall).toBe(true);
    expect(hrCase.contact).toEqual({ mobile: '13912345678' });
    expect(hrCase.events).toContainEqual(
      expect.objectContaining({
        type: 'reminder.decision',
        payload: expect.objectContaining({ note: '请今天内签署辞职书' }),
      }),
    );

    for (const viewer of [hr, manager]) {
      const board = await company.must<{ rows: { caseId: string; mobile?: string }[] }>(
        viewer,
        'admin.board',
        { q: owner.employeeNo },
      );
      expect(board.rows.find((r) => r.caseId === caseId)?.mobile).toBe('13912345678');
    }
    // Not the employee, not another manager.
    const own = await company.must(owner.openid, 'case.get', { caseId });
    expect(JSON.stringify(own)).not.toContain('13912345678');
    const other = await company.must<{ rows: { caseId: string }[] }>(
      company.person('M002').openid,
      'admin.board',
      { q: owner.employeeNo },
    );
    expect(other.rows).toEqual([]);

    await company.must(manager, 'case.recordContact', {
      caseId,
      method: 'phone',
      note: '已电话提醒签署',
    });
    const logged = await company.must<{
      events: { type: string; payload?: Record<string, unknown> }[];
    }>(hr, 'case.get', { caseId });
    expect(logged.events).toContainEqual(
      expect.objectContaining({
        type: 'case.contact',
        payload: { method: 'phone', note: '已电话提醒签署' },
      }),
    );
    // The chain still replays with the call on it.
    const evidence = await company.must<{ valid: boolean }>(hr, 'case.evidence', { caseId });
    expect(evidence.valid).toBe(true);
  });

  it('refuses a mobile that is not a mainland number, and a reminder note over 20 characters', async () => {
    const refused = await company.call(hr, 'admin.import', {
      rows: [
        {
          employeeNo: 'Z901',
          name: '号码错误',
          department: '研发部',
          position: '工程师',
          hireDate: '2024-01-02',
          probationEndDate: '2024-04-01',
          mobile: '12345678901',
        },
      ],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const owner = await company.hire('M001');
    const { caseId } = await company.formalities(owner);
    const long = await company.call(hr, 'case.remind', { caseId, note: '请'.repeat(21) });
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});
