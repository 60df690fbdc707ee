/** @jest-environment jsdom */
import { openPage } from './fixtures/page';
import { allText, settle, setUp, tapButton, textOf, type Comp, type WxMocks } from './harness';

const privacyAlert = {
  id: 'privacy:chooseMessageFile:112',
  title: '隐私保护指引未声明 chooseMessageFile',
  fix: '在小程序后台「设置 → 服务内容声明 → 用户隐私保护指引」中声明「选中的文件」，审核通过后员工即可使用。',
  detail: 'errno 112，最近一次由 D003 遇到',
  at: '2027-03-01T02:30:00.000Z',
  resolved: false,
};
const fixedAlert = {
  id: 'no-such-template:40037',
  title: '办理通知：订阅消息模板 ID 无效',
  fix: '在云函数环境变量 TEMPLATE_IDS（或设置中的模板 ID）里填写小程序后台「订阅消息」中已选用的模板 ID。',
  detail: '模板 no-such-template，微信返回：invalid template_id',
  at: '2027-03-02T02:00:00.000Z',
  resolved: true,
};

describe('admin: configuration alerts', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
  });

  const open = (): Promise<Comp> =>
    openPage(simulate, 'packages/admin/pages/config-alerts/index', {}, 4);

  it('lists the open alerts first with what to fix, in Beijing time, and marks one fixed', async () => {
    let resolved = false;
    wx.answer('admin.configAlerts', () =>
      resolved
        ? { alerts: [fixedAlert, { ...privacyAlert, resolved: true }], open: 0 }
        : { alerts: [fixedAlert, privacyAlert], open: 1 },
    );
    wx.answer('admin.configAlertResolve', (payload: unknown) => {
      resolved = true;
      return { id: (payload as { id: string }).id, resolved: true };
    });
    const page = await open();

    expect(textOf(page, '#summary')).toContain('1 条待处理');
    const cards = page.querySelectorAll('.alert').map((card) => allText(card));
    expect(cards[0]).toContain('隐私保护指引未声明 chooseMessageFile');
    expect(cards[0]).toContain('用户隐私保护指引');
    expect(cards[0]).toContain('最近一次：2027-03-01 10:30');
    expect(cards[0]).toContain('待处理');
    expect(cards[1]).toContain('订阅消息模板 ID 无效');
    expect(cards[1]).toContain('已处理');

    tapButton(page, '#resolve-0');
    await settle(simulate, 8);
    expect(wx.calls.find((c) => c.action === 'admin.configAlertResolve')?.payload).toEqual({
      id: privacyAlert.id,
    });
    expect(textOf(page, '#summary')).toContain('全部已处理');
    expect(page.querySelector('#resolve-0')).toBeFalsy();
  });

  it('says so when there is nothing to fix', async () => {
    wx.answer('admin.configAlerts', { alerts: [], open: 0 });
    const page = await open();
    expect(allText(page)).toContain('没有配置提醒');
  });

  it('shows the server’s refusal without a 重试 that cannot help', async () => {
    wx.fail('admin.configAlerts', 'FORBIDDEN', '没有权限执行此操作');
    const page = await open();
    expect(allText(page)).toContain('没有权限执行此操作');
    expect(allText(page)).toContain('请联系HR');
    expect(page.querySelector('#retry')).toBeUndefined();
  });

  it('loads again on 重试 after a failure that may pass', async () => {
    wx.fail('admin.configAlerts', 'INTERNAL', '服务暂时不可用，请稍后再试');
    const page = await open();
    expect(allText(page)).toContain('服务暂时不可用');
    wx.answer('admin.configAlerts', { alerts: [privacyAlert], open: 1 });
    tapButton(page, '#retry');
    await settle(simulate, 4);
    expect(allText(page)).toContain('隐私保护指引未声明 chooseMessageFile');
  });
});
