/** @jest-environment jsdom */
import {
  allText,
  render,
  settle,
  setUp,
  tapButton,
  textOf,
  typeInto,
  type Comp,
  type WxMocks,
} from './harness';

const PAGE = 'packages/admin/pages/roster/index';

const SHEET = [
  '工号\t姓名\t部门\t岗位\t直属经理工号\t入职日期\t试用期结束日\t合同开始日\t合同结束日\t角色',
  'M001\t周经理\t研发部\t研发经理\t\t2020/3/2\t2020/6/1\t2020/3/2\t\t经理',
  'D001\t张三\t研发部\t工程师\tM001\t2024-5-6\t2024-11-06',
].join('\n');

describe('admin: roster import page', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
  });

  async function paste(page: Comp, text: string): Promise<void> {
    typeInto(page, '#rows', text);
    await settle(simulate);
  }

  async function importRows(page: Comp): Promise<void> {
    tapButton(page, '#import');
    await settle(simulate, 8);
  }

  it('shows the column order and counts the pasted rows, header skipped', async () => {
    const page = render(simulate, PAGE);
    expect(textOf(page, '#columns')).toBe(
      '工号，姓名，部门，岗位，直属经理工号（选填），入职日期，试用期结束日，合同开始日（选填），合同结束日（选填），角色（选填）',
    );
    await paste(page, SHEET);
    expect(textOf(page, '#count')).toBe('共 2 行');
  });

  it('sends the rows with normalised dates and shows the totals', async () => {
    wx.answer('admin.import', { created: 1, updated: 1, errors: [] });
    const page = render(simulate, PAGE);
    await paste(page, SHEET);
    await importRows(page);
    expect(wx.calls).toEqual([
      {
        action: 'admin.import',
        payload: {
          rows: [
            {
              employeeNo: 'M001',
              name: '周经理',
              department: '研发部',
              position: '研发经理',
              hireDate: '2020-03-02',
              probationEndDate: '2020-06-01',
              contractStart: '2020-03-02',
              roles: ['manager'],
            },
            {
              employeeNo: 'D001',
              name: '张三',
              department: '研发部',
              position: '工程师',
              managerNo: 'M001',
              hireDate: '2024-05-06',
              probationEndDate: '2024-11-06',
            },
          ],
        },
      },
    ]);
    expect(textOf(page, '#created')).toBe('新增 1 人');
    expect(textOf(page, '#updated')).toBe('更新 1 人');
  });

  it('shows the server’s refused rows by pasted line and column name', async () => {
    wx.answer('admin.import', {
      created: 1,
      updated: 0,
      errors: [{ row: 2, field: 'managerNo', message: '没有员工 M001，请先导入直属经理' }],
    });
    const page = render(simulate, PAGE);
    await paste(page, SHEET);
    await importRows(page);
    const errors = page.querySelectorAll('.row-error').map((e) => allText(e));
    expect(errors).toEqual(['第 3 行 直属经理工号：没有员工 M001，请先导入直属经理']);
    expect(allText(page)).toContain('以下行未导入');
  });

  it('blocks sending while a line has a problem, and names it', async () => {
    const page = render(simulate, PAGE);
    await paste(page, `${SHEET}\nD002\t李四\t研发部\t\t\t2024/2/30\t2024-08-01`);
    expect(textOf(page, '#count')).toBe('共 3 行');
    const problems = page.querySelectorAll('.problem').map((p) => allText(p));
    expect(problems).toEqual([
      '第 4 行 岗位：必填',
      '第 4 行 入职日期：“2024/2/30”不是有效日期，应如 2024-05-06 或 2024/5/6',
    ]);
    await importRows(page);
    expect(allText(page)).toContain('请先改正以上问题再导入');
    expect(wx.calls).toHaveLength(0);
  });

  it('refuses an empty paste and more than 500 rows without asking the server', async () => {
    const page = render(simulate, PAGE);
    await importRows(page);
    expect(allText(page)).toContain('请粘贴要导入的员工');
    const many = Array.from(
      { length: 501 },
      (_, i) => `E${i}\t员工${i}\t研发部\t工程师\t\t2024-05-06\t2024-11-06`,
    ).join('\n');
    await paste(page, many);
    await importRows(page);
    expect(allText(page)).toContain('共 501 行，一次最多导入 500 行，请分批导入');
    expect(wx.calls).toHaveLength(0);
  });

  it('disables the button while sending, and shows a refusal of the whole import', async () => {
    let answer: (value: unknown) => void = () => undefined;
    wx.callFunction.mockImplementation(
      (opts: { data: { action: string; payload: unknown } }) =>
        new Promise((resolve) => {
          wx.calls.push({ action: opts.data.action, payload: opts.data.payload });
          answer = resolve;
        }),
    );
    const page = render(simulate, PAGE);
    await paste(page, SHEET);
    await importRows(page);
    const button = page.querySelector('#import')?.querySelector('.t-button');
    expect(button?.dom?.className).toContain('t-button--disabled');
    await importRows(page);
    expect(wx.calls).toHaveLength(1);
    answer({
      result: { ok: false, error: { code: 'FORBIDDEN', message: '只有 HR 可以导入花名册' } },
    });
    await settle(simulate, 8);
    expect(allText(page)).toContain('只有 HR 可以导入花名册');
    expect(button?.dom?.className).not.toContain('t-button--disabled');
  });
});
