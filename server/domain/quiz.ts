import type { Audience, Course, Question } from './training-courses';

/** A number in [0, 1): `Math.random`'s contract; the platform's secure source in production. */
export type RandomSource = () => number;

/** Fisher–Yates: every order equally likely, given a fair source. */
export function shuffle<T>(items: readonly T[], random: RandomSource): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

/**
 * An attempt's questions in the order this attempt shows them, options shuffled too; a
 * true/false question keeps 正确 before 错误, where a learner expects it.
 */
export function drawQuiz(questions: readonly Question[], random: RandomSource): Question[] {
  return shuffle(questions, random).map((question) =>
    question.kind === 'truefalse'
      ? question
      : { ...question, options: shuffle(question.options, random) },
  );
}

/** What a learner sees before submitting: no key, no explanation. */
export interface QuestionForLearner {
  readonly questionId: string;
  readonly kind: Question['kind'];
  readonly text: string;
  readonly options: { optionId: string; text: string }[];
}

export function questionForLearner(question: Question): QuestionForLearner {
  return {
    questionId: question.questionId,
    kind: question.kind,
    text: question.text,
    options: question.options.map(({ optionId, text }) => ({ optionId, text })),
  };
}

export interface QuizAnswer {
  readonly questionId: string;
  readonly optionIds: readonly string[];
}

export interface QuestionResult {
  readonly questionId: string;
  readonly correct: boolean;
  readonly correctOptionIds: string[];
  readonly explanation: string;
}

export interface QuizGrade {
  /** Percent of the questions answered exactly right, 0–100. */
  readonly score: number;
  readonly passed: boolean;
  readonly results: QuestionResult[];
}

/**
 * Grades an attempt: a question is right when the chosen options are exactly its correct
 * ones (a multiple-choice question with one right option missing is wrong); an unanswered
 * question is wrong; the first answer to a question counts.
 */
export function gradeQuiz(
  questions: readonly Question[],
  answers: readonly QuizAnswer[],
  passMark: number,
): QuizGrade {
  const chosen = new Map<string, ReadonlySet<string>>();
  for (const answer of answers) {
    if (!chosen.has(answer.questionId)) chosen.set(answer.questionId, new Set(answer.optionIds));
  }
  const results = questions.map((question) => {
    const correctOptionIds = question.options
      .filter((option) => option.correct)
      .map((option) => option.optionId);
    const picked = chosen.get(question.questionId) ?? new Set<string>();
    const correct =
      picked.size === correctOptionIds.length && correctOptionIds.every((id) => picked.has(id));
    return {
      questionId: question.questionId,
      correct,
      correctOptionIds,
      explanation: question.explanation,
    };
  });
  const right = results.filter((result) => result.correct).length;
  const score = questions.length === 0 ? 0 : Math.round((100 * right) / questions.length);
  return { score, passed: score >= passMark, results };
}

/** One person's quiz record for a course. */
export interface QuizRecord {
  readonly passed: boolean;
  readonly bestScore: number;
}

/**
 * 已掌握: the quiz of every course for the person's audiences passed, and the practice run
 * (模拟离职流程) completed. A course without questions asks for no quiz.
 */
export function isMastered(input: {
  readonly courses: readonly Pick<Course, 'courseId' | 'audience' | 'questions'>[];
  readonly audiences: readonly Audience[];
  readonly quizzes: Readonly<Record<string, QuizRecord | undefined>>;
  readonly practiceCompleted: boolean;
}): boolean {
  const required = input.courses.filter(
    (course) => input.audiences.includes(course.audience) && course.questions.length > 0,
  );
  return (
    input.practiceCompleted &&
    required.length > 0 &&
    required.every((course) => input.quizzes[course.courseId]?.passed === true)
  );
}
