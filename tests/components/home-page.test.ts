/** @jest-environment jsdom */
import { formalitiesCase, submittedCase } from './fixtures/case-view';
import { openPage } from './fixtures/page';
import { employeeSession, hrSession, managerSession } from './fixtures/session';
import {
  allText,
  lifecycle,
  render,
  settle,
  setUp,
  tapButton,
  textOf,
  typeInto,
  type App,
  type Comp,
  type WxMocks,
} from './harness';

/** The next-step card: its button lives inside the component. */
function nextCard(page: Comp): Comp {
  const card = page.querySelector('#next-card');
  if (!card) throw new Error('no next-step card');
  return card;
}

describe('home page', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;
  let app: App;

  beforeEach(() => {
    ({ simulate, wx, app } = setUp());
  });

  const open = () => openPage(simulate, 'pages/home/index');

  it('shows a loading state first', () => {
    wx.answer('me.get', employeeSession);
    const page = render(simulate, 'pages/home/index');
    expect(allText(page)).toContain('加载中');
  });

  it('shows the bind form when the user is not bound, and binds', async () => {
    wx.fail('me.get', 'UNAUTHENTICATED', '请先绑定员工身份');
    const page = await open();
    expect(allText(page)).toContain('绑定员工身份');

    wx.answer('me.bind', { employee: employeeSession.employee, roles: ['employee'] });
    wx.answer('me.get', employeeSession);
    typeInto(page, '#employee-no', 'D001');
    typeInto(page, '#code', 'ABCD2345');
    await settle(simulate);
    tapButton(page, '#bind');
    await settle(simulate, 8);
    expect(wx.calls.find((c) => c.action === 'me.bind')?.payload).toEqual({
      employeeNo: 'D001',
      code: 'ABCD2345',
    });
    expect(allText(page)).toContain('张三，你好');
    expect(allText(page)).toContain('发起离职');
  });

  it('个保法 第17条: the bind form links to the privacy guide', async () => {
    wx.fail('me.get', 'UNAUTHENTICATED', '请先绑定员工身份');
    const page = await open();
    expect(allText(page)).toContain('隐私保护指引');
    page.querySelector('#privacy')?.dispatchEvent('tap');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/privacy/pages/guide/index' }),
    );
  });

  it('says what is missing before binding, and shows the server’s refusal', async () => {
    wx.fail('me.get', 'UNAUTHENTICATED', '请先绑定员工身份');
    const page = await open();
    tapButton(page, '#bind');
    await settle(simulate);
    expect(allText(page)).toContain('请输入工号');
    expect(wx.calls.some((c) => c.action === 'me.bind')).toBe(false);

    wx.fail('me.bind', 'PRECONDITION_FAILED', '绑定码错误，还可尝试 4 次');
    typeInto(page, '#employee-no', 'D001');
    typeInto(page, '#code', 'WRONG123');
    await settle(simulate);
    tapButton(page, '#bind');
    await settle(simulate, 6);
    expect(allText(page)).toContain('绑定码错误，还可尝试 4 次');
    expect(allText(page)).toContain('绑定员工身份');
  });

  it('shows an error with a retry when the session cannot load', async () => {
    wx.fail('me.get', 'INTERNAL', '服务繁忙，请稍后再试');
    const page = await open();
    expect(allText(page)).toContain('服务繁忙，请稍后再试');
    wx.answer('me.get', employeeSession);
    tapButton(page, '#retry');
    await settle(simulate, 8);
    expect(allText(page)).toContain('发起离职');
  });

  it('shows the completed case, not only 发起离职, and opens it', async () => {
    wx.answer('me.get', {
      ...employeeSession,
      history: [
        {
          caseId: 'case-old',
          kind: 'resignation',
          reason: 'resignation',
          state: 'completed',
          lastWorkingDay: '2027-03-31',
          endedAt: '2027-04-01T02:00:00.000Z',
          signedAt: '2027-03-05T02:00:00.000Z',
          evidenceCount: 2,
          certificate: 'issued',
          certificateIssuedAt: '2027-03-31T08:00:00.000Z',
        },
      ],
    });
    const page = await open();
    const card = allText(page.querySelector('#last-record') as Comp);
    expect(card).toContain('我的离职记录');
    expect(card).toContain('完成归档');
    expect(card).toContain('最后工作日：2027年3月31日（周三）');
    expect(card).toContain('离职证明：已出具（3月31日）');
    // Someone whose departure is archived is not asked to resign again.
    expect(page.querySelector('#resign')).toBeUndefined();
    tapButton(page, '#open-record');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/case/pages/detail/index?caseId=case-old' }),
    );
  });

  it('after a withdrawal shows that record and still offers 发起离职', async () => {
    wx.answer('me.get', {
      ...employeeSession,
      history: [
        {
          caseId: 'case-w',
          kind: 'resignation',
          reason: 'resignation',
          state: 'withdrawn',
          endedAt: '2027-03-02T02:00:00.000Z',
          evidenceCount: 0,
          certificate: 'none',
        },
      ],
    });
    const page = await open();
    expect(allText(page.querySelector('#last-record') as Comp)).toContain('已撤回');
    expect(page.querySelector('#resign')).toBeDefined();
  });

  it('offers to resign when there is no open case', async () => {
    wx.answer('me.get', employeeSession);
    const page = await open();
    tapButton(page, '#resign');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/resign/pages/submit/index' }),
    );
  });

  it('shows the steps with their days and the next step with its due day and days overdue', async () => {
    wx.answer('me.get', {
      ...employeeSession,
      openCase: { caseId: 'case-1', kind: 'resignation', state: 'submitted', version: 1 },
    });
    wx.answer('case.get', submittedCase());
    const page = await open();
    const text = allText(page);
    expect(text).toContain('待部门审批');
    expect(text).toContain('最后工作日：2027年3月31日（周三）');
    expect(text).toMatch(/发起申请3月1日\d*部门审批3月1日\d*HR确认\d*手续办理/);
    expect(text).toContain('请于3月4日前上传《工作交接清单》，已逾期2天');
    expect(nextCard(page).querySelector('.next')?.dom?.className).toContain('next-overdue');
    tapButton(nextCard(page), '#next-step');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/case/pages/detail/index?caseId=case-1' }),
    );
  });

  it('sends the employee to sign once formalities start', async () => {
    wx.answer('me.get', {
      ...employeeSession,
      openCase: { caseId: 'case-1', kind: 'resignation', state: 'formalities', version: 5 },
    });
    wx.answer('case.get', formalitiesCase());
    const page = await open();
    expect(allText(page)).toContain('请于3月8日前签署《辞职书》，还剩1天');
    tapButton(nextCard(page), '#next-step');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/sign/pages/sign/index?caseId=case-1' }),
    );
  });

  it('shows a manager how many cases wait for them', async () => {
    wx.answer('me.get', managerSession);
    wx.answer('admin.board', { counts: { submitted: 2, hr_review: 5 }, rows: [] });
    const page = await open();
    expect(textOf(page, '.count')).toBe('2 件');
    expect(wx.calls.map((c) => c.action)).toEqual(['me.get', 'admin.board', 'handover.mine']);
  });

  it('shows a colleague named successor (交接人) the items still to confirm', async () => {
    wx.answer('me.get', employeeSession);
    const item = (itemId: string, status: string) => ({
      itemId,
      text: `交接事项 ${itemId}`,
      status,
      statusLabel: status,
    });
    wx.answer('handover.mine', {
      cases: [
        {
          caseId: 'case-9',
          employeeName: '王五',
          answerable: true,
          items: [item('r1-1', 'confirmed'), item('r1-2', 'pending'), item('r1-3', 'disputed')],
        },
      ],
    });
    const page = await open();
    expect(textOf(page, '#handover .count')).toBe('2 项');
    page.querySelector('#handover')?.dispatchEvent('tap');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/handover/pages/mine/index' }),
    );
  });

  it('shows no handover entry when nothing waits for the viewer', async () => {
    wx.answer('me.get', employeeSession);
    wx.answer('handover.mine', { cases: [] });
    const page = await open();
    expect(allText(page)).toContain('发起离职');
    expect(page.querySelector('#handover')).toBeUndefined();
  });

  it('shows HR the cases to confirm and run, how many are overdue, and opens exactly those', async () => {
    wx.answer('me.get', hrSession);
    wx.answer('admin.board', {
      counts: { submitted: 2, hr_review: 5, formalities: 1 },
      overdueByState: { submitted: 2, hr_review: 1, formalities: 1 },
      needsCallByState: {},
      rows: [],
    });
    const page = await open();
    expect(textOf(page, '.count')).toBe('6 件');
    // The submitted ones wait for their managers, not for HR.
    expect(textOf(page, '#pending-overdue')).toBe('其中已逾期 2 件');

    page.querySelector('#pending')?.dispatchEvent('tap');
    await settle(simulate);
    expect(wx.switchTab).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/cases/index' }),
    );
    // The board, opened by that tap, asks for exactly the cases the card counted.
    app.globalData.session = hrSession;
    await openPage(simulate, 'pages/cases/index');
    expect(wx.calls.at(-1)).toEqual({
      action: 'admin.board',
      payload: { states: ['hr_review', 'formalities'] },
    });
  });

  it('says nothing is overdue by not saying it', async () => {
    wx.answer('me.get', managerSession);
    wx.answer('admin.board', {
      counts: { submitted: 1 },
      overdueByState: {},
      needsCallByState: {},
      rows: [],
    });
    const page = await open();
    expect(textOf(page, '.count')).toBe('1 件');
    expect(page.querySelector('#pending-overdue')).toBeUndefined();
  });

  it('shows no made-up count when the board fails: the error, and 重试 when it can help', async () => {
    wx.answer('me.get', hrSession);
    wx.fail('admin.board', 'INTERNAL', '服务暂时不可用，请稍后再试');
    const page = await open();
    expect(page.querySelector('#pending')).toBeUndefined();
    expect(page.querySelector('.count')).toBeUndefined();
    expect(allText(page.querySelector('#pending-error') as Comp)).toContain('服务暂时不可用');
    wx.answer('admin.board', { counts: { hr_review: 1 }, rows: [] });
    tapButton(page, '#pending-retry');
    await settle(simulate, 8);
    expect(textOf(page, '.count')).toBe('1 件');
    expect(page.querySelector('#pending-error')).toBeUndefined();
  });

  it('a refused board says whom to ask, without 重试', async () => {
    wx.answer('me.get', managerSession);
    wx.fail('admin.board', 'FORBIDDEN', '只有 HR 和部门经理可以查看看板');
    const page = await open();
    const error = page.querySelector('#pending-error') as Comp;
    expect(allText(error)).toContain('请联系HR');
    expect(page.querySelector('#pending-retry')).toBeUndefined();
  });

  it('a session that cannot load for good says what to do, without 重试', async () => {
    wx.fail('me.get', 'FORBIDDEN', '账号已停用');
    const page = await open();
    expect(allText(page.querySelector('#load-error') as Comp)).toContain('请联系HR');
    expect(page.querySelector('#retry')).toBeUndefined();
  });

  it('refreshes on pull-down and stops the spinner', async () => {
    wx.answer('me.get', managerSession);
    wx.answer('admin.board', { counts: { submitted: 1 }, rows: [] });
    const page = await open();
    wx.answer('admin.board', { counts: { submitted: 3 }, rows: [] });
    await lifecycle(simulate, page, 'onPullDownRefresh');
    await settle(simulate, 4);
    expect(textOf(page, '.count')).toBe('3 件');
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });
});
