/** @jest-environment jsdom */
import { formalitiesCase } from './fixtures/case-view';
import { meta } from './fixtures/meta';
import { openPage } from './fixtures/page';
import {
  allText,
  lifecycle,
  render,
  settle,
  setUp,
  tapButton,
  textOf,
  type Comp,
  type WxMocks,
} from './harness';

const hash = (c: string) => c.repeat(64);

function evidence(extra: Record<string, unknown> = {}) {
  const events = formalitiesCase().events;
  return {
    valid: true,
    chainHead: hash('2'),
    letterHash: hash('c'),
    signatureHash: hash('d'),
    mismatches: [],
    checks: { chain: true, fields: true, anchors: true, files: true },
    events: [
      ...events,
      {
        seq: 2,
        type: 'checklist.waive',
        actor: { openid: 'openid-hr', role: 'hr' },
        at: '2027-04-02T01:30:00Z',
        payload: { item: 'sign_letter', note: '员工失联，EMS 已签收', employeeSide: true },
        prevHash: hash('2'),
        hash: hash('3'),
      },
      {
        seq: 3,
        type: 'evidence.view',
        actor: { openid: 'openid-hr', role: 'hr' },
        at: '2027-04-03T01:30:00Z',
        payload: {},
        prevHash: hash('3'),
        hash: 'e1f2'.repeat(16),
      },
    ],
    ...extra,
  };
}

const checklistMeta = {
  ...meta,
  checklistItems: [{ item: 'sign_letter', label: '签署《辞职书》' }],
};

describe('case evidence page', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    wx.answer('meta.get', checklistMeta);
  });

  const open = (): Promise<Comp> =>
    openPage(simulate, 'packages/case/pages/evidence/index', { caseId: 'case-1' });

  it('shows a verified chain with its heads and every record', async () => {
    wx.answer('case.evidence', evidence());
    const page = await open();
    expect(wx.calls.find((c) => c.action === 'case.evidence')?.payload).toEqual({
      caseId: 'case-1',
    });
    expect(textOf(page, '#verdict')).toBe('校验通过：记录完整，未被篡改');
    expect(textOf(page, '#chain-head')).toBe(hash('2'));
    expect(textOf(page, '#letter-hash')).toBe(hash('c'));
    expect(textOf(page, '#signature-hash')).toBe(hash('d'));
    // Newest first: the page opens on what just happened.
    const events = page.querySelectorAll('.event').map((e) => allText(e));
    expect(events).toHaveLength(4);
    expect(allText(page)).toContain('记录（共 4 条，最新在前）');
    expect(events[0]).toContain('#3');
    expect(events[0]).toContain('查看证据');
    expect(events[0]).toContain('HR · 2027-04-03 09:30 · e1f2e1f2e1f2');
    expect(events[2]).toContain('#1');
    expect(events[2]).toContain('部门审批通过');
    expect(events[2]).toContain('部门经理 · 2027-03-02 16:15 · 222222222222');
    expect(page.querySelectorAll('.event-broken')).toHaveLength(0);
  });

  it('marks a waived item as waived, with its reason', async () => {
    wx.answer('case.evidence', evidence({ signatureHash: null }));
    const page = await open();
    const waived = page.querySelectorAll('.event-waived').map((e) => allText(e));
    expect(waived).toHaveLength(1);
    // The record names the item it waived.
    expect(waived[0]).toContain('豁免清单项：签署《辞职书》');
    expect(waived[0]).toContain('已豁免：签署《辞职书》（原因：员工失联，EMS 已签收）');
    expect(textOf(page, '#signature-hash')).toBe('—');
    expect(allText(page)).toContain('签署项已由 HR 豁免，未留电子签名');
  });

  it('names the record where the chain breaks', async () => {
    wx.answer('case.evidence', evidence({ valid: false, brokenAt: 2 }));
    const page = await open();
    expect(textOf(page, '#verdict')).toBe('校验失败：第 2 条记录被篡改');
    const broken = page.querySelectorAll('.event-broken').map((e) => allText(e));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toContain('#2');
    expect(broken[0]).toContain('被篡改');
  });

  it('says which check failed and what disagrees, in Chinese', async () => {
    wx.answer(
      'case.evidence',
      evidence({
        valid: false,
        mismatches: [
          { field: 'state', stored: 'completed', replayed: 'formalities' },
          { field: 'lastWorkingDay', stored: '2027-12-31', replayed: '2027-03-31' },
          { field: 'signature.letterHash', stored: hash('f'), replayed: hash('c') },
          { field: 'checklist.sign_letter.done', stored: true, replayed: false },
          { field: 'anchors.2027-03-02', stored: hash('a'), replayed: hash('b') },
          { field: 'attachments[0].file', stored: hash('e'), replayed: null },
        ],
        checks: { chain: true, fields: false, anchors: false, files: false },
      }),
    );
    const page = await open();
    expect(textOf(page, '#verdict')).toBe(
      '校验失败：案件数据与记录一致、每日存证锚点、证据文件未通过',
    );
    expect(allText(page.querySelector('#check-chain') as Comp)).toContain('通过');
    expect(allText(page.querySelector('#check-fields') as Comp)).toContain('未通过');
    expect(page.querySelectorAll('.check-failed')).toHaveLength(3);
    const problems = page.querySelectorAll('.problem').map((p) => allText(p));
    expect(allText(page)).toContain('不一致之处（共 6 处）');
    expect(problems).toEqual([
      expect.stringContaining('案件状态：案件中为 completed，按记录重放应为 formalities'),
      expect.stringContaining('最后工作日：案件中为 2027-12-31，按记录重放应为 2027-03-31'),
      expect.stringContaining(
        `签署文书哈希：案件中为 ${hash('f').slice(0, 12)}，按记录重放应为 ${hash('c').slice(0, 12)}`,
      ),
      expect.stringContaining('手续「签署《辞职书》」的完成状态：案件中为 是，按记录重放应为 否'),
      expect.stringContaining('2027-03-02 的每日存证锚点：锚点记录为'),
      expect.stringContaining('第 1 个附件的文件内容：文件已缺失'),
    ]);
    expect(problems[0]).toContain('案件数据与记录一致');
    expect(problems[4]).toContain('每日存证锚点');
    expect(page.querySelectorAll('.event-broken')).toHaveLength(0);
  });

  it('shows the records 20 at a time as the user scrolls', async () => {
    const first = evidence().events[0] as Record<string, unknown>;
    const events = Array.from({ length: 45 }, (_, i) => ({
      ...first,
      seq: i + 1,
      hash: hash((i % 10).toString()),
    }));
    wx.answer('case.evidence', evidence({ events }));
    const page = await open();
    expect(allText(page)).toContain('记录（共 45 条，最新在前）');
    expect(page.querySelectorAll('.event')).toHaveLength(20);
    expect(allText(page.querySelectorAll('.event')[0] as Comp)).toContain('#45');
    expect(allText(page)).toContain('上拉加载更多');
    await lifecycle(simulate, page, 'onReachBottom');
    expect(page.querySelectorAll('.event')).toHaveLength(40);
    await lifecycle(simulate, page, 'onReachBottom');
    const rows = page.querySelectorAll('.event');
    expect(rows).toHaveLength(45);
    expect(allText(rows[44] as Comp)).toContain('#1');
    expect(allText(page)).toContain('没有更多了');
    await lifecycle(simulate, page, 'onReachBottom');
    expect(page.querySelectorAll('.event')).toHaveLength(45);
  });

  it('shows the server’s refusal with whom to ask, and no 重试 that cannot help', async () => {
    wx.fail('case.evidence', 'FORBIDDEN', '只有本人和 HR 可以查看证据');
    const page = await open();
    expect(allText(page)).toContain('只有本人和 HR 可以查看证据');
    expect(allText(page)).toContain('请联系HR');
    expect(page.querySelector('#retry')).toBeUndefined();
  });

  it('retries a failure that may pass, by 重试 and by pull-down', async () => {
    wx.fail('case.evidence', 'INTERNAL', '服务暂时不可用，请稍后再试');
    const page = await open();
    expect(allText(page)).toContain('服务暂时不可用');
    wx.answer('case.evidence', evidence());
    tapButton(page, '#retry');
    await settle(simulate, 6);
    expect(textOf(page, '#verdict')).toBe('校验通过：记录完整，未被篡改');
    await lifecycle(simulate, page, 'onPullDownRefresh');
    await settle(simulate, 4);
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
    expect(wx.calls.filter((c) => c.action === 'case.evidence')).toHaveLength(3);
  });

  it('个保法 第47条: a purged case shows its tombstone, not a broken chain and no retry', async () => {
    wx.fail(
      'case.evidence',
      'NOT_FOUND',
      '该离职案件已于2029年3月2日保存期满，个人信息已依法删除（个人信息保护法 第47条），仅保留办结记录；如需核实请联系 HR',
      {
        purged: {
          caseId: 'case-1',
          closedAt: '2027-03-01T02:00:00.000Z',
          purgedAt: '2029-03-02T02:00:00.000Z',
          chainHead: 'e'.repeat(64),
          purgeHash: 'f'.repeat(64),
        },
      },
    );
    const page = await open();
    const text = allText(page);
    expect(text).toContain('个人信息已依法删除');
    expect(text).toContain('清除时间：2029-03-02 10:00');
    expect(text).toContain(`清除前的证据链末端哈希：${'e'.repeat(64)}`);
    expect(text).not.toContain('篡改');
    expect(page.querySelector('#retry')).toBeUndefined();
  });

  it('shows a spinner while verifying', () => {
    const page = render(simulate, 'packages/case/pages/evidence/index');
    expect(allText(page)).toContain('正在校验');
  });
});
