import * as z from 'zod/mini';
import {
  calendarDate,
  employeeNo,
  explanation,
  instant,
  reasonSchema,
  stateSchema,
} from './field-schemas';

/**
 * What the company's OA posts to the `oa-webhook` function (README "接入 OA"). The fields a
 * resignation shares with `case.submit` use the same schemas, so both entrances refuse the same
 * input with the same words.
 */

/** The OA's own id for the request: one `oaRef` makes at most one case. */
export const oaRef = z
  .string()
  .check(
    z.minLength(1, { error: '必填' }),
    z.maxLength(64, { error: '最多 64 个字符' }),
    z.regex(/^[A-Za-z0-9_.:-]+$/, { error: '只能包含字母、数字和 _ . : -' }),
  );

const faultGround = z
  .string()
  .check(z.trim(), z.minLength(1, { error: '必填' }), z.maxLength(200, { error: '最多 200 个字' }));

export const oaResignationCreated = z.strictObject({
  type: z.literal('resignation.created'),
  oaRef,
  employeeNo,
  reason: reasonSchema,
  explanation: z.optional(explanation),
  /** The employer's grounds the employee names (第38条); recorded with the notice. */
  faultGrounds: z.optional(z.array(faultGround).check(z.maxLength(10, { error: '最多 10 项' }))),
  /** When the employee submitted it in the OA: the notice reached the company then. */
  submittedAt: instant,
  /** The day the employee asked for in the OA; HR confirms the last working day. */
  lastWorkingDay: z.optional(calendarDate),
});

export const oaResignationWithdrawn = z.strictObject({
  type: z.literal('resignation.withdrawn'),
  oaRef,
  requestedAt: instant,
});

export const oaWebhookBody = z.discriminatedUnion(
  'type',
  [oaResignationCreated, oaResignationWithdrawn],
  { error: '应为 resignation.created 或 resignation.withdrawn' },
);

export type OaWebhookBody = z.output<typeof oaWebhookBody>;
export type OaResignationCreated = z.output<typeof oaResignationCreated>;
export type OaResignationWithdrawn = z.output<typeof oaResignationWithdrawn>;

/** 200: the case the request made or had made before. */
export const oaWebhookAccepted = z.strictObject({
  caseId: z.string(),
  state: stateSchema,
  created: z.boolean(),
});

/** Every other answer: a stable code, a message for people, and what it concerns. */
export const oaWebhookRefused = z.strictObject({
  error: z.enum([
    'method_not_allowed',
    'payload_too_large',
    'not_configured',
    'unauthorized',
    'validation_failed',
    'employee_not_found',
    'case_not_found',
    'conflict',
    'open_case',
    'not_withdrawable',
    'busy',
  ]),
  message: z.string(),
  field: z.optional(z.string()),
  caseId: z.optional(z.string()),
});

export type OaWebhookAccepted = z.output<typeof oaWebhookAccepted>;
export type OaWebhookRefused = z.output<typeof oaWebhookRefused>;

/** What the OA receives at `OA_CALLBACK_URL` on every state change of a case it started. */
export const oaCallbackBody = z.strictObject({
  oaRef,
  caseId: z.string(),
  state: stateSchema,
  stateLabel: z.string(),
  lastWorkingDay: z.nullable(calendarDate),
  at: instant,
  /** The case's audit sequence number of the change: the receiver drops what it has seen. */
  eventSeq: z.int().check(z.positive()),
});

export type OaCallbackBody = z.output<typeof oaCallbackBody>;
