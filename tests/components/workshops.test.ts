/**
 * @jest-environment jsdom
 *
 * 线下 workshop pages against the real `offboarding` function on the local cloud: HR schedules
 * a session on the admin page, an employee enrols on the training page and opens their pass,
 * HR checks them in by scanning it (wx.scanCode), and 培训效果 shows the attendance.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName } from '../../server/contract';
import { demoRoster, importAndBind, openidOf } from '../../tools/demo/demo-company';
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
let caller = '';
/** What the camera reads next; null: the person went back without scanning. */
let scanned: string | null = null;

async function until(page: Comp, found: () => boolean): Promise<void> {
  for (let i = 0; i < 1500 && !found(); i += 1) await simulate.sleep(10);
}

async function untilShown(page: Comp, text: string): Promise<string> {
  await until(page, () => allText(page).includes(text));
  return allText(page);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'workshop-pages-'));
  cloud = await createLocalCloud({
    dataDir: dir,
    env: { ADMIN_OPENIDS: ADMIN },
    realTimeTimers: false,
  });
  await cloud.clock.jump(new Date('2027-03-01T10:00:00+08:00'));
  await importAndBind(
    async (openid: string, action: ActionName, payload?: unknown) =>
      (await cloud.invoke('offboarding', { action, payload }, { openid })) as never,
    ADMIN,
    demoRoster(),
  );
});

afterAll(async () => {
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  ({ simulate, wx } = setUp());
  callThrough(wx, cloud, () => caller);
  // Nothing granted: the enrolment goes ahead whatever the person answers.
  wx.requestSubscribeMessage.mockImplementation((opts: { fail?: (e: unknown) => void }) =>
    opts.fail?.({ errMsg: 'requestSubscribeMessage:fail cancel' }),
  );
  scanned = null;
  (globalThis as unknown as { wx: Record<string, unknown> }).wx.scanCode = jest.fn(
    (opts: { success?: (r: { result: string }) => void; fail?: (e: unknown) => void }) =>
      scanned === null
        ? opts.fail?.({ errMsg: 'scanCode:fail cancel' })
        : opts.success?.({ result: scanned }),
  );
});

/** The one session scheduled so far, as the server lists it. */
async function onlyWorkshop(): Promise<string> {
  const answer = (await cloud.invoke(
    'offboarding',
    { action: 'training.workshops', payload: {} },
    { openid: openidOf('H001') },
  )) as { data: { workshops: { workshopId: string }[] } };
  expect(answer.data.workshops).toHaveLength(1);
  return answer.data.workshops[0]?.workshopId ?? '';
}

/** The page's native picker answering a choice, as WeChat's picker does. */
function pick(page: Comp, selector: string, value: string): void {
  const picker = page.querySelector(selector);
  if (!picker) throw new Error(`no ${selector}`);
  picker.dispatchEvent('change', { detail: { value } });
}

it('HR schedules a session, an employee enrols, HR scans their pass, and 培训效果 counts them', async () => {
  // HR schedules.
  caller = openidOf('H001');
  const admin = render(simulate, 'packages/admin/pages/workshops/index');
  await lifecycle(simulate, admin, 'onLoad');
  await untilShown(admin, '安排一场');
  typeInto(admin, '#title', '离职办理实操课');
  pick(admin, '#date', '2027-03-10');
  pick(admin, '#start-time', '14:00');
  pick(admin, '#end-time', '16:00');
  typeInto(admin, '#place', '3 楼大会议室');
  typeInto(admin, '#capacity', '20');
  tapButton(admin, '#save');
  let text = await untilShown(admin, '离职办理实操课');
  expect(text).toContain('2027-03-10 14:00–16:00');
  expect(text).toContain('已报名 0/20');

  // An employee enrols and sees the reminder promise; check-in is not open yet.
  ({ simulate, wx } = reSetUp());
  caller = openidOf('D002');
  const list = render(simulate, 'packages/training/pages/workshops/index');
  await lifecycle(simulate, list, 'onLoad');
  await untilShown(list, '离职办理实操课');
  const workshopId = await onlyWorkshop();
  tapButton(list, `#enrol-${workshopId}`);
  text = await untilShown(list, '已报名 1/20');
  expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1);
  expect(wx.showToast).toHaveBeenCalledWith(
    expect.objectContaining({ title: '已报名，活动前一天会提醒你' }),
  );
  expect(text).toContain('开始前 30 分钟可签到');
  expect(list.querySelector(`#pass-${workshopId}`)).toBeFalsy();

  // 13:45 on the day: the pass shows as a QR code and in large type.
  await cloud.clock.jump(new Date('2027-03-10T13:45:00+08:00'));
  await lifecycle(simulate, list, 'onShow');
  await until(list, () => Boolean(list.querySelector(`#pass-${workshopId}`)));
  expect(list.querySelector(`#scan-${workshopId}`)).toBeTruthy();
  ({ simulate, wx } = reSetUp());
  const passPage = render(simulate, 'packages/training/pages/workshop-pass/index');
  await lifecycle(simulate, passPage, 'onLoad', { workshopId });
  await until(passPage, () => textOf(passPage, '#pass-code') !== '');
  const shown = textOf(passPage, '#pass-code');
  expect(shown).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(passPage.querySelector('#pass-qr')).toBeTruthy();
  expect(textOf(passPage, '#pass-validity')).toContain('有效至');
  // Leaving the page stops its refresh timer.
  (passPage.instance.onUnload as () => void).call(passPage.instance);

  // HR scans it at the door.
  ({ simulate, wx } = reSetUp());
  caller = openidOf('H001');
  scanned = shown.replace('-', '');
  const door = render(simulate, 'packages/admin/pages/workshops/index');
  await lifecycle(simulate, door, 'onLoad');
  await untilShown(door, '离职办理实操课');
  tapButton(door, `#scan-${workshopId}`);
  text = await untilShown(door, '签到成功');
  expect(textOf(door, '#last-check-in')).toBe('王芳 签到成功');
  await until(door, () => textOf(door, `#seats-${workshopId}`).includes('已签到 1'));
  expect(textOf(door, `#seats-${workshopId}`)).toBe('已报名 1/20 · 已签到 1');

  // 培训效果 lists the session with its attendance.
  ({ simulate, wx } = reSetUp());
  const stats = render(simulate, 'packages/admin/pages/training-stats/index');
  await lifecycle(simulate, stats, 'onLoad');
  text = await untilShown(stats, '线下活动签到');
  expect(text).toContain('离职办理实操课（2027-03-10）');
  expect(text).toContain('签到 1/1 人');
}, 120_000);

it('HR types a pass the camera cannot read, and a wrong one is refused in Chinese', async () => {
  caller = openidOf('H001');
  const { workshopId } = (
    (await cloud.invoke(
      'offboarding',
      {
        action: 'admin.workshopSave',
        payload: {
          title: '交接清单实操',
          startsAt: '2027-03-10T14:10:00+08:00',
          endsAt: '2027-03-10T15:00:00+08:00',
          place: '2 楼',
          audience: 'employee',
          capacity: 5,
        },
      },
      { openid: caller },
    )) as { data: { workshopId: string } }
  ).data;
  await cloud.invoke(
    'offboarding',
    { action: 'training.workshopEnrol', payload: { workshopId } },
    { openid: openidOf('D003') },
  );
  const pass = (await cloud.invoke(
    'offboarding',
    { action: 'training.workshopPass', payload: { workshopId } },
    { openid: openidOf('D003') },
  )) as { data: { token: string } };

  const door = render(simulate, 'packages/admin/pages/workshops/index');
  await lifecycle(simulate, door, 'onLoad');
  await untilShown(door, '交接清单实操');
  tapButton(door, `#scan-${workshopId}`);
  await until(door, () => Boolean(door.querySelector('#pass-input')));
  typeInto(door, '#pass-input', 'ZZZZ-ZZZZ');
  tapButton(door, '#pass-submit');
  await until(door, () => wx.showToast.mock.calls.length > 0);
  expect(wx.showToast).toHaveBeenLastCalledWith(
    expect.objectContaining({ title: expect.stringContaining('签到码无效或已过期') }),
  );
  typeInto(door, '#pass-input', pass.data.token.toLowerCase());
  tapButton(door, '#pass-submit');
  await untilShown(door, '签到成功');
  expect(textOf(door, '#last-check-in')).toBe('李娜 签到成功');
}, 120_000);

/** A fresh simulator (a page renders once per simulator), calls still going to the cloud. */
function reSetUp(): { simulate: Simulate; wx: WxMocks } {
  const fresh = setUp();
  callThrough(fresh.wx, cloud, () => caller);
  fresh.wx.requestSubscribeMessage.mockImplementation((opts: { fail?: (e: unknown) => void }) =>
    opts.fail?.({ errMsg: 'requestSubscribeMessage:fail cancel' }),
  );
  (globalThis as unknown as { wx: Record<string, unknown> }).wx.scanCode = jest.fn(
    (opts: { success?: (r: { result: string }) => void; fail?: (e: unknown) => void }) =>
      scanned === null
        ? opts.fail?.({ errMsg: 'scanCode:fail cancel' })
        : opts.success?.({ result: scanned }),
  );
  return fresh;
}
