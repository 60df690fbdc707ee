import { type Instant, toInstant } from '../domain/beijing-calendar';
import { REMINDER_KIND_PHRASES } from '../domain/reminder-kinds';
import { inSendWindow } from '../domain/reminder-policy';
import { DEFAULT_COURSES } from '../domain/training-default-courses';
import { AUDIENCE_LABELS, type Course } from '../domain/training-courses';
import { composeMessage } from './reminder-messages';
import { verdictOf } from './reminder-delivery';
import { fail, ok } from './outcome';
import type { EmployeeRecord, EmployeesRepository } from './ports/employees.port';
import type { MessageNotifier } from './ports/notifier.port';
import type { Settings } from './ports/settings.port';
import type { SubscriptionsRepository } from './ports/subscriptions.port';
import type { TrainingCoursesRepository } from './ports/training-courses.port';
import type {
  TrainingMessage,
  TrainingMessagesRepository,
  TrainingMessageStatus,
} from './ports/training-messages.port';
import type { StoredWorkshop, WorkshopsRepository } from './ports/workshops.port';
import type { Handler } from './rpc-handler';

/** The course a new hire is told about: the first of the employee courses that ship. */
export const NEW_HIRE_COURSE: Course = DEFAULT_COURSES.find(
  (course) => course.audience === 'employee',
) as Course;

/** People of a department a push reaches at most (one read). */
export const PUSH_LIMIT = 1000;
/**
 * A queued message whose person cannot be reached yet is looked at again 2 hours later, then
 * 4, 8, 16, and daily from then on: a new hire who subscribes soon hears soon, and someone who
 * never does costs one write a day.
 */
export const QUEUED_RECHECK_MS = 2 * 3600_000;
export const QUEUED_RECHECK_MAX_MS = 24 * 3600_000;

export function recheckDelayMs(checks: number): number {
  return Math.min(QUEUED_RECHECK_MS * 2 ** Math.min(checks, 10), QUEUED_RECHECK_MAX_MS);
}
/** Queued messages and due sessions the timer takes per run. */
export const TRAINING_SWEEP_PAGE = 50;

export function courseNoticeId(courseId: string, employeeNo: string): string {
  return `course:${courseId}:${employeeNo}`;
}

export function workshopReminderId(workshopId: string, employeeNo: string): string {
  return `workshop:${workshopId}:${employeeNo}`;
}

/** A 培训通知 waiting for its person to be reachable. */
export function queuedCourseNotice(
  course: Pick<Course, 'courseId' | 'title'>,
  employeeNo: string,
  at: Instant,
): TrainingMessage {
  return {
    id: courseNoticeId(course.courseId, employeeNo),
    kind: 'training_notice',
    employeeNo,
    subjectId: course.courseId,
    title: course.title,
    status: 'queued',
    attempts: 0,
    checkAt: at,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * The 培训通知 of each newly imported employee, queued in one write (the import's one round
 * trip more). A message already queued (an employee removed and imported again) fails the batch;
 * those are left out and the rest queued.
 */
export async function queueNewHireNotices(
  messages: TrainingMessagesRepository,
  employeeNos: readonly string[],
  at: Instant,
): Promise<number> {
  if (employeeNos.length === 0) return 0;
  const queued = employeeNos.map((no) => queuedCourseNotice(NEW_HIRE_COURSE, no, at));
  if (await messages.enqueue(queued)) return queued.length;
  const existing = await messages.existing(queued.map((message) => message.id));
  const fresh = queued.filter((message) => !existing.has(message.id));
  return (await messages.enqueue(fresh)) ? fresh.length : 0;
}

/**
 * `admin.coursePush` (issue 14): a 培训通知 of the course to everyone in the department whose
 * audiences take it, queued in the outbox once per (course, person): pushing again queues only
 * people who joined since. Four round trips for a shipped course: the caller, the department,
 * the messages already queued, the batch of new ones; a course HR made is read too (five).
 */
export function coursePushHandlers(deps: {
  readonly courses: TrainingCoursesRepository;
  readonly employees: EmployeesRepository;
  readonly messages: TrainingMessagesRepository;
}): { 'admin.coursePush': Handler<'admin.coursePush'> } {
  return {
    async 'admin.coursePush'({ now }, { courseId, department }) {
      // A shipped course is known without a read (HR's edits keep its id and audience).
      const shipped = DEFAULT_COURSES.find((c) => c.courseId === courseId) ?? null;
      const [stored, people] = await Promise.all([
        shipped ? Promise.resolve(null) : deps.courses.get(courseId),
        deps.employees.findByDepartment(department, PUSH_LIMIT),
      ]);
      const course = stored ?? shipped;
      if (!course) return fail('NOT_FOUND', '没有这门课程，请从课程列表中选择');
      if (people.length === 0) {
        return fail('NOT_FOUND', `部门「${department}」没有员工，请核对部门名称（与花名册一致）`);
      }
      const audience = people.filter((person) => takesCourse(person, course));
      if (audience.length === 0) {
        return fail(
          'VALIDATION_FAILED',
          `这门课程面向${AUDIENCE_LABELS[course.audience]}，部门「${department}」没有这类人员`,
          { field: 'department' },
        );
      }
      const at = toInstant(now);
      const candidates = audience.map((person) =>
        queuedCourseNotice(course, person.employeeNo, at),
      );
      const existing = await deps.messages.existing(candidates.map((message) => message.id));
      const fresh = candidates.filter((message) => !existing.has(message.id));
      if (!(await deps.messages.enqueue(fresh))) {
        return fail('CONFLICT', '同时有人推送了这门课程，请重试（已推送的人不会重复收到）');
      }
      return ok({ queued: fresh.length });
    },
  };
}

function takesCourse(person: EmployeeRecord, course: Course): boolean {
  if (course.audience === 'employee') return true;
  return person.roles.includes(course.audience);
}

export interface TrainingSendDeps {
  readonly messages: TrainingMessagesRepository;
  readonly workshops: WorkshopsRepository;
  readonly employees: EmployeesRepository;
  readonly subscriptions: SubscriptionsRepository;
  readonly notifier: MessageNotifier;
}

export interface TrainingSendReport {
  readonly sent: number;
  readonly failed: number;
  /** Queued messages whose person is not reachable yet (not bound, or no subscription). */
  readonly waiting: number;
}

const WORKSHOP_NOTE_MAX = 20;

/**
 * The reminders timer's training messages: the day-before reminder of each session whose
 * time has come, to everyone enrolled; and the queued 培训通知 of people who can now receive
 * one (bound, with a subscription credit for the template, as the server estimates it from
 * what their phone reported). Each message is claimed before it is sent — the add of its
 * deterministic id, or its move from `queued` to `sending` — so no run sends it twice.
 */
export async function sendTrainingMessages(
  deps: TrainingSendDeps,
  settings: Settings,
  now: Date,
  /** False once the run's time budget is spent: what is left stays due for the next run. */
  timeLeft: () => boolean = () => true,
): Promise<TrainingSendReport> {
  if (!inSendWindow(now, settings.policy.reminders)) return { sent: 0, failed: 0, waiting: 0 };
  const at = toInstant(now);
  let sent = 0;
  let failed = 0;
  let waiting = 0;

  async function deliver(message: TrainingMessage, person: EmployeeRecord | undefined) {
    const templateId = settings.templateIds[message.kind] ?? '';
    let patch: Partial<TrainingMessage>;
    if (!person?.openid) {
      patch = { status: 'undeliverable', errMsg: '未绑定微信，无法发送', updatedAt: at };
    } else {
      const outcome = await deps.notifier.send(
        composeMessage(settings, templateId, message.kind, person.openid, {
          phrase: REMINDER_KIND_PHRASES[message.kind],
          task: message.title,
          note:
            message.kind === 'workshop'
              ? `地点：${message.place ?? ''}`.slice(0, WORKSHOP_NOTE_MAX)
              : '请在「我的 → 离职办理培训」学习',
          person: person.name,
          at: message.startsAt ?? at,
          caseId: message.subjectId,
        }),
      );
      const verdict = verdictOf(outcome.errCode);
      const status: TrainingMessageStatus =
        verdict === 'sent' ? 'sent' : verdict === 'undeliverable' ? 'undeliverable' : 'failed';
      patch = {
        status,
        templateId,
        touser: person.openid,
        ...(status === 'sent' ? { sentAt: at } : {}),
        ...(outcome.errCode !== 0 ? { errCode: outcome.errCode, errMsg: outcome.errMsg } : {}),
        updatedAt: at,
      };
    }
    await deps.messages.transition(message.id, 'sending', patch);
    if (patch.status === 'sent') sent += 1;
    else failed += 1;
  }

  // The day-before reminders.
  const due = timeLeft() ? await deps.workshops.dueReminders(at, TRAINING_SWEEP_PAGE) : [];
  for (const workshop of due) {
    if (!timeLeft()) break;
    const started = now.getTime() >= Date.parse(workshop.startsAt);
    let finished = true;
    if (!started) {
      const people = new Map(
        (await deps.employees.findByNos(workshop.seats.map((seat) => seat.employeeNo))).map(
          (person) => [person.employeeNo, person],
        ),
      );
      for (const seat of workshop.seats) {
        if (!timeLeft()) {
          finished = false;
          break;
        }
        const message = workshopReminder(workshop, seat.employeeNo, at);
        // The add is the claim: someone reminded before (another run) is not reminded again.
        if (!(await deps.messages.claim(message))) continue;
        await deliver(message, people.get(seat.employeeNo));
      }
    }
    // Out of time: the session stays due and the next run reminds the rest (the claims keep
    // those already reminded from a second message).
    if (!finished) break;
    // Done for now; an enrolment after this sets the time again. A conflict (someone enrolled
    // meanwhile) leaves it due: the next run reminds the newcomer only.
    await deps.workshops.save({ ...workshop, remindAt: null, updatedAt: at }, workshop.version);
  }

  // Queued 培训通知.
  const queued = timeLeft() ? await deps.messages.queuedDue(at, TRAINING_SWEEP_PAGE) : [];
  if (queued.length > 0) {
    const people = new Map(
      (await deps.employees.findByNos([...new Set(queued.map((m) => m.employeeNo))])).map(
        (person) => [person.employeeNo, person],
      ),
    );
    const credits = new Map<string, Readonly<Record<string, number>>>();
    for (const message of queued) {
      if (!timeLeft()) break;
      const person = people.get(message.employeeNo);
      const templateId = settings.templateIds[message.kind] ?? '';
      let reachable = false;
      if (person?.openid && templateId) {
        if (!credits.has(person.openid)) {
          credits.set(person.openid, await deps.subscriptions.get(person.openid));
        }
        reachable = (credits.get(person.openid)?.[templateId] ?? 0) > 0;
      }
      if (!reachable || !person?.openid) {
        waiting += 1;
        const checks = message.checks ?? 0;
        await deps.messages.transition(message.id, 'queued', {
          checks: checks + 1,
          checkAt: toInstant(new Date(now.getTime() + recheckDelayMs(checks))),
          updatedAt: at,
        });
        continue;
      }
      const claimed = await deps.messages.transition(message.id, 'queued', {
        status: 'sending',
        attempts: message.attempts + 1,
        updatedAt: at,
      });
      if (!claimed) continue;
      // One credit is one message: the next queued one for this person waits for another.
      const left = credits.get(person.openid) ?? {};
      credits.set(person.openid, { ...left, [templateId]: (left[templateId] ?? 0) - 1 });
      await deliver({ ...message, status: 'sending' }, person);
    }
  }
  return { sent, failed, waiting };
}

function workshopReminder(workshop: StoredWorkshop, employeeNo: string, at: Instant) {
  return {
    id: workshopReminderId(workshop.workshopId, employeeNo),
    kind: 'workshop' as const,
    employeeNo,
    subjectId: workshop.workshopId,
    title: workshop.title,
    startsAt: workshop.startsAt,
    place: workshop.place,
    status: 'sending' as const,
    attempts: 1,
    checkAt: at,
    createdAt: at,
    updatedAt: at,
  } satisfies TrainingMessage;
}
