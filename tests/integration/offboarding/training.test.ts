/**
 * Training (issue 14): courses by audience with progress per person, lessons completed by
 * course version, HR's versioned edits, and a quiz whose key never reaches the client before
 * the attempt is submitted.
 */
import { DEFAULT_COURSES } from '../../../server/domain/training-default-courses';
import { type Company, startCompany, unique } from './company-harness';

let company: Company;
beforeAll(async () => {
  company = await startCompany();
}, 60_000);
afterAll(() => company.dispose());

interface Catalog {
  courses: {
    courseId: string;
    title: string;
    audience: string;
    version: number;
    lessons: { lessonId: string; title: string; done: boolean }[];
    quiz: { passed: boolean; bestScore: number } | null;
  }[];
  mastered: boolean;
}
interface LearnerQuestion {
  questionId: string;
  kind: string;
  text: string;
  options: { optionId: string; text: string }[];
}
interface Grade {
  score: number;
  passed: boolean;
  results: {
    questionId: string;
    correct: boolean;
    correctOptionIds: string[];
    explanation: string;
  }[];
}

const COURSE = 'employee-start';
const shipped = (courseId: string) => {
  const course = DEFAULT_COURSES.find((candidate) => candidate.courseId === courseId);
  if (!course) throw new Error(courseId);
  return course;
};
const keyOf = (courseId: string, questionId: string) =>
  shipped(courseId)
    .questions.find((question) => question.questionId === questionId)
    ?.options.filter((option) => option.correct)
    .map((option) => option.optionId) ?? [];

describe('the catalogue', () => {
  it('shows an employee the employee courses, HR the HR course too, a manager the approval course', async () => {
    const employee = await company.hire('M001');
    const titles = async (openid: string) =>
      (await company.must<Catalog>(openid, 'training.catalog')).courses.map((c) => c.audience);

    expect(new Set(await titles(employee.openid))).toEqual(new Set(['employee']));
    expect(new Set(await titles(company.person('H001').openid))).toEqual(
      new Set(['employee', 'hr']),
    );
    expect(new Set(await titles(company.person('M001').openid))).toEqual(
      new Set(['employee', 'manager']),
    );
    const catalog = await company.must<Catalog>(employee.openid, 'training.catalog');
    expect(catalog.courses.map((course) => course.title)).toEqual([
      '如何发起离职申请',
      '如何上传工作交接清单',
      '如何签署电子辞职书（签名证明了什么）',
      '你的权利与期限（第37条、第38条、第50条：离职证明、社保与档案转移）',
    ]);
    expect(catalog.mastered).toBe(false);
    expect(catalog.courses[0]?.quiz).toEqual({ passed: false, bestScore: 0 });
  });

  it('keeps a completed lesson per person, naming the course version', async () => {
    const employee = await company.hire('M001');
    const other = await company.hire('M001');

    const lesson = await company.must<{ lesson: { title: string; blocks: { text?: string }[] } }>(
      employee.openid,
      'training.lesson',
      { courseId: COURSE, lessonId: 'notice' },
    );
    expect(lesson.lesson.title).toBe('辞职是通知，不是申请');
    expect(lesson.lesson.blocks[0]?.text).toContain('第37条');
    const done = await company.must(employee.openid, 'training.complete', {
      courseId: COURSE,
      lessonId: 'notice',
    });
    expect(done).toEqual({ courseId: COURSE, lessonId: 'notice', version: 1, done: true });

    const mine = await company.must<Catalog>(employee.openid, 'training.catalog');
    const theirs = await company.must<Catalog>(other.openid, 'training.catalog');
    expect(mine.courses[0]?.lessons).toEqual([
      { lessonId: 'notice', title: '辞职是通知，不是申请', done: true },
      { lessonId: 'after-submit', title: '提交之后', done: false },
    ]);
    expect(theirs.courses[0]?.lessons.every((lesson) => !lesson.done)).toBe(true);
  });

  it('refuses a course of another audience in Chinese', async () => {
    const employee = await company.hire('M001');
    const answer = await company.call(employee.openid, 'training.lesson', {
      courseId: 'hr-operations',
      lessonId: 'progress',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!answer.ok && answer.error.message).toContain('HR');
  });
});

describe('HR edits a course', () => {
  it('saves a new version; a save from a stale version is refused', async () => {
    const hr = company.person('H001').openid;
    const course = shipped('employee-handover');
    const edit = {
      courseId: course.courseId,
      title: course.title,
      audience: course.audience,
      baseVersion: 1,
      lessons: [
        ...course.lessons,
        {
          lessonId: 'photo',
          title: '拍照上传的要点',
          blocks: [{ kind: 'text', text: '拍清整页，每页一张。' }],
        },
      ],
      questions: course.questions,
    };

    expect(await company.must(hr, 'admin.courseSave', edit)).toEqual({
      courseId: course.courseId,
      version: 2,
    });
    const stale = await company.call(hr, 'admin.courseSave', edit);
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const employee = await company.hire('M001');
    const catalog = await company.must<Catalog>(employee.openid, 'training.catalog');
    const saved = catalog.courses.find((candidate) => candidate.courseId === course.courseId);
    expect(saved?.version).toBe(2);
    expect(saved?.lessons.map((lesson) => lesson.title)).toContain('拍照上传的要点');
    const done = await company.must<{ version: number }>(employee.openid, 'training.complete', {
      courseId: course.courseId,
      lessonId: 'photo',
    });
    expect(done.version).toBe(2);
  });

  it('refuses a question without a right answer, writing nothing', async () => {
    const hr = company.person('H001').openid;
    const before = company.cloud.stats();
    const answer = await company.call(hr, 'admin.courseSave', {
      courseId: unique('bad-'),
      title: '错题',
      audience: 'employee',
      baseVersion: 0,
      lessons: [{ lessonId: 'one', title: '一', blocks: [{ kind: 'text', text: '正文' }] }],
      questions: [
        {
          questionId: 'q',
          kind: 'single',
          text: '没有正确选项的题',
          options: [
            { optionId: 'a', text: '甲', correct: false },
            { optionId: 'b', text: '乙', correct: false },
          ],
          explanation: '无',
        },
      ],
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!answer.ok && answer.error.message).toContain('恰有一个正确选项');
    expect(company.cloud.stats().writes).toBe(before.writes);
  });
});

describe('the quiz', () => {
  it('never sends the key or the explanations before submission', async () => {
    const employee = await company.hire('M001');
    const answer = await company.call(employee.openid, 'training.quizStart', { courseId: COURSE });
    const payload = JSON.stringify(answer);

    expect(answer.ok).toBe(true);
    expect(payload).not.toMatch(/correct|explanation|passed|score/i);
    for (const question of shipped(COURSE).questions) {
      expect(payload).not.toContain(question.explanation);
    }
    const { questions } = (answer as { ok: true; data: { questions: LearnerQuestion[] } }).data;
    expect(questions).toHaveLength(shipped(COURSE).questions.length);
    for (const question of questions) {
      expect(Object.keys(question).sort()).toEqual(['kind', 'options', 'questionId', 'text']);
      for (const option of question.options)
        expect(Object.keys(option).sort()).toEqual(['optionId', 'text']);
    }
  });

  it('draws a new order for a new attempt', async () => {
    const employee = await company.hire('M001');
    const orders = new Set<string>();
    for (let i = 0; i < 3; i += 1) {
      const { questions } = await company.must<{ questions: LearnerQuestion[] }>(
        employee.openid,
        'training.quizStart',
        { courseId: COURSE },
      );
      orders.add(
        questions.map((q) => `${q.questionId}:${q.options.map((o) => o.optionId).join('')}`).join(),
      );
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it('fails, then passes; every attempt is kept and an attempt is submitted once', async () => {
    const employee = await company.hire('M001');
    const start = () =>
      company.must<{ attemptId: string; questions: LearnerQuestion[] }>(
        employee.openid,
        'training.quizStart',
        { courseId: COURSE },
      );

    const first = await start();
    const wrong = await company.must<Grade>(employee.openid, 'training.quizSubmit', {
      attemptId: first.attemptId,
      answers: first.questions.map((q) => ({ questionId: q.questionId, optionIds: [] })),
    });
    expect(wrong).toMatchObject({ score: 0, passed: false });
    expect(wrong.results.find((r) => r.questionId === 'probation-days')).toEqual({
      questionId: 'probation-days',
      correct: false,
      correctOptionIds: keyOf(COURSE, 'probation-days'),
      explanation: expect.stringContaining('提前三日'),
    });
    const again = await company.call(employee.openid, 'training.quizSubmit', {
      attemptId: first.attemptId,
      answers: [],
    });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', details: { guard: 'attempt_open' } },
    });

    const second = await start();
    const right = await company.must<Grade>(employee.openid, 'training.quizSubmit', {
      attemptId: second.attemptId,
      answers: second.questions.map((q) => ({
        questionId: q.questionId,
        optionIds: keyOf(COURSE, q.questionId),
      })),
    });
    expect(right).toMatchObject({ score: 100, passed: true });

    const catalog = await company.must<Catalog>(employee.openid, 'training.catalog');
    expect(catalog.courses.find((c) => c.courseId === COURSE)?.quiz).toEqual({
      passed: true,
      bestScore: 100,
    });
    const stored = await company.cloud.cloud
      .database()
      .collection('training_progress')
      .where({ _id: employee.employeeNo })
      .get();
    const attempts = (
      stored.data[0] as { quizzes: Record<string, { attempts: { score?: number }[] }> }
    ).quizzes[COURSE]?.attempts;
    expect(attempts?.map((attempt) => attempt.score)).toEqual([0, 100]);
  });

  it('scores by the share of questions answered exactly right, against the 80 % pass mark', async () => {
    const employee = await company.hire('M001');
    const { attemptId, questions } = await company.must<{
      attemptId: string;
      questions: LearnerQuestion[];
    }>(employee.openid, 'training.quizStart', { courseId: COURSE });
    // Seven of eight right: 88 %, a pass.
    const grade = await company.must<Grade>(employee.openid, 'training.quizSubmit', {
      attemptId,
      answers: questions.slice(1).map((q) => ({
        questionId: q.questionId,
        optionIds: keyOf(COURSE, q.questionId),
      })),
    });
    expect(grade).toMatchObject({ score: 88, passed: true });
  });

  it("another person's attempt is not found", async () => {
    const owner = await company.hire('M001');
    const { attemptId } = await company.must<{ attemptId: string }>(
      owner.openid,
      'training.quizStart',
      { courseId: COURSE },
    );
    const answer = await company.call(company.person('D009').openid, 'training.quizSubmit', {
      attemptId,
      answers: [],
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
