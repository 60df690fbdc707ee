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
import { demoRoster, importAndBind, seedDemoCases } from '../../tools/demo/demo-company';
import { createLocalCloud, type LocalCloud } from '../../tools/local-cloud';
import {
  allText,
  type Comp,
  lifecycle,
  render,
  setUp,
  type Simulate,
  tapButton,
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
  cloud = createLocalCloud({ dataDir: dir, env: { ADMIN_OPENIDS: ADMIN }, realTimeTimers: false });
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
  wx.callFunction.mockImplementation(
    async (options: { data: { action: ActionName; payload?: unknown } }) => ({
      result: await cloud.invoke('offboarding', options.data, { openid: caller }),
    }),
  );
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
  const text = await untilShown(page, '签署辞职书');
  expect(text).toContain('手续办理');
  expect(text).toContain('签署辞职书');
});

it('lists the company’s open cases on HR’s board, each in its stage', async () => {
  caller = 'demo-h001';
  const page = render(simulate, 'pages/cases/index');
  await lifecycle(simulate, page, 'onLoad');
  const text = await untilShown(page, '张伟');
  for (const expected of ['张伟', '待部门审批', '王芳', '退回补充', '李娜', 'HR确认', '杨磊']) {
    expect(text).toContain(expected);
  }
  // Finished cases are not on the default board.
  expect(text).not.toContain('赵敏');
});
