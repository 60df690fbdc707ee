import type { ActionPayload, ActionResult, Audience, SeatStatus } from '../../server/contract';
import { VOCABULARY } from '../generated/vocabulary';
import { formatInstant } from './beijing-time';
import { AUDIENCE_LABELS } from './training';

type Workshop = ActionResult<'training.workshops'>['workshops'][number];

export const SEAT_LABELS: Record<SeatStatus, string> = VOCABULARY.workshopSeats;

export interface WorkshopCard {
  workshopId: string;
  title: string;
  /** 2027-03-10 14:00–16:00 */
  when: string;
  place: string;
  audience: string;
  /** 已报名 2/20 · 已签到 1 */
  seats: string;
  mine: SeatStatus;
  mineLabel: string;
  full: boolean;
  started: boolean;
  checkInOpen: boolean;
  /** What an attendee may do now. */
  canEnrol: boolean;
  canCancel: boolean;
  canShowPass: boolean;
  /** HR only: the session's check-in code, grouped for reading (`ABCD-EFGH`). */
  code: string;
}

/** `ABCDEFGH` → `ABCD-EFGH`: easier to read out and to type. */
export function groupCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** 2027-03-10 14:00–16:00 (Beijing); a session over midnight shows both dates. */
export function sessionTime(startsAt: string, endsAt: string): string {
  const start = formatInstant(startsAt);
  const end = formatInstant(endsAt);
  return start.slice(0, 10) === end.slice(0, 10)
    ? `${start}–${end.slice(11)}`
    : `${start} – ${end}`;
}

export function workshopCards(workshops: readonly Workshop[], nowMs: number): WorkshopCard[] {
  return workshops.map((workshop) => {
    const started = Date.parse(workshop.startsAt) <= nowMs;
    const full = workshop.enrolled >= workshop.capacity;
    return {
      workshopId: workshop.workshopId,
      title: workshop.title,
      when: sessionTime(workshop.startsAt, workshop.endsAt),
      place: workshop.place,
      audience: AUDIENCE_LABELS[workshop.audience],
      seats:
        `已报名 ${workshop.enrolled}/${workshop.capacity}` +
        (workshop.attended > 0 ? ` · 已签到 ${workshop.attended}` : ''),
      mine: workshop.mine,
      mineLabel: SEAT_LABELS[workshop.mine],
      full,
      started,
      checkInOpen: workshop.checkInOpen,
      canEnrol: workshop.mine === 'none' && !started && !full,
      canCancel: workshop.mine === 'enrolled' && !started,
      canShowPass: workshop.mine === 'enrolled' && workshop.checkInOpen,
      code: workshop.code ? groupCode(workshop.code) : '',
    };
  });
}

/** What HR fills in to schedule a session; times as the pickers give them. */
export interface WorkshopForm {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  startTime: string;
  endTime: string;
  place: string;
  audience: Audience;
  capacity: string;
  courseId: string;
}

export type WorkshopDraft =
  | { ok: true; payload: ActionPayload<'admin.workshopSave'> }
  | { ok: false; field: keyof WorkshopForm; message: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/** The form as `admin.workshopSave` takes it, or the first thing to fix (the server checks again). */
export function workshopDraft(form: WorkshopForm, workshopId?: string): WorkshopDraft {
  const title = form.title.trim();
  const place = form.place.trim();
  if (!title) return { ok: false, field: 'title', message: '请填写活动名称' };
  if (!DATE.test(form.date)) return { ok: false, field: 'date', message: '请选择日期' };
  if (!TIME.test(form.startTime))
    return { ok: false, field: 'startTime', message: '请选择开始时间' };
  if (!TIME.test(form.endTime)) return { ok: false, field: 'endTime', message: '请选择结束时间' };
  if (form.endTime <= form.startTime) {
    return { ok: false, field: 'endTime', message: '结束时间应晚于开始时间' };
  }
  if (!place) return { ok: false, field: 'place', message: '请填写地点' };
  const capacity = Number(form.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 300) {
    return { ok: false, field: 'capacity', message: '名额应为 1–300 的整数' };
  }
  return {
    ok: true,
    payload: {
      ...(workshopId ? { workshopId } : {}),
      title,
      ...(form.courseId ? { courseId: form.courseId } : {}),
      startsAt: `${form.date}T${form.startTime}:00+08:00`,
      endsAt: `${form.date}T${form.endTime}:00+08:00`,
      place,
      audience: form.audience,
      capacity,
    },
  };
}

/** A pass's remaining validity for the attendee: 有效至 14:10. */
export function passValidity(expiresAt: string): string {
  return `有效至 ${formatInstant(expiresAt).slice(11)}，过期后点「刷新」`;
}
