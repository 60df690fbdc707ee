/** The 交接人 pages' view logic: the successor's cards and the form that names successors. */
import {
  handoverCards,
  handoverLines,
  openItemCount,
  successorBlocks,
  successorPayload,
  type MineResult,
} from '../../../miniprogram/view-models/handover';

const mine: MineResult = {
  cases: [
    {
      caseId: 'c1',
      employeeName: '王五',
      answerable: false,
      items: [
        { itemId: 'r1-1', text: '客户资料', status: 'pending', statusLabel: '待确认' },
        {
          itemId: 'r1-2',
          text: '周报模板',
          status: 'disputed',
          statusLabel: '有异议',
          at: '2027-03-05T02:00:00.000Z',
          comment: '缺上季度数据',
        },
        {
          itemId: 'r1-3',
          text: '代码仓库',
          status: 'confirmed',
          statusLabel: '已确认接收',
          note: '已当面交接',
          onBehalf: true,
        },
      ],
    },
  ],
};

describe('the successor’s page', () => {
  it('names the leaver, says why nothing can be answered yet, and shows each item’s state', () => {
    const [card] = handoverCards(mine);
    expect(card).toMatchObject({ title: '王五的工作交接', answerable: false });
    expect(card?.hint).toContain('进入手续办理后');
    expect(card?.items.map((i) => [i.theme, i.open, i.remark])).toEqual([
      ['warning', true, ''],
      ['danger', true, '异议：缺上季度数据'],
      ['success', false, '代为确认：已当面交接'],
    ]);
  });

  it('counts the items still to confirm (pending or disputed)', () => {
    expect(openItemCount(mine)).toBe(2);
    expect(openItemCount({ cases: [] })).toBe(0);
  });
});

describe('the case page', () => {
  it('lists each successor with their items', () => {
    const blocks = successorBlocks({
      round: 1,
      assignedAt: '2027-03-02T02:00:00.000Z',
      successors: [{ employeeNo: 'E101', name: '李雷', items: mine.cases[0]?.items ?? [] }],
    });
    expect(blocks.map((b) => [b.title, b.items.length])).toEqual([['李雷（E101）', 3]]);
    expect(successorBlocks(undefined)).toEqual([]);
  });
});

describe('naming successors', () => {
  it('takes one item a line and drops blank lines', () => {
    expect(handoverLines(' 客户资料 \n\n代码仓库\n')).toEqual(['客户资料', '代码仓库']);
  });

  it('sends the filled rows and skips an empty one', () => {
    expect(
      successorPayload([
        { employeeNo: ' E101 ', text: '客户资料\n代码仓库' },
        { employeeNo: '', text: '' },
      ]),
    ).toEqual({ ok: true, successors: [{ employeeNo: 'E101', items: ['客户资料', '代码仓库'] }] });
  });

  it('says what to fix before anything is sent', () => {
    const problem = (drafts: { employeeNo: string; text: string }[]) => {
      const result = successorPayload(drafts);
      return result.ok ? '' : result.error;
    };
    expect(problem([{ employeeNo: '', text: '' }])).toBe('请填写交接人工号和交接事项');
    expect(problem([{ employeeNo: '', text: '客户资料' }])).toBe('第 1 位交接人：请填写工号');
    expect(problem([{ employeeNo: 'E1', text: '' }])).toBe('第 1 位交接人：请至少填写一项交接事项');
    expect(problem([{ employeeNo: 'E1', text: '字'.repeat(101) }])).toContain('最多 100 个字');
    expect(
      problem([
        { employeeNo: 'E1', text: 'a' },
        { employeeNo: 'E1', text: 'b' },
      ]),
    ).toContain('只能填写一次');
    expect(
      problem([
        { employeeNo: 'E1', text: Array.from({ length: 51 }, (_, i) => `第${i}项`).join('\n') },
      ]),
    ).toBe('交接事项合计最多 50 项');
  });
});
