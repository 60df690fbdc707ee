import * as z from 'zod/mini';
import { lazily } from './lazy-payload';
import { PROPOSAL_DECISIONS } from '../domain/proposals';
import { AUDIENCES, QUESTION_KINDS } from '../domain/training-courses';
import { WORKSHOP_MAX_CAPACITY } from '../domain/workshops';
import { calendarDate, fileId, instant, readableText, sha256Hex } from './field-schemas';

/** What the training actions (courses, quiz, practice, proposals) accept: spread into ACTIONS. */

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
export const questionKindSchema = z.enum(QUESTION_KINDS, {
  error: '应为 single、multiple 或 truefalse',
});

const lessonBlockInput = () =>
  z.discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('text'), text: bodyText }),
      z.strictObject({
        kind: z.literal('image'),
        fileId: mediaFileId,
        caption: z.optional(caption),
      }),
      z.strictObject({
        kind: z.literal('video'),
        fileId: mediaFileId,
        caption: z.optional(caption),
      }),
    ],
    { error: '应为 text、image 或 video' },
  );

const questionInput = () =>
  z.strictObject({
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

const practiceId = identifier(64);

/** Chosen by the client for a new proposal (its files go to `cases/{proposalId}/proposal/`). */
const proposalId = z
  .string()
  .check(z.regex(/^r[0-9A-Za-z]{8,40}$/, { error: '应为 r 开头的 9–41 位字母或数字' }));

/** Server-made: `w` and Crockford base32. */
const workshopId = z
  .string()
  .check(z.regex(/^w[0-9A-Z]{8,40}$/, { error: '应为 w 开头的活动编号，请返回活动列表刷新' }));

/**
 * A code read from a QR code or typed: 8 Crockford base32 characters, in any case, with
 * spaces or hyphens between groups.
 */
const shortCode = z
  .string()
  .check(
    z.trim(),
    z.maxLength(20, { error: '最多 20 个字符' }),
    z.regex(/^[0-9A-Za-z][0-9A-Za-z -]{6,18}[0-9A-Za-z]$/, { error: '应为 8 位签到码' }),
  );

const placeText = readableText()
  .check(z.trim())
  .check(z.minLength(1, { error: '必填' }))
  .check(z.maxLength(60, { error: '最多 60 个字' }));

export const TRAINING_ACTIONS = {
  'training.catalog': lazily(() => z.strictObject({})),
  'training.lesson': lazily(() => z.strictObject({ courseId, lessonId })),
  'training.complete': lazily(() => z.strictObject({ courseId, lessonId })),
  'training.quizStart': lazily(() => z.strictObject({ courseId })),
  'training.quizSubmit': lazily(() =>
    z.strictObject({
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
  ),
  'training.practiceStart': lazily(() => z.strictObject({})),
  'training.practiceStep': lazily(() =>
    z.discriminatedUnion(
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
  ),
  'training.proposalSubmit': lazily(() =>
    z.strictObject({
      proposalId,
      title,
      text: readableText()
        .check(z.trim())
        .check(z.minLength(20, { error: '至少 20 个字' }))
        .check(z.maxLength(5000, { error: '最多 5000 个字' })),
      attachments: z.array(fileId).check(z.maxLength(5, { error: '最多 5 个' })),
    }),
  ),
  'training.proposals': lazily(() => z.strictObject({})),
  'admin.proposalReview': lazily(() =>
    z.strictObject({
      proposalId,
      decision: z.enum(PROPOSAL_DECISIONS, { error: '应为 accept、return 或 adopt' }),
      comment: readableText()
        .check(z.trim())
        .check(z.maxLength(500, { error: '最多 500 个字' })),
    }),
  ),
  'admin.trainingStats': lazily(() =>
    z.strictObject({ from: z.optional(calendarDate), to: z.optional(calendarDate) }).check(
      z.refine((value) => !value.from || !value.to || value.from <= value.to, {
        path: ['to'],
        error: '不能早于开始日期',
      }),
    ),
  ),
  'admin.courseSave': lazily(() =>
    z.strictObject({
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
              .array(lessonBlockInput())
              .check(z.minLength(1, { error: '至少 1 项' }))
              .check(z.maxLength(40, { error: '最多 40 项' })),
          }),
        )
        .check(z.minLength(1, { error: '至少 1 项' }))
        .check(z.maxLength(30, { error: '最多 30 项' })),
      questions: z.array(questionInput()).check(z.maxLength(50, { error: '最多 50 题' })),
    }),
  ),
  'training.workshops': lazily(() => z.strictObject({})),
  'training.workshopEnrol': lazily(() => z.strictObject({ workshopId })),
  'training.workshopCancel': lazily(() => z.strictObject({ workshopId })),
  'training.workshopPass': lazily(() => z.strictObject({ workshopId })),
  'training.workshopCheckIn': lazily(() => z.strictObject({ workshopId, code: shortCode })),
  'admin.workshopSave': lazily(() =>
    z.strictObject({
      workshopId: z.optional(workshopId),
      title,
      courseId: z.optional(courseId),
      startsAt: instant,
      endsAt: instant,
      place: placeText,
      audience: audienceSchema,
      capacity: z
        .int({ error: '应为整数' })
        .check(
          z.gte(1, { error: '至少 1 人' }),
          z.lte(WORKSHOP_MAX_CAPACITY, { error: `最多 ${WORKSHOP_MAX_CAPACITY} 人` }),
        ),
    }),
  ),
  'admin.workshopCheckIn': lazily(() => z.strictObject({ workshopId, token: shortCode })),
  'admin.coursePush': lazily(() =>
    z.strictObject({
      courseId,
      department: readableText().check(
        z.trim(),
        z.minLength(1, { error: '必填' }),
        z.maxLength(64, { error: '最多 64 个字' }),
      ),
    }),
  ),
} as const;
