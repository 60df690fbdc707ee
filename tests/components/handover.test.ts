/**
 * @jest-environment jsdom
 *
 * 交接人 (issue 17) through the compiled pages against the real `offboarding` function on the
 * local cloud: the manager names successors on the case page; a successor finds their items
 * from the home page, confirms two and disputes one; the manager sees each item's state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, Envelope } from '../../server/contract';
import { demoRoster, importAndBind, seedDemoCases } from '../../tools/demo/demo-company';
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
/** D006's resignation is in formalities; M002 is their manager. */
const MANAGER = 'demo-m002';
const SUCCESSOR = 'demo-d004';
const OTHER_SUCCESSOR = 'demo-d005';

let dir: string;
let cloud: LocalCloud;
let simulate: Simulate;
let wx: WxMocks;
/** Whose WeChat the page runs in. */
let caller = '';
let caseId = '';

// Real database calls on a shared machine: a page may take seconds to load.
jest.setTimeout(60_000);

const invoke = async (openid: string, action: ActionName, payload?: unknown) =>
  (await cloud.invoke('offboarding', { action, payload }, { openid })) as Envelope<unknown>;

/** Waits until the page shows `text` (real database calls take more than a tick). */
async function untilShown(page: Comp, text: string): Promise<string> {
  for (let i = 0; i < 2000 && !allText(page).includes(text); i += 1) await simulate.sleep(10);
  return allText(page);
}

async function openAs(openid: string, path: string, query: Record<string, string> = {}) {
  caller = openid;
  const page = render(simulate, path);
  await lifecycle(simulate, page, 'onLoad', query);
  return page;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pages-handover-'));
  cloud = await createLocalCloud({
    dataDir: dir,
    env: { ADMIN_OPENIDS: ADMIN },
    realTimeTimers: false,
  });
  await cloud.clock.jump(new Date('2027-03-01T10:00:00+08:00'));
  const people = await importAndBind(invoke, ADMIN, demoRoster());
  const cases = await seedDemoCases(
    invoke,
    async (openid, cloudPath, content) => (await cloud.upload(cloudPath, content, openid)).fileID,
    people,
  );
  caseId = cases.formalities ?? '';
}, 60_000);

afterAll(async () => {
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  ({ simulate, wx } = setUp());
  callThrough(wx, cloud, () => caller);
});

it('the manager names two successors on the case page, each with their items', async () => {
  const page = await openAs(MANAGER, 'packages/case/pages/detail/index', { caseId });
  await untilShown(page, '指定交接人');
  expect(page.querySelector('#handover')).toBeUndefined();

  tapButton(page, '#action-assignSuccessors');
  await simulate.sleep(0);
  const form = page.querySelector('#successor-form');
  if (!form) throw new Error('the form is not shown');
  tapButton(form, '#save');
  await simulate.sleep(0);
  expect(textOf(form, '#form-error')).toBe('请填写交接人工号和交接事项');

  typeInto(form, '#employee-no-0', 'D004');
  typeInto(form, '#items-0', '客户A的对接资料\n代码仓库权限\n\n周报模板');
  tapButton(form, '#add');
  await simulate.sleep(0);
  typeInto(form, '#employee-no-1', 'D005');
  typeInto(form, '#items-1', '供应商合同台账');
  await simulate.sleep(0);
  tapButton(form, '#save');

  const text = await untilShown(page, '工作交接人');
  expect(text).toContain('工作交接人');
  expect(page.querySelector('#successor-form')).toBeUndefined();
  expect(textOf(page, '#successor-0')).toContain('（D004）');
  expect(textOf(page, '#successor-0')).toContain('周报模板');
  expect(textOf(page, '#successor-1')).toContain('（D005）');
  expect(textOf(page, '#handover-r1-1')).toContain('待确认');
});

it('the successor finds their items from the home page and sees nothing else of the case', async () => {
  const home = await openAs(SUCCESSOR, 'pages/home/index');
  const text = await untilShown(home, '待你确认的工作交接');
  expect(textOf(home, '#handover')).toContain('3 项');
  expect(text).not.toContain('供应商合同台账');
  home.querySelector('#handover')?.dispatchEvent('tap');
  await simulate.sleep(0);
  expect(wx.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({ url: '/packages/handover/pages/mine/index' }),
  );

  const detail = await openAs(SUCCESSOR, 'packages/case/pages/detail/index', { caseId });
  await untilShown(detail, '重试');
  expect(detail.data).toMatchObject({
    phase: 'error',
    errorMessage: '只有本人、直属经理和 HR 可以查看此案件',
  });
  expect(allText(detail)).not.toContain('客户A的对接资料');
});

it('the successor confirms two items and disputes one with a comment', async () => {
  const page = await openAs(SUCCESSOR, 'packages/handover/pages/mine/index');
  await untilShown(page, '的工作交接');
  // Only their own items: the other successor's line is not here.
  expect(allText(page)).not.toContain('供应商合同台账');

  tapButton(page, '#confirm-r1-1');
  await untilShown(page, '已确认接收');
  tapButton(page, '#confirm-r1-2');
  for (let i = 0; i < 2000 && page.querySelector('#confirm-r1-2'); i += 1) await simulate.sleep(10);
  tapButton(page, '#dispute-r1-3');
  await simulate.sleep(0);
  tapButton(page, '#dispute-submit');
  await simulate.sleep(0);
  expect(textOf(page, '#dispute-error')).toBe('请说明缺少什么或哪里不对');
  typeInto(page, '#dispute-comment', '周报模板缺少上季度数据');
  await simulate.sleep(0);
  tapButton(page, '#dispute-submit');
  await untilShown(page, '异议：周报模板缺少上季度数据');

  expect(textOf(page, '#item-r1-1')).toContain('已确认接收');
  expect(textOf(page, '#item-r1-2')).toContain('已确认接收');
  expect(textOf(page, '#item-r1-3')).toContain('有异议');
  // Confirmed items take no more answers; the disputed one may still be confirmed.
  expect(page.querySelector('#confirm-r1-1')).toBeUndefined();
  expect(page.querySelector('#confirm-r1-3')).toBeDefined();
});

it('the manager sees the state of each item and confirms the disputed one with a note', async () => {
  const page = await openAs(MANAGER, 'packages/case/pages/detail/index', { caseId });
  await untilShown(page, '工作交接人');

  expect(textOf(page, '#handover-r1-1')).toContain('已确认接收');
  expect(textOf(page, '#handover-r1-2')).toContain('已确认接收');
  expect(textOf(page, '#handover-r1-3')).toContain('有异议');
  expect(textOf(page, '#handover-r1-3')).toContain('周报模板缺少上季度数据');
  expect(textOf(page, '#handover-r1-4')).toContain('待确认');
  expect(page.querySelector('#on-behalf-r1-1')).toBeUndefined();

  tapButton(page, '#on-behalf-r1-3');
  await simulate.sleep(0);
  tapButton(page, '#pending-confirm');
  await simulate.sleep(0);
  expect(allText(page)).toContain('请填写说明');
  typeInto(page, '#comment', '已补发上季度数据，当面确认');
  await simulate.sleep(0);
  tapButton(page, '#pending-confirm');
  await untilShown(page, '代为确认：已补发上季度数据');
  expect(textOf(page, '#handover-r1-3')).toContain('已确认接收');

  // The other successor still holds one item: the handover is not confirmed yet.
  const other = await invoke(OTHER_SUCCESSOR, 'handover.confirm', { caseId, itemId: 'r1-4' });
  expect(other).toMatchObject({ ok: true, data: { handoverConfirmed: true } });
});
