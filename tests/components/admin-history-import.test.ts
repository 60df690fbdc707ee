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

const PAGE = 'packages/admin/pages/history-import/index';

const SHEET = [
  '工号\t姓名\t部门\t离职原因\t提出离职日期\t最后工作日\t是否签署离职文书',
  'P001\t李四\t销售部\t辞职\t2025/3/3\t2025/4/2\t否',
  '',
  'P002\t王五\t研发部\t其他个人原因\t2025-06-10\t2025-07-10\t是',
  'P003\t赵六\t研发部\t被开除\t2025-06-11\t2025-07-11\t是',
].join('\n');

describe('admin: history import page', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
  });

  async function paste(page: Comp, text: string): Promise<void> {
    typeInto(page, '#rows', text);
    await settle(simulate);
  }

  it('sends the pasted rows with normalised dates and shows the server’s answer by line', async () => {
    wx.answer('admin.importHistory', {
      created: 2,
      updated: 0,
      unchanged: 0,
      errors: [
        {
          row: 3,
          field: 'reason',
          message: '离职原因应为：辞职、其他个人原因、不能胜任工作、用人单位过错（被迫解除）',
        },
      ],
    });
    const page = render(simulate, PAGE);
    expect(textOf(page, '#columns')).toBe(
      '工号，姓名，部门，离职原因，提出离职日期，最后工作日，是否签署离职文书',
    );
    await paste(page, SHEET);
    expect(textOf(page, '#count')).toBe('共 3 行');
    tapButton(page, '#import');
    await settle(simulate, 8);
    expect(wx.calls).toEqual([
      {
        action: 'admin.importHistory',
        payload: {
          rows: [
            {
              employeeNo: 'P001',
              name: '李四',
              department: '销售部',
              reason: '辞职',
              noticeDate: '2025-03-03',
              lastWorkingDay: '2025-04-02',
              signed: '否',
            },
            {
              employeeNo: 'P002',
              name: '王五',
              department: '研发部',
              reason: '其他个人原因',
              noticeDate: '2025-06-10',
              lastWorkingDay: '2025-07-10',
              signed: '是',
            },
            {
              employeeNo: 'P003',
              name: '赵六',
              department: '研发部',
              reason: '被开除',
              noticeDate: '2025-06-11',
              lastWorkingDay: '2025-07-11',
              signed: '是',
            },
          ],
        },
      },
    ]);
    expect(textOf(page, '#summary')).toBe('新增 2 条，更新 0 条，已导入过 0 条');
    // The third row sent is pasted line 5 (a blank line sits between).
    expect(allText(page)).toContain(
      '第 5 行 离职原因：离职原因应为：辞职、其他个人原因、不能胜任工作',
    );
  });

  it('names a bad date and a missing cell, and sends nothing', async () => {
    const page = render(simulate, PAGE);
    await paste(page, 'P001,李四,销售部,辞职,2025/13/3,2025/4/2,');
    tapButton(page, '#import');
    await settle(simulate, 4);
    const text = allText(page);
    expect(text).toContain('第 1 行 提出离职日期：“2025/13/3”不是有效日期');
    expect(text).toContain('第 1 行 是否签署离职文书：必填');
    expect(text).toContain('请先改正以上问题再导入');
    expect(wx.calls).toEqual([]);
  });
});
