/** @jest-environment jsdom */
import { openPage } from './fixtures/page';
import { hrSession, managerSession } from './fixtures/session';
import { allText, settle, setUp, type App, type Comp, type WxMocks } from './harness';

const counts = { completed: 2 };
const formerEmployee = {
  caseId: 'case-9',
  kind: 'resignation',
  employeeNo: 'D009',
  name: '员工9',
  department: '研发部',
  reason: 'resignation',
  state: 'completed',
  enteredAt: '2027-03-01T02:00:00Z',
  overdue: false,
  needsCall: false,
  rehire: 'no',
};

describe('board: former employees by 可再次录用', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;
  let app: App;

  beforeEach(() => {
    ({ simulate, wx, app } = setUp());
    wx.answer('admin.board', { counts, rows: [formerEmployee] });
  });

  const open = (): Promise<Comp> => openPage(simulate, 'pages/cases/index');

  async function showCompleted(page: Comp): Promise<void> {
    const items = page.querySelector('#filters')?.querySelectorAll('.t-tabs__item') ?? [];
    items.find((item) => allText(item).trim().startsWith('完成归档'))?.dispatchEvent('tap');
    await settle(simulate, 6);
  }

  it('HR filters 完成归档 by the flag and sees it on the row', async () => {
    app.globalData.session = hrSession;
    const page = await open();
    expect(page.querySelector('#rehire-filter')).toBeUndefined();
    await showCompleted(page);
    expect(wx.calls.at(-1)).toEqual({ action: 'admin.board', payload: { state: 'completed' } });
    expect(allText(page.querySelector('#rehire-filter') as Comp)).toContain('不再录用');
    page.querySelector('#rehire-no')?.dispatchEvent('tap');
    await settle(simulate, 6);
    expect(wx.calls.at(-1)).toEqual({
      action: 'admin.board',
      payload: { state: 'completed', rehire: 'no' },
    });
    expect(allText(page.querySelector('.row') as Comp)).toContain('不再录用');
  });

  it('a manager has no such filter', async () => {
    app.globalData.session = managerSession;
    const page = await open();
    await showCompleted(page);
    expect(page.querySelector('#rehire-filter')).toBeUndefined();
  });
});
