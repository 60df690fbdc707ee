/** 个保法 第47条 / 劳动争议调解仲裁法 第6条: a disputed case is kept; HR marks it, on the record. */
import { markDisputed } from '../../../server/domain';
import { caseIn, EMPLOYEE, HR } from './case-fixtures';

const NOW = new Date('2027-06-01T02:00:00.000Z');

describe('markDisputed', () => {
  it('个保法 第47条: HR marks a finished case as disputed, and unmarks it, each an event', () => {
    const completed = caseIn('resignation', 'completed');
    const marked = markDisputed(completed, true, HR, NOW);
    if (!marked.ok) throw new Error(JSON.stringify(marked));
    expect(marked.case).toMatchObject({ disputed: true, state: 'completed' });
    expect(marked.effects.event).toMatchObject({
      type: 'case.markDisputed',
      actor: HR,
      payload: { disputed: true },
    });
    const unmarked = markDisputed(marked.case, false, HR, NOW);
    expect(unmarked).toMatchObject({ ok: true, case: { disputed: false } });
  });

  it('个保法 第47条: what the dispute is goes into the event with the mark', () => {
    const marked = markDisputed(
      caseIn('resignation', 'completed'),
      true,
      HR,
      NOW,
      ' 仲裁案号 118 ',
    );
    expect(marked).toMatchObject({
      ok: true,
      effects: { event: { payload: { disputed: true, comment: '仲裁案号 118' } } },
    });
  });

  it('个保法 第47条: only HR, and not on a draft the employee has never seen', () => {
    expect(markDisputed(caseIn('resignation', 'formalities'), true, EMPLOYEE, NOW)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(markDisputed(caseIn('termination', 'draft'), true, HR, NOW)).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
  });
});
