/** @jest-environment jsdom */
import type { ActionResult } from '../../server/contract';
import { formalitiesCase } from './fixtures/case-view';
import { meta } from './fixtures/meta';
import { openPage } from './fixtures/page';
import { hrSession } from './fixtures/session';
import {
  allText,
  settle,
  setUp,
  tapButton,
  textOf,
  typeInto,
  type Comp,
  type WxMocks,
} from './harness';

type CaseView = ActionResult<'case.get'>;

/** HR's view of a case in formalities whose contract has a non-compete clause. */
function awaitingDecision(): CaseView {
  const view = formalitiesCase();
  return { ...view, allowedActions: [{ action: 'case.nonCompete' }] };
}

function decided(): CaseView {
  const view = formalitiesCase();
  return {
    ...view,
    case: {
      ...view.case,
      nonCompete: {
        decision: 'enforced',
        months: 12,
        monthlyCompensation: 4500,
        decidedAt: '2027-03-20T02:00:00.000Z',
        nextCompensationDate: '2027-04-30',
      },
    },
  };
}

describe('non-compete decision on the case page (劳动合同法 第23/24条)', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    wx.answer('meta.get', meta);
    wx.answer('me.get', hrSession);
  });

  const open = (): Promise<Comp> =>
    openPage(simulate, 'packages/case/pages/detail/index', { caseId: 'case-1' });

  function form(page: Comp): Comp {
    const found = page.querySelector('#non-compete-form');
    if (!found) throw new Error('the form is not shown');
    return found;
  }

  it('HR opens the form, reads the guidance and records an enforced decision', async () => {
    let views = 0;
    wx.answer('case.get', () => ((views += 1) === 1 ? awaitingDecision() : decided()));
    wx.answer('case.nonCompete', {
      caseId: 'case-1',
      state: 'formalities',
      version: 5,
      decision: 'enforced',
      nextCompensationDate: '2027-04-30',
    });
    const page = await open();
    expect(page.querySelector('#non-compete-form')).toBeUndefined();
    tapButton(page, '#action-nonCompete');
    await settle(simulate);

    const panel = form(page);
    tapButton(panel, '#decision-enforced');
    await settle(simulate);
    expect(textOf(panel, '#guidance-fallback')).toContain('30%');
    expect(textOf(panel, '#guidance-fallback')).toContain('最低工资');
    expect(textOf(panel, '#guidance-period')).toContain('二年');
    expect(textOf(panel, '#guidance-unpaid')).toContain('三个月');
    typeInto(panel, '#months', '12');
    typeInto(panel, '#compensation', '4500');
    typeInto(panel, '#average-wage', '15000');
    await settle(simulate);
    tapButton(panel, '#save');
    await settle(simulate, 8);

    expect(wx.calls.find((c) => c.action === 'case.nonCompete')?.payload).toEqual({
      caseId: 'case-1',
      decision: 'enforced',
      months: 12,
      monthlyCompensation: 4500,
      averageMonthlyWage: 15000,
    });
    expect(page.querySelector('#non-compete-form')).toBeUndefined();
    expect(textOf(page, '#non-compete')).toContain('执行竞业限制 · 12 个月 · 每月 4500 元');
    expect(textOf(page, '#non-compete')).toContain('下次支付');
  });

  it('a release says the three extra months may be owed and that the exit-day case is contested', async () => {
    wx.answer('case.get', awaitingDecision());
    const page = await open();
    tapButton(page, '#action-nonCompete');
    await settle(simulate);
    const panel = form(page);
    tapButton(panel, '#decision-released');
    await settle(simulate);
    expect(textOf(panel, '#guidance-released')).toContain('三个月');
    expect(textOf(panel, '#guidance-released')).toContain('争议');
    expect(panel.querySelector('#months')).toBeUndefined();
  });

  it("shows the server's refusal and keeps the form open", async () => {
    wx.answer('case.get', awaitingDecision());
    wx.fail(
      'case.nonCompete',
      'VALIDATION_FAILED',
      '竞业限制期限（月）：不得超过 24 个月（劳动合同法 第24条）',
    );
    const page = await open();
    tapButton(page, '#action-nonCompete');
    await settle(simulate);
    const panel = form(page);
    tapButton(panel, '#save');
    await settle(simulate);
    expect(textOf(panel, '#form-error')).toBe('请选择执行或不执行竞业限制');
    tapButton(panel, '#decision-enforced');
    await settle(simulate);
    typeInto(panel, '#months', '30');
    typeInto(panel, '#compensation', '3000');
    await settle(simulate);
    tapButton(panel, '#save');
    await settle(simulate, 8);
    expect(textOf(panel, '#form-error')).toContain('不得超过 24 个月');
    expect(allText(page)).toContain('保存决定');
  });
});
