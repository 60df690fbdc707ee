/**
 * @jest-environment jsdom
 *
 * The compiled pages against the real `offboarding` function on the local cloud, instead of
 * mocked answers: what the server really says is what the pages can show.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, Envelope } from '../../server/contract';
import { demoRoster, importAndBind, PDF_BYTES, seedDemoCases } from '../../tools/demo/demo-company';
import { createLocalCloud, type LocalCloud } from '../../tools/local-cloud';
import {
  callThrough,
  allText,
  type Comp,
  lifecycle,
  render,
  setUp,
  type Simulate,
  tapButton,
  textOf,
  typeInto,
  type WxMocks,
} from './harness';

const ADMIN = 'admin-openid';

let dir: string;
let cloud: LocalCloud;
let simulate: Simulate;
let wx: WxMocks;
/** Whose WeChat the page runs in. */
let caller = '';

const invoke = async (openid: string, action: ActionName, payload?: unknown) =>
  (await cloud.invoke('offboarding', { action, payload }, { openid })) as Envelope<unknown>;

/** Waits until the page shows `text` (real database calls take more than a tick). */
async function untilShown(page: Comp, text: string): Promise<string> {
  for (let i = 0; i < 200 && !allText(page).includes(text); i += 1) await simulate.sleep(10);
  return allText(page);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pages-local-cloud-'));
  cloud = await createLocalCloud({
    dataDir: dir,
    env: { ADMIN_OPENIDS: ADMIN },
    realTimeTimers: false,
  });
  await cloud.clock.jump(new Date('2027-03-01T10:00:00+08:00'));
  const people = await importAndBind(invoke, ADMIN, demoRoster());
  await seedDemoCases(
    invoke,
    async (openid, cloudPath, content) => (await cloud.upload(cloudPath, content, openid)).fileID,
    people,
  );
});

afterAll(async () => {
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  ({ simulate, wx } = setUp());
  // Every page call goes to the real function, as the caller set for the test.
  callThrough(wx, cloud, () => caller);
});

it('binds a new employee with the code HR issued, then offers to resign', async () => {
  await invoke(ADMIN, 'admin.import', {
    rows: [
      {
        employeeNo: 'N001',
        name: '钱多多',
        department: '研发部',
        position: '测试工程师',
        managerNo: 'M001',
        hireDate: '2024-05-06',
        probationEndDate: '2024-11-06',
      },
    ],
  });
  const issued = (await invoke(ADMIN, 'admin.bindingCode', { employeeNo: 'N001' })) as Envelope<{
    code: string;
  }>;
  if (!issued.ok) throw new Error(issued.error.message);
  caller = 'openid-of-n001';

  const page = render(simulate, 'pages/home/index');
  await lifecycle(simulate, page, 'onLoad');
  expect(await untilShown(page, '绑定员工身份')).toContain('绑定员工身份');

  typeInto(page, '#employee-no', 'N001');
  typeInto(page, '#code', issued.data.code);
  await simulate.sleep(0);
  tapButton(page, '#bind');
  const text = await untilShown(page, '发起离职');
  expect(text).toContain('钱多多');
  expect(text).toContain('发起离职');
});

it('shows an employee in formalities that the next step is to sign', async () => {
  caller = 'demo-d006';
  const page = render(simulate, 'pages/home/index');
  await lifecycle(simulate, page, 'onLoad');
  const text = await untilShown(page, '签署《辞职书》');
  expect(text).toContain('手续办理');
  // The server's due day for the signature, with the days left or overdue.
  expect(text).toMatch(/请于\d+月\d+日前签署《辞职书》，(还剩\d+天|今天截止|已逾期\d+天)/);
});

/** The board's tab whose label starts with `label`, tapped; waits for its rows. */
async function showTab(page: Comp, label: string): Promise<void> {
  const items = page.querySelector('#filters')?.querySelectorAll('.t-tabs__item') ?? [];
  const tab = items.find((item) => allText(item).startsWith(label));
  if (!tab) throw new Error(`no tab ${label}`);
  tab.dispatchEvent('tap');
  await simulate.sleep(20);
  await untilLoaded(page);
}

/** Waits until the page has its answer (the real function takes more than a tick). */
async function untilLoaded(page: Comp): Promise<void> {
  for (let i = 0; i < 300 && page.data.phase !== 'ready'; i += 1) await simulate.sleep(10);
  expect(page.data.phase).toBe('ready');
}

/** The number on a board tab, or null when it shows none. */
function tabCount(page: Comp, label: string): number | null {
  const items = page.querySelector('#filters')?.querySelectorAll('.t-tabs__item') ?? [];
  const text = items.map((item) => allText(item)).find((t) => t.startsWith(label)) ?? '';
  const match = /(\d+)$/.exec(text);
  return match ? Number(match[1]) : null;
}

it('lists the company’s open cases on HR’s board, each in its stage', async () => {
  caller = 'demo-h001';
  const page = render(simulate, 'pages/cases/index');
  await lifecycle(simulate, page, 'onLoad');
  // The board opens on 已逾期, its count the server's; every open case is under 进行中.
  await untilLoaded(page);
  expect(page.data.filter).toBe('overdue');
  expect(tabCount(page, '已逾期')).toBe(page.querySelectorAll('.row').length);
  await showTab(page, '进行中');
  const text = await untilShown(page, '张伟');
  for (const expected of ['张伟', '待部门审批', '王芳', '退回补充', '李娜', 'HR确认', '杨磊']) {
    expect(text).toContain(expected);
  }
  // Finished cases are not on the default board.
  expect(text).not.toContain('赵敏');
});

/** A PDF whose content names its path. */
const pdfNamed = (cloudPath: string) =>
  Buffer.from(
    PDF_BYTES.toString('latin1').replace('\n', `\n%${cloudPath.replace(/[^\w/.-]/g, '')}\n`),
    'latin1',
  );

describe('HR’s pages against the real function', () => {
  beforeEach(() => {
    caller = 'demo-h001';
    // Uploads land in the local cloud's storage, as the caller, like wx.cloud.uploadFile.
    // Each upload its own document (the same file twice is one attachment).
    wx.uploadFile.mockImplementation(async (options: { cloudPath: string }) => ({
      fileID: (await cloud.upload(options.cloudPath, pdfNamed(options.cloudPath), caller)).fileID,
    }));
    wx.chooseMessageFile.mockImplementation((opts: { success(r: unknown): void }) =>
      opts.success({ tempFiles: [{ path: 'wxfile://tmp/doc', name: '记录.pdf', size: 1 }] }),
    );
  });

  it('issues a binding code HR can read out, and the employee can bind with it', async () => {
    const page = render(simulate, 'packages/admin/pages/employee/index');
    typeInto(page, '#employee-no', 'D004');
    // The real function names the person behind the 工号 before anything is issued.
    expect(await untilShown(page, '刘洋 · ')).toContain('刘洋 · 研发部');
    tapButton(page, '#issue');
    // A new code voids the old one: confirmed first.
    expect(await untilShown(page, '原来绑定的微信号即解除绑定')).toContain(
      '员工：刘洋 · 研发部（D004）',
    );
    tapButton(page.querySelector('#issue-dialog') as Comp, '#dialog-confirm');
    await untilShown(page, '有效期至');
    const shown = textOf(page, '.code');
    expect(shown).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const bound = await invoke('openid-of-d004-phone', 'me.bind', {
      employeeNo: 'D004',
      code: shown,
    });
    expect(bound.ok).toBe(true);
  });

  it('prepares, documents and issues a termination; it waits for delivery (待送达, 送达后30日)', async () => {
    const page = render(simulate, 'packages/admin/pages/terminate/index');
    await lifecycle(simulate, page, 'onLoad');
    typeInto(page, '#employee-no', 'D009');
    page.querySelector('#mode-notice30')?.dispatchEvent('tap');
    await simulate.sleep(0);
    tapButton(page, '#create');
    await untilShown(page, '待发出');

    // 第43条: the union told first, its record uploaded.
    page.querySelector('#union-company_union')?.dispatchEvent('tap');
    // A day before both the page's today (the phone's clock) and the server's.
    page.querySelector('#union-date')?.dispatchEvent('change', { detail: { value: '2026-01-05' } });
    await simulate.sleep(0);
    tapButton(page, '#attach-union_notice');
    // The upload goes through the real function: wait for the row, not a fixed time.
    for (let i = 0; i < 1000 && !allText(page).includes('通知工会的书面记录已上传'); i += 1) {
      await simulate.sleep(10);
    }
    expect(allText(page)).toContain('通知工会的书面记录已上传');

    // Without documents the server refuses, in its own words.
    page.querySelector('#attest')?.dispatchEvent('tap');
    await simulate.sleep(0);
    // The page already shows it as the reason issuing is held back; the refusal says it again.
    expect(await untilShown(page, '请先上传绩效考核记录')).toContain(
      '请先上传绩效考核记录以及培训或调岗记录',
    );
    tapButton(page, '#issue');
    await untilShown(page, '确认发出解除通知');
    tapButton(page.querySelector('#issue-dialog') as Comp, '#dialog-confirm');
    for (let i = 0; i < 200 && !page.querySelector('.error'); i += 1) await simulate.sleep(10);
    expect(textOf(page, '.error')).toBe('请先上传绩效考核记录以及培训或调岗记录');

    for (const slot of ['appraisal_record', 'position_change_record', 'second_appraisal']) {
      tapButton(page, `#attach-${slot}`);
      for (let i = 0; i < 200 && page.querySelector(`#attach-${slot}`); i += 1) {
        await simulate.sleep(10);
      }
    }
    // The server's reason for holding the issue back goes once the documents are in.
    for (let i = 0; i < 200 && allText(page).includes('请先上传绩效考核记录'); i += 1) {
      await simulate.sleep(10);
    }
    expect(page.querySelector('#attach-position_change_record')).toBeUndefined();
    expect(allText(page)).not.toContain('请先上传绩效考核记录');
    tapButton(page, '#issue');
    expect(await untilShown(page, '发出后不可撤回')).toContain('员工：周婷（D009）· 市场部');
    tapButton(page.querySelector('#issue-dialog') as Comp, '#dialog-confirm');
    const text = await untilShown(page, '解除通知已发出');
    expect(text).toContain('发出时间：2027-03-01 10:00');
    expect(text).toContain('待送达');
    expect(text).toContain('最后工作日：送达后30日');
  });

  it('verifies the evidence chain of the resignation in formalities', async () => {
    const board = (await invoke('demo-h001', 'admin.board', { q: 'D006' })) as Envelope<{
      rows: { caseId: string }[];
    }>;
    if (!board.ok) throw new Error(board.error.message);
    const caseId = board.data.rows[0]?.caseId ?? '';
    const page = render(simulate, 'packages/case/pages/evidence/index');
    await lifecycle(simulate, page, 'onLoad', { caseId });
    const text = await untilShown(page, '校验通过');
    expect(text).toContain('提交离职申请');
    expect(text).toContain('查看证据');
  });

  it('imports pasted rows; the server creates the good one and names the bad manager number', async () => {
    const page = render(simulate, 'packages/admin/pages/roster/index');
    typeInto(
      page,
      '#rows',
      [
        '工号\t姓名\t部门\t岗位\t直属经理工号\t入职日期\t试用期结束日',
        'R001\t林小雨\t研发部\t前端工程师\tM001\t2026/9/1\t2027/3/1',
        'R002\t高远\t研发部\t测试工程师\tX999\t2026-9-1\t2027-03-01',
      ].join('\n'),
    );
    await simulate.sleep(0);
    expect(textOf(page, '#count')).toBe('共 2 行');
    tapButton(page, '#import');
    const text = await untilShown(page, '新增');
    expect(textOf(page, '#created')).toBe('新增 1 人');
    expect(textOf(page, '#updated')).toBe('更新 0 人');
    expect(text).toContain('第 3 行 直属经理工号：没有员工 X999，请先导入直属经理');
    // The created employee really exists: HR can issue their binding code.
    const code = await invoke('demo-h001', 'admin.bindingCode', { employeeNo: 'R001' });
    expect(code.ok).toBe(true);
  });

  it('shows the statistics of the month the cases were filed in', async () => {
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2027-03-01T12:00:00+08:00'));
    try {
      const page = render(simulate, 'packages/admin/pages/stats/index');
      await lifecycle(simulate, page, 'onLoad');
      const text = await untilShown(page, '离职原因分布');
      expect([textOf(page, '#from'), textOf(page, '#to')]).toEqual(['2027-03-01', '2027-03-01']);
      expect(text).toContain('辞职');
      expect(text).toContain('不能胜任工作');
    } finally {
      jest.restoreAllMocks();
    }
  });
});

describe('the reminder timer, under the pages’ environment as in the product', () => {
  it('a day later the outbox holds the reminders, and HR’s board flags whom to call', async () => {
    await cloud.clock.advance(24 * 3_600_000);
    const outbox = cloud.outbox();
    expect(outbox.length).toBeGreaterThan(0);
    // The demo's employees never allowed messages: WeChat refuses (43101) and HR must call.
    expect(outbox.some((entry) => entry.errCode === 43101)).toBe(true);
    caller = 'demo-h001';
    const page = render(simulate, 'pages/cases/index');
    await lifecycle(simulate, page, 'onLoad');
    await untilLoaded(page);
    const toCall = tabCount(page, '需电话联系') ?? 0;
    expect(toCall).toBeGreaterThan(0);
    await showTab(page, '需电话联系');
    const rows = page.querySelectorAll('.row');
    // Exactly the cases the tab counted (up to a page), each flagged.
    expect(rows).toHaveLength(Math.min(toCall, 20));
    expect(rows.every((row) => allText(row).includes('需电话联系'))).toBe(true);
  });
});
