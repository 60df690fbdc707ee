/** @jest-environment jsdom */
import { templatesMeta } from './fixtures/meta';
import { openPage } from './fixtures/page';
import { allText, settle, setUp, tapButton, textOf, type Comp, type WxMocks } from './harness';

const EMPLOYEE_TPL = 'Vq3KcPzE8mL2tR7yWnB4xJ6hD9sF1gA5uQ0oZkTiNeM';
const MANAGER_TPL = 'Hn7WdR2bX5kS9pL3vC8mQ1tY6fG4jZ0aE2uK7oBxIsU';
const HR_TPL = 'Tg5LmA8qN2cV6zH0rJ4wK9eP3sD7bF1xY5uO8iQtGkM';

const meta = templatesMeta({
  notice: EMPLOYEE_TPL,
  daily: EMPLOYEE_TPL,
  gentle: EMPLOYEE_TPL,
  serious: EMPLOYEE_TPL,
  hr_alert: HR_TPL,
  manager_review: MANAGER_TPL,
  legal_deadline: HR_TPL,
});

const results = [
  {
    kind: 'serious',
    templateId: EMPLOYEE_TPL,
    phrase: '逾期提醒',
    errCode: 47003,
    errMsg: 'openapi.subscribeMessage.send:fail 47003 argument invalid! data.phrase3.value invalid',
    field: 'phrase3',
  },
  { kind: 'hr_alert', templateId: HR_TPL, phrase: '预警通知', errCode: 0, errMsg: 'ok' },
  {
    kind: 'manager_review',
    templateId: MANAGER_TPL,
    phrase: '审批提醒',
    errCode: 43101,
    errMsg: 'openapi.subscribeMessage.send:fail 43101 user refuse to accept the msg',
  },
];

/** A row's text without spaces: its parts sit in separate nodes. */
const compact = (node: Comp): string => allText(node).replace(/\s/g, '');

describe('admin: trial send of the message templates', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
  });

  const open = (): Promise<Comp> => openPage(simulate, 'packages/admin/pages/trial-send/index');

  it('asks WeChat for each template within the tap, before any call, then shows each outcome in Chinese', async () => {
    wx.answer('meta.get', meta);
    wx.answer('admin.trialSend', { results });
    let callsWhenAsked = -1;
    wx.requestSubscribeMessage.mockImplementation(
      (opts: { tmplIds: string[]; success(r: unknown): void }) => {
        callsWhenAsked = wx.calls.length;
        opts.success({
          errMsg: 'requestSubscribeMessage:ok',
          [EMPLOYEE_TPL]: 'accept',
          [HR_TPL]: 'accept',
          [MANAGER_TPL]: 'reject',
        });
      },
    );
    const page = await open();
    expect(allText(page)).toContain('已配置 3 个模板');

    tapButton(page, '#trial-send');
    await settle(simulate, 8);

    // Asked in the tap handler before anything went to the server (meta.get was on load).
    expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(wx.requestSubscribeMessage.mock.calls[0]?.[0]).toMatchObject({
      tmplIds: [EMPLOYEE_TPL, HR_TPL, MANAGER_TPL],
    });
    expect(callsWhenAsked).toBe(1);

    // A trial message is no reminder credit: the answers are not reported.
    expect(wx.calls.map((c) => c.action)).toEqual(['meta.get', 'admin.trialSend']);
    expect(wx.calls[1]?.payload).toEqual({});
    expect(textOf(page, '#summary')).toBe('3 个模板中 1 个发送成功，请按提示处理其余的');
    const rows = page.querySelectorAll('.result').map(compact);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('办理通知·每日提醒·温馨提醒·严肃提醒被拒绝');
    expect(rows[0]).toContain('微信拒绝了字段phrase3（提醒类型）的「逾期提醒」');
    expect(rows[0]).toContain('templatePhrases');
    expect(rows[0]).toContain('为此模板的「严肃提醒」换一个5字以内的纯汉字');
    expect(rows[1]).toContain('预警通知·法定时限成功');
    expect(rows[1]).toContain('已以「预警通知」发送');
    expect(rows[2]).toContain('审批提醒未允许');
    expect(rows[2]).toContain('在弹窗中选「允许」');
  });

  it('asks for the templates the admin did not allow first on the next tap', async () => {
    wx.answer('meta.get', meta);
    wx.answer('admin.trialSend', { results });
    wx.requestSubscribeMessage.mockImplementation((opts: { success(r: unknown): void }) =>
      opts.success({ errMsg: 'requestSubscribeMessage:ok' }),
    );
    const page = await open();
    tapButton(page, '#trial-send');
    await settle(simulate, 8);

    tapButton(page, '#trial-send');
    await settle(simulate, 4);

    expect(wx.requestSubscribeMessage.mock.calls[1]?.[0]).toMatchObject({
      tmplIds: [MANAGER_TPL, EMPLOYEE_TPL, HR_TPL],
    });
  });

  it('shows the server’s refusal in its own words', async () => {
    wx.answer('meta.get', meta);
    wx.fail('admin.trialSend', 'FORBIDDEN', '没有权限执行此操作');
    wx.requestSubscribeMessage.mockImplementation((opts: { success(r: unknown): void }) =>
      opts.success({ errMsg: 'requestSubscribeMessage:ok', [EMPLOYEE_TPL]: 'accept' }),
    );
    const page = await open();
    tapButton(page, '#trial-send');
    await settle(simulate, 8);

    expect(textOf(page, '#send-error')).toBe('没有权限执行此操作');
    expect(page.querySelectorAll('.result')).toHaveLength(0);
  });

  it('says so when no template is configured, and sends nothing', async () => {
    wx.answer('meta.get', { ...meta, templateIds: {} });
    const page = await open();
    tapButton(page, '#trial-send');
    await settle(simulate, 4);

    expect(wx.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '尚未配置订阅消息模板' }),
    );
    expect(wx.requestSubscribeMessage).not.toHaveBeenCalled();
    expect(wx.calls.map((c) => c.action)).toEqual(['meta.get']);
  });
});
