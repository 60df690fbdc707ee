/** @jest-environment jsdom */
import { templatesMeta } from './fixtures/meta';
import { openPage } from './fixtures/page';
import { employeeSession, hrSession } from './fixtures/session';
import { allText, settle, setUp, tapButton, type WxMocks } from './harness';

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
