import { transition } from '../../../server/domain/case-machine';
import { consentToLaterDay } from '../../../server/domain/later-day-consent';
import { caseIn, EMPLOYEE, HR, LAST_DAY, policy } from './case-fixtures';

const NOW = new Date('2027-03-05T02:00:00.000Z');

describe('a later last working day needs the employee’s written consent (第37条)', () => {
  it('lets HR confirm up to the day the employee agreed to, and not beyond', () => {
    const inReview = caseIn('resignation', 'hr_review');
    const refused = transition(
      inReview,
      { type: 'hr.confirm', lastWorkingDay: '2027-04-15' },
      NOW,
      {
        actor: HR,
        policy,
      },
    );
    expect(refused).toMatchObject({ ok: false, guard: 'later_day_consented' });

    const consented = consentToLaterDay(inReview, '2027-04-15', EMPLOYEE, NOW);
    if (!consented.ok) throw new Error('consent refused');
    expect(consented.case.consentToLaterDay).toBe('2027-04-15');
    expect(consented.effects.event).toMatchObject({
      type: 'case.consentLaterDay',
      payload: { consentToLaterDay: '2027-04-15', legalLastWorkingDay: LAST_DAY },
    });

    const confirm = (lastWorkingDay: string) =>
      transition(consented.case, { type: 'hr.confirm', lastWorkingDay }, NOW, {
        actor: HR,
        policy,
      });
    expect(confirm('2027-04-15')).toMatchObject({
      ok: true,
      case: { lastWorkingDay: '2027-04-15' },
    });
    expect(confirm('2027-04-16')).toMatchObject({ ok: false, guard: 'later_day_consented' });
  });

  it('is the employee’s alone, before the day is confirmed, and only for a later day', () => {
    const submitted = caseIn('resignation', 'submitted');
    expect(consentToLaterDay(submitted, '2027-04-15', HR, NOW)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(consentToLaterDay(submitted, LAST_DAY, EMPLOYEE, NOW)).toMatchObject({
      ok: false,
      guard: 'later_than_legal_day',
    });
    expect(
      consentToLaterDay(caseIn('resignation', 'formalities'), '2027-04-15', EMPLOYEE, NOW),
    ).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });
});
