import type { ActionResult } from '../contract';
import { type Instant, toInstant } from '../domain/beijing-calendar';
import { audiencesOf } from '../domain/training-courses';
import {
  acceptedPassSteps,
  cancel,
  checkIn,
  checkInOpen,
  enrol,
  passExpiresAt,
  passStep,
  reminderDueAt,
  scheduleProblem,
  seatOf,
  seatStatus,
  WORKSHOP_REFUSALS,
  type WorkshopRefusal,
  type WorkshopSeat,
} from '../domain/workshops';
import { type Caller, isHr } from './caller';
import { fail, guardFailed, ok, type Outcome } from './outcome';
import type { Crypto } from './ports/crypto.port';
import type { TrainingCoursesRepository } from './ports/training-courses.port';
import type { StoredWorkshop, WorkshopsRepository } from './ports/workshops.port';
import type { Handler } from './rpc-handler';
import { currentCourses } from './training';

/** Sessions listed at once: a company runs a few a month. */
export const WORKSHOPS_LISTED = 50;
/** Tries of a seat change when others keep moving the session's version. */
const SEAT_WRITE_ATTEMPTS = 4;
const CODE_LENGTH = 8;

export interface WorkshopDeps {
  readonly workshops: WorkshopsRepository;
  readonly courses: TrainingCoursesRepository;
  readonly crypto: Crypto;
}

const NOT_FOUND = '没有这一场活动，请返回活动列表刷新';

/** Codes are typed by people: case, spaces and hyphens do not matter; I/L read as 1, O as 0. */
export function normaliseCode(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/** The 8-character pass of `employeeNo` for a time step, signed with the session's secret. */
export function passToken(
  crypto: Crypto,
  workshop: Pick<StoredWorkshop, 'workshopId' | 'passSecret'>,
  employeeNo: string,
  step: number,
): string {
  const mac = crypto.hmacSha256(
    workshop.passSecret,
    `${workshop.workshopId}|${employeeNo}|${step}`,
  );
  // 40 bits in Crockford base32: 5 bits a character from the MAC's first 10 hex digits.
  const bits = BigInt(`0x${mac.slice(0, 10)}`);
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let token = '';
  for (let i = CODE_LENGTH - 1; i >= 0; i -= 1) {
    token += alphabet[Number((bits >> BigInt(5 * i)) & 31n)];
  }
  return token;
}

function refused(reason: WorkshopRefusal) {
  return guardFailed(reason, WORKSHOP_REFUSALS[reason]);
}

function mayAttend(caller: Caller, workshop: StoredWorkshop): boolean {
  return audiencesOf(caller.roles, caller.employee !== null).includes(workshop.audience);
}

function viewOf(caller: Caller, workshop: StoredWorkshop, now: Date, manage: boolean) {
  const mine = caller.employee ? seatOf(workshop, caller.employee.employeeNo) : undefined;
  return {
    workshopId: workshop.workshopId,
    title: workshop.title,
    courseId: workshop.courseId ?? null,
    startsAt: workshop.startsAt,
    endsAt: workshop.endsAt,
    place: workshop.place,
    audience: workshop.audience,
    capacity: workshop.capacity,
    enrolled: workshop.seats.length,
    attended: workshop.seats.filter((seat) => seat.attendedAt).length,
    mine: seatStatus(mine),
    checkInOpen: checkInOpen(workshop, now),
    ...(manage ? { code: workshop.code } : {}),
  };
}

/**
 * 线下 workshop (issue 14): HR schedules sessions; people of the session's audience enrol and
 * cancel; attendance is taken by HR scanning the attendee's short-lived pass or by the
 * attendee scanning the session's code, within the check-in window. Seats live in the
 * session's document and change in version-checked writes: of two people racing for the last
 * seat, one gets it and the other is told it is full.
 */
export function workshopHandlers(deps: WorkshopDeps): {
  'training.workshops': Handler<'training.workshops'>;
  'training.workshopEnrol': Handler<'training.workshopEnrol'>;
  'training.workshopCancel': Handler<'training.workshopCancel'>;
  'training.workshopPass': Handler<'training.workshopPass'>;
  'training.workshopCheckIn': Handler<'training.workshopCheckIn'>;
  'admin.workshopSave': Handler<'admin.workshopSave'>;
  'admin.workshopCheckIn': Handler<'admin.workshopCheckIn'>;
} {
  /**
   * Reads the session, applies `change` and writes it back if it changed, re-reading when
   * another write came in between.
   */
  async function changeSeats<T>(
    workshopId: string,
    change: (
      workshop: StoredWorkshop,
    ) => Outcome<{ seats: readonly WorkshopSeat[]; remindAt?: Instant | null; answer: T }>,
    now: Date,
  ): Promise<Outcome<T>> {
    for (let attempt = 0; attempt < SEAT_WRITE_ATTEMPTS; attempt += 1) {
      const workshop = await deps.workshops.get(workshopId);
      if (!workshop) return fail('NOT_FOUND', NOT_FOUND);
      const changed = change(workshop);
      if (!changed.ok) return changed;
      const { seats, answer } = changed.data;
      if (seats === workshop.seats) return ok(answer);
      const next: StoredWorkshop = {
        ...workshop,
        seats,
        ...(changed.data.remindAt !== undefined ? { remindAt: changed.data.remindAt } : {}),
        updatedAt: toInstant(now),
      };
      if (await deps.workshops.save(next, workshop.version)) return ok(answer);
    }
    return fail('CONFLICT', '报名的人很多，请稍后重试');
  }

  async function checkInAs(
    workshopId: string,
    find: (workshop: StoredWorkshop) => Outcome<string>,
    by: 'pass' | 'code',
    now: Date,
  ): Promise<Outcome<ActionResult<'admin.workshopCheckIn'>>> {
    return changeSeats(
      workshopId,
      (workshop) => {
        const found = find(workshop);
        if (!found.ok) return found;
        const result = checkIn(workshop, found.data, by, now);
        if ('refused' in result) return refused(result.refused);
        return ok({
          seats: result.already ? workshop.seats : result.seats,
          answer: {
            workshopId,
            employeeNo: result.seat.employeeNo,
            name: result.seat.name,
            attendedAt: result.seat.attendedAt ?? toInstant(now),
            already: result.already,
          },
        });
      },
      now,
    );
  }

  return {
    async 'training.workshops'({ caller, now }) {
      const manage = isHr(caller);
      const since = toInstant(new Date(now.getTime() - 24 * 3600_000));
      const listed = await deps.workshops.endingSince(since, WORKSHOPS_LISTED);
      return ok({
        workshops: listed
          .filter((workshop) => manage || mayAttend(caller, workshop))
          .map((workshop) => viewOf(caller, workshop, now, manage)),
      });
    },

    async 'training.workshopEnrol'({ caller, now }, { workshopId }) {
      const person = caller.employee;
      if (!person) return fail('FORBIDDEN', '请先绑定员工身份再报名');
      return changeSeats(
        workshopId,
        (workshop) => {
          if (!mayAttend(caller, workshop)) {
            return fail('FORBIDDEN', '这一场不面向你的岗位，请报名活动列表中的场次');
          }
          const result = enrol(
            workshop,
            {
              employeeNo: person.employeeNo,
              name: person.name,
              department: person.department,
            },
            now,
          );
          if ('refused' in result) return refused(result.refused);
          const due = reminderDueAt(workshop.startsAt, now);
          return ok({
            seats: result.seats,
            // Someone enrolling after the day-before time still gets the reminder.
            ...(workshop.remindAt === null && due ? { remindAt: toInstant(due) } : {}),
            answer: {
              workshopId,
              mine: 'enrolled' as const,
              enrolled: result.seats.length,
              capacity: workshop.capacity,
            },
          });
        },
        now,
      );
    },

    async 'training.workshopCancel'({ caller, now }, { workshopId }) {
      const person = caller.employee;
      if (!person) return fail('FORBIDDEN', '请先绑定员工身份');
      return changeSeats(
        workshopId,
        (workshop) => {
          const result = cancel(workshop, person.employeeNo, now);
          if ('refused' in result) return refused(result.refused);
          return ok({
            seats: result.seats,
            answer: {
              workshopId,
              mine: 'none' as const,
              enrolled: result.seats.length,
              capacity: workshop.capacity,
            },
          });
        },
        now,
      );
    },

    async 'training.workshopPass'({ caller, now }, { workshopId }) {
      const person = caller.employee;
      if (!person) return fail('FORBIDDEN', '请先绑定员工身份');
      const workshop = await deps.workshops.get(workshopId);
      if (!workshop) return fail('NOT_FOUND', NOT_FOUND);
      if (!seatOf(workshop, person.employeeNo)) return refused('not_enrolled');
      return ok({
        workshopId,
        token: passToken(deps.crypto, workshop, person.employeeNo, passStep(now)),
        expiresAt: toInstant(passExpiresAt(now)),
      });
    },

    async 'training.workshopCheckIn'({ caller, now }, { workshopId, code }) {
      const person = caller.employee;
      if (!person) return fail('FORBIDDEN', '请先绑定员工身份');
      return checkInAs(
        workshopId,
        (workshop) =>
          normaliseCode(code) === workshop.code
            ? ok(person.employeeNo)
            : guardFailed('session_code', '签到码不对，请扫描现场展示的签到二维码或核对签到码'),
        'code',
        now,
      );
    },

    async 'admin.workshopCheckIn'({ now }, { workshopId, token }) {
      const typed = normaliseCode(token);
      const steps = acceptedPassSteps(now);
      return checkInAs(
        workshopId,
        (workshop) => {
          const seat = workshop.seats.find((candidate) =>
            steps.some(
              (step) => passToken(deps.crypto, workshop, candidate.employeeNo, step) === typed,
            ),
          );
          return seat
            ? ok(seat.employeeNo)
            : guardFailed(
                'pass_valid',
                '签到码无效或已过期：请让参加者刷新签到码后再扫，或确认其已报名这一场',
              );
        },
        'pass',
        now,
      );
    },

    async 'admin.workshopSave'({ caller, now }, payload) {
      const [existing, course] = await Promise.all([
        payload.workshopId ? deps.workshops.get(payload.workshopId) : Promise.resolve(null),
        payload.courseId ? courseExists(deps, payload.courseId) : Promise.resolve(true),
      ]);
      if (payload.workshopId && !existing) return fail('NOT_FOUND', NOT_FOUND);
      if (!course) {
        return fail('VALIDATION_FAILED', '没有这门课程，请从课程列表中选择', {
          field: 'courseId',
        });
      }
      const problem = scheduleProblem({
        startsAt: payload.startsAt,
        endsAt: payload.endsAt,
        capacity: payload.capacity,
        enrolled: existing?.seats.length ?? 0,
      });
      if (problem) return fail('VALIDATION_FAILED', problem.message, { field: problem.field });
      if (!existing && Date.parse(payload.startsAt) <= now.getTime()) {
        return fail('VALIDATION_FAILED', '开始时间应晚于现在', { field: 'startsAt' });
      }
      const at = toInstant(now);
      const startsAt = toInstant(new Date(payload.startsAt));
      const due = reminderDueAt(startsAt, now);
      const fields = {
        title: payload.title,
        ...(payload.courseId ? { courseId: payload.courseId } : {}),
        startsAt,
        endsAt: toInstant(new Date(payload.endsAt)),
        place: payload.place,
        audience: payload.audience,
        capacity: payload.capacity,
        // A new time means a new day-before reminder (people already reminded are not again).
        remindAt: due ? toInstant(due) : null,
        updatedAt: at,
      };
      if (existing) {
        // A course left out is taken off the session (undefined removes the stored field).
        const saved = await deps.workshops.save(
          { ...existing, courseId: payload.courseId, ...fields },
          existing.version,
        );
        if (!saved) return fail('CONFLICT', '这一场刚被修改，请刷新后再保存');
        return ok({ workshopId: existing.workshopId, code: existing.code, created: false });
      }
      const workshopId = `w${deps.crypto.randomCode(16)}`;
      const created: StoredWorkshop = {
        workshopId,
        ...fields,
        seats: [],
        code: normaliseCode(deps.crypto.randomCode(CODE_LENGTH)),
        passSecret: deps.crypto.randomCode(32),
        version: 0,
        createdAt: at,
        createdBy: caller.employee?.employeeNo ?? caller.openid,
      };
      if (!(await deps.workshops.create(created))) {
        return fail('CONFLICT', '保存失败，请重试');
      }
      return ok({ workshopId, code: created.code, created: true });
    },
  };
}

async function courseExists(deps: WorkshopDeps, courseId: string): Promise<boolean> {
  if (currentCourses([]).some((course) => course.courseId === courseId)) return true;
  return (await deps.courses.get(courseId)) !== null;
}
