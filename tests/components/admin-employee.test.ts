/** @jest-environment jsdom */
import {
  allText,
  lifecycle,
  render,
  settle,
  setUp,
  tapButton,
  textOf,
  typeInto,
  type Comp,
  type WxMocks,
} from './harness';

/** Longer than the pause the page waits after typing before it looks the 工号 up. */
const LOOKUP_WAIT_MS = 400;

describe('admin: binding code page', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    wx.answer('admin.employeeLookup', { name: '周七', department: '市场部' });
  });

  // A lookup still waiting must not reach the next test's mocks.
  afterEach(() => simulate.sleep(LOOKUP_WAIT_MS));

  /** The calls that change something: lookups are reads made while typing. */
  const changes = () => wx.calls.filter((c) => c.action !== 'admin.employeeLookup');

  async function confirmDialog(page: Comp): Promise<void> {
    const dialog = page.querySelector('#issue-dialog');
    if (!dialog) throw new Error('no confirmation dialog');
    tapButton(dialog, '#dialog-confirm');
    await settle(simulate, 8);
  }

  /** Types the number, waits for its name, taps 生成绑定码 and confirms the summary. */
  async function issue(page: Comp, employeeNo: string): Promise<void> {
    typeInto(page, '#employee-no', employeeNo);
    await simulate.sleep(LOOKUP_WAIT_MS);
    await settle(simulate);
    tapButton(page, '#issue');
    await settle(simulate);
    await confirmDialog(page);
  }

  it('names the employee as soon as the 工号 is typed, with one lookup', async () => {
    const page = render(simulate, 'packages/admin/pages/employee/index');
    typeInto(page, '#employee-no', 'D');
    typeInto(page, '#employee-no', 'D0');
    typeInto(page, '#employee-no', 'D007');
    await simulate.sleep(LOOKUP_WAIT_MS);
    await settle(simulate);
    expect(textOf(page, '#employee-found')).toBe('周七 · 市场部');
    expect(wx.calls).toEqual([{ action: 'admin.employeeLookup', payload: { employeeNo: 'D007' } }]);
  });

  it('says when the 工号 names no one', async () => {
    wx.fail('admin.employeeLookup', 'NOT_FOUND', '没有工号为 X404 的员工，请核对工号');
    const page = render(simulate, 'packages/admin/pages/employee/index');
    typeInto(page, '#employee-no', 'X404');
    await simulate.sleep(LOOKUP_WAIT_MS);
    await settle(simulate);
    expect(textOf(page, '#employee-problem')).toBe('没有工号为 X404 的员工，请核对工号');
    expect(page.querySelector('#employee-found')).toBeUndefined();
  });

  it('asks before a new code voids the old one, and makes none when HR goes back', async () => {
    const page = render(simulate, 'packages/admin/pages/employee/index');
    typeInto(page, '#employee-no', 'D007');
    await simulate.sleep(LOOKUP_WAIT_MS);
    await settle(simulate);
    tapButton(page, '#issue');
    await settle(simulate);
    const dialog = textOf(page, '#issue-dialog');
    expect(dialog).toContain('生成新的绑定码');
    expect(dialog).toContain('员工：周七 · 市场部（D007）');
    expect(dialog).toContain('该员工之前发放的绑定码将立即失效');
    expect(dialog).toContain('原来绑定的微信号即解除绑定');
    const box = page.querySelector('#issue-dialog');
    if (!box) throw new Error('no confirmation dialog');
    tapButton(box, '#dialog-cancel');
    await settle(simulate);
    expect(textOf(page, '#issue-dialog')).toBe('');
    expect(changes()).toEqual([]);
  });

  it('issues a code and shows it grouped, with its Beijing expiry and the rules', async () => {
    wx.answer('admin.bindingCode', { code: 'ABCDE12345', expiresAt: '2027-03-08T02:00:00Z' });
    const page = render(simulate, 'packages/admin/pages/employee/index');
    await issue(page, ' D007 ');
    expect(changes()).toEqual([{ action: 'admin.bindingCode', payload: { employeeNo: 'D007' } }]);
    expect(textOf(page, '.code')).toBe('ABCDE-12345');
    const text = allText(page);
    expect(text).toContain('工号 D007 的绑定码');
    expect(text).toContain('有效期至：2027-03-08 10:00（北京时间）');
    expect(text).toContain('有效期 7 天，仅可使用一次');
  });

  it('opened from a board row (未绑定小程序): the number is filled in', async () => {
    wx.answer('admin.bindingCode', { code: 'ABCDE12345', expiresAt: '2027-03-08T02:00:00Z' });
    const page = render(simulate, 'packages/admin/pages/employee/index');
    await lifecycle(simulate, page, 'onLoad', { employeeNo: 'D003' });
    await simulate.sleep(LOOKUP_WAIT_MS);
    await settle(simulate);
    // The name shows for the number the row brought, too.
    expect(textOf(page, '#employee-found')).toBe('周七 · 市场部');
    tapButton(page, '#issue');
    await settle(simulate);
    await confirmDialog(page);
    expect(changes()).toEqual([{ action: 'admin.bindingCode', payload: { employeeNo: 'D003' } }]);
  });

  it('copies the code through the clipboard', async () => {
    wx.answer('admin.bindingCode', { code: 'ABCDE12345', expiresAt: '2027-03-08T02:00:00Z' });
    const page = render(simulate, 'packages/admin/pages/employee/index');
    await issue(page, 'D007');
    tapButton(page, '#copy');
    await settle(simulate);
    expect(wx.setClipboardData).toHaveBeenCalledWith(
      expect.objectContaining({ data: 'ABCDE-12345' }),
    );
    expect(wx.showToast).not.toHaveBeenCalled();
  });

  it('says so when copying fails', async () => {
    wx.answer('admin.bindingCode', { code: 'ABCDE12345', expiresAt: '2027-03-08T02:00:00Z' });
    wx.setClipboardData.mockImplementation((opts: { fail?: (e: unknown) => void }) =>
      opts.fail?.({ errMsg: 'setClipboardData:fail' }),
    );
    const page = render(simulate, 'packages/admin/pages/employee/index');
    await issue(page, 'D007');
    tapButton(page, '#copy');
    await settle(simulate);
    expect(allText(page)).toContain('复制失败，请手动抄写');
  });

  it('says whom to ask when the clipboard is not declared in 用户隐私保护指引 (112)', async () => {
    wx.answer('admin.bindingCode', { code: 'ABCDE12345', expiresAt: '2027-03-08T02:00:00Z' });
    wx.answer('privacy.report', { recorded: true });
    wx.setClipboardData.mockImplementation((opts: { fail?: (e: unknown) => void }) =>
      opts.fail?.({
        errMsg: 'setClipboardData:fail api scope is not declared in the privacy agreement',
        errno: 112,
      }),
    );
    const page = render(simulate, 'packages/admin/pages/employee/index');
    await issue(page, 'D007');
    tapButton(page, '#copy');
    await settle(simulate, 6);
    expect(allText(page)).toContain('请手动抄写，并联系小程序管理员补充声明');
    expect(wx.calls.at(-1)).toEqual({
      action: 'privacy.report',
      payload: { api: 'setClipboardData', errno: 112 },
    });
  });

  it('checks the 工号 before asking the server', async () => {
    const page = render(simulate, 'packages/admin/pages/employee/index');
    tapButton(page, '#issue');
    await settle(simulate);
    expect(allText(page)).toContain('请输入工号');
    typeInto(page, '#employee-no', '张三');
    await simulate.sleep(LOOKUP_WAIT_MS);
    tapButton(page, '#issue');
    await settle(simulate);
    expect(allText(page)).toContain('工号只能包含字母、数字、下划线和连字符');
    expect(page.querySelector('#issue-dialog')?.dom?.textContent?.trim() ?? '').toBe('');
    expect(wx.calls).toHaveLength(0);
  });

  it('shows the server’s refusal and no code', async () => {
    wx.fail('admin.bindingCode', 'FORBIDDEN', '只有管理员可以为管理员发放绑定码');
    const page = render(simulate, 'packages/admin/pages/employee/index');
    await issue(page, 'A001');
    expect(allText(page)).toContain('只有管理员可以为管理员发放绑定码');
    expect(page.querySelector('.code')).toBeUndefined();
  });
});
