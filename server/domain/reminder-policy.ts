import {
  addDays,
  beijingDate,
  beijingMinuteOfDay,
  beijingTime,
  type CalendarDate,
  type Instant,
  instantMs,
  MS_PER_DAY,
  toInstant,
} from './beijing-calendar';
import { type CaseRecord } from './case-record';
import { lastEnteredAt } from './case-guards';
import { isSettled, PAY_AND_CERTIFICATE_ITEMS, TRANSFER_ITEMS } from './checklist-rules';
import { type ChecklistItemId, type FixedChecklistItemId } from './checklist';
import { type ReminderPolicy } from './policy';
import {
  type ReminderKind,
  REMINDER_KIND_PHRASES,
  REMINDER_KIND_RANK,
  type ReminderRecipient,
  type ReminderStatus,
  type ReminderTrack,
} from './reminder-kinds';
import { compensationSchedule } from './non-compete';
import { openTracks } from './reminder-tracks';

/** One scheduled message of a case: deterministic id per (case, track, slot). */
export interface ReminderSlot {
  readonly id: string;
  readonly caseId: string;
  readonly track: ReminderTrack;
  readonly slot: string;
  readonly kind: ReminderKind;
  readonly phrase: string;
  readonly recipient: ReminderRecipient;
  /** When the policy wants it. */
  readonly dueAt: Instant;
  /** When it may go out: a slot due at night waits for the morning. */
  readonly sendAt: Instant;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface ReminderDecision extends ReminderSlot {
  readonly status: Extract<ReminderStatus, 'pending' | 'skipped'>;
}

/** What the sweep already recorded for the case (any status). */
export interface RecordedReminder {
  readonly id: string;
  readonly recipient: ReminderRecipient;
  /** `successorNo` tells one successor from another. */
  readonly detail?: Readonly<Record<string, unknown>>;
  readonly status: ReminderStatus;
  /** Beijing date the message was (to be) sent. */
  readonly sendDate: CalendarDate;
}

export interface ReminderPlan {
  /** Slots due now: one `pending` at most per recipient, the rest `skipped`. */
  readonly decisions: readonly ReminderDecision[];
  /** When the case next has a slot due (for an indexed `nextReminderAt`), or null. */
  readonly nextReminderAt: Instant | null;
}

/** Statuses that mean a person got (or may have got) a message that day. */
const COUNTS_TOWARDS_DAILY_CAP: readonly ReminderStatus[] = [
  'pending',
  'sending',
  'sent',
  'failed_unknown',
];

/** The person a slot goes to: a role, or one successor among several. */
export function audienceOf(slot: Pick<RecordedReminder, 'recipient' | 'detail'>): string {
  return slot.recipient === 'successor'
    ? `successor:${String(slot.detail?.successorNo)}`
    : slot.recipient;
}

/** At most one message a day to a person for a case: has `audience` had theirs on `date`? */
export function messagedOn(
  recorded: readonly RecordedReminder[],
  audience: string,
  date: CalendarDate,
): boolean {
  return recorded.some(
    (r) =>
      audienceOf(r) === audience &&
      r.sendDate === date &&
      COUNTS_TOWARDS_DAILY_CAP.includes(r.status),
  );
}

export function inSendWindow(at: Date | Instant, policy: ReminderPolicy): boolean {
  const minute = beijingMinuteOfDay(at);
  return minute >= policy.sendWindow.startHour * 60 && minute < policy.sendWindow.endHour * 60;
}

/** The first moment at or after `at` inside the send window ([09:00, 21:00) Beijing). */
export function nextSendTime(at: Date, policy: ReminderPolicy): Date {
  const minute = beijingMinuteOfDay(at);
  const date = beijingDate(at);
  if (minute < policy.sendWindow.startHour * 60) {
    return beijingTime(date, policy.sendWindow.startHour);
  }
  if (minute >= policy.sendWindow.endHour * 60) {
    return beijingTime(addDays(date, 1), policy.sendWindow.startHour);
  }
  return at;
}

interface SlotSpec {
  readonly track: ReminderTrack;
  readonly slot: string;
  readonly kind: ReminderKind;
  readonly recipient: ReminderRecipient;
  readonly dueAt: Date;
  readonly detail: Readonly<Record<string, unknown>>;
}

export type EmployeeTrack = Extract<ReminderTrack, 'employee_handover' | 'employee_sign'>;

export function isEmployeeTrack(track: ReminderTrack): track is EmployeeTrack {
  return track === 'employee_handover' || track === 'employee_sign';
}

/** The checklist item the employee's open task is about. */
export function employeeTaskItem(caseDoc: CaseRecord, track: EmployeeTrack): FixedChecklistItemId {
  if (track === 'employee_handover') return 'handover_list';
  return caseDoc.kind === 'resignation' ? 'sign_letter' : 'sign_receipt';
}

/**
 * Day 0 of the employee's task: the notice's receipt, or the entry into formalities; a
 * termination's receipt is to be signed from its delivery (民法典 第137条), none before.
 */
function employeeTaskStart(caseDoc: CaseRecord, track: EmployeeTrack): Instant | undefined {
  if (track === 'employee_handover') return caseDoc.noticeReceivedAt;
  if (caseDoc.kind === 'termination' && caseDoc.noticeReceivedAt === undefined) return undefined;
  return caseDoc.deliveredAt ?? lastEnteredAt(caseDoc, 'formalities');
}

/**
 * The kind the employee's task has on day n: notice at the start, daily on days 1, 2, 4, 5,
 * 6, gentle on day 3, serious from day 7 every day; none on a day without a reminder.
 */
function employeeKindOnDay(n: number, p: ReminderPolicy['employeeTask']): ReminderKind | undefined {
  if (n === 0) return 'notice';
  if (n >= p.seriousFromDay) return 'serious';
  if (n === p.gentleDay) return 'gentle';
  return p.dailyDays.includes(n) ? 'daily' : undefined;
}

/**
 * The employee's open task, one slot a day the ladder names, and HR alerted once on day 7
 * (day n = start + n × 24h).
 */
function employeeTaskSlots(
  track: EmployeeTrack,
  task: FixedChecklistItemId,
  start: Instant,
  now: Date,
  policy: ReminderPolicy,
): SlotSpec[] {
  const p = policy.employeeTask;
  const startMs = instantMs(start);
  const elapsedDays = Math.floor((now.getTime() - startMs) / MS_PER_DAY);
  const horizon = Math.max(elapsedDays + 1, p.seriousFromDay, p.hrAlertDay);
  const specs: SlotSpec[] = [];
  for (let n = 0; n <= horizon; n += 1) {
    const dueAt = new Date(startMs + n * MS_PER_DAY);
    const kind = employeeKindOnDay(n, p);
    if (kind) {
      specs.push({
        track,
        slot: `d${n}`,
        kind,
        recipient: 'employee',
        dueAt,
        detail: { task, day: n },
      });
    }
    if (n === p.hrAlertDay) {
      specs.push({
        track,
        slot: `d${n}-hr`,
        kind: 'hr_alert',
        recipient: 'hr',
        dueAt,
        detail: { task, daysLate: n },
      });
    }
  }
  return specs;
}

/** When the handover list became present: the manager's waiting starts then (or at entry). */
function managerWaitStart(caseDoc: CaseRecord): { start: Instant; round: number } | undefined {
  const entered = lastEnteredAt(caseDoc, 'submitted');
  if (entered === undefined) return undefined;
  const times = [
    ...caseDoc.attachments.filter((a) => a.kind === 'handover_checklist').map((a) => a.at),
    ...caseDoc.waivers.filter((w) => w.item === 'handover_list').map((w) => w.at),
  ].sort();
  const present = times[0];
  if (present === undefined) return undefined;
  const round = caseDoc.stages.filter((s) => s.state === 'submitted').length;
  return { start: present > entered ? present : entered, round };
}

/** Waiting for the manager more than 2 days: daily to the reviewer; day 4 alerts HR. */
function managerReviewSlots(caseDoc: CaseRecord, now: Date, policy: ReminderPolicy): SlotSpec[] {
  const wait = managerWaitStart(caseDoc);
  if (wait === undefined) return [];
  const p = policy.managerReview;
  const startMs = instantMs(wait.start);
  const elapsedDays = Math.floor((now.getTime() - startMs) / MS_PER_DAY);
  const horizon = Math.max(elapsedDays + 1, p.afterDays + 1, p.hrAlertDay);
  const reviewer: ReminderRecipient = caseDoc.managerNo !== undefined ? 'manager' : 'hr';
  const specs: SlotSpec[] = [];
  // A return and resubmission starts a new round with its own slot ids.
  const prefix = `r${wait.round}-`;
  for (let n = p.afterDays + 1; n <= horizon; n += 1) {
    const dueAt = new Date(startMs + n * MS_PER_DAY);
    specs.push({
      track: 'manager_review',
      slot: `${prefix}d${n}`,
      kind: 'manager_review',
      recipient: reviewer,
      dueAt,
      detail: { waitingDays: n },
    });
    if (n === p.hrAlertDay) {
      specs.push({
        track: 'manager_review',
        slot: `${prefix}d${n}-hr`,
        kind: 'hr_alert',
        recipient: 'hr',
        dueAt,
        detail: { waitingDays: n },
      });
    }
  }
  return specs;
}

/**
 * HR's legal deadlines: final pay and certificate on the last working day (第50条,
 * 工资支付暂行规定 第9条), reminded 3 days before and on it; transfers within 15 days
 * (第50条), reminded on days +10 and +14. Each at the opening of the send window.
 */
function legalDeadlineSlots(caseDoc: CaseRecord, policy: ReminderPolicy): SlotSpec[] {
  const last = caseDoc.lastWorkingDay;
  if (last === undefined) return [];
  const open = (ids: readonly ChecklistItemId[]): ChecklistItemId[] =>
    caseDoc.checklist.filter((e) => ids.includes(e.item) && !isSettled(e)).map((e) => e.item);
  const specs: SlotSpec[] = [];
  const payOpen = open(PAY_AND_CERTIFICATE_ITEMS);
  if (payOpen.length > 0) {
    for (const before of policy.legalDeadline.daysBeforeLastDay) {
      const date = addDays(last, -before);
      specs.push({
        track: 'legal_deadline',
        slot: `pay-${before}`,
        kind: 'legal_deadline',
        recipient: 'hr',
        dueAt: beijingTime(date, policy.sendWindow.startHour),
        detail: { items: payOpen, deadline: last },
      });
    }
  }
  const transferOpen = open(TRANSFER_ITEMS);
  if (transferOpen.length > 0) {
    for (const after of policy.legalDeadline.transferDaysAfterLastDay) {
      const date = addDays(last, after);
      specs.push({
        track: 'legal_deadline',
        slot: `transfer+${after}`,
        kind: 'legal_deadline',
        recipient: 'hr',
        dueAt: beijingTime(date, policy.sendWindow.startHour),
        detail: { items: transferOpen, deadline: addDays(last, 15) },
      });
    }
  }
  return specs;
}

/**
 * 劳动合同法 第23条: an enforced non-compete is compensated monthly; HR is reminded on each
 * compensation date, at the opening of the send window, with the warning of 最高法 劳动争议
 * 解释(一) 第38条 (three months unpaid lets the employee end the obligation).
 */
function nonCompeteSlots(caseDoc: CaseRecord, policy: ReminderPolicy): SlotSpec[] {
  const decision = caseDoc.nonCompete;
  const last = caseDoc.lastWorkingDay;
  if (decision?.decision !== 'enforced' || decision.months === undefined || last === undefined) {
    return [];
  }
  const months = decision.months;
  return compensationSchedule(last, months).map((date, i) => ({
    track: 'non_compete_compensation' as const,
    slot: `pay-${date}`,
    kind: 'legal_deadline' as const,
    recipient: 'hr' as const,
    dueAt: beijingTime(date, policy.sendWindow.startHour),
    detail: {
      compensationDate: date,
      month: i + 1,
      months,
      ...(decision.monthlyCompensation === undefined
        ? {}
        : { monthlyCompensation: decision.monthlyCompensation }),
    },
  }));
}

/**
 * One message to each successor of the current naming who still has an item to confirm, when
 * they were named; a new naming is a new round with its own slots (sent once each).
 */
function successorSlots(caseDoc: CaseRecord): SlotSpec[] {
  const handover = caseDoc.handover;
  if (handover === undefined) return [];
  const specs: SlotSpec[] = [];
  for (const s of handover.successors) {
    const open = handover.items.filter(
      (i) => i.successorNo === s.employeeNo && i.status !== 'confirmed',
    );
    if (open.length === 0) continue;
    specs.push({
      track: 'successor_handover',
      slot: `a${handover.round}-${s.employeeNo}`,
      kind: 'notice',
      recipient: 'successor',
      dueAt: new Date(instantMs(handover.assignedAt)),
      detail: { successorNo: s.employeeNo, items: open.length },
    });
  }
  return specs;
}

/** Every slot the case's open tracks have, past and near future. */
export function reminderSlots(
  caseDoc: CaseRecord,
  now: Date,
  policy: ReminderPolicy,
): ReminderSlot[] {
  const specs: SlotSpec[] = [];
  for (const track of openTracks(caseDoc)) {
    if (isEmployeeTrack(track)) {
      const start = employeeTaskStart(caseDoc, track);
      const task = employeeTaskItem(caseDoc, track);
      if (start) specs.push(...employeeTaskSlots(track, task, start, now, policy));
    } else if (track === 'manager_review') {
      specs.push(...managerReviewSlots(caseDoc, now, policy));
    } else if (track === 'legal_deadline') {
      specs.push(...legalDeadlineSlots(caseDoc, policy));
    } else if (track === 'non_compete_compensation') {
      specs.push(...nonCompeteSlots(caseDoc, policy));
    } else if (track === 'successor_handover') {
      specs.push(...successorSlots(caseDoc));
    }
  }
  return specs.map((s) => ({
    id: `${caseDoc.caseId}:${s.track}:${s.slot}`,
    caseId: caseDoc.caseId,
    track: s.track,
    slot: s.slot,
    kind: s.kind,
    phrase: REMINDER_KIND_PHRASES[s.kind],
    recipient: s.recipient,
    dueAt: toInstant(s.dueAt),
    sendAt: toInstant(nextSendTime(s.dueAt, policy)),
    detail: s.detail,
  }));
}

/** Higher kind first; among equals the most recent slot speaks. */
function outranks(a: ReminderSlot, b: ReminderSlot): boolean {
  const ra = REMINDER_KIND_RANK[a.kind];
  const rb = REMINDER_KIND_RANK[b.kind];
  return ra !== rb ? ra > rb : a.dueAt > b.dueAt;
}

/**
 * Decides which slots go out now. A slot is due when its send time ≤ now and now is inside
 * the send window. A person gets at most one message a day per case (Beijing date): the
 * highest kind wins and the others are recorded `skipped`.
 */
export function planReminders(
  caseDoc: CaseRecord,
  now: Date,
  policy: ReminderPolicy,
  recorded: readonly RecordedReminder[],
): ReminderPlan {
  const seen = new Set(recorded.map((r) => r.id));
  const slots = reminderSlots(caseDoc, now, policy).filter((s) => !seen.has(s.id));
  const nowMs = now.getTime();
  const sendable = inSendWindow(now, policy);
  const due = sendable ? slots.filter((s) => instantMs(s.sendAt) <= nowMs) : [];

  const today = beijingDate(now);
  const decisions: ReminderDecision[] = [];
  const audiences = Array.from(new Set(due.map(audienceOf)));
  for (const audience of audiences) {
    const mine = due.filter((s) => audienceOf(s) === audience);
    const winner = messagedOn(recorded, audience, today)
      ? undefined
      : mine.reduce<ReminderSlot | undefined>(
          (best, s) => (best === undefined || outranks(s, best) ? s : best),
          undefined,
        );
    for (const s of mine) {
      decisions.push({ ...s, status: s === winner ? 'pending' : 'skipped' });
    }
  }

  const decided = new Set(decisions.map((d) => d.id));
  let next: number | null = null;
  for (const s of slots) {
    if (decided.has(s.id)) continue;
    let at = instantMs(s.sendAt);
    if (at <= nowMs) at = nextSendTime(new Date(nowMs + 1), policy).getTime();
    if (next === null || at < next) next = at;
  }
  return { decisions, nextReminderAt: next === null ? null : toInstant(new Date(next)) };
}

/**
 * When the sweep should next look at a case after a user's change, without reading its
 * reminders: nothing open → null (the case leaves the due index); a track the change opened →
 * its first slot (earlier than what was scheduled); otherwise the schedule stands (a track that
 * closed costs at most one visit that finds nothing).
 */
export function nextReminderAfterChange(
  before: CaseRecord | null,
  scheduled: Instant | null,
  after: CaseRecord,
  now: Date,
  policy: ReminderPolicy,
): Instant | null {
  const open = openTracks(after);
  if (open.length === 0) return null;
  // A new naming of successors opens their track afresh, with new slots.
  const renamed = before?.handover?.round !== after.handover?.round;
  const was = (before ? openTracks(before) : []).filter(
    (t) => !(renamed && t === 'successor_handover'),
  );
  // Without a schedule (a case stored before there was one) every open track counts as new.
  const opened = scheduled === null ? open : open.filter((t) => !was.includes(t));
  let next = scheduled === null ? null : instantMs(scheduled);
  for (const slot of reminderSlots(after, now, policy)) {
    if (!opened.includes(slot.track)) continue;
    const at = instantMs(slot.sendAt);
    if (next === null || at < next) next = at;
  }
  return next === null ? null : toInstant(new Date(next));
}

/**
 * HR's manual reminder (`case.remind`): one message to the employee for their open task now,
 * with the kind the schedule gives the task's current day. Its id is per Beijing day, so a
 * second request the same day meets the existing record.
 */
export function manualReminderSlot(
  caseDoc: CaseRecord,
  now: Date,
  policy: ReminderPolicy,
  /** HR's own words for the message's note (≤ 20 characters, a template's thing). */
  note?: string,
): ReminderSlot | null {
  const track = openTracks(caseDoc).find(isEmployeeTrack);
  if (track === undefined) return null;
  const start = employeeTaskStart(caseDoc, track);
  if (start === undefined) return null;
  const day = Math.max(0, Math.floor((now.getTime() - instantMs(start)) / MS_PER_DAY));
  // A day without a scheduled reminder still gets one when HR asks: a daily one.
  const kind = employeeKindOnDay(day, policy.employeeTask) ?? 'daily';
  const task = employeeTaskItem(caseDoc, track);
  const at = toInstant(now);
  return {
    id: `${caseDoc.caseId}:${track}:manual-${beijingDate(now)}`,
    caseId: caseDoc.caseId,
    track,
    slot: `manual-${beijingDate(now)}`,
    kind,
    phrase: REMINDER_KIND_PHRASES[kind],
    recipient: 'employee',
    dueAt: at,
    sendAt: at,
    detail: { task, day, manual: true, ...(note ? { note } : {}) },
  };
}
