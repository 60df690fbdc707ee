import * as z from 'zod/mini';
import {
  INTERVIEW_LIMITS,
  INTERVIEW_QUESTION_KINDS,
  SCALE_MAX,
  SCALE_MIN,
} from '../domain/exit-interview';
import { calendarDate, caseId, instant, readableText } from './field-schemas';

/**
 * 离职面谈 (issue 17 item 2): spread into ACTIONS. The answers are the employee's and HR's
 * aggregate only: no action answers them to a manager, and HR reads them only in
 * `admin.interviewStats`, without names or case ids.
 */

const identifier = (max: number) =>
  z
    .string()
    .check(
      z.minLength(1, { error: '必填' }),
      z.maxLength(max, { error: `最多 ${max} 个字符` }),
      z.regex(/^[A-Za-z0-9_-]+$/, { error: '只能包含字母、数字、下划线和连字符' }),
    );

const bounded = (max: number) =>
  readableText().check(
    z.trim(),
    z.minLength(1, { error: '必填' }),
    z.maxLength(max, { error: `最多 ${max} 个字` }),
  );

const questionKindSchema = z.enum(INTERVIEW_QUESTION_KINDS, {
  error: '应为 single（单选）、scale（1–5 分）或 text（文字）',
});

const questionInput = z.strictObject({
  questionId: identifier(40),
  kind: questionKindSchema,
  text: bounded(INTERVIEW_LIMITS.questionText),
  options: z.optional(
    z
      .array(
        z.strictObject({
          value: identifier(16),
          label: bounded(INTERVIEW_LIMITS.optionLabel),
        }),
      )
      .check(
        z.maxLength(INTERVIEW_LIMITS.options, { error: `最多 ${INTERVIEW_LIMITS.options} 项` }),
      ),
  ),
});

const questionView = z.strictObject({
  questionId: z.string(),
  kind: questionKindSchema,
  kindLabel: z.string(),
  text: z.string(),
  options: z.optional(z.array(z.strictObject({ value: z.string(), label: z.string() }))),
});

const answerValue = z.union([
  z
    .int()
    .check(
      z.gte(SCALE_MIN, { error: `最少 ${SCALE_MIN} 分` }),
      z.lte(SCALE_MAX, { error: `最多 ${SCALE_MAX} 分` }),
    ),
  bounded(INTERVIEW_LIMITS.answerText),
]);

const answerView = z.strictObject({
  questionId: z.string(),
  value: z.union([z.int(), z.string()]),
});

const version = z.int().check(z.nonnegative());

export const INTERVIEW_ACTIONS = {
  /**
   * The questionnaire for a case: to its employee with their own answers; to HR whether the
   * employee answered and HR's note of an in-person interview, never the answers.
   */
  'interview.get': {
    payload: z.strictObject({ caseId }),
    result: z.strictObject({
      caseId: z.string(),
      title: z.string(),
      /** 自愿填写，不影响任何离职手续. */
      voluntary: z.string(),
      /** The employee may answer (or change their answers) now. */
      canAnswer: z.boolean(),
      /** The employee's view: the questionnaire to answer. */
      version: z.optional(z.int().check(z.positive())),
      questions: z.optional(z.array(questionView)),
      /** The employee's own answers (their view only). */
      answers: z.optional(z.array(answerView)),
      submittedAt: z.optional(instant),
      /** HR's view: whether the employee answered. */
      answered: z.optional(z.boolean()),
      /** HR's view: the note of an in-person interview. */
      note: z.optional(z.strictObject({ text: z.string(), at: instant })),
    }),
  },
  /** The employee's answers; they may change them until the case ends. */
  'interview.submit': {
    payload: z.strictObject({
      caseId,
      /** The questionnaire version the employee answered. */
      version: z.int().check(z.positive()),
      answers: z.array(z.strictObject({ questionId: identifier(40), value: answerValue })).check(
        z.minLength(1, { error: '请至少回答一题；不想填写可以不提交' }),
        z.maxLength(INTERVIEW_LIMITS.questions, {
          error: `最多 ${INTERVIEW_LIMITS.questions} 题`,
        }),
      ),
    }),
    result: z.strictObject({ caseId: z.string(), submittedAt: instant, answered: z.int() }),
  },
  /** HR's note of an in-person exit interview, kept with the interview, not in the audit chain. */
  'case.interviewNote': {
    payload: z.strictObject({ caseId, note: bounded(INTERVIEW_LIMITS.note) }),
    result: z.strictObject({ caseId: z.string(), notedAt: instant }),
  },
  'admin.interviewQuestionsSave': {
    payload: z.strictObject({
      baseVersion: version,
      questions: z.array(questionInput).check(
        z.minLength(1, { error: '至少 1 题' }),
        z.maxLength(INTERVIEW_LIMITS.questions, {
          error: `最多 ${INTERVIEW_LIMITS.questions} 题`,
        }),
      ),
    }),
    result: z.strictObject({ version: z.int().check(z.positive()) }),
  },
  /**
   * The answers of the period (by notice date) and department, counted; free text only as a
   * list without name or case id, and only when the settings allow it.
   */
  'admin.interviewStats': {
    payload: z
      .strictObject({
        from: z.optional(calendarDate),
        to: z.optional(calendarDate),
        department: z.optional(
          z.string().check(z.trim(), z.maxLength(64, { error: '最多 64 个字' })),
        ),
      })
      .check(
        z.refine((value) => !value.from || !value.to || value.from <= value.to, {
          path: ['to'],
          error: '不能早于开始日期',
        }),
      ),
    result: z.strictObject({
      version: z.int().check(z.positive()),
      questions: z.array(questionView),
      respondents: z.int().check(z.nonnegative()),
      departments: z.array(
        z.strictObject({ department: z.string(), respondents: z.int().check(z.nonnegative()) }),
      ),
      distribution: z.array(
        z.strictObject({
          questionId: z.string(),
          answered: z.int().check(z.nonnegative()),
          counts: z.array(
            z.strictObject({
              value: z.string(),
              label: z.string(),
              count: z.int().check(z.nonnegative()),
            }),
          ),
          /** Scale questions: the mean of the answers, or null when none. */
          average: z.optional(z.nullable(z.number())),
        }),
      ),
      freeText: z.strictObject({
        shown: z.boolean(),
        /** Why nothing is listed (setting off, too few interviews), in Chinese. */
        reason: z.optional(z.string()),
        answers: z.array(z.strictObject({ questionId: z.string(), texts: z.array(z.string()) })),
      }),
    }),
  },
} as const;
