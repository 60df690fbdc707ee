/** @jest-environment jsdom */
import { employeeSession, hrSession, managerSession } from './fixtures/session';
import { allText, render, setUp, settle, type App, type Comp, type WxMocks } from './harness';

describe('custom tab bar', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;
  let app: App;

  beforeEach(() => {
    ({ simulate, wx, app } = setUp());
  });

  function labels(bar: Comp): string[] {
    return bar.querySelectorAll('.item').map((item) => allText(item));
  }

  it.each([
    ['an employee', employeeSession, ['首页', '我的']],
    ['a manager', managerSession, ['首页', '办理', '我的']],
    ['HR', hrSession, ['首页', '办理', '我的']],
    ['someone not yet bound', null, ['首页', '我的']],
  ])('shows %s only the tabs they can use', async (_who, session, expected) => {
    app.globalData.session = session;
    const bar = render(simulate, 'custom-tab-bar/index');
    await settle(simulate);
    expect(labels(bar)).toEqual(expected);
  });

  it('switches tab on tap, but not to the tab already shown', async () => {
    app.globalData.session = hrSession;
    const bar = render(simulate, 'custom-tab-bar/index');
    await settle(simulate);
    const items = bar.querySelectorAll('.item');
    items[1]?.dispatchEvent('tap');
    await settle(simulate);
    expect(wx.switchTab).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/cases/index' }),
    );
    wx.switchTab.mockClear();
    items[0]?.dispatchEvent('tap');
    await settle(simulate);
    expect(wx.switchTab).not.toHaveBeenCalled();
  });

  it('highlights the tab a page selects on show', async () => {
    app.globalData.session = managerSession;
    const bar = render(simulate, 'custom-tab-bar/index');
    await settle(simulate);
    (bar.instance as unknown as { select(path: string): void }).select('pages/me/index');
    await settle(simulate);
    const active = bar.querySelectorAll('.item-active').map((item) => allText(item));
    expect(active).toEqual(['我的']);
  });

  it('adds 办理 when the refreshed session brings the manager role', async () => {
    app.globalData.session = employeeSession;
    const bar = render(simulate, 'custom-tab-bar/index');
    await settle(simulate);
    wx.answer('me.get', managerSession);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const session = require('../../.build/miniprogram/services/session') as {
      loadSession(o: { refresh: boolean }): Promise<unknown>;
    };
    await session.loadSession({ refresh: true });
    await settle(simulate);
    expect(labels(bar)).toEqual(['首页', '办理', '我的']);
  });
});
