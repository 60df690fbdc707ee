/** 劳动合同法 第36条: an earlier last working day only by agreement, the employee's own. */
import { consentToLastWorkingDay, renderLetter, transition } from '../../../server/domain';
import { caseIn, EMPLOYEE, HR, LAST_DAY, policy } from './case-fixtures';

const NOW = new Date('2027-03-05T02:00:00.000Z');
const EARLY = '2027-03-15';

describe('第36条: an agreed earlier last working day', () => {
  const inReview = caseIn('resignation', 'hr_review');
  const confirm = (c: typeof inReview, extra: Record<string, unknown> = {}) =>
    transition(c, { type: 'hr.confirm', lastWorkingDay: EARLY, ...extra }, NOW, {
      actor: HR,
      policy,
    });

  it('第36条: HR cannot confirm an earlier day without the employee’s recorded consent', () => {
    expect(confirm(inReview, { earlyReleaseProposedBy: 'company' })).toMatchObject({
      ok: false,
      guard: 'earlier_day_consented',
    });
  });

  it('第36条: the employee records the day; HR confirms exactly that day, not another', () => {
    const consented = consentToLastWorkingDay(inReview, EARLY, EMPLOYEE, NOW);
    if (!consented.ok) throw new Error(JSON.stringify(consented));
    expect(consented.case.consentedLastWorkingDay).toBe(EARLY);
    expect(consented.effects.event).toMatchObject({
      type: 'case.consentLastWorkingDay',
      actor: EMPLOYEE,
      payload: { consentedLastWorkingDay: EARLY, legalLastWorkingDay: LAST_DAY, earlier: true },
    });
    expect(confirm(consented.case, { earlyReleaseProposedBy: 'employee' })).toMatchObject({
      ok: true,
      case: { lastWorkingDay: EARLY },
    });
    expect(
      transition(
        consented.case,
        { type: 'hr.confirm', lastWorkingDay: '2027-03-14', earlyReleaseProposedBy: 'employee' },
        NOW,
        { actor: HR, policy },
      ),
    ).toMatchObject({ ok: false, guard: 'earlier_day_consented' });
  });

  it('第36条 / 第46条(二): a company proposal is on the record and the letter, and adds severance_review', () => {
    const consented = consentToLastWorkingDay(inReview, EARLY, EMPLOYEE, NOW);
    if (!consented.ok) throw new Error('refused');
    const result = confirm(consented.case, { earlyReleaseProposedBy: 'company' });
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.case.earlyReleaseProposedBy).toBe('company');
    expect(result.effects.event.payload).toMatchObject({ earlyReleaseProposedBy: 'company' });
    expect(result.case.checklist.map((e) => e.item)).toContain('severance_review');
    const text = renderLetter(result.case).text;
    expect(text).toContain('经公司提出、本人同意');
    expect(text).toContain('第三十六条');
    expect(text).toContain('2027年3月15日');

    const byEmployee = confirm(consented.case, { earlyReleaseProposedBy: 'employee' });
    if (!byEmployee.ok) throw new Error('refused');
    expect(byEmployee.case.checklist.map((e) => e.item)).not.toContain('severance_review');
    expect(renderLetter(byEmployee.case).text).toContain('经本人提出、公司同意');
  });

  it('第37条: the same action records a later day, and HR may confirm it', () => {
    const consented = consentToLastWorkingDay(inReview, '2027-04-15', EMPLOYEE, NOW);
    if (!consented.ok) throw new Error('refused');
    expect(
      transition(consented.case, { type: 'hr.confirm', lastWorkingDay: '2027-04-15' }, NOW, {
        actor: HR,
        policy,
      }),
    ).toMatchObject({ ok: true, case: { lastWorkingDay: '2027-04-15' } });
  });

  it('第36条: only the employee, before confirmation, a day other than the legal one, not before the notice', () => {
    expect(consentToLastWorkingDay(inReview, EARLY, HR, NOW)).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(consentToLastWorkingDay(inReview, LAST_DAY, EMPLOYEE, NOW)).toMatchObject({
      guard: 'other_than_legal_day',
    });
    expect(consentToLastWorkingDay(inReview, '2027-02-28', EMPLOYEE, NOW)).toMatchObject({
      guard: 'last_working_day_after_notice',
    });
    expect(
      consentToLastWorkingDay(caseIn('resignation', 'formalities'), EARLY, EMPLOYEE, NOW),
    ).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(
      consentToLastWorkingDay(caseIn('termination', 'draft'), EARLY, EMPLOYEE, NOW),
    ).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});
