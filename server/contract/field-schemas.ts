import * as z from 'zod/mini';
import { ATTACHMENT_KINDS } from '../domain/attachments';
import {
  CANCEL_BASES,
  CASE_KINDS,
  DELIVERY_METHODS,
  EARLY_RELEASE_PROPOSERS,
  NOTICE_MODES,
  UNION_BODIES,
} from '../domain/case-kinds';
import { STATES } from '../domain/case-states';
import { REHIRE_CHOICES } from '../domain/case-record';
import { REASONS } from '../domain/reasons';
import { FAULT_GROUNDS } from '../domain/employer-fault';
import { REMINDER_KINDS } from '../domain/reminder-kinds';
import { ROLES } from '../domain/roles';
import { isCalendarDate, isInstant } from '../domain/beijing-calendar';
import {
  ASSET_ID_PATTERN,
  ASSET_ITEM_PATTERN,
  type ChecklistItemId,
  KNOWN_CHECKLIST_ITEM_IDS,
} from '../domain/checklist';

/** Field schemas shared by several actions; each carries its own Chinese message. */

/**
 * The years any date of this product lies in: hire dates from 1950 (no one hired earlier is
 * still employed), nothing after 2099. Dates that depend on a case (a last working day at
 * most two years after the notice) are checked again where the case is known.
 */
export const EARLIEST_DATE = '1950-01-01';
export const LATEST_DATE = '2099-12-31';

export const calendarDate = z.string().check(
  z.refine(isCalendarDate, { error: '应为有效日期，格式 YYYY-MM-DD' }),
  z.refine((value) => value >= EARLIEST_DATE && value <= LATEST_DATE, {
    error: `应在 ${EARLIEST_DATE} 至 ${LATEST_DATE} 之间`,
  }),
);

export const instant = z
  .string()
  .check(z.refine(isInstant, { error: '应为带时区的 ISO 8601 时间' }));

export const sha256Hex = z
  .string()
  .check(z.regex(/^[0-9a-f]{64}$/, { error: '应为 64 位小写十六进制' }));

export const caseId = z
  .string()
  .check(
    z.minLength(1, { error: '必填' }),
    z.maxLength(64, { error: '最多 64 个字符' }),
    z.regex(/^[A-Za-z0-9_-]+$/, { error: '只能包含字母、数字、下划线和连字符' }),
  );

export const employeeNo = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, { error: '必填' }),
    z.maxLength(32, { error: '最多 32 个字符' }),
    z.regex(/^[A-Za-z0-9_-]+$/, { error: '只能包含字母、数字、下划线和连字符' }),
  );

export const idempotencyKey = z
  .string()
  .check(
    z.minLength(8, { error: '至少 8 个字符' }),
    z.maxLength(64, { error: '最多 64 个字符' }),
    z.regex(/^[\x21-\x7e]+$/, { error: '只能包含可见的 ASCII 字符' }),
  );

/**
 * Bidirectional controls (U+202A–202E, U+2066–2069, U+200E/200F, U+061C) and zero-width
 * characters (U+200B–200D, U+2060, U+FEFF): invisible, they can make a letter or a name read
 * differently from what is stored (a right-to-left override reverses what follows).
 */
export const INVISIBLE_CONTROLS = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/** Text people read: names, comments, explanations. */
export const readableText = () =>
  z.string().check(
    z.refine((value) => !INVISIBLE_CONTROLS.test(value), {
      error: '含有不可见的控制字符（如从右到左、零宽字符），请删除后重试',
    }),
  );

export const comment = readableText().check(z.trim(), z.maxLength(500, { error: '最多 500 个字' }));

export const explanation = readableText().check(
  z.trim(),
  z.minLength(10, { error: '至少 10 个字' }),
  z.maxLength(500, { error: '最多 500 个字' }),
);

export const fileId = z
  .string()
  .check(z.minLength(1, { error: '必填' }), z.maxLength(512, { error: '过长' }));

export const openid = z.string().check(z.minLength(1), z.maxLength(128));

export const checklistItemId = z.custom<ChecklistItemId>(
  (value) =>
    typeof value === 'string' &&
    ((KNOWN_CHECKLIST_ITEM_IDS as readonly string[]).includes(value) ||
      ASSET_ITEM_PATTERN.test(value)),
  { error: '不是有效的清单项' },
);

export const asset = z.strictObject({
  id: z
    .string()
    .check(z.regex(ASSET_ID_PATTERN, { error: '只能包含小写字母、数字、下划线和连字符' })),
  label: readableText().check(
    z.trim(),
    z.minLength(1, { error: '必填' }),
    z.maxLength(20, { error: '最多 20 个字' }),
  ),
});

/** The closed sets a payload or an answer names. */
export const stateSchema = z.enum(STATES);
export const roleSchema = z.enum(ROLES);
export const reasonSchema = z.enum(REASONS);
export const caseKindSchema = z.enum(CASE_KINDS);
export const attachmentKindSchema = z.enum(ATTACHMENT_KINDS);
export const reminderKindSchema = z.enum(REMINDER_KINDS);
export const noticeModeSchema = z.enum(NOTICE_MODES);
export const earlyReleaseProposerSchema = z.enum(EARLY_RELEASE_PROPOSERS);
export const faultGroundSchema = z.enum(FAULT_GROUNDS);
export const deliveryMethodSchema = z.enum(DELIVERY_METHODS, {
  error: '应为 in_person（当面）、ems、email 或 other',
});
export const deliveryChannelSchema = z.enum([...DELIVERY_METHODS, 'mini_program']);
export const cancelBasisValues = CANCEL_BASES;

/** 第43条: whom HR told before issuing a termination, and when. */
export const unionNoticeSchema = z.strictObject({
  notifiedOn: calendarDate,
  body: z.enum(UNION_BODIES, {
    error:
      '应为 company_union（本单位工会）、local_federation（当地总工会或街道工会）或 employee_representatives（职工代表）',
  }),
  objection: z.optional(z.boolean()),
});
export const rehireSchema = z.enum(REHIRE_CHOICES, {
  error: '应为 yes（可再次录用）、no（不再录用）或 ask（录用前咨询HR）',
});

/** The caller's upload tag: the prefix of the file names a caller may upload. */
export const uploadTag = z.string().check(z.regex(/^[0-9a-f]{16}$/));
