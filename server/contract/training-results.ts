import * as z from 'zod/mini';
import { PRACTICE_NODES } from '../domain/practice-run';
import { PROPOSAL_DECISIONS, PROPOSAL_STATUSES } from '../domain/proposals';
import { SEAT_STATUSES } from '../domain/workshops';
import { calendarDate, sha256Hex } from './field-schemas';
import { audienceSchema, questionKindSchema } from './training-actions';

/**
 * What the training actions answer with: spread into ACTION_RESULTS. A question's key and
 * explanation appear only in `training.quizSubmit`'s answer, never before.
 */

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

const workshopView = z.strictObject({
  workshopId: z.string(),
  title: z.string(),
  courseId: z.nullable(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  audience: audienceSchema,
  capacity: z.int().check(z.positive()),
  /** Seats taken, and how many of them were checked in. */
  enrolled: z.int().check(z.nonnegative()),
  attended: z.int().check(z.nonnegative()),
  /** The caller's own seat. */
  mine: z.enum(SEAT_STATUSES),
  checkInOpen: z.boolean(),
  /** The session's check-in code (what attendees scan): HR and admins only. */
  code: z.optional(z.string()),
});

const seatRef = z.strictObject({
  workshopId: z.string(),
  mine: z.enum(SEAT_STATUSES),
  enrolled: z.int().check(z.nonnegative()),
  capacity: z.int().check(z.positive()),
});

const checkInResult = z.strictObject({
  workshopId: z.string(),
  employeeNo: z.string(),
  name: z.string(),
  attendedAt: z.string(),
  /** Checked in before: nothing changed. */
  already: z.boolean(),
});

export const TRAINING_RESULTS = {
  'training.catalog': z.strictObject({
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
  'training.lesson': z.strictObject({
    courseId: z.string(),
    version: z.int().check(z.positive()),
    lesson: z.strictObject({
      lessonId: z.string(),
      title: z.string(),
      blocks: z.array(lessonBlockView),
    }),
    done: z.boolean(),
  }),
  'training.complete': z.strictObject({
    courseId: z.string(),
    lessonId: z.string(),
    /** The course version the completion names. */
    version: z.int().check(z.positive()),
    done: z.literal(true),
  }),
  'training.quizStart': z.strictObject({
    attemptId: z.string(),
    questions: z.array(learnerQuestion),
  }),
  'training.quizSubmit': z.strictObject({
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
  'training.practiceStart': practiceView,
  'training.practiceStep': practiceView,
  'training.proposalSubmit': proposalRef,
  'training.proposals': z.strictObject({ proposals: z.array(proposalView) }),
  'admin.proposalReview': proposalRef,
  'admin.trainingStats': z.strictObject({
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
    /** Sessions that started in the window, newest first. */
    workshops: z.array(
      z.strictObject({
        workshopId: z.string(),
        title: z.string(),
        startsAt: z.string(),
        enrolled: z.int().check(z.nonnegative()),
        attended: z.int().check(z.nonnegative()),
      }),
    ),
  }),
  'admin.courseSave': z.strictObject({
    courseId: z.string(),
    version: z.int().check(z.positive()),
  }),
  'training.workshops': z.strictObject({ workshops: z.array(workshopView) }),
  'training.workshopEnrol': seatRef,
  'training.workshopCancel': seatRef,
  'training.workshopPass': z.strictObject({
    workshopId: z.string(),
    /** 8 characters: drawn as a QR code HR scans, or read out for HR to type. */
    token: z.string(),
    expiresAt: z.string(),
  }),
  'training.workshopCheckIn': checkInResult,
  'admin.workshopSave': z.strictObject({
    workshopId: z.string(),
    code: z.string(),
    created: z.boolean(),
  }),
  'admin.workshopCheckIn': checkInResult,
  /** Messages newly queued: people already sent or queued this course are not counted again. */
  'admin.coursePush': z.strictObject({ queued: z.int().check(z.nonnegative()) }),
} as const;
