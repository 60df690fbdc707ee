/**
 * 模拟离职流程 (issue 14): a sandbox resignation on the real case machine that no board,
 * statistic, reminder or OA callback ever sees, that never blocks a real resignation, and whose
 * sandbox case is deleted when it is finished, the result kept. Quizzes passed plus the
 * practice make the person 已掌握.
 */
import { DEFAULT_COURSES } from '../../../server/domain/training-default-courses';
import { PDF_BYTES, type Person, PNG_BYTES } from '../../../tools/demo/demo-company';
import { roundTripBudget } from './action-scenes';
import { type Company, startCompany, unique } from './company-harness';

let company: Company;
beforeAll(async () => {
  company = await startCompany();
}, 60_000);
afterAll(() => company.dispose());

interface Practice {
  practiceId: string;
  sandbox: true;
  node: string;
  steps: { node: string; explanation: string }[];
  letter: { text: string; hash: string } | null;
  completed: boolean;
}

const hr = () => company.person('H001').openid;

/** Every step of a practice, each within the round-trip budget of an action. */
async function practise(person: Person): Promise<Practice> {
  const step = async (payload: Record<string, unknown>) => {
    const { answer, reads, writes } = await company.measured(
      person.openid,
      'training.practiceStep',
      payload,
    );
    if (!answer.ok) throw new Error(`${String(payload.step)}: ${answer.error.message}`);
    expect({
      step: payload.step,
      withinBudget: reads + writes <= roundTripBudget('training.practiceStep', payload),
    }).toEqual({
      step: payload.step,
      withinBudget: true,
    });
    return answer.data as Practice;
  };
  const started = await company.must<Practice>(person.openid, 'training.practiceStart');
  const { practiceId } = started;
  await step({ practiceId, step: 'submit' });
  const handover = await company.upload(
    person.openid,
    `cases/${practiceId}/handover_checklist/sample.pdf`,
    PDF_BYTES,
  );
  const confirmed = await step({ practiceId, step: 'handover', fileId: handover });
  if (!confirmed.letter) throw new Error('no letter to sign');
  const signature = await company.upload(
    person.openid,
    `cases/${practiceId}/signature/sign.png`,
    PNG_BYTES,
  );
  await step({
    practiceId,
    step: 'sign',
    signatureFileId: signature,
    letterHash: confirmed.letter.hash,
    consent: true,
  });
  return step({ practiceId, step: 'finish' });
}

async function passEveryEmployeeQuiz(person: Person): Promise<void> {
  for (const course of DEFAULT_COURSES.filter((c) => c.audience === 'employee')) {
    const { attemptId, questions } = await company.must<{
      attemptId: string;
      questions: { questionId: string }[];
    }>(person.openid, 'training.quizStart', { courseId: course.courseId });
    await company.must(person.openid, 'training.quizSubmit', {
      attemptId,
      answers: questions.map((q) => ({
        questionId: q.questionId,
        optionIds:
          course.questions
            .find((candidate) => candidate.questionId === q.questionId)
            ?.options.filter((option) => option.correct)
            .map((option) => option.optionId) ?? [],
      })),
    });
  }
}

const countOf = async (collection: string) =>
  (await company.cloud.cloud.database().collection(collection).count()).total;

it('walks the learner through every node, the manager and HR played by the system', async () => {
  const learner = await company.hire('M001');
  const done = await practise(learner);

  expect(done).toMatchObject({ sandbox: true, node: 'completed', completed: true, letter: null });
  expect(done.steps.map((s) => s.node)).toEqual([
    'start',
    'submitted',
    'handover',
    'approved',
    'confirmed',
    'signed',
    'completed',
  ]);
  expect(done.steps.find((s) => s.node === 'approved')?.explanation).toContain('系统扮演部门经理');
  expect(done.steps.find((s) => s.node === 'confirmed')?.explanation).toContain('第50条');
});

it('never reaches the board, the statistics, the reminders or the OA, and never blocks a real resignation', async () => {
  const learner = await company.hire('M001');
  const today = new Date(company.cloud.clock.now().getTime() + 8 * 3_600_000)
    .toISOString()
    .slice(0, 10);
  const stats = { from: '2026-01-01', to: today };
  await company.cloud.fireTrigger('reminders');
  const before = {
    board: await company.must(hr(), 'admin.board', {}),
    managerBoard: await company.must(company.person('M001').openid, 'admin.board', {}),
    stats: await company.must(hr(), 'admin.stats', stats),
    outbox: company.cloud.outbox().length,
    cases: await countOf('cases'),
    locks: await countOf('case_locks'),
    oa: await countOf('oa_callbacks'),
  };

  const started = await company.must<Practice>(learner.openid, 'training.practiceStart');
  await company.must(learner.openid, 'training.practiceStep', {
    practiceId: started.practiceId,
    step: 'submit',
  });
  // Half-way through the practice: still nothing anywhere.
  await company.cloud.fireTrigger('reminders');
  const during = {
    board: await company.must(hr(), 'admin.board', {}),
    managerBoard: await company.must(company.person('M001').openid, 'admin.board', {}),
    stats: await company.must(hr(), 'admin.stats', stats),
    outbox: company.cloud.outbox().length,
    cases: await countOf('cases'),
    locks: await countOf('case_locks'),
    oa: await countOf('oa_callbacks'),
  };
  expect(during).toEqual(before);
  await practise(learner);
  await company.cloud.fireTrigger('reminders');
  const after = {
    board: await company.must(hr(), 'admin.board', {}),
    managerBoard: await company.must(company.person('M001').openid, 'admin.board', {}),
    stats: await company.must(hr(), 'admin.stats', stats),
    outbox: company.cloud.outbox().length,
    cases: await countOf('cases'),
    locks: await countOf('case_locks'),
    oa: await countOf('oa_callbacks'),
  };
  expect(after).toEqual(before);
  expect(company.cloud.outbox().some((entry) => entry.touser === learner.openid)).toBe(false);

  // A practice in progress does not stop a real notice (第37条 is a right).
  await company.must<Practice>(learner.openid, 'training.practiceStart');
  const real = await company.call(learner.openid, 'case.submit', {
    reason: 'resignation',
    idempotencyKey: unique('real-after-practice-'),
  });
  expect(real).toMatchObject({ ok: true, data: { state: 'submitted' } });
});

it('deletes the sandbox case when finished and keeps the result', async () => {
  const learner = await company.hire('M001');
  const done = await practise(learner);

  const { data } = await company.cloud.cloud
    .database()
    .collection('training_progress')
    .where({ _id: learner.employeeNo })
    .get();
  const stored = data[0] as Record<string, unknown>;
  expect(stored.practice).toBeUndefined();
  expect(stored.practiceResult).toMatchObject({
    practiceId: done.practiceId,
    steps: expect.arrayContaining([expect.objectContaining({ node: 'completed' })]),
  });
  const again = await company.call(learner.openid, 'training.practiceStep', {
    practiceId: done.practiceId,
    step: 'finish',
  });
  expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
});

it('follows the real rules: no handover list before submitting, no signature of another letter', async () => {
  const learner = await company.hire('M001');
  const { practiceId } = await company.must<Practice>(learner.openid, 'training.practiceStart');
  const file = await company.upload(
    learner.openid,
    `cases/${practiceId}/handover_checklist/sample.pdf`,
    PDF_BYTES,
  );
  const early = await company.call(learner.openid, 'training.practiceStep', {
    practiceId,
    step: 'handover',
    fileId: file,
  });
  expect(early).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });

  await company.must(learner.openid, 'training.practiceStep', { practiceId, step: 'submit' });
  const elsewhere = await company.upload(
    learner.openid,
    `cases/x/handover_checklist/a.pdf`,
    PDF_BYTES,
  );
  const wrongPath = await company.call(learner.openid, 'training.practiceStep', {
    practiceId,
    step: 'handover',
    fileId: elsewhere,
  });
  expect(wrongPath).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED', details: { field: 'fileId' } },
  });
  // A file someone else put in the practice's folder is not the learner's.
  const planted = await company.upload(
    company.person('D009').openid,
    `cases/${practiceId}/handover_checklist/planted.pdf`,
    PDF_BYTES,
  );
  const notTheirs = await company.call(learner.openid, 'training.practiceStep', {
    practiceId,
    step: 'handover',
    fileId: planted,
  });
  expect(notTheirs).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  await company.must(learner.openid, 'training.practiceStep', {
    practiceId,
    step: 'handover',
    fileId: file,
  });
  const signature = await company.upload(
    learner.openid,
    `cases/${practiceId}/signature/sign.png`,
    PNG_BYTES,
  );
  const wrongLetter = await company.call(learner.openid, 'training.practiceStep', {
    practiceId,
    step: 'sign',
    signatureFileId: signature,
    letterHash: 'a'.repeat(64),
    consent: true,
  });
  expect(wrongLetter).toMatchObject({
    ok: false,
    error: { code: 'PRECONDITION_FAILED', details: { guard: 'letter_unchanged' } },
  });
});

it('is 已掌握 once every quiz of the audience is passed and the practice is done', async () => {
  const learner = await company.hire('M001');
  await passEveryEmployeeQuiz(learner);
  const quizzesOnly = await company.must<{ mastered: boolean }>(learner.openid, 'training.catalog');
  expect(quizzesOnly.mastered).toBe(false);

  await practise(learner);

  const catalog = await company.must<{ mastered: boolean }>(learner.openid, 'training.catalog');
  expect(catalog.mastered).toBe(true);
});

describe('the optional gate (policy.training.gateReviewersOnMastery)', () => {
  async function passEveryQuizOf(person: Person, audiences: readonly string[]): Promise<void> {
    for (const course of DEFAULT_COURSES.filter((c) => audiences.includes(c.audience))) {
      const { attemptId, questions } = await company.must<{
        attemptId: string;
        questions: { questionId: string }[];
      }>(person.openid, 'training.quizStart', { courseId: course.courseId });
      await company.must(person.openid, 'training.quizSubmit', {
        attemptId,
        answers: questions.map((q) => ({
          questionId: q.questionId,
          optionIds:
            course.questions
              .find((candidate) => candidate.questionId === q.questionId)
              ?.options.filter((option) => option.correct)
              .map((option) => option.optionId) ?? [],
        })),
      });
    }
  }

  it('is off by default: a manager who never trained approves', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner);
    const answer = await company.call(company.person('M001').openid, 'case.review', {
      caseId,
      decision: 'approve',
    });
    expect(answer).toMatchObject({ ok: true, data: { state: 'hr_review' } });
  });

  it('when on, asks the manager to finish the training first, and never stops a resignation', async () => {
    // Hired while the gate is off: with it on, the untrained HR could not import them.
    const manager = await company.hire('M001', { roles: ['manager'] });
    const owner = await company.hire(manager.employeeNo);
    await company.cloud.cloud
      .database()
      .collection('settings')
      .doc('company')
      .set({ data: { policy: { training: { gateReviewersOnMastery: true } } } });
    // Past the minute a warm instance keeps the settings.
    const clock = company.cloud.clock;
    await clock.jump(new Date(clock.now().getTime() + 61_000));

    // 第37条: the employee's notice goes through whatever anyone's training says.
    const { caseId } = await company.submitted(owner);
    const refused = await company.call(manager.openid, 'case.review', {
      caseId,
      decision: 'approve',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'PRECONDITION_FAILED',
        details: { guard: 'training_mastered', page: '/packages/training/pages/catalog/index' },
      },
    });
    expect(!refused.ok && refused.error.message).toContain('离职办理培训');

    await passEveryQuizOf(manager, ['employee', 'manager']);
    await practise(manager);
    const approved = await company.call(manager.openid, 'case.review', {
      caseId,
      decision: 'approve',
    });
    expect(approved).toMatchObject({ ok: true, data: { state: 'hr_review' } });

    const hrCode = await company.call(company.person('H001').openid, 'admin.bindingCode', {
      employeeNo: owner.employeeNo,
    });
    expect(hrCode).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', details: { guard: 'training_mastered' } },
    });
  });
});

describe('admin.trainingStats', () => {
  interface Stats {
    masteryRate: number | null;
    byDepartment: { department: string; audience: string; people: number; mastered: number }[];
    avgScore: number | null;
    mostMissed: { courseId: string; questionId: string; missed: number; answered: number }[];
    comparison: {
      trained: { cases: number; onTimeShare: number | null; medianDaysToSign: number | null };
      untrained: { cases: number; onTimeShare: number | null };
    };
    monthly: { month: string; trained: { cases: number }; untrained: { cases: number } }[];
  }

  it('compares the resignations of people 已掌握 at notice with the others, overall and by month', async () => {
    // Stats read the roster: the gate of the test above is switched off again.
    await company.cloud.cloud
      .database()
      .collection('settings')
      .doc('company')
      .set({ data: { policy: { training: { gateReviewersOnMastery: false } } } });
    const clock = company.cloud.clock;
    await clock.jump(new Date(clock.now().getTime() + 61_000));
    const window = { from: '2027-01-01', to: '2029-12-31' };
    const before = await company.must<Stats>(hr(), 'admin.trainingStats', window);

    const learner = await company.hire('M001');
    // A failed attempt first: every question of it counts as missed.
    const { attemptId } = await company.must<{ attemptId: string }>(
      learner.openid,
      'training.quizStart',
      { courseId: 'employee-rights' },
    );
    await company.must(learner.openid, 'training.quizSubmit', { attemptId, answers: [] });
    await passEveryEmployeeQuiz(learner);
    await practise(learner);
    const { caseId } = await company.closeable(learner);
    await company.must(hr(), 'case.close', { caseId });

    const stats = await company.must<Stats>(hr(), 'admin.trainingStats', window);
    expect(stats.comparison.trained.cases).toBe(before.comparison.trained.cases + 1);
    expect(stats.comparison.trained.onTimeShare).toBeGreaterThan(0);
    expect(stats.comparison.trained.medianDaysToSign).not.toBeNull();
    expect(stats.comparison.untrained.cases).toBe(before.comparison.untrained.cases);
    expect(stats.masteryRate).toBeGreaterThan(before.masteryRate ?? 0);
    expect(stats.avgScore).not.toBeNull();
    expect(stats.mostMissed.some((row) => row.courseId === 'employee-rights')).toBe(true);
    const research = stats.byDepartment.find(
      (row) => row.department === '研发部' && row.audience === 'employee',
    );
    expect(research?.mastered).toBeGreaterThanOrEqual(1);
    expect(stats.monthly.reduce((sum, m) => sum + m.trained.cases, 0)).toBe(
      stats.comparison.trained.cases,
    );
  });
});
