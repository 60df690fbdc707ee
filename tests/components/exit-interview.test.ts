/**
 * @jest-environment jsdom
 *
 * 离职面谈 through the pages against the real `offboarding` function on the local cloud: the
 * employee opens the card on their case, answers and submits; HR sees the counts on the
 * statistics page; the manager's case page offers no interview and the server refuses them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, Envelope } from '../../server/contract';
import {
  demoRoster,
  importAndBind,
  type Person,
  seedDemoCases,
} from '../../tools/demo/demo-company';
import { createLocalCloud, type LocalCloud } from '../../tools/local-cloud';
import { openPage } from './fixtures/page';
import {
  callThrough,
  allText,
  type Comp,
  setUp,
  type Simulate,
  tapButton,
  type WxMocks,
} from './harness';

const ADMIN = 'admin-openid';

let dir: string;
let cloud: LocalCloud;
let simulate: Simulate;
let wx: WxMocks;
let people: Person[];
let cases: Record<string, string>;
/** Whose WeChat the page runs in. */
let caller = '';

const invoke = async (openid: string, action: ActionName, payload?: unknown) =>
  (await cloud.invoke('offboarding', { action, payload }, { openid })) as Envelope<unknown>;
const openidOf = (no: string) => people.find((p) => p.employeeNo === no)?.openid ?? '';

/** Waits until the page shows `text` (real database calls take more than a tick). */
async function untilShown(page: Comp, text: string): Promise<string> {
  for (let i = 0; i < 600 && !allText(page).includes(text); i += 1) await simulate.sleep(10);
  return allText(page);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'interview-local-cloud-'));
  cloud = await createLocalCloud({
    dataDir: dir,
    env: { ADMIN_OPENIDS: ADMIN },
    realTimeTimers: false,
  });
  await cloud.clock.jump(new Date('2027-03-01T10:00:00+08:00'));
  people = await importAndBind(invoke, ADMIN, demoRoster());
  cases = await seedDemoCases(
    invoke,
    async (openid, cloudPath, content) => (await cloud.upload(cloudPath, content, openid)).fileID,
    people,
  );
});

afterAll(async () => {
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Fresh pages (a page loads once per module registry) calling the real function. */
function freshPages(): void {
  ({ simulate, wx } = setUp());
  callThrough(wx, cloud, () => caller);
}

beforeEach(freshPages);

it('the employee answers the voluntary interview from their case; HR sees the counts', async () => {
  const caseId = cases.submitted ?? '';
  caller = openidOf('D001');

  const detail = await openPage(simulate, 'packages/case/pages/detail/index', { caseId });
  const text = await untilShown(detail, '离职面谈（自愿）');
  expect(text).toContain('自愿填写，不影响任何离职手续');
  tapButton(detail, '#open-interview');
  await simulate.sleep(10);
  expect(wx.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({ url: `/packages/case/pages/interview/index?caseId=${caseId}` }),
  );

  const form = await openPage(simulate, 'packages/case/pages/interview/index', { caseId });
  expect(await untilShown(form, '你离开公司最主要的原因是什么？')).toContain(
    '自愿填写，不影响任何离职手续',
  );
  form.querySelector('#choice-main-reason-growth')?.dispatchEvent('tap');
  form.querySelector('#choice-team-2')?.dispatchEvent('tap');
  await simulate.sleep(0);
  tapButton(form, '#submit');
  expect(await untilShown(form, '已于')).toContain('可修改');
  expect(await invoke(openidOf('D001'), 'interview.get', { caseId })).toMatchObject({
    ok: true,
    data: {
      answers: [
        { questionId: 'main-reason', value: 'growth' },
        { questionId: 'team', value: 2 },
      ],
    },
  });

  // HR: the counts, no name.
  caller = openidOf('H001');
  const stats = await openPage(simulate, 'packages/admin/pages/interview-stats/index');
  const shown = await untilShown(stats, '共 1 份问卷');
  expect(shown).toContain('职业发展');
  expect(shown).toContain('1（100%）');
  expect(shown).toContain('平均 2 分');
  expect(shown).not.toContain(people.find((p) => p.employeeNo === 'D001')?.name ?? 'D001');
  expect(shown).toContain('文字回答默认不显示');

  // The manager: no card on the case, and the answers are refused.
  caller = openidOf('M001');
  freshPages();
  const managerDetail = await openPage(simulate, 'packages/case/pages/detail/index', { caseId });
  expect(await untilShown(managerDetail, '最后工作日')).not.toContain('离职面谈');
  expect(await invoke(openidOf('M001'), 'interview.get', { caseId })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  });
});
