import {
  acceptedPassSteps,
  cancel,
  checkIn,
  checkInOpen,
  dayBeforeReminderAt,
  enrol,
  passExpiresAt,
  passStep,
  reminderDueAt,
  scheduleProblem,
  type Workshop,
} from '../../../server/domain/workshops';

const at = (beijing: string) => new Date(`${beijing}+08:00`);

const session: Workshop = {
  workshopId: 'wTEST00000000',
  title: '离职办理实操课',
  startsAt: '2027-03-10T06:00:00.000Z', // 14:00 Beijing
  endsAt: '2027-03-10T08:00:00.000Z', // 16:00 Beijing
  place: '3 楼',
  audience: 'employee',
  capacity: 1,
  seats: [],
};
const person = { employeeNo: 'D001', name: '张伟', department: '研发部' };

describe('scheduling a workshop', () => {
  it('refuses an end before the start, a session over 12 hours, and fewer seats than people enrolled', () => {
    const base = { startsAt: session.startsAt, capacity: 10, enrolled: 0 };
    expect(scheduleProblem({ ...base, endsAt: session.startsAt })?.field).toBe('endsAt');
    expect(scheduleProblem({ ...base, endsAt: '2027-03-10T19:00:00.000Z' })?.field).toBe('endsAt');
    expect(
      scheduleProblem({ ...base, endsAt: session.endsAt, capacity: 2, enrolled: 3 })?.message,
    ).toBe('已有 3 人报名，名额不能少于报名人数');
    expect(scheduleProblem({ ...base, endsAt: session.endsAt })).toBeNull();
  });
});

describe('seats', () => {
  it('takes a seat while one is free and before the start; enrolling twice changes nothing', () => {
    const first = enrol(session, person, at('2027-03-09T10:00:00'));
    if (!('seats' in first)) throw new Error('refused');
    expect(first.seats).toEqual([{ ...person, enrolledAt: '2027-03-09T02:00:00.000Z' }]);
    const taken = { ...session, seats: first.seats };
    expect(enrol(taken, person, at('2027-03-09T11:00:00'))).toEqual({ seats: first.seats });
    expect(enrol(taken, { ...person, employeeNo: 'D002' }, at('2027-03-09T11:00:00'))).toEqual({
      refused: 'workshop_full',
    });
    expect(enrol(session, person, at('2027-03-10T14:00:00'))).toEqual({
      refused: 'enrolment_closed',
    });
  });

  it('gives a seat back before the start, never after a check-in', () => {
    const seat = { ...person, enrolledAt: '2027-03-09T02:00:00.000Z' };
    const held = { ...session, seats: [seat] };
    expect(cancel(held, 'D001', at('2027-03-10T13:00:00'))).toEqual({ seats: [] });
    expect(cancel(held, 'D001', at('2027-03-10T14:01:00'))).toEqual({ refused: 'cancel_closed' });
    const present = { ...session, seats: [{ ...seat, attendedAt: '2027-03-10T05:45:00.000Z' }] };
    expect(cancel(present, 'D001', at('2027-03-10T13:50:00'))).toEqual({
      refused: 'already_attended',
    });
  });
});

describe('check-in', () => {
  it('is open from 30 minutes before the start to the end', () => {
    expect(checkInOpen(session, at('2027-03-10T13:29:59'))).toBe(false);
    expect(checkInOpen(session, at('2027-03-10T13:30:00'))).toBe(true);
    expect(checkInOpen(session, at('2027-03-10T16:00:00'))).toBe(true);
    expect(checkInOpen(session, at('2027-03-10T16:00:01'))).toBe(false);
  });

  it('marks the person present once, keeping the first time; refuses someone not enrolled', () => {
    const held = { ...session, seats: [{ ...person, enrolledAt: '2027-03-09T02:00:00.000Z' }] };
    const first = checkIn(held, 'D001', 'pass', at('2027-03-10T13:45:00'));
    if (!('seat' in first)) throw new Error('refused');
    expect(first.seat).toMatchObject({
      attendedAt: '2027-03-10T05:45:00.000Z',
      checkedInBy: 'pass',
    });
    const again = checkIn(
      { ...held, seats: first.seats },
      'D001',
      'code',
      at('2027-03-10T14:30:00'),
    );
    expect(again).toMatchObject({ already: true, seat: { checkedInBy: 'pass' } });
    expect(checkIn(held, 'D009', 'code', at('2027-03-10T13:45:00'))).toEqual({
      refused: 'not_enrolled',
    });
    expect(checkIn(held, 'D001', 'code', at('2027-03-10T12:00:00'))).toEqual({
      refused: 'check_in_window',
    });
  });

  it('accepts a pass in its five-minute step and the next one only', () => {
    const made = at('2027-03-10T13:41:00');
    const step = passStep(made);
    expect(acceptedPassSteps(at('2027-03-10T13:44:59'))).toContain(step);
    expect(acceptedPassSteps(at('2027-03-10T13:49:59'))).toContain(step);
    expect(acceptedPassSteps(at('2027-03-10T13:50:00'))).not.toContain(step);
    expect(passExpiresAt(made)).toEqual(at('2027-03-10T13:50:00'));
  });
});

describe('the day-before reminder', () => {
  it('is due at 09:00 Beijing the day before, or at once for a late enrolment, never after the start', () => {
    expect(dayBeforeReminderAt(session.startsAt)).toEqual(at('2027-03-09T09:00:00'));
    expect(reminderDueAt(session.startsAt, at('2027-03-01T10:00:00'))).toEqual(
      at('2027-03-09T09:00:00'),
    );
    expect(reminderDueAt(session.startsAt, at('2027-03-09T20:00:00'))).toEqual(
      at('2027-03-09T20:00:00'),
    );
    expect(reminderDueAt(session.startsAt, at('2027-03-10T14:00:00'))).toBeNull();
  });
});
