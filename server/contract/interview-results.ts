import * as z from 'zod/mini';
import { instant } from './field-schemas';
import { questionKindSchema } from './interview-actions';

/** What the 离职面谈 actions answer with: spread into ACTION_RESULTS. */

const questionView = z.strictObject({
  questionId: z.string(),
  kind: questionKindSchema,
  kindLabel: z.string(),
  text: z.string(),
  options: z.optional(z.array(z.strictObject({ value: z.string(), label: z.string() }))),
});

const answerView = z.strictObject({
  questionId: z.string(),
  value: z.union([z.int(), z.string()]),
});

export const INTERVIEW_RESULTS = {
  'interview.get': z.strictObject({
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
  'interview.submit': z.strictObject({
    caseId: z.string(),
    submittedAt: instant,
    answered: z.int(),
  }),
  'case.interviewNote': z.strictObject({ caseId: z.string(), notedAt: instant }),
  'admin.interviewQuestionsSave': z.strictObject({ version: z.int().check(z.positive()) }),
  'admin.interviewStats': z.strictObject({
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
} as const;
