/** @jest-environment jsdom */
import { templatesMeta } from './fixtures/meta';
import { openPage } from './fixtures/page';
import { employeeSession, hrSession } from './fixtures/session';
import { allText, lifecycle, settle, setUp, tapButton, type Comp, type WxMocks } from './harness';

const meta = templatesMeta({
  notice: 'TPL-NOTICE',
  serious: 'TPL-TASK',
  gentle: 'TPL-TASK',
  daily: 'TPL-TASK',
  hr_alert: 'TPL-ALERT',
  legal_deadline: 'TPL-ALERT',
});

describe('me page', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    wx.answer('meta.get', meta);
  });

  const open = () => openPage(simulate, 'pages/me/index');

  it('shows the profile with roles and the reminder credits', async () => {
    wx.answer('me.get', { ...hrSession, subscriptions: { notice: 2, hr_alert: 0 } });
    const page = await open();
    const text = allText(page);
    expect(text).toContain('王HR');
    expect(text).toContain('H001');
    expect(text).toContain('人力资源部 · HRBP');
    expect(text).toContain('员工、HR');
    expect(text).toContain('提醒次数不足');
    // The credits per kind are folded away from the main view until asked for.
    expect(text).not.toContain('办理通知约 2 次');
    page.querySelector('#credits-toggle')?.querySelector('.t-cell')?.dispatchEvent('tap');
    await settle(simulate);
    expect(allText(page)).toContain('办理通知约 2 次');
    expect(allText(page)).toContain('预警通知约 0 次');
  });

  it('asks WeChat for the person’s distinct templates on tap and shows the new credits', async () => {
    wx.answer('me.get', employeeSession);
    wx.answer('subscription.record', {
      subscriptions: { notice: 1, serious: 1, gentle: 1, daily: 1 },
    });
    wx.requestSubscribeMessage.mockImplementation(
      (opts: { tmplIds: string[]; success(r: unknown): void }) =>
        opts.success({ errMsg: 'ok', 'TPL-NOTICE': 'accept', 'TPL-TASK': 'accept' }),
    );
    const page = await open();
    tapButton(page, '#subscribe');
    await settle(simulate, 6);
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: ['TPL-NOTICE', 'TPL-TASK'] }),
    );
    expect(wx.calls.find((c) => c.action === 'subscription.record')?.payload).toEqual({
      results: { 'TPL-NOTICE': 'accept', 'TPL-TASK': 'accept' },
    });
    page.querySelector('#credits-toggle')?.querySelector('.t-cell')?.dispatchEvent('tap');
    await settle(simulate);
    expect(allText(page)).toContain('严肃提醒约 1 次');
    expect(allText(page)).toContain('已开启提醒');
    expect(wx.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '已开启 2 项提醒' }),
    );
  });

  it('tells the user when they refused the reminders', async () => {
    wx.answer('me.get', employeeSession);
    wx.answer('subscription.record', { subscriptions: {} });
    wx.requestSubscribeMessage.mockImplementation((opts: { success(r: unknown): void }) =>
      opts.success({ errMsg: 'ok', 'TPL-NOTICE': 'reject', 'TPL-TASK': 'reject' }),
    );
    const page = await open();
    tapButton(page, '#subscribe');
    await settle(simulate, 6);
    expect(wx.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '你未允许接收提醒，重要通知可能无法送达' }),
    );
  });

  it('shows an error and retries', async () => {
    wx.fail('me.get', 'INTERNAL', '服务繁忙，请稍后再试');
    const page = await open();
    expect(allText(page)).toContain('服务繁忙，请稍后再试');
    wx.answer('me.get', employeeSession);
    tapButton(page, '#retry');
    await settle(simulate, 8);
    expect(allText(page)).toContain('张三');
  });

  it('points an unbound user to binding', async () => {
    wx.fail('me.get', 'UNAUTHENTICATED', '请先绑定');
    const page = await open();
    expect(allText(page)).toContain('尚未绑定员工身份');
  });

  it('个保法 第17条: links to the privacy guide, bound or not', async () => {
    wx.fail('me.get', 'UNAUTHENTICATED', '请先绑定');
    const page = await open();
    page.querySelector('#privacy')?.dispatchEvent('tap');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/privacy/pages/guide/index' }),
    );
  });
});

describe('me page: 离职记录', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    wx.answer('meta.get', meta);
  });

  const completed = {
    caseId: 'case-old',
    kind: 'resignation',
    reason: 'resignation',
    state: 'completed',
    noticeReceivedAt: '2027-03-01T02:00:00.000Z',
    lastWorkingDay: '2027-03-31',
    endedAt: '2027-04-01T02:00:00.000Z',
    signedAt: '2027-03-05T02:00:00.000Z',
    evidenceCount: 3,
    certificate: 'issued',
    certificateIssuedAt: '2027-03-31T08:00:00.000Z',
  };
  const withdrawn = {
    caseId: 'case-w',
    kind: 'resignation',
    reason: 'personal',
    state: 'withdrawn',
    noticeReceivedAt: '2026-11-01T02:00:00.000Z',
    lastWorkingDay: '2026-12-01',
    endedAt: '2026-11-02T02:00:00.000Z',
    evidenceCount: 0,
    certificate: 'none',
  };

  it('keeps the finished cases: the letter, the evidence and the 离职证明, and opens one', async () => {
    wx.answer('me.get', { ...employeeSession, history: [completed, withdrawn] });
    const page = await openPage(simulate, 'pages/me/index');
    const records = page.querySelector('#records');
    expect(records).toBeDefined();
    const first = allText(page.querySelector('#record-case-old') as Comp);
    expect(first).toContain('辞职 · 完成归档');
    expect(first).toContain('最后工作日：2027年3月31日（周三）');
    expect(first).toContain('《辞职书》已签署（3月5日）');
    expect(first).toContain('证据材料 3 份');
    expect(first).toContain('离职证明：已出具（3月31日）');
    const second = allText(page.querySelector('#record-case-w') as Comp);
    expect(second).toContain('其他个人原因 · 已撤回');
    expect(second).toContain('《辞职书》未签署');
    expect(second).toContain('离职证明：不出具（未离职）');

    page.querySelector('#record-case-old')?.dispatchEvent('tap');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/case/pages/detail/index?caseId=case-old' }),
    );
  });

  it('shows no 离职记录 to someone without one', async () => {
    wx.answer('me.get', { ...employeeSession, history: [] });
    const page = await openPage(simulate, 'pages/me/index');
    expect(page.querySelector('#records')).toBeUndefined();
    expect(allText(page)).not.toContain('离职记录');
  });

  it('offers 重试 when loading failed for a passing reason, and refreshes on pull-down', async () => {
    wx.fail('me.get', 'INTERNAL', '服务暂时不可用，请稍后再试');
    const page = await openPage(simulate, 'pages/me/index');
    expect(allText(page.querySelector('#load-error') as Comp)).toContain('服务暂时不可用');
    wx.answer('me.get', { ...employeeSession, history: [completed] });
    tapButton(page, '#retry');
    await settle(simulate, 8);
    expect(page.querySelector('#record-case-old')).toBeDefined();
    await lifecycle(simulate, page, 'onPullDownRefresh');
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });

  it('says what to do instead of 重试 when the answer will not change', async () => {
    wx.fail('me.get', 'FORBIDDEN', '账号已停用');
    const page = await openPage(simulate, 'pages/me/index');
    expect(allText(page.querySelector('#load-error') as Comp)).toContain('请联系HR');
    expect(page.querySelector('#retry')).toBeUndefined();
  });
});
