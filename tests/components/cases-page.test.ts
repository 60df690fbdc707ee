/** @jest-environment jsdom */
import { openPage } from './fixtures/page';
import { hrSession, managerSession } from './fixtures/session';
import { allText, lifecycle, settle, setUp, tapButton, type Comp, type WxMocks } from './harness';

function row(i: number, extra: Record<string, unknown> = {}) {
  return {
    caseId: `case-${i}`,
    kind: 'resignation',
    employeeNo: `D${String(i).padStart(3, '0')}`,
    name: `员工${i}`,
    department: '研发部',
    reason: 'resignation',
    state: 'submitted',
    enteredAt: '2027-03-01T02:00:00Z',
    overdue: false,
    needsCall: false,
    ...extra,
  };
}

const counts = { submitted: 21, hr_review: 1, formalities: 2, completed: 4 };

/** The filter tabs' labels, in order. */
function tabLabels(page: Comp): string[] {
  const items = page.querySelector('#filters')?.querySelectorAll('.t-tabs__item') ?? [];
  return items.map((item) => allText(item).trim());
}

const page1 = Array.from({ length: 20 }, (_, i) => row(i + 1));

describe('cases page (board)', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
  });

  const open = (): Promise<Comp> => openPage(simulate, 'pages/cases/index');

  async function tapTab(page: Comp, label: string): Promise<void> {
    const items = page.querySelector('#filters')?.querySelectorAll('.t-tabs__item') ?? [];
    const item = items.find((tab) => allText(tab).trim() === label);
    if (!item) throw new Error(`no tab ${label}`);
    item.dispatchEvent('tap');
    await settle(simulate, 6);
  }

  it('lists cases with their stage, and overdue and phone-call marks', async () => {
    wx.answer('admin.board', {
      counts,
      rows: [
        row(1, { overdue: true, stayedDays: 5, overdueDays: 2 }),
        row(2, { needsCall: true, state: 'formalities', stayedDays: 5 }),
      ],
    });
    const page = await open();
    const rows = page.querySelectorAll('.row');
    expect(rows).toHaveLength(2);
    expect(allText(rows[0] as Comp)).toContain('员工1（D001）');
    expect(allText(rows[0] as Comp)).toContain('研发部 · 辞职');
    expect(allText(rows[0] as Comp)).toContain('待部门审批');
    expect(allText(rows[0] as Comp)).toContain('已逾期');
    expect(allText(rows[0] as Comp)).not.toContain('需电话联系');
    expect(allText(rows[1] as Comp)).toContain('需电话联系');
    expect(allText(rows[1] as Comp)).toContain('手续办理');
    // How long and by how much, in days, instead of an entry timestamp.
    expect(allText(rows[0] as Comp)).toContain('已停留5天 · 逾期2天');
    expect(allText(rows[1] as Comp)).toContain('已停留5天');
    expect(allText(rows[1] as Comp)).not.toContain('逾期');
    expect(allText(page)).not.toContain('进入本阶段');
    expect(allText(page)).toContain('进行中 24');
    expect(allText(page)).toContain('待部门审批 21');
    // The board opens on what is urgent.
    expect(wx.calls[0]).toEqual({ action: 'admin.board', payload: { overdueOnly: true } });
  });

  it('loads the next 20 by cursor at the bottom and says when there are no more', async () => {
    wx.answer('admin.board', (p: unknown) =>
      (p as { cursor?: string }).cursor === 'c2'
        ? { counts, rows: [row(21)] }
        : { counts, rows: page1, nextCursor: 'c2' },
    );
    const page = await open();
    expect(page.querySelectorAll('.row')).toHaveLength(20);
    await lifecycle(simulate, page, 'onReachBottom');
    expect(wx.calls[1]).toEqual({
      action: 'admin.board',
      payload: { overdueOnly: true, cursor: 'c2' },
    });
    expect(page.querySelectorAll('.row')).toHaveLength(21);
    expect(allText(page)).toContain('没有更多了');
    await lifecycle(simulate, page, 'onReachBottom');
    expect(wx.calls).toHaveLength(2);
  });

  it('filters by state from the tabs', async () => {
    wx.answer('admin.board', { counts, rows: [row(1)] });
    const page = await open();
    expect(tabLabels(page)).toHaveLength(10);
    await tapTab(page, 'HR确认 1');
    expect(wx.calls[1]).toEqual({ action: 'admin.board', payload: { state: 'hr_review' } });
  });

  it('searches by name or number', async () => {
    wx.answer('admin.board', { counts, rows: [] });
    const page = await open();
    expect(allText(page)).toContain('没有逾期的案件');
    const search = page.querySelector('#search');
    search
      ?.querySelector('.t-input__keyword')
      ?.dispatchEvent('input', { detail: { value: '张三' } });
    await settle(simulate);
    search
      ?.querySelector('.t-input__keyword')
      ?.dispatchEvent('confirm', { detail: { value: '张三' } });
    await settle(simulate, 6);
    expect(wx.calls[1]).toEqual({
      action: 'admin.board',
      payload: { overdueOnly: true, q: '张三' },
    });
    expect(allText(page)).toContain('没有符合条件的案件');
  });

  it('refreshes on pull-down and stops the spinner', async () => {
    wx.answer('admin.board', { counts, rows: [row(1)] });
    const page = await open();
    wx.answer('admin.board', { counts, rows: [row(1), row(2)] });
    await lifecycle(simulate, page, 'onPullDownRefresh');
    expect(page.querySelectorAll('.row')).toHaveLength(2);
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });

  it('highlights its tab when shown', async () => {
    wx.answer('admin.board', { counts, rows: [] });
    const page = await open();
    const select = jest.fn();
    page.instance.getTabBar = () => ({ select });
    await lifecycle(simulate, page, 'onShow');
    expect(select).toHaveBeenCalledWith('pages/cases/index');
  });

  it('opens a case on tap', async () => {
    wx.answer('admin.board', { counts, rows: [row(7)] });
    const page = await open();
    page.querySelector('.row')?.dispatchEvent('tap');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/case/pages/detail/index?caseId=case-7' }),
    );
  });

  it('marks cases from the OA; hands out a binding code and retries the sync from the row', async () => {
    wx.answer('admin.board', {
      counts,
      rows: [
        row(3, { source: 'oa', unbound: true }),
        row(4, { source: 'oa', oaSyncFailed: true }),
        row(5),
      ],
    });
    wx.answer('case.oaRetry', { caseId: 'case-4', requeued: 1 });
    const page = await open();
    const rows = page.querySelectorAll('.row') as Comp[];
    expect(allText(rows[0] as Comp)).toContain('经 OA 提交');
    expect(allText(rows[0] as Comp)).toContain('未绑定小程序');
    expect(allText(rows[0] as Comp)).not.toContain('同步失败');
    expect(allText(rows[1] as Comp)).toContain('同步失败');
    expect(allText(rows[2] as Comp)).not.toContain('OA');

    tapButton(page, '#binding-code-case-3');
    await settle(simulate);
    expect(wx.navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      '/packages/admin/pages/employee/index?employeeNo=D003',
    ]);
    tapButton(page, '#oa-retry-case-4');
    await settle(simulate);
    expect(wx.calls.at(-1)).toEqual({ action: 'case.oaRetry', payload: { caseId: 'case-4' } });
    expect(wx.navigateTo).toHaveBeenCalledTimes(1);
  });

  it('shows a refusal with what to do instead, and no 重试 that cannot help', async () => {
    wx.fail('admin.board', 'FORBIDDEN', '仅部门经理和 HR 可查看');
    const page = await open();
    const error = page.querySelector('#load-error') as Comp;
    expect(allText(error)).toContain('仅部门经理和 HR 可查看');
    expect(allText(error)).toContain('请联系HR');
    expect(page.querySelector('#retry')).toBeUndefined();
  });

  it('offers 重试 when the server was busy, and shows no made-up counts meanwhile', async () => {
    wx.fail('admin.board', 'INTERNAL', '服务暂时不可用，请稍后再试');
    const page = await open();
    expect(allText(page.querySelector('#load-error') as Comp)).toContain('服务暂时不可用');
    expect(page.querySelectorAll('.row')).toHaveLength(0);
    // The tabs keep their names, without a number.
    expect(tabLabels(page).slice(0, 3)).toEqual(['已逾期', '需电话联系', '进行中']);
    expect(allText(page.querySelector('#filters') as Comp)).not.toMatch(/\d/);
    wx.answer('admin.board', { counts, rows: [row(1)] });
    tapButton(page, '#retry');
    await settle(simulate, 6);
    expect(page.querySelectorAll('.row')).toHaveLength(1);
    expect(page.querySelector('#load-error')).toBeUndefined();
    expect(allText(page)).toContain('进行中 24');
  });

  it('puts 已逾期 and 需电话联系 first, with counts that do not depend on the open tab', async () => {
    const board = {
      counts: { submitted: 2 },
      countsIgnoringUrgency: { submitted: 21, hr_review: 1, formalities: 2 },
      overdueByState: { submitted: 2, formalities: 1 },
      needsCallByState: { formalities: 1 },
      rows: [row(1, { overdue: true, stayedDays: 6, overdueDays: 3 })],
    };
    wx.answer('admin.board', board);
    const page = await open();
    expect(tabLabels(page).slice(0, 4)).toEqual([
      '已逾期 3',
      '需电话联系 1',
      '进行中 24',
      '待部门审批 21',
    ]);
    await tapTab(page, '需电话联系 1');
    expect(wx.calls[1]).toEqual({ action: 'admin.board', payload: { needsCallOnly: true } });
    expect(tabLabels(page)[0]).toBe('已逾期 3');
  });
});

describe('cases page: HR’s own pages', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;
  let app: ReturnType<typeof setUp>['app'];

  beforeEach(() => {
    ({ simulate, wx, app } = setUp());
    wx.answer('admin.board', { counts: {}, rows: [] });
  });

  const open = (): Promise<Comp> => openPage(simulate, 'pages/cases/index');

  it('offers HR statistics, termination, binding codes and the roster, and opens them', async () => {
    app.globalData.session = hrSession;
    const page = await open();
    const links = ['#admin-stats', '#admin-terminate', '#admin-employee', '#admin-roster'].map(
      (id) => allText(page.querySelector(id)?.querySelector('.t-button') as Comp),
    );
    expect(links).toEqual(['统计分析', '发起解除', '发放绑定码', '导入花名册']);
    tapButton(page, '#admin-stats');
    tapButton(page, '#admin-terminate');
    tapButton(page, '#admin-employee');
    tapButton(page, '#admin-roster');
    await settle(simulate);
    expect(wx.navigateTo.mock.calls.map(([o]) => (o as { url: string }).url)).toEqual([
      '/packages/admin/pages/stats/index',
      '/packages/admin/pages/terminate/index',
      '/packages/admin/pages/employee/index',
      '/packages/admin/pages/roster/index',
    ]);
    // The links come from the session already held: no extra request.
    expect(wx.calls.map((c) => c.action)).toEqual(['admin.board']);
  });

  it('gives HR a 待你处理 tab: HR确认 and 手续办理, asked for together', async () => {
    app.globalData.session = hrSession;
    wx.answer('admin.board', { counts: { submitted: 5, hr_review: 1, formalities: 2 }, rows: [] });
    const page = await open();
    const items = page.querySelector('#filters')?.querySelectorAll('.t-tabs__item') ?? [];
    const mine = items.find((item) => allText(item).trim() === '待你处理 3');
    expect(mine).toBeDefined();
    mine?.dispatchEvent('tap');
    await settle(simulate, 6);
    expect(wx.calls.at(-1)).toEqual({
      action: 'admin.board',
      payload: { states: ['hr_review', 'formalities'] },
    });
    expect(allText(page)).toContain('暂时没有待你处理的案件');
  });

  it('shows them to nobody else', async () => {
    app.globalData.session = managerSession;
    const page = await open();
    expect(page.querySelector('#admin-stats')).toBeUndefined();
    expect(allText(page)).not.toContain('统计分析');
  });
});
