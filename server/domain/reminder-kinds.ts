import { VOCABULARY } from './vocabulary';

/** Reminder vocabulary (DESIGN §3 "Reminders"); the schedule lives in reminder-policy.ts. */
export const REMINDER_KINDS = [
  'notice',
  'daily',
  'gentle',
  'serious',
  'hr_alert',
  'manager_review',
  'legal_deadline',
  // Training (issue 14): the day-before reminder of a workshop, and a course pushed to a person.
  'workshop',
  'training_notice',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The phrase field of the subscription message (≤ 5 Chinese characters). */
export const REMINDER_KIND_PHRASES: Record<ReminderKind, string> = VOCABULARY.reminderKinds;

/** Higher wins when two slots fall on one Beijing day for the same person and case. */
export const REMINDER_KIND_RANK: Record<ReminderKind, number> = {
  hr_alert: 6,
  legal_deadline: 6,
  serious: 5,
  gentle: 4,
  daily: 3,
  manager_review: 2,
  notice: 1,
  // Never about a case: they never compete with a case's slots for the day.
  workshop: 0,
  training_notice: 0,
};

export const REMINDER_STATUSES = [
  'pending',
  'sending',
  'sent',
  'failed',
  'failed_unknown',
  'undeliverable',
  'skipped',
] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** Reminder tracks: which open task a slot belongs to. */
export const REMINDER_TRACKS = [
  'employee_handover',
  'employee_sign',
  'manager_review',
  'legal_deadline',
  // 劳动合同法 第23条: HR's monthly non-compete compensation while the restriction is enforced.
  'non_compete_compensation',
  // One message to each successor named (交接人): their handover items await them.
  'successor_handover',
] as const;
export type ReminderTrack = (typeof REMINDER_TRACKS)[number];

/**
 * 需电话联系: the tracks whose messages go to the employee or the manager. One of them
 * undelivered is why HR phones; once none is open there is nobody left to call (HR and the
 * successors are not whom HR phones about the case).
 */
export const CALLABLE_TRACKS: readonly ReminderTrack[] = [
  'employee_handover',
  'employee_sign',
  'manager_review',
];

export const REMINDER_RECIPIENTS = ['employee', 'manager', 'hr', 'successor'] as const;
export type ReminderRecipient = (typeof REMINDER_RECIPIENTS)[number];
