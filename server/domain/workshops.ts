import { addDays, beijingDate, beijingTime, type Instant, instantMs } from './beijing-calendar';
import type { Audience } from './training-courses';
import { VOCABULARY } from './vocabulary';

/**
 * 线下 workshop (issue 14): HR schedules a session for one audience with a capacity; people
 * of that audience enrol; attendance is taken on the spot, by HR scanning the attendee's pass
 * or the attendee scanning the session's code, within the check-in window.
 */

/** The most seats a session offers: a room, not an auditorium (keeps the document small). */
export const WORKSHOP_MAX_CAPACITY = 300;
/** The longest session: one working day. */
export const WORKSHOP_MAX_HOURS = 12;
/** Check-in opens this long before the start and closes at the end. */
export const CHECK_IN_OPENS_BEFORE_MS = 30 * 60 * 1000;
/** A pass code is valid in its time step and the next one: 5 to 10 minutes. */
export const PASS_STEP_MS = 5 * 60 * 1000;
/** The Beijing hour of the day-before reminder (the send window opens at 09:00). */
export const REMINDER_HOUR = 9;

export interface WorkshopSeat {
  readonly employeeNo: string;
  readonly name: string;
  readonly department: string;
  readonly enrolledAt: Instant;
  readonly attendedAt?: Instant;
  /** `pass` when HR scanned the attendee, `code` when the attendee scanned the session. */
  readonly checkedInBy?: 'pass' | 'code';
}

export interface Workshop {
  readonly workshopId: string;
  readonly title: string;
  readonly courseId?: string;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  readonly place: string;
  readonly audience: Audience;
  readonly capacity: number;
  readonly seats: readonly WorkshopSeat[];
}

/** Where a person stands with a session. */
export const SEAT_STATUSES = ['none', 'enrolled', 'attended'] as const;
export type SeatStatus = (typeof SEAT_STATUSES)[number];
export const SEAT_STATUS_LABELS: Record<SeatStatus, string> = VOCABULARY.workshopSeats;

export function seatStatus(seat: WorkshopSeat | undefined): SeatStatus {
  return !seat ? 'none' : seat.attendedAt ? 'attended' : 'enrolled';
}

export type WorkshopRefusal =
  | 'cancel_closed'
  | 'workshop_full'
  | 'enrolment_closed'
  | 'not_enrolled'
  | 'check_in_window'
  | 'already_attended';

export const WORKSHOP_REFUSALS: Record<WorkshopRefusal, string> = {
  cancel_closed: '活动已开始或已结束，不能再取消报名',
  workshop_full: '名额已满，请关注下一场或联系 HR',
  enrolment_closed: '活动已开始或已结束，不能再报名',
  not_enrolled: '你没有报名这一场，请先报名',
  check_in_window: '不在签到时间内：开始前 30 分钟至结束前可签到',
  already_attended: '已签到，不能取消报名',
};

/** The session's time and size as HR enters them: the problem, or null. */
export function scheduleProblem(input: {
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  readonly capacity: number;
  readonly enrolled: number;
}): { field: 'endsAt' | 'capacity'; message: string } | null {
  const start = instantMs(input.startsAt);
  const end = instantMs(input.endsAt);
  if (end <= start) return { field: 'endsAt', message: '结束时间应晚于开始时间' };
  if (end - start > WORKSHOP_MAX_HOURS * 3600_000) {
    return { field: 'endsAt', message: `一场最长 ${WORKSHOP_MAX_HOURS} 小时，请分场安排` };
  }
  if (input.capacity < input.enrolled) {
    return {
      field: 'capacity',
      message: `已有 ${input.enrolled} 人报名，名额不能少于报名人数`,
    };
  }
  return null;
}

export function seatOf(workshop: Workshop, employeeNo: string): WorkshopSeat | undefined {
  return workshop.seats.find((seat) => seat.employeeNo === employeeNo);
}

/** Enrolment: before the start, while a seat is free; enrolling again changes nothing. */
export function enrol(
  workshop: Workshop,
  person: Omit<WorkshopSeat, 'enrolledAt' | 'attendedAt' | 'checkedInBy'>,
  now: Date,
): { seats: readonly WorkshopSeat[] } | { refused: WorkshopRefusal } {
  if (seatOf(workshop, person.employeeNo)) return { seats: workshop.seats };
  if (now.getTime() >= instantMs(workshop.startsAt)) return { refused: 'enrolment_closed' };
  if (workshop.seats.length >= workshop.capacity) return { refused: 'workshop_full' };
  return { seats: [...workshop.seats, { ...person, enrolledAt: now.toISOString() }] };
}

/** Cancelling: before the start and not checked in; a cancel of no seat changes nothing. */
export function cancel(
  workshop: Workshop,
  employeeNo: string,
  now: Date,
): { seats: readonly WorkshopSeat[] } | { refused: WorkshopRefusal } {
  const seat = seatOf(workshop, employeeNo);
  if (!seat) return { seats: workshop.seats };
  if (seat.attendedAt) return { refused: 'already_attended' };
  if (now.getTime() >= instantMs(workshop.startsAt)) return { refused: 'cancel_closed' };
  return { seats: workshop.seats.filter((candidate) => candidate !== seat) };
}

/** From 30 minutes before the start to the end. */
export function checkInOpen(workshop: Pick<Workshop, 'startsAt' | 'endsAt'>, now: Date): boolean {
  const at = now.getTime();
  return (
    at >= instantMs(workshop.startsAt) - CHECK_IN_OPENS_BEFORE_MS &&
    at <= instantMs(workshop.endsAt)
  );
}

/** Marks the person present; a second check-in keeps the first time. */
export function checkIn(
  workshop: Workshop,
  employeeNo: string,
  by: 'pass' | 'code',
  now: Date,
):
  | { seats: readonly WorkshopSeat[]; seat: WorkshopSeat; already: boolean }
  | {
      refused: WorkshopRefusal;
    } {
  const seat = seatOf(workshop, employeeNo);
  if (!seat) return { refused: 'not_enrolled' };
  if (seat.attendedAt) return { seats: workshop.seats, seat, already: true };
  if (!checkInOpen(workshop, now)) return { refused: 'check_in_window' };
  const present: WorkshopSeat = { ...seat, attendedAt: now.toISOString(), checkedInBy: by };
  return {
    seats: workshop.seats.map((candidate) => (candidate === seat ? present : candidate)),
    seat: present,
    already: false,
  };
}

/** The day-before reminder: 09:00 Beijing on the day before the session's Beijing date. */
export function dayBeforeReminderAt(startsAt: Instant): Date {
  return beijingTime(addDays(beijingDate(startsAt), -1), REMINDER_HOUR);
}

/**
 * When the reminders timer should next look at the session: the day-before time, or now for
 * someone enrolling after it; null once the session has started (a reminder then is no use).
 */
export function reminderDueAt(startsAt: Instant, now: Date): Date | null {
  if (now.getTime() >= instantMs(startsAt)) return null;
  const dayBefore = dayBeforeReminderAt(startsAt);
  return dayBefore.getTime() > now.getTime() ? dayBefore : now;
}

/** The pass's time step at `at`: a pass from step n is good in steps n and n + 1. */
export function passStep(at: Date): number {
  return Math.floor(at.getTime() / PASS_STEP_MS);
}

/** When a pass made at `at` stops being accepted. */
export function passExpiresAt(at: Date): Date {
  return new Date((passStep(at) + 2) * PASS_STEP_MS);
}

/** The steps whose passes are accepted at `now`. */
export function acceptedPassSteps(now: Date): number[] {
  const step = passStep(now);
  return [step, step - 1];
}
