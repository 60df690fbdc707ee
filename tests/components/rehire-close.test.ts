/** @jest-environment jsdom */
import type { ActionResult } from '../../server/contract';
import { formalitiesCase } from './fixtures/case-view';
import { meta } from './fixtures/meta';
import { openPage } from './fixtures/page';
import { employeeSession, hrSession } from './fixtures/session';
import { allText, settle, setUp, tapButton, type Comp, type WxMocks } from './harness';

type CaseView = ActionResult<'case.get'>;

function closeable(): CaseView {
  return { ...formalitiesCase(), allowedActions: [{ action: 'case.close' }] };
}

describe('可再次录用 when HR closes a case', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    wx.answer('meta.get', meta);
    wx.answer('case.close', {
      caseId: 'case-1',
      state: 'completed',
      version: 9,
      completedAt: '2027-04-01T02:00:00.000Z',
    });
  });

  const open = (): Promise<Comp> =>
    openPage(simulate, 'packages/case/pages/detail/index', { caseId: 'case-1' });

  async function closeWith(page: Comp, choice?: string): Promise<void> {
    tapButton(page, '#action-close');
    await settle(simulate);
    if (choice) {
      page.querySelector(`#rehire-${choice}`)?.dispatchEvent('tap');
      await settle(simulate);
    }
    tapButton(page, '#pending-confirm');
    await settle(simulate, 8);
  }

  it('HR picks 不再录用 and the close carries it', async () => {
    wx.answer('me.get', hrSession);
    wx.answer('case.get', closeable());
    const page = await open();
    tapButton(page, '#action-close');
    await settle(simulate);
    expect(allText(page)).toContain('仅 HR 可见');
    expect(allText(page)).toContain('可再次录用');
    page.querySelector('#rehire-no')?.dispatchEvent('tap');
    await settle(simulate);
    tapButton(page, '#pending-confirm');
    await settle(simulate, 8);
    expect(wx.calls.find((c) => c.action === 'case.close')?.payload).toEqual({
      caseId: 'case-1',
      rehire: 'no',
    });
  });

  it('the flag is optional: closing without one sends none', async () => {
    wx.answer('me.get', hrSession);
    wx.answer('case.get', closeable());
    const page = await open();
    await closeWith(page);
    expect(wx.calls.find((c) => c.action === 'case.close')?.payload).toEqual({
      caseId: 'case-1',
    });
  });

  it('the employee is never offered the choice', async () => {
    wx.answer('me.get', employeeSession);
    wx.answer('case.get', formalitiesCase());
    const page = await open();
    expect(page.querySelector('#action-close')).toBeUndefined();
    expect(allText(page)).not.toContain('录用');
  });
});
