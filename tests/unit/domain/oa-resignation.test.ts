import { renderLetter } from '../../../server/domain/letters';
import {
  oaNoticeDateProblem,
  receiveOaResignation,
  withdrawOaResignation,
} from '../../../server/domain/oa-resignation';
import { caseIn, employee, policy, sha256 } from './case-fixtures';

const NOW = new Date('2027-03-10T02:00:00.000Z');
const DAY = 86_400_000;

describe('a resignation from the OA (第37条: the notice reached the company in its OA)', () => {
  it.each([
    ['an hour ago', NOW.getTime() - 3_600_000, null],
    ['exactly now', NOW.getTime(), null],
    ['30 days ago', NOW.getTime() - 30 * DAY, null],
    ['30 days and a second ago', NOW.getTime() - 30 * DAY - 1000, 'too_old'],
    ['a second ahead', NOW.getTime() + 1000, 'future'],
  ])('submitted %s', (_when, at, problem) => {
    expect(oaNoticeDateProblem(new Date(at), NOW)).toBe(problem);
  });

  const input = {
    caseId: 'oa1',
    employee,
    employeeOpenid: 'o-employee',
    reason: 'resignation' as const,
    oaRef: 'OA-1',
    bodyHash: 'h',
    submittedAt: new Date('2027-03-01T02:00:00.000Z'),
  };

  it('takes the notice date and the legal last day from submittedAt, the event from now', () => {
    const result = receiveOaResignation(input, NOW, policy, sha256);
    if (!result.ok) throw new Error('refused');
    expect(result.case).toMatchObject({
      state: 'submitted',
      source: 'oa',
      oaRef: 'OA-1',
      noticeReceivedAt: '2027-03-01T02:00:00.000Z',
      legalLastWorkingDay: '2027-03-31',
      createdAt: NOW.toISOString(),
    });
    const letter = renderLetter(result.case).text;
    expect(letter).toContain('经 OA 提交（OA 单号：OA-1）');
    expect(result.case.noticeTextHash).toBe(sha256(letter));
    expect(result.effects.event).toMatchObject({
      type: 'case.submit',
      actor: { openid: 'oa', role: 'system' },
      at: NOW.toISOString(),
      payload: { source: 'oa', submittedAt: '2027-03-01T02:00:00.000Z' },
    });
  });

  it('keeps no OPENID for an employee who has not bound the mini program', () => {
    const { employeeOpenid: _none, ...unbound } = input;
    const result = receiveOaResignation(unbound, NOW, policy, sha256);
    expect(result.ok && result.case).not.toHaveProperty('employeeOpenid');
  });

  it('applies case.submit’s reason rules', () => {
    expect(
      receiveOaResignation({ ...input, reason: 'incompetence' }, NOW, policy, sha256),
    ).toMatchObject({ ok: false, guard: 'reason_matches_kind' });
    expect(
      receiveOaResignation({ ...input, reason: 'personal' }, NOW, policy, sha256),
    ).toMatchObject({ ok: false, guard: 'reason_requirements_met' });
  });

  it('a withdrawal in the OA is the employee’s own, where the in-app one is allowed', () => {
    const withdrawn = withdrawOaResignation(caseIn('resignation', 'submitted'), 'r', NOW, policy);
    expect(withdrawn).toMatchObject({
      ok: true,
      case: { state: 'withdrawn' },
      effects: {
        event: {
          type: 'withdraw',
          actor: { role: 'employee' },
          payload: { withdrawal: 'employee_request' },
        },
      },
    });
    expect(
      withdrawOaResignation(caseIn('resignation', 'formalities'), 'r', NOW, policy),
    ).toMatchObject({ ok: false });
  });
});
