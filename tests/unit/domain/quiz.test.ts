import { trainingPolicyOf } from '../../../server/domain/policy';
import {
  drawQuiz,
  gradeQuiz,
  isMastered,
  questionForLearner,
  shuffle,
} from '../../../server/domain/quiz';
import { DEFAULT_COURSES } from '../../../server/domain/training-default-courses';
import { audiencesOf, courseProblem, type Question } from '../../../server/domain/training-courses';

/** A repeatable source: a linear congruential sequence in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const single: Question = {
  questionId: 'probation',
  kind: 'single',
  text: '试用期内应提前几天通知？',
  options: [
    { optionId: 'a', text: '3 天', correct: true },
    { optionId: 'b', text: '30 天', correct: false },
    { optionId: 'c', text: '7 天', correct: false },
  ],
  explanation: '第37条',
};
const multiple: Question = {
  questionId: 'certificate',
  kind: 'multiple',
  text: '离职证明写明什么？',
  options: [
    { optionId: 'a', text: '合同期限', correct: true },
    { optionId: 'b', text: '工作年限', correct: true },
    { optionId: 'c', text: '负面评价', correct: false },
  ],
  explanation: '实施条例第24条',
};
const judge: Question = {
  questionId: 'hr-withdraw',
  kind: 'truefalse',
  text: 'HR 可以替员工撤回辞职。',
  options: [
    { optionId: 'true', text: '正确', correct: false },
    { optionId: 'false', text: '错误', correct: true },
  ],
  explanation: '民法典第141条',
};

describe('the shipped courses', () => {
  it.each(DEFAULT_COURSES.map((course) => [course.title, course] as const))(
    '%s: at least 8 questions, each with a well-formed key and an explanation',
    (_title, course) => {
      expect(course.questions.length).toBeGreaterThanOrEqual(8);
      expect(courseProblem(course)).toBeNull();
      for (const question of course.questions)
        expect(question.explanation).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('teach 第37条 as the product applies it: 3 days in probation, 30 days otherwise', () => {
    const start = DEFAULT_COURSES.find((course) => course.courseId === 'employee-start');
    const key = (id: string) =>
      start?.questions
        .find((question) => question.questionId === id)
        ?.options.filter((option) => option.correct)
        .map((option) => option.text);
    expect(key('probation-days')).toEqual(['3 天']);
    expect(key('regular-days')).toEqual(['30 天']);
    expect(key('hr-withdraw')).toEqual(['错误']);
  });
});

describe('drawing a quiz', () => {
  it('shuffles questions and options with the source it is given, and only that', () => {
    const questions = DEFAULT_COURSES[0]?.questions ?? [];
    expect(drawQuiz(questions, seeded(1))).toEqual(drawQuiz(questions, seeded(1)));
    expect(drawQuiz(questions, seeded(1))).not.toEqual(drawQuiz(questions, seeded(2)));
  });

  it('keeps every question and option (a permutation)', () => {
    const drawn = drawQuiz([single, multiple, judge], seeded(7));
    expect(drawn.map((q) => q.questionId).sort()).toEqual([
      'certificate',
      'hr-withdraw',
      'probation',
    ]);
    for (const question of drawn) {
      expect(question.options.map((o) => o.optionId).sort()).toEqual(
        [single, multiple, judge]
          .find((q) => q.questionId === question.questionId)
          ?.options.map((o) => o.optionId)
          .sort(),
      );
    }
  });

  it('leaves 正确 before 错误 in a true/false question', () => {
    for (let seed = 0; seed < 20; seed += 1) {
      const drawn = drawQuiz([judge], seeded(seed));
      expect(drawn[0]?.options.map((o) => o.text)).toEqual(['正确', '错误']);
    }
  });

  it('shuffle handles a source at its edges', () => {
    expect(shuffle([1, 2, 3], () => 0.999_999_999).sort()).toEqual([1, 2, 3]);
    expect(shuffle([1, 2, 3], () => 0)).toHaveLength(3);
  });

  it('shows the learner no key and no explanation', () => {
    const shown = questionForLearner(multiple);
    expect(JSON.stringify(shown)).not.toMatch(/correct|explanation|第24条/);
  });
});

describe('grading', () => {
  it('a multiple-choice answer is right only with exactly the right options', () => {
    const grade = gradeQuiz(
      [single, multiple, judge],
      [
        { questionId: 'probation', optionIds: ['a'] },
        { questionId: 'certificate', optionIds: ['a'] },
        { questionId: 'hr-withdraw', optionIds: ['false'] },
      ],
      80,
    );
    expect(grade.results.map((r) => r.correct)).toEqual([true, false, true]);
    expect(grade).toMatchObject({ score: 67, passed: false });
    expect(grade.results[1]).toMatchObject({
      correctOptionIds: ['a', 'b'],
      explanation: '实施条例第24条',
    });
  });

  it('an unanswered question is wrong; the pass mark is inclusive', () => {
    const questions = Array.from({ length: 5 }, (_, i) => ({ ...single, questionId: `q${i}` }));
    const answers = questions
      .slice(0, 4)
      .map((q) => ({ questionId: q.questionId, optionIds: ['a'] }));
    expect(gradeQuiz(questions, answers, 80)).toMatchObject({ score: 80, passed: true });
    expect(gradeQuiz(questions, answers, 81)).toMatchObject({ score: 80, passed: false });
  });
});

describe('已掌握', () => {
  const courses = [
    { courseId: 'e1', audience: 'employee' as const, questions: [single] },
    { courseId: 'h1', audience: 'hr' as const, questions: [single] },
  ];
  const passed = { passed: true, bestScore: 100 };

  it('needs every quiz of the person’s audiences and the practice run', () => {
    const audiences = audiencesOf(['employee'], true);
    expect(
      isMastered({ courses, audiences, quizzes: { e1: passed }, practiceCompleted: true }),
    ).toBe(true);
    expect(
      isMastered({ courses, audiences, quizzes: { e1: passed }, practiceCompleted: false }),
    ).toBe(false);
    expect(
      isMastered({
        courses,
        audiences: audiencesOf(['hr'], true),
        quizzes: { e1: passed },
        practiceCompleted: true,
      }),
    ).toBe(false);
  });
});

describe('the training policy from stored settings', () => {
  it('takes each field that is valid and defaults the rest (gate off, pass mark 80)', () => {
    expect(trainingPolicyOf({ training: {} as never })).toEqual({
      passMark: 80,
      gateReviewersOnMastery: false,
    });
    expect(trainingPolicyOf({ training: { gateReviewersOnMastery: true } as never })).toEqual({
      passMark: 80,
      gateReviewersOnMastery: true,
    });
    expect(
      trainingPolicyOf({ training: { passMark: '90', gateReviewersOnMastery: 'yes' } as never }),
    ).toEqual({ passMark: 80, gateReviewersOnMastery: false });
    expect(trainingPolicyOf({ training: { passMark: 60, gateReviewersOnMastery: false } })).toEqual(
      { passMark: 60, gateReviewersOnMastery: false },
    );
  });
});
