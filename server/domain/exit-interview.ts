import type { State } from './case-states';

/**
 * 离职面谈: an optional questionnaire the departing employee may answer. A resignation needs
 * nobody's consent (劳动合同法 第37条): nothing in the case machine, its guards or the checklist
 * reads it, and it is kept apart from the case and its audit chain.
 */

export const INTERVIEW_QUESTION_KINDS = ['single', 'scale', 'text'] as const;
export type InterviewQuestionKind = (typeof INTERVIEW_QUESTION_KINDS)[number];

/** A 1–5 scale: 1 is the worst, 5 the best. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

export const INTERVIEW_LIMITS = {
  questions: 20,
  questionText: 200,
  options: 8,
  optionLabel: 40,
  answerText: 500,
  note: 2000,
} as const;

export interface InterviewOption {
  readonly value: string;
  readonly label: string;
}

export interface InterviewQuestion {
  readonly questionId: string;
  readonly kind: InterviewQuestionKind;
  readonly text: string;
  /** Single choice only. */
  readonly options?: readonly InterviewOption[];
}

export interface InterviewQuestionnaire {
  /** 1 as shipped; each save by HR adds one. */
  readonly version: number;
  readonly questions: readonly InterviewQuestion[];
}

/** An answer: an option's value (single), 1–5 (scale) or the employee's words (text). */
export type InterviewAnswerValue = string | number;

export interface InterviewAnswer {
  readonly questionId: string;
  readonly value: InterviewAnswerValue;
}

/** The questionnaire as shipped, until HR saves their own. */
export const DEFAULT_INTERVIEW: InterviewQuestionnaire = {
  version: 1,
  questions: [
    {
      questionId: 'main-reason',
      kind: 'single',
      text: '你离开公司最主要的原因是什么？',
      options: [
        { value: 'pay', label: '薪酬福利' },
        { value: 'growth', label: '职业发展' },
        { value: 'manager', label: '与上级的关系' },
        { value: 'workload', label: '工作强度' },
        { value: 'family', label: '家庭或个人原因' },
        { value: 'other', label: '其他' },
      ],
    },
    { questionId: 'manager-support', kind: 'scale', text: '你对直属上级的支持满意吗？' },
    { questionId: 'team', kind: 'scale', text: '你对团队氛围满意吗？' },
    { questionId: 'recommend', kind: 'scale', text: '你会向朋友推荐来公司工作吗？' },
    {
      questionId: 'improve',
      kind: 'text',
      text: '你希望公司改进哪些方面？',
    },
  ],
};

/** The employee may answer once their departure is under way and until the case ends. */
const ANSWERABLE: readonly State[] = ['submitted', 'returned', 'hr_review', 'formalities'];

export function interviewAnswerable(state: State): boolean {
  return ANSWERABLE.includes(state);
}

/**
 * What is wrong with a questionnaire HR saves, in Chinese, or null: ids unique, a single
 * choice has 2–8 distinct options, the other kinds none.
 */
export function questionnaireProblem(questions: readonly InterviewQuestion[]): string | null {
  const ids = new Set<string>();
  for (const [index, question] of questions.entries()) {
    const where = `第 ${index + 1} 题`;
    if (ids.has(question.questionId)) return `${where}的编号 ${question.questionId} 重复`;
    ids.add(question.questionId);
    const options = question.options ?? [];
    if (question.kind === 'single') {
      if (options.length < 2) return `${where}是单选题，至少需要 2 个选项`;
      if (new Set(options.map((o) => o.value)).size !== options.length) {
        return `${where}的选项编号重复`;
      }
    } else if (options.length > 0) {
      return `${where}不是单选题，不能设置选项`;
    }
  }
  return null;
}

/**
 * What is wrong with the employee's answers, in Chinese, or null. Every question may be left
 * out (the whole questionnaire is voluntary); an answer must fit its question.
 */
export function answersProblem(
  questionnaire: InterviewQuestionnaire,
  answers: readonly InterviewAnswer[],
): string | null {
  const byId = new Map(questionnaire.questions.map((q) => [q.questionId, q]));
  const seen = new Set<string>();
  for (const answer of answers) {
    const question = byId.get(answer.questionId);
    if (!question) return '问卷已更新，请刷新后重新填写';
    if (seen.has(answer.questionId)) return `“${question.text}”回答了两次`;
    seen.add(answer.questionId);
    const { value } = answer;
    if (question.kind === 'single') {
      if (typeof value !== 'string' || !question.options?.some((o) => o.value === value)) {
        return `“${question.text}”请从选项中选择`;
      }
    } else if (question.kind === 'scale') {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return `“${question.text}”请选择 ${SCALE_MIN}–${SCALE_MAX} 分`;
      }
      if (value < SCALE_MIN || value > SCALE_MAX) {
        return `“${question.text}”请选择 ${SCALE_MIN}–${SCALE_MAX} 分`;
      }
    } else if (typeof value !== 'string' || value.trim() === '') {
      return `“${question.text}”请填写文字，或留空不答`;
    }
  }
  return null;
}

/**
 * Free text is listed only for a selection of at least this many interviews: fewer, and the
 * words could point at the person despite carrying no name.
 */
export const FREE_TEXT_MIN_RESPONDENTS = 3;

/** The values a question's distribution counts, in order: options, or 1–5. */
export function distributionValues(question: InterviewQuestion): InterviewOption[] {
  if (question.kind === 'single') return [...(question.options ?? [])];
  if (question.kind === 'scale') {
    return Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => ({
      value: String(SCALE_MIN + i),
      label: `${SCALE_MIN + i} 分`,
    }));
  }
  return [];
}
