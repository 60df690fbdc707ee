import * as z from 'zod/mini';
import { PRACTICE_NODES } from '../domain/practice-run';
import { PROPOSAL_DECISIONS, PROPOSAL_STATUSES } from '../domain/proposals';
import { AUDIENCES, QUESTION_KINDS } from '../domain/training-courses';
import { calendarDate, fileId, readableText, sha256Hex } from './field-schemas';

/**
 * The training actions (courses, quiz): spread into ACTIONS. A question's key and explanation
 * appear only in `training.quizSubmit`'s answer, never before.
 */

const identifier = (max: number) =>
  z
    .string()
    .check(z.minLength(1, { error: '必填' }))
    .check(z.maxLength(max, { error: `最多 ${max} 个字符` }))
    .check(z.regex(/^[A-Za-z0-9_-]+$/, { error: '只能包含字母、数字、下划线和连字符' }));

const courseId = identifier(40);
const lessonId = identifier(40);
const questionId = identifier(40);
const optionId = identifier(16);
const attemptId = identifier(64);

const title = readableText()
  .check(z.trim())
  .check(z.minLength(1, { error: '必填' }))
  .check(z.maxLength(80, { error: '最多 80 个字' }));
const bodyText = readableText()
  .check(z.trim())
  .check(z.minLength(1, { error: '必填' }))
  .check(z.maxLength(2000, { error: '最多 2000 个字' }));
const caption = readableText()
  .check(z.trim())
  .check(z.maxLength(80, { error: '最多 80 个字' }));

/** Pictures and videos HR uploads for a course live under `training/`. */
const mediaFileId = fileId.check(
  z.refine((value) => value.includes('/training/'), {
    error: '请上传到课程素材目录 training/',
  }),
);

export const audienceSchema = z.enum(AUDIENCES, { error: '应为 employee、manager 或 hr' });
const questionKindSchema = z.enum(QUESTION_KINDS, { error: '应为 single、multiple 或 truefalse' });

const lessonBlockInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('text'), text: bodyText }),
    z.strictObject({ kind: z.literal('image'), fileId: mediaFileId, caption: z.optional(caption) }),
    z.strictObject({ kind: z.literal('video'), fileId: mediaFileId, caption: z.optional(caption) }),
  ],
  { error: '应为 text、image 或 video' },
);

const questionInput = z.strictObject({
  questionId,
  kind: questionKindSchema,
  text: readableText()
    .check(z.trim())
    .check(z.minLength(1, { error: '必填' }))
    .check(z.maxLength(300, { error: '最多 300 个字' })),
  options: z
    .array(
      z.strictObject({
        optionId,
        text: readableText()
          .check(z.trim())
          .check(z.minLength(1, { error: '必填' }))
          .check(z.maxLength(120, { error: '最多 120 个字' })),
        correct: z.boolean(),
      }),
    )
    .check(z.minLength(2, { error: '至少 2 项' }))
    .check(z.maxLength(6, { error: '最多 6 项' })),
  explanation: readableText()
    .check(z.trim())
    .check(z.minLength(1, { error: '必填' }))
    .check(z.maxLength(500, { error: '最多 500 个字' })),
});

const quizSummary = z.strictObject({
  passed: z.boolean(),
  bestScore: z.int().check(z.gte(0)).check(z.lte(100)),
});

const learnerQuestion = z.strictObject({
  questionId: z.string(),
  kind: questionKindSchema,
  text: z.string(),
  options: z.array(z.strictObject({ optionId: z.string(), text: z.string() })),
});

const lessonBlockView = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: z.string() }),
  z.strictObject({ kind: z.literal('image'), url: z.string(), caption: z.optional(z.string()) }),
  z.strictObject({ kind: z.literal('video'), url: z.string(), caption: z.optional(z.string()) }),
]);

const practiceId = identifier(64);

/** Where a practice stands, with the explanation of every node reached so far. */
const practiceView = z.strictObject({
  practiceId: z.string(),
  sandbox: z.literal(true),
  node: z.enum(PRACTICE_NODES),
  steps: z.array(
    z.strictObject({ node: z.enum(PRACTICE_NODES), at: z.string(), explanation: z.string() }),
  ),
  /** The letter to sign, once the system's HR has confirmed. */
  letter: z.nullable(z.strictObject({ text: z.string(), hash: sha256Hex })),
  completed: z.boolean(),
});

/** Chosen by the client for a new proposal (its files go to `cases/{proposalId}/proposal/`). */
const proposalId = z
  .string()
  .check(z.regex(/^r[0-9A-Za-z]{8,40}$/, { error: '应为 r 开头的 9–41 位字母或数字' }));

const proposalView = z.strictObject({
  proposalId: z.string(),
  authorName: z.string(),
  department: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  statusLabel: z.string(),
  rounds: z.array(
    z.strictObject({
      round: z.int().check(z.positive()),
      title: z.string(),
      text: z.string(),
      attachmentCount: z.int().check(z.nonnegative()),
      submittedAt: z.string(),
      review: z.optional(
        z.strictObject({
          decision: z.enum(PROPOSAL_DECISIONS),
          comment: z.string(),
          at: z.string(),
        }),
      ),
    }),
  ),
});

const proposalRef = z.strictObject({
  proposalId: z.string(),
  status: z.enum(PROPOSAL_STATUSES),
  round: z.int().check(z.positive()),
});

const caseGroupView = z.strictObject({
  cases: z.int().check(z.nonnegative()),
  onTimeShare: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  medianDaysToSign: z.nullable(z.number()),
});

export const TRAINING_ACTIONS = {
  'training.catalog': {
    payload: z.strictObject({}),
    result: z.strictObject({
      courses: z.array(
        z.strictObject({
          courseId: z.string(),
          title: z.string(),
          audience: audienceSchema,
          version: z.int().check(z.positive()),
          lessons: z.array(
            z.strictObject({ lessonId: z.string(), title: z.string(), done: z.boolean() }),
          ),
          quiz: z.nullable(quizSummary),
        }),
      ),
      mastered: z.boolean(),
    }),
  },
  'training.lesson': {
    payload: z.strictObject({ courseId, lessonId }),
    result: z.strictObject({
      courseId: z.string(),
      version: z.int().check(z.positive()),
      lesson: z.strictObject({
        lessonId: z.string(),
        title: z.string(),
        blocks: z.array(lessonBlockView),
      }),
      done: z.boolean(),
    }),
  },
  'training.complete': {
    payload: z.strictObject({ courseId, lessonId }),
    result: z.strictObject({
      courseId: z.string(),
      lessonId: z.string(),
      /** The course version the completion names. */
      version: z.int().check(z.positive()),
      done: z.literal(true),
    }),
  },
  'training.quizStart': {
    payload: z.strictObject({ courseId }),
    result: z.strictObject({ attemptId: z.string(), questions: z.array(learnerQuestion) }),
  },
  'training.quizSubmit': {
    payload: z.strictObject({
      attemptId,
      answers: z
        .array(
          z.strictObject({
            questionId,
            optionIds: z.array(optionId).check(z.maxLength(6, { error: '最多 6 项' })),
          }),
        )
        .check(z.maxLength(50, { error: '最多 50 题' })),
    }),
    result: z.strictObject({
      score: z.int().check(z.gte(0)).check(z.lte(100)),
      passed: z.boolean(),
      results: z.array(
        z.strictObject({
          questionId: z.string(),
          correct: z.boolean(),
          correctOptionIds: z.array(z.string()),
          explanation: z.string(),
        }),
      ),
    }),
  },
  'training.practiceStart': { payload: z.strictObject({}), result: practiceView },
  'training.practiceStep': {
    payload: z.discriminatedUnion(
      'step',
      [
        z.strictObject({ practiceId, step: z.literal('submit') }),
        z.strictObject({ practiceId, step: z.literal('handover'), fileId }),
        z.strictObject({
          practiceId,
          step: z.literal('sign'),
          signatureFileId: fileId,
          letterHash: sha256Hex,
          consent: z.literal(true, { error: '须同意以电子签名方式签署' }),
        }),
        z.strictObject({ practiceId, step: z.literal('finish') }),
      ],
      { error: '应为 submit、handover、sign 或 finish' },
    ),
    result: practiceView,
  },
  'training.proposalSubmit': {
    payload: z.strictObject({
      proposalId,
      title,
      text: readableText()
        .check(z.trim())
        .check(z.minLength(20, { error: '至少 20 个字' }))
        .check(z.maxLength(5000, { error: '最多 5000 个字' })),
      attachments: z.array(fileId).check(z.maxLength(5, { error: '最多 5 个' })),
    }),
    result: proposalRef,
  },
  'training.proposals': {
    payload: z.strictObject({}),
    result: z.strictObject({ proposals: z.array(proposalView) }),
  },
  'admin.proposalReview': {
    payload: z.strictObject({
      proposalId,
      decision: z.enum(PROPOSAL_DECISIONS, { error: '应为 accept、return 或 adopt' }),
      comment: readableText()
        .check(z.trim())
        .check(z.maxLength(500, { error: '最多 500 个字' })),
    }),
    result: proposalRef,
  },
  'admin.trainingStats': {
    payload: z.strictObject({ from: z.optional(calendarDate), to: z.optional(calendarDate) }).check(
      z.refine((value) => !value.from || !value.to || value.from <= value.to, {
        path: ['to'],
        error: '不能早于开始日期',
      }),
    ),
    result: z.strictObject({
      /** The window the cases were taken from (Beijing dates, inclusive). */
      from: calendarDate,
      to: calendarDate,
      masteryRate: z.nullable(z.number().check(z.gte(0), z.lte(1))),
      byDepartment: z.array(
        z.strictObject({
          department: z.string(),
          audience: audienceSchema,
          people: z.int().check(z.nonnegative()),
          mastered: z.int().check(z.nonnegative()),
          rate: z.nullable(z.number().check(z.gte(0), z.lte(1))),
        }),
      ),
      avgScore: z.nullable(z.number()),
      mostMissed: z.array(
        z.strictObject({
          courseId: z.string(),
          questionId: z.string(),
          text: z.string(),
          missed: z.int().check(z.nonnegative()),
          answered: z.int().check(z.positive()),
        }),
      ),
      comparison: z.strictObject({ trained: caseGroupView, untrained: caseGroupView }),
      monthly: z.array(
        z.strictObject({ month: z.string(), trained: caseGroupView, untrained: caseGroupView }),
      ),
    }),
  },
  'admin.courseSave': {
    payload: z.strictObject({
      courseId,
      title,
      audience: audienceSchema,
      /**
       * The version the editor started from (0 for a new course): a save over someone else's
       * newer one is refused.
       */
      baseVersion: z.int().check(z.gte(0)).check(z.lte(100_000)),
      lessons: z
        .array(
          z.strictObject({
            lessonId,
            title,
            blocks: z
              .array(lessonBlockInput)
              .check(z.minLength(1, { error: '至少 1 项' }))
              .check(z.maxLength(40, { error: '最多 40 项' })),
          }),
        )
        .check(z.minLength(1, { error: '至少 1 项' }))
        .check(z.maxLength(30, { error: '最多 30 项' })),
      questions: z.array(questionInput).check(z.maxLength(50, { error: '最多 50 题' })),
    }),
    result: z.strictObject({ courseId: z.string(), version: z.int().check(z.positive()) }),
  },
} as const;
