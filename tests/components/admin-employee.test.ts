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

describe('admin: binding code page', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
  });

  async function issue(page: Comp, employeeNo: string): Promise<void> {
    typeInto(page, '#employee-no', employeeNo);
    await settle(simulate);
    tapButton(page, '#issue');
    await settle(simulate, 8);
  }

  it('issues a code and shows it grouped, with its Beijing expiry and the rules', async () => {
    wx.answer('admin.bindingCode', { code: 'ABCDE12345', expiresAt: '2027-03-08T02:00:00Z' });
    const page = render(simulate, 'packages/admin/pages/employee/index');
    await issue(page, ' D007 ');
    expect(wx.calls).toEqual([{ action: 'admin.bindingCode', payload: { employeeNo: 'D007' } }]);
    expect(textOf(page, '.code')).toBe('ABCDE-12345');
    const text = allText(page);
    expect(text).toContain('员工 D007 的绑定码');
    expect(text).toContain('有效期至：2027-03-08 10:00（北京时间）');
    expect(text).toContain('有效期 7 天，仅可使用一次');
  });

  it('opened from a board row (未绑定小程序): the number is filled in', async () => {
    wx.answer('admin.bindingCode', { code: 'ABCDE12345', expiresAt: '2027-03-08T02:00:00Z' });
    const page = render(simulate, 'packages/admin/pages/employee/index');
    await lifecycle(simulate, page, 'onLoad', { employeeNo: 'D003' });
    tapButton(page, '#issue');
    await settle(simulate, 8);
    expect(wx.calls).toEqual([{ action: 'admin.bindingCode', payload: { employeeNo: 'D003' } }]);
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

  it('checks the employee number before asking the server', async () => {
    const page = render(simulate, 'packages/admin/pages/employee/index');
    tapButton(page, '#issue');
    await settle(simulate);
    expect(allText(page)).toContain('请输入员工编号');
    await issue(page, '张三');
    expect(allText(page)).toContain('员工编号只能包含字母、数字、下划线和连字符');
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
