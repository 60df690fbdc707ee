import {
  buildChecklist,
  type CaseRecord,
  changeChecklistItem,
  compensationSchedule,
  fallbackMonthlyCompensation,
  nextCompensationDue,
  nonCompeteProblem,
  openTracks,
  recordNonCompete,
  reminderSlots,
  transition,
} from '../../../server/domain';
import { VOCABULARY } from '../../../server/domain/vocabulary';
import { caseIn, employee, HR, LAST_DAY, LATE, MANAGER, policy } from './case-fixtures';

/** A case in formalities whose contract has the clause, every other item done. */
function nonCompeteCase(): CaseRecord {
  const base = caseIn('resignation', 'formalities', {
    employee: { ...employee, nonCompete: true },
  });
  const decision = buildChecklist({
    kind: 'resignation',
    formalitiesStart: '2027-03-05T02:00:00.000Z',
    lastWorkingDay: LAST_DAY,
    hasManager: true,
    assets: [],
    nonCompete: true,
  }).find((e) => e.item === 'non_compete_decided');
  if (decision === undefined) throw new Error('the checklist has no non_compete_decided');
  return { ...base, checklist: [...base.checklist, decision] };
}

const enforced = { decision: 'enforced', months: 12, monthlyCompensation: 3000 } as const;

describe('劳动合同法 第23/24条: the non-compete decision at exit', () => {
  it('第23条: the checklist asks for the decision only when the contract has the clause', () => {
    const plan = {
      kind: 'resignation',
      formalitiesStart: '2027-03-05T02:00:00.000Z',
      lastWorkingDay: LAST_DAY,
      hasManager: true,
      assets: [],
    } as const;
    const items = (nonCompete: boolean) =>
      buildChecklist({ ...plan, nonCompete }).map((e) => e.item);
    expect(items(true)).toContain('non_compete_decided');
    expect(items(false)).not.toContain('non_compete_decided');
    expect(buildChecklist({ ...plan, nonCompete: true }).at(-1)).toMatchObject({
      by: ['hr'],
      due: LAST_DAY,
      label: '竞业限制决定',
    });
  });

  it('第24条: enforcing needs 1 to 24 months and a monthly compensation; a release needs neither', () => {
    expect(nonCompeteProblem(enforced)).toBeUndefined();
    expect(nonCompeteProblem({ ...enforced, months: 24 })).toBeUndefined();
    expect(nonCompeteProblem({ ...enforced, months: 25 })).toBe('months_over_limit');
    expect(nonCompeteProblem({ decision: 'enforced', monthlyCompensation: 3000 })).toBe(
      'months_required',
    );
    expect(nonCompeteProblem({ decision: 'enforced', months: 6 })).toBe('compensation_required');
    expect(nonCompeteProblem({ decision: 'released' })).toBeUndefined();
  });

  it('第23条: recording the decision ticks the item and writes an audit event', () => {
    const result = recordNonCompete(nonCompeteCase(), enforced, HR, LATE);
    if (!result.ok) throw new Error(JSON.stringify(result));
    expect(result.case.nonCompete).toMatchObject({ ...enforced, decidedBy: 'o-hr' });
    expect(result.case.checklist.find((e) => e.item === 'non_compete_decided')).toMatchObject({
      done: true,
      doneBy: 'o-hr',
    });
    expect(result.effects.event).toMatchObject({ type: 'case.nonCompete', payload: enforced });
  });

  it('第23条: only HR records it, once, with the terms an enforced decision needs', () => {
    expect(recordNonCompete(nonCompeteCase(), enforced, MANAGER, LATE)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(
      recordNonCompete(nonCompeteCase(), { decision: 'enforced', months: 30 }, HR, LATE),
    ).toMatchObject({ ok: false, guard: 'non_compete_terms_given' });
    const once = recordNonCompete(nonCompeteCase(), { decision: 'released' }, HR, LATE);
    if (!once.ok) throw new Error('the release was refused');
    expect(recordNonCompete(once.case, enforced, HR, LATE)).toMatchObject({
      ok: false,
      guard: 'item_open',
    });
    const withoutClause = caseIn('resignation', 'formalities');
    expect(recordNonCompete(withoutClause, enforced, HR, LATE)).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('第23/24条: the item is neither waived nor ticked by hand, so the case cannot close without the decision', () => {
    const open = nonCompeteCase();
    expect(
      changeChecklistItem(
        open,
        { item: 'non_compete_decided', waive: true, note: '员工已离职' },
        HR,
        LATE,
      ),
    ).toMatchObject({ ok: false, guard: 'statutory_duty' });
    expect(
      changeChecklistItem(open, { item: 'non_compete_decided', done: true }, HR, LATE),
    ).toMatchObject({ ok: false, guard: 'decision_action_required' });
    const close = (c: typeof open) =>
      transition(c, { type: 'hr.close' }, LATE, { actor: HR, policy });
    expect(close(open)).toMatchObject({ ok: false, guard: 'checklist_complete' });
    const decided = recordNonCompete(open, { decision: 'released' }, HR, LATE);
    if (!decided.ok) throw new Error('the release was refused');
    expect(close(decided.case)).toMatchObject({ ok: true });
  });
});

describe('最高法 劳动争议解释(一) 第36–39条: compensation guidance and the monthly schedule', () => {
  it('第36条: the fallback is 30 % of the average monthly wage, not below the minimum wage', () => {
    expect(fallbackMonthlyCompensation(20000)).toBe(6000);
    expect(fallbackMonthlyCompensation(20000, 2690)).toBe(6000);
    expect(fallbackMonthlyCompensation(6000, 2690)).toBe(2690);
    expect(fallbackMonthlyCompensation(12345.67)).toBe(3703.7);
    expect(VOCABULARY.nonCompeteGuidance.fallback).toContain('30%');
  });

  it('第38条: one compensation date a month after the last working day, month ends kept', () => {
    expect(compensationSchedule('2027-03-31', 3)).toEqual([
      '2027-04-30',
      '2027-05-31',
      '2027-06-30',
    ]);
    expect(compensationSchedule('2027-11-15', 2)).toEqual(['2027-12-15', '2028-01-15']);
    expect(VOCABULARY.nonCompeteGuidance.unpaid).toContain('三个月');
  });

  it('第38条: the next date while enforced; none for a release or after the term', () => {
    const decision = { ...enforced, months: 2, decidedAt: LATE.toISOString(), decidedBy: 'o-hr' };
    expect(nextCompensationDue(decision, '2027-03-31', '2027-04-01')).toBe('2027-04-30');
    expect(nextCompensationDue(decision, '2027-03-31', '2027-04-30')).toBe('2027-04-30');
    expect(nextCompensationDue(decision, '2027-03-31', '2027-05-01')).toBe('2027-05-31');
    expect(nextCompensationDue(decision, '2027-03-31', '2027-06-01')).toBeUndefined();
    const released = {
      decision: 'released',
      decidedAt: LATE.toISOString(),
      decidedBy: 'o-hr',
    } as const;
    expect(nextCompensationDue(released, '2027-03-31', '2027-04-01')).toBeUndefined();
  });

  it('第39条: the release text names the three extra months and says the exit-day case is contested', () => {
    expect(VOCABULARY.nonCompeteGuidance.released).toContain('三个月');
    expect(VOCABULARY.nonCompeteGuidance.released).toContain('争议');
  });
});

describe('the monthly compensation reminder (劳动合同法 第23条, 劳动争议解释(一) 第38条)', () => {
  const enforced = (state: 'formalities' | 'completed' | 'withdrawn', months = 2) =>
    caseIn('resignation', state, {
      lastWorkingDay: '2027-03-31',
      nonCompete: {
        decision: 'enforced',
        months,
        monthlyCompensation: 3000,
        decidedAt: '2027-03-20T02:00:00.000Z',
        decidedBy: 'o-hr',
      },
    });

  it('劳动合同法 第23条: HR is reminded at 09:00 on each compensation date, after the closing too', () => {
    const slots = reminderSlots(
      enforced('completed'),
      new Date('2027-04-01T00:00:00Z'),
      policy.reminders,
    ).filter((s) => s.track === 'non_compete_compensation');
    expect(slots.map((s) => [s.slot, s.kind, s.recipient, s.sendAt])).toEqual([
      ['pay-2027-04-30', 'legal_deadline', 'hr', '2027-04-30T01:00:00.000Z'],
      ['pay-2027-05-31', 'legal_deadline', 'hr', '2027-05-31T01:00:00.000Z'],
    ]);
    expect(slots[1]?.detail).toEqual({
      compensationDate: '2027-05-31',
      month: 2,
      months: 2,
      monthlyCompensation: 3000,
    });
  });

  it('劳动争议解释(一) 第38条: only while enforced; a release or a withdrawn case has no reminders', () => {
    expect(openTracks(enforced('formalities'))).toContain('non_compete_compensation');
    expect(openTracks(enforced('withdrawn'))).not.toContain('non_compete_compensation');
    const released = {
      ...enforced('completed'),
      nonCompete: {
        decision: 'released' as const,
        decidedAt: '2027-03-20T02:00:00.000Z',
        decidedBy: 'o-hr',
      },
    };
    expect(openTracks(released)).toEqual([]);
  });
});
