import * as z from 'zod/mini';
import {
  INTERVIEW_LIMITS,
  INTERVIEW_QUESTION_KINDS,
  SCALE_MAX,
  SCALE_MIN,
} from '../domain/exit-interview';
import { calendarDate, caseId, readableText } from './field-schemas';
import { lazily } from './lazy-payload';

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

export const questionKindSchema = z.enum(INTERVIEW_QUESTION_KINDS, {
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

const answerValue = z.union([
  z
    .int()
    .check(
      z.gte(SCALE_MIN, { error: `最少 ${SCALE_MIN} 分` }),
      z.lte(SCALE_MAX, { error: `最多 ${SCALE_MAX} 分` }),
    ),
  bounded(INTERVIEW_LIMITS.answerText),
]);

const version = z.int().check(z.nonnegative());

export const INTERVIEW_ACTIONS = {
  /**
   * The questionnaire for a case: to its employee with their own answers; to HR whether the
   * employee answered and HR's note of an in-person interview, never the answers.
   */
  'interview.get': lazily(() => z.strictObject({ caseId })),
  /** The employee's answers; they may change them until the case ends. */
  'interview.submit': lazily(() =>
    z.strictObject({
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
  ),
  /** HR's note of an in-person exit interview, kept with the interview, not in the audit chain. */
  'case.interviewNote': lazily(() =>
    z.strictObject({ caseId, note: bounded(INTERVIEW_LIMITS.note) }),
  ),
  'admin.interviewQuestionsSave': lazily(() =>
    z.strictObject({
      baseVersion: version,
      questions: z.array(questionInput).check(
        z.minLength(1, { error: '至少 1 题' }),
        z.maxLength(INTERVIEW_LIMITS.questions, {
          error: `最多 ${INTERVIEW_LIMITS.questions} 题`,
        }),
      ),
    }),
  ),
  /**
   * The answers of the period (by notice date) and department, counted; free text only as a
   * list without name or case id, and only when the settings allow it.
   */
  'admin.interviewStats': lazily(() =>
    z
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
  ),
} as const;
