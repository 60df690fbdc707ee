/**
 * @jest-environment jsdom
 *
 * The case page's buttons for keeping and deleting a finished case, and for closing severance
 * without a payment, against the real `offboarding` function on the local cloud: HR marks a
 * labour dispute (the case is then kept), an admin purges a closed case once its retention
 * period has passed (个保法 第47条, 劳动合同法 第50条第3款), and HR closes severance as settled
 * with its document (解释(一) 第35条).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, Envelope } from '../../server/contract';
import {
  attachFile,
  demoRoster,
  importAndBind,
  PDF_BYTES,
  type Person,
  seedDemoCases,
} from '../../tools/demo/demo-company';
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
  typeInto,
  type WxMocks,
} from './harness';

const ADMIN = 'admin-openid';
const HR = 'demo-h001';
const DAY_MS = 86_400_000;

let dir: string;
let cloud: LocalCloud;
let simulate: Simulate;
let wx: WxMocks;
let people: Person[];
let cases: Record<string, string>;
/** Whose WeChat the page runs in. */
let caller = '';

const invoke = async <T = unknown>(openid: string, action: ActionName, payload?: unknown) =>
  (await cloud.invoke('offboarding', { action, payload }, { openid })) as Envelope<T>;
const upload = async (openid: string, cloudPath: string, content: Uint8Array) =>
  (await cloud.upload(cloudPath, content, openid)).fileID;
const person = (no: string): Person => {
  const found = people.find((p) => p.employeeNo === no);
  if (!found) throw new Error(`no ${no}`);
  return found;
};

/** Waits until the page shows `text` (real database calls take more than a tick). */
async function untilShown(page: Comp, text: string): Promise<string> {
  for (let i = 0; i < 300 && !allText(page).includes(text); i += 1) await simulate.sleep(10);
  return allText(page);
}

async function openCase(caseId: string, as: string): Promise<Comp> {
  caller = as;
  const page = render(simulate, 'packages/case/pages/detail/index');
  await lifecycle(simulate, page, 'onLoad', { caseId });
  await untilShown(page, '办理记录');
  return page;
}

function buttons(page: Comp): string[] {
  return page.querySelectorAll('.action').map((a) => allText(a.querySelector('.t-button') as Comp));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pages-retention-'));
  cloud = await createLocalCloud({
    dataDir: dir,
    env: { ADMIN_OPENIDS: ADMIN },
    realTimeTimers: false,
  });
  await cloud.clock.jump(new Date('2027-03-01T10:00:00+08:00'));
  people = await importAndBind(invoke, ADMIN, demoRoster());
  cases = await seedDemoCases(invoke, upload, people);
}, 60_000);

afterAll(async () => {
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  ({ simulate, wx } = setUp());
  callThrough(wx, cloud, () => caller);
  // Uploads land in the local cloud's storage as the caller, like wx.cloud.uploadFile.
  wx.uploadFile.mockImplementation(async (options: { cloudPath: string }) => ({
    fileID: await upload(caller, options.cloudPath, PDF_BYTES),
  }));
  wx.chooseMessageFile.mockImplementation((opts: { success(r: unknown): void }) =>
    opts.success({ tempFiles: [{ path: 'wxfile://tmp/doc', name: '和解协议.pdf', size: 1 }] }),
  );
});

describe('标记争议 (个保法 第47条: a disputed case is kept)', () => {
  it('the employee is offered no dispute mark on their own case', async () => {
    const employee = await openCase(cases.completed ?? '', person('D010').openid);
    expect(buttons(employee)).not.toContain('标记争议');
    expect(buttons(employee)).not.toContain('清除个人信息');
  });

  it('HR marks a finished case as disputed, saying what the dispute is', async () => {
    const page = await openCase(cases.completed ?? '', HR);
    expect(buttons(page)).toContain('标记争议');
    tapButton(page, '#action-markDisputed');
    await simulate.sleep(0);
    const dialog = allText(page.querySelector('.panel') as Comp);
    expect(dialog).toContain('保存期满后也不能清除个人信息');
    // The comment is required: the dialog says so before anything is sent.
    tapButton(page, '#pending-confirm');
    await simulate.sleep(0);
    expect(allText(page)).toContain('请填写说明');

    typeInto(page, '#comment', '员工已申请劳动仲裁，案号 京劳人仲字〔2027〕第118号');
    await simulate.sleep(0);
    tapButton(page, '#pending-confirm');
    const after = await untilShown(page, '取消争议标记');
    expect(after).toContain('标记劳动争议');

    const view = await invoke<{ case: { disputed?: boolean }; events: { payload: unknown }[] }>(
      HR,
      'case.get',
      { caseId: cases.completed },
    );
    expect(view.ok && view.data.case.disputed).toBe(true);
    expect(view.ok && view.data.events.at(-1)?.payload).toMatchObject({
      disputed: true,
      comment: '员工已申请劳动仲裁，案号 京劳人仲字〔2027〕第118号',
    });
  });
});

describe('经济补偿以“已协议解决”办结 (解释(一) 第35条)', () => {
  it('HR is told the document comes first, uploads it from the dialog and closes severance as settled', async () => {
    const employee = person('D004');
    const submitted = await invoke<{ caseId: string }>(employee.openid, 'case.submit', {
      reason: 'employer_fault',
      faultGrounds: ['unpaid_wages'],
      idempotencyKey: 'retention-fault-D004',
    });
    const caseId = submitted.ok ? submitted.data.caseId : '';
    await attachFile(
      invoke,
      upload,
      employee.openid,
      caseId,
      'handover_checklist',
      'l.pdf',
      PDF_BYTES,
    );
    await invoke(person('M001').openid, 'case.review', { caseId, decision: 'approve' });
    await invoke(HR, 'case.hrConfirm', { caseId });

    const page = await openCase(caseId, HR);
    expect(buttons(page)).toContain('经济补偿：无须支付或已协议解决');
    tapButton(page, '#action-closeSeverance');
    await simulate.sleep(0);
    expect(allText(page)).toContain('尚未上传经济补偿文件');
    page.querySelector('#close-as-settled')?.dispatchEvent('tap');
    await simulate.sleep(0);
    tapButton(page, '#pending-confirm');
    await simulate.sleep(0);
    expect(allText(page)).toContain('请先上传经济补偿文件');

    tapButton(page, '#upload-severance');
    await untilShown(page, '已上传经济补偿文件');
    typeInto(page, '#comment', '双方签订和解协议，一次性结清');
    await simulate.sleep(0);
    tapButton(page, '#pending-confirm');
    for (let i = 0; i < 300 && page.querySelector('.panel'); i += 1) await simulate.sleep(10);

    const view = await invoke<{ checklist: { item: string; done: boolean; closedAs?: string }[] }>(
      HR,
      'case.get',
      { caseId },
    );
    const row = view.ok ? view.data.checklist.find((r) => r.item === 'severance_paid') : undefined;
    expect(row).toMatchObject({ done: true, closedAs: 'settled' });
    // The panel closes before the page's reload answers: wait for the reloaded buttons.
    const offer = '经济补偿：无须支付或已协议解决';
    for (let i = 0; i < 300 && buttons(page).includes(offer); i += 1) await simulate.sleep(10);
    expect(buttons(page)).not.toContain(offer);
  });
});

describe('清除个人信息 (个保法 第47条)', () => {
  let closed: string;

  beforeAll(async () => {
    // The withdrawn seed case is closed and not disputed.
    closed = cases.withdrawn ?? '';
  });

  it('an admin sees it held back until the retention period has passed', async () => {
    const early = await openCase(closed, ADMIN);
    expect(buttons(early)).toContain('清除个人信息');
    const reason = allText(early.querySelector('.action-reason-purge') as Comp);
    expect(reason).toContain('保存期限未满，2029年3月2日起可以清除');
  });

  it('HR is never offered the purge: it is an admin’s', async () => {
    const hr = await openCase(closed, HR);
    expect(buttons(hr)).toContain('标记争议');
    expect(buttons(hr)).not.toContain('清除个人信息');
  });

  it('after two years the admin confirms what is deleted, and the page then says the case was purged', async () => {
    await cloud.clock.jump(new Date(cloud.clock.now().getTime() + 732 * DAY_MS));
    const page = await openCase(closed, ADMIN);
    tapButton(page, '#action-purge');
    await simulate.sleep(0);
    const dialog = allText(page.querySelector('.panel') as Comp);
    expect(dialog).toContain('将永久删除：员工姓名、工号');
    expect(dialog).toContain('清除后不能恢复');
    expect(page.querySelector('#comment')).toBeUndefined();
    tapButton(page, '#pending-confirm');
    const text = await untilShown(page, '个人信息已依法删除');
    expect(text).not.toContain('重试');
    expect(page.querySelector('#purged')).toBeDefined();

    const gone = await invoke(HR, 'case.evidence', { caseId: closed });
    expect(gone).toMatchObject({ ok: false, error: { details: { purged: { caseId: closed } } } });
  });

  it('a disputed case offers the admin no purge, only the reason it is kept', async () => {
    const page = await openCase(cases.completed ?? '', ADMIN);
    const reason = allText(page.querySelector('.action-reason-purge') as Comp);
    expect(reason).toContain('已标记为劳动争议');
  });
});
