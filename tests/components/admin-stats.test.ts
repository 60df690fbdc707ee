/** @jest-environment jsdom */
import { openPage } from './fixtures/page';
import {
  allText,
  lifecycle,
  render,
  settle,
  setUp,
  tapButton,
  textOf,
  type Comp,
  type WxMocks,
} from './harness';

/** A row's text without spaces: the label and the figures sit in separate nodes. */
const compact = (node: Comp): string => allText(node).replace(/\s/g, '');

/** 2027-03-10 12:00 in Beijing. */
const NOW = Date.parse('2027-03-10T04:00:00Z');

const stats = {
  reasons: [
    { reason: 'resignation', label: '辞职', count: 6 },
    { reason: 'personal', label: '其他个人原因', count: 2 },
    { reason: 'incompetence', label: '不能胜任工作', count: 0 },
  ],
  avgHandlingDays: 34.5,
  signedWithin72hShare: 0.75,
  avgDaysByState: { submitted: 2.5, hr_review: 1, formalities: 20.3 },
  bottleneck: 'formalities',
  currentStalls: [
    { state: 'submitted', cases: 3, avgDays: 9.5, totalDays: 28.5 },
    { state: 'formalities', cases: 1, avgDays: 4, totalDays: 4 },
  ],
  currentBottleneck: 'submitted',
  byDepartment: [
    {
      department: '销售部',
      count: 5,
      reasons: [
        { reason: 'resignation', label: '辞职', count: 1 },
        { reason: 'personal', label: '其他个人原因', count: 0 },
        { reason: 'incompetence', label: '不能胜任工作', count: 4 },
      ],
    },
    {
      department: '研发部',
      count: 3,
      reasons: [
        { reason: 'resignation', label: '辞职', count: 1 },
        { reason: 'personal', label: '其他个人原因', count: 2 },
        { reason: 'incompetence', label: '不能胜任工作', count: 0 },
      ],
    },
  ],
  monthly: [
    ...['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'].map((month) => ({
      month,
      cases: 0,
      avgHandlingDays: null,
      signedWithin72hShare: null,
      imported: 2,
    })),
    ...['2026-10', '2026-11', '2026-12', '2027-01'].map((month) => ({
      month,
      cases: 0,
      avgHandlingDays: null,
      signedWithin72hShare: null,
      imported: 0,
    })),
    { month: '2027-02', cases: 4, avgHandlingDays: 30, signedWithin72hShare: 0.5, imported: 0 },
    { month: '2027-03', cases: 8, avgHandlingDays: 34.5, signedWithin72hShare: 0.75, imported: 0 },
  ],
  withoutSignedLetter: {
    imported: { departures: 12, share: 0.25 },
    product: { departures: 20, share: 0.05 },
  },
};

/** A node's inline style: a bar's width or a column's height. */
const styleOf = (node: Comp | undefined): string =>
  (node as unknown as { dom?: HTMLElement } | undefined)?.dom?.getAttribute('style') ?? '';

describe('admin: statistics page', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  const open = (): Promise<Comp> => openPage(simulate, 'packages/admin/pages/stats/index');

  it('asks for the current Beijing month and shows every reason with count and share', async () => {
    wx.answer('admin.stats', stats);
    const page = await open();
    expect(wx.calls).toEqual([
      { action: 'admin.stats', payload: { from: '2027-03-01', to: '2027-03-10' } },
    ]);
    expect([textOf(page, '#from'), textOf(page, '#to')]).toEqual(['2027-03-01', '2027-03-10']);
    const reasons = page.querySelectorAll('.reason').map(compact);
    expect(reasons).toEqual(['辞职6件·75%', '其他个人原因2件·25%', '不能胜任工作0件·0%']);
    expect(textOf(page, '#avg-days')).toBe('34.5 天');
    expect(textOf(page, '#signed-72h')).toBe('75%');
  });

  it('names the bottleneck of the cases still open, beside the finished stays', async () => {
    wx.answer('admin.stats', stats);
    const page = await open();
    const stalls = page.querySelector('#stalls') as Comp;
    expect(allText(stalls)).toContain('待部门审批');
    expect(allText(stalls)).toContain('3 件 · 平均已停留9.5天');
    expect(allText(stalls)).toContain('1 件 · 平均已停留4天');
    expect(page.querySelectorAll('.stall-bottleneck').map(compact)).toEqual([
      '待部门审批当前瓶颈3件·平均已停留9.5天',
    ]);
    expect(allText(page.querySelector('#current-bottleneck') as Comp)).toContain(
      '案件正积压在「待部门审批」',
    );
  });

  it('lists the average days per stage and marks the bottleneck', async () => {
    wx.answer('admin.stats', stats);
    const page = await open();
    const stages = page.querySelectorAll('.stage');
    expect(stages.map(compact)).toEqual(['待部门审批2.5天', 'HR确认1天', '手续办理瓶颈20.3天']);
    const bottleneck = page.querySelectorAll('.stage-bottleneck');
    expect(bottleneck.map(compact)).toEqual(['手续办理瓶颈20.3天']);
    expect(allText(page)).toContain('平均停留最久的阶段是「手续办理」');
  });

  it('switches to last month and the last 90 days', async () => {
    wx.answer('admin.stats', stats);
    const page = await open();
    page.querySelector('#period-lastMonth')?.dispatchEvent('tap');
    await settle(simulate, 6);
    page.querySelector('#period-last90')?.dispatchEvent('tap');
    await settle(simulate, 6);
    expect(wx.calls.map((c) => c.payload)).toEqual([
      { from: '2027-03-01', to: '2027-03-10' },
      { from: '2027-02-01', to: '2027-02-28' },
      { from: '2026-12-11', to: '2027-03-10' },
    ]);
    expect([textOf(page, '#from'), textOf(page, '#to')]).toEqual(['2026-12-11', '2027-03-10']);
  });

  it('takes a range HR picks, and refuses an inverted one without asking', async () => {
    wx.answer('admin.stats', stats);
    const page = await open();
    page.querySelector('#from')?.dispatchEvent('change', { detail: { value: '2027-01-01' } });
    await settle(simulate, 6);
    expect(wx.calls[1]).toEqual({
      action: 'admin.stats',
      payload: { from: '2027-01-01', to: '2027-03-10' },
    });
    expect(page.querySelectorAll('.period-on')).toHaveLength(0);
    page.querySelector('#to')?.dispatchEvent('change', { detail: { value: '2026-12-31' } });
    await settle(simulate, 6);
    expect(allText(page)).toContain('结束日期不能早于开始日期');
    expect(wx.calls).toHaveLength(2);
    page.querySelector('#period-thisMonth')?.dispatchEvent('tap');
    await settle(simulate, 6);
    expect(wx.calls[2]?.payload).toEqual({ from: '2027-03-01', to: '2027-03-10' });
  });

  it('says when the period has no cases', async () => {
    wx.answer('admin.stats', {
      ...stats,
      reasons: stats.reasons.map((r) => ({ ...r, count: 0 })),
      avgHandlingDays: null,
      signedWithin72hShare: null,
      avgDaysByState: {},
      bottleneck: null,
    });
    const page = await open();
    expect(allText(page)).toContain('该期间没有离职案件');
    expect(page.querySelector('.reason')).toBeUndefined();
  });

  it('shows dashes when nothing was completed or signed yet', async () => {
    wx.answer('admin.stats', { ...stats, avgHandlingDays: null, signedWithin72hShare: null });
    const page = await open();
    expect(textOf(page, '#avg-days')).toBe('—');
    expect(textOf(page, '#signed-72h')).toBe('—');
  });

  it('shows the server’s refusal without a 重试 that cannot help', async () => {
    wx.fail('admin.stats', 'FORBIDDEN', '没有权限进行此操作');
    const page = await open();
    expect(allText(page)).toContain('没有权限进行此操作');
    expect(allText(page)).toContain('请联系HR');
    expect(page.querySelector('#retry')).toBeUndefined();
  });

  it('retries a failure that may pass', async () => {
    wx.fail('admin.stats', 'INTERNAL', '服务暂时不可用，请稍后再试');
    const page = await open();
    expect(allText(page)).toContain('服务暂时不可用');
    wx.answer('admin.stats', stats);
    tapButton(page, '#retry');
    await settle(simulate, 6);
    expect(page.querySelectorAll('.reason')).toHaveLength(3);
  });

  it('shows a spinner while loading', async () => {
    const page = render(simulate, 'packages/admin/pages/stats/index');
    expect(allText(page)).toContain('加载中');
  });

  it('refreshes on pull-down and stops the spinner', async () => {
    wx.answer('admin.stats', stats);
    const page = await open();
    await lifecycle(simulate, page, 'onPullDownRefresh');
    expect(wx.calls).toHaveLength(2);
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });

  it('draws each department as a stacked bar of its reasons', async () => {
    wx.answer('admin.stats', stats);
    const page = await open();
    const departments = page.querySelectorAll('.department');
    expect(departments.map(compact)).toEqual([
      '销售部5人辞职1·不能胜任工作4',
      '研发部3人辞职1·其他个人原因2',
    ]);
    // Against the largest department (5): 销售部 1 + 4, 研发部 1 + 2.
    expect(page.querySelectorAll('.segment').map(styleOf)).toEqual([
      'width: 20%',
      'width: 80%',
      'width: 20%',
      'width: 40%',
    ]);
  });

  it('draws 12 months of cases with the imported history, and their averages', async () => {
    wx.answer('admin.stats', stats);
    const page = await open();
    const months = page.querySelectorAll('.month');
    expect(months).toHaveLength(12);
    expect(compact(months[11] as Comp)).toBe('83月');
    expect(compact(months[0] as Comp)).toBe('24月');
    // Against the tallest month (8): columns of cases, then of imported departures.
    const cases = page.querySelectorAll('.column-bar.cases').map(styleOf);
    const imported = page.querySelectorAll('.column-bar.imported').map(styleOf);
    expect([cases[0], cases[10], cases[11]]).toEqual(['height: 0%', 'height: 50%', 'height: 100%']);
    expect([imported[0], imported[11]]).toEqual(['height: 25%', 'height: 0%']);
    const figures = page.querySelectorAll('.month-figures').map(compact);
    expect(figures.slice(-2)).toEqual(['2027-02430天50%', '2027-03834.5天75%']);
    expect(allText(page)).toContain('历史导入');
  });

  it('sets the share without a signed letter before and after the product side by side', async () => {
    wx.answer('admin.stats', stats);
    const page = await open();
    expect(compact(page.querySelector('#baseline-imported') as Comp)).toBe(
      '使用前（历史导入）25%·12人',
    );
    expect(compact(page.querySelector('#baseline-product') as Comp)).toBe(
      '使用后（已完成案件）5%·20人',
    );
  });

  it('exports a table as xlsx and opens it with the forward menu', async () => {
    wx.answer('admin.stats', stats);
    wx.answer('admin.statsExport', {
      fileId: 'cloud://test.env/exports/stats/departments.xlsx',
      url: 'https://tmp.example/departments.xlsx',
      fileName: '各部门离职原因-2027-03-01至2027-03-10.xlsx',
    });
    const page = await open();
    page.querySelector('#export-departments')?.dispatchEvent('tap');
    await settle(simulate, 8);
    expect(wx.calls[1]).toEqual({
      action: 'admin.statsExport',
      payload: { from: '2027-03-01', to: '2027-03-10', table: 'departments' },
    });
    expect(wx.downloadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'https://tmp.example/departments.xlsx' }),
    );
    expect(wx.openDocument).toHaveBeenCalledWith(
      expect.objectContaining({
        filePath: 'wxfile://tmp/download.xlsx',
        fileType: 'xlsx',
        showMenu: true,
      }),
    );
    expect(textOf(page, '#export-departments')).toBe('导出表格');
  });

  it('offers to copy the link when the workbook cannot be opened', async () => {
    wx.answer('admin.stats', stats);
    wx.answer('admin.statsExport', {
      fileId: 'cloud://test.env/exports/stats/monthly.xlsx',
      url: 'https://tmp.example/monthly.xlsx',
      fileName: '近12个月趋势.xlsx',
    });
    wx.openDocument.mockImplementation((opts: { fail?: (e: unknown) => void }) =>
      opts.fail?.({ errMsg: 'openDocument:fail' }),
    );
    const page = await open();
    page.querySelector('#export-monthly')?.dispatchEvent('tap');
    await settle(simulate, 10);
    expect(wx.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '无法打开表格', confirmText: '复制链接' }),
    );
    expect(wx.setClipboardData).toHaveBeenCalledWith(
      expect.objectContaining({ data: 'https://tmp.example/monthly.xlsx' }),
    );
  });

  it('says why an export was refused', async () => {
    wx.answer('admin.stats', stats);
    wx.fail('admin.statsExport', 'FORBIDDEN', '没有权限进行此操作');
    const page = await open();
    page.querySelector('#export-reasons')?.dispatchEvent('tap');
    await settle(simulate, 8);
    expect(wx.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '没有权限进行此操作' }),
    );
    expect(wx.openDocument).not.toHaveBeenCalled();
  });

  it('leads to the history import from the comparison and from an empty period', async () => {
    wx.answer('admin.stats', stats);
    const page = await open();
    const link = page.querySelector('#history-import');
    expect(link).toBeDefined();
    link?.dispatchEvent('tap');
    await settle(simulate, 2);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/admin/pages/history-import/index' }),
    );

    // A company that has just started has no cases yet: the import is offered there too.
    wx.answer('admin.stats', { ...stats, reasons: stats.reasons.map((r) => ({ ...r, count: 0 })) });
    page.querySelector('#period-lastMonth')?.dispatchEvent('tap');
    await settle(simulate, 6);
    expect(allText(page)).toContain('该期间没有离职案件');
    tapButton(page, '#history-import-empty');
    await settle(simulate, 2);
    expect(wx.navigateTo).toHaveBeenCalledTimes(2);
  });
});
