import {
  addDays,
  beijingDate,
  isCalendarDate,
  isInProbation,
  legalLastWorkingDay,
  openTracks,
  severanceMonths,
  submitResignation,
  terminationLastWorkingDay,
  transferDue,
} from '../../../server/domain';
import { employee, policy, sha256 } from './case-fixtures';

/** Noon in Beijing on a date, as a UTC instant. */
const beijingNoon = (date: string) => `${date}T04:00:00.000Z`;
const PAST_PROBATION = '2020-01-01';

describe('notice period, 劳动合同法 第37条 with 民法典 第201条 (day of receipt not counted)', () => {
  it.each([
    ['2027-03-01', '2027-03-31'],
    ['2027-01-31', '2027-03-02'], // February 2027 has 28 days
    ['2028-01-31', '2028-03-01'], // 2028 is a leap year
    ['2028-02-29', '2028-03-30'],
    ['2027-12-15', '2028-01-14'],
  ])('第37条: notice received %s → last working day %s (30 days)', (received, last) => {
    expect(legalLastWorkingDay(beijingNoon(received), PAST_PROBATION)).toBe(last);
  });

  it('第37条: 3 days in probation, the probation end date itself included', () => {
    expect(isInProbation('2027-05-31', '2027-05-31')).toBe(true);
    expect(legalLastWorkingDay(beijingNoon('2027-05-31'), '2027-05-31')).toBe('2027-06-03');
    expect(legalLastWorkingDay(beijingNoon('2027-06-01'), '2027-05-31')).toBe('2027-07-01');
  });

  it('第37条: the Beijing date of receipt counts, not the UTC date of the machine', () => {
    // 23:30 Beijing is 15:30 UTC the same day: still that Beijing day.
    expect(beijingDate('2027-03-01T15:30:00.000Z')).toBe('2027-03-01');
    expect(legalLastWorkingDay('2027-03-01T15:30:00.000Z', PAST_PROBATION)).toBe('2027-03-31');
    // From 16:00 UTC on it is already the next day in Beijing, while UTC is still on the 1st.
    expect(beijingDate('2027-03-01T15:59:59.999Z')).toBe('2027-03-01');
    expect(beijingDate('2027-03-01T16:00:00.000Z')).toBe('2027-03-02');
    expect(legalLastWorkingDay('2027-03-01T16:30:00.000Z', PAST_PROBATION)).toBe('2027-04-01');
    // An instant written with +08:00 means the same moment.
    expect(beijingDate('2027-03-02T00:30:00+08:00')).toBe('2027-03-02');
  });

  it('第37条: the submission fixes the legal last working day and hashes the notice', () => {
    const result = submitResignation(
      { caseId: 'c9', employee, employeeOpenid: 'o-employee', reason: 'resignation' },
      new Date('2027-03-01T16:30:00.000Z'), // 00:30 on 2 March in Beijing
      policy,
      sha256,
    );
    expect(result).toMatchObject({
      ok: true,
      case: {
        state: 'submitted',
        noticeReceivedAt: '2027-03-01T16:30:00.000Z',
        legalLastWorkingDay: '2027-04-01',
        lastWorkingDay: '2027-04-01',
      },
      effects: {
        event: { type: 'case.submit', payload: { inProbation: false, noticeDays: 30 } },
      },
    });
    if (result.ok) expect(result.case.noticeTextHash).toMatch(/^[0-9a-f]{64}$/);
    if (result.ok) expect(openTracks(result.case)).toEqual(['employee_handover']);
  });

  it('refuses a submission with a reason of the other kind or without its explanation', () => {
    const input = { caseId: 'c9', employee, employeeOpenid: 'o-employee' } as const;
    const now = new Date('2027-03-01T04:00:00.000Z');
    expect(submitResignation({ ...input, reason: 'incompetence' }, now, policy, sha256)).toEqual({
      ok: false,
      code: 'PRECONDITION_FAILED',
      guard: 'reason_matches_kind',
    });
    expect(submitResignation({ ...input, reason: 'personal' }, now, policy, sha256)).toEqual({
      ok: false,
      code: 'PRECONDITION_FAILED',
      guard: 'reason_requirements_met',
    });
  });

  it('第40条: a termination with notice ends 30 days after the issue date', () => {
    expect(terminationLastWorkingDay('2027-01-31T04:00:00.000Z')).toBe('2027-03-02');
  });

  it('第50条: transfers are due 15 days after the last working day', () => {
    expect(transferDue('2027-03-31')).toBe('2027-04-15');
  });

  it('第47条: severance months as guidance', () => {
    expect(severanceMonths('2024-03-01', '2027-03-01')).toBe(3);
    expect(severanceMonths('2024-03-01', '2027-06-15')).toBe(3.5);
    expect(severanceMonths('2024-03-01', '2027-10-01')).toBe(4);
  });

  it('validates calendar dates and does calendar arithmetic without a time zone', () => {
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-13-01')).toBe(false);
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});
