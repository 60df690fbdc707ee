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
};

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

  it('shows the server’s refusal and retries', async () => {
    wx.fail('admin.stats', 'FORBIDDEN', '没有权限进行此操作');
    const page = await open();
    expect(allText(page)).toContain('没有权限进行此操作');
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
});
