/**
 * A resignation from first bind to archive, clicked through the web preview in real Chromium
 * as the employee, the manager and HR would on their phones (DESIGN §6, issue 9).
 */
import { writeFileSync } from 'node:fs';
import { PDF_BYTES } from '../../tools/demo/demo-company';
import { ADMIN, phoneSession, type Phone } from './harness';
import { TIMINGS_FILE } from './notice';

const HR = 'demo-h001';
const MANAGER = 'demo-m001';
const NEWCOMER = 'demo-n001';

/** The board's tab that is on (the board opens on 已逾期). */
async function activeTab(phone: Phone): Promise<string> {
  const filters = await phone.byId('filters');
  const active = filters.locator('[class*="t-tabs__item--active"]').first();
  await active.waitFor();
  return (await active.innerText()).trim();
}

/** From the 办理 tab, under 进行中, opens the case of the person named. */
async function openCase(phone: Phone, name: string): Promise<void> {
  await phone.page.locator('#phone-tab-bar').getByText('办理').click();
  await phone.waitForRoute('pages/cases/index');
  await phone.tapText(/^进行中 \d+$/);
  await phone.waitForText(name);
  await phone.tapText(name);
  await phone.waitForRoute('packages/case/pages/detail/index');
}

describe('resignation through the web preview', () => {
  // HR has just added a new hire to the roster: not bound to a WeChat account yet.
  const session = phoneSession('resignation', async (preview) => {
    const imported = await preview.cloud.invoke(
      'offboarding',
      {
        action: 'admin.import',
        payload: {
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
        },
      },
      { openid: ADMIN },
    );
    expect(imported).toMatchObject({ ok: true });
  });
  let phone: Phone;
  beforeAll(() => {
    phone = session.phone;
  });

  it('binds, submits, subscribes, uploads, is approved, reminded, signs and is archived', async () => {
    // HR issues a binding code on the employee page.
    const homeMs = await phone.as(HR);
    // 待你处理 with how many of them are overdue; the card opens exactly those.
    await phone.waitForText('待你处理的离职案件');
    await phone.shot('hr-home');
    await phone.tapId('pending');
    await phone.waitForRoute('pages/cases/index');
    expect(await activeTab(phone)).toMatch(/^待你处理 \d+$/);
    await phone.shot('hr-board-pending');
    // Opened from the tab bar, the board starts on what is urgent: 已逾期 first, with rows
    // saying how long each case has stood and by how much it is late.
    await phone.as(HR);
    await phone.page.locator('#phone-tab-bar').getByText('办理').click();
    await phone.waitForRoute('pages/cases/index');
    expect(await activeTab(phone)).toMatch(/^已逾期 \d+$/);
    await phone.waitForText(/^需电话联系 \d+$/);
    await phone.shot('hr-board');
    await phone.tapText('发放绑定码');
    await phone.waitForRoute('packages/admin/pages/employee/index');
    await phone.typeInto('employee-no', 'N001');
    // The name behind the 工号, and a new code is confirmed before it voids any earlier one.
    await phone.waitForText('钱多多 ·');
    await phone.tapId('issue');
    await phone.waitForText('该员工之前发放的绑定码将立即失效。');
    await phone.shot('hr-confirm-code');
    await phone.tapId('dialog-confirm');
    await phone.waitForText('工号 N001 的绑定码');
    await phone.shot('hr-issued-code');
    const code = (await phone.screen.locator('[class*="code"]').last().textContent())?.trim() ?? '';
    expect(code.length).toBeGreaterThanOrEqual(8);

    // The new employee binds on the home page.
    await phone.as(NEWCOMER);
    await phone.waitForText('绑定员工身份');
    await phone.typeInto('employee-no', 'N001');
    await phone.typeInto('code', code);
    await phone.shot('employee-bind');
    await phone.tapId('bind');
    await phone.waitForText('钱多多，你好');
    await phone.shot('employee-home');

    // 其他个人原因 with an explanation; the subscription sheet comes with the submit tap.
    const switchStarted = Date.now();
    await phone.tapId('resign');
    await phone.waitForRoute('packages/resign/pages/submit/index');
    const switchMs = Date.now() - switchStarted;
    await phone.tapText('其他个人原因');
    await phone.typeInto('explanation', '家庭原因需要回老家照顾父母');
    await phone.shot('submit-form');
    await phone.readmeShot('submit');
    await phone.tapId('submit');
    // The notice is delivered on sending: the projected last day is confirmed first.
    await phone.waitForText('提交即送达公司，送达时间以服务器时间为准。');
    await phone.waitForText(/预计最后工作日：\d{4}年\d+月\d+日/);
    await phone.shot('submit-confirm');
    await phone.tapId('dialog-confirm');
    await phone.page.waitForSelector('.wx-subscribe');
    await phone.shot('subscribe-sheet');
    await phone.page.locator('.wx-subscribe-allow').click();
    await phone.waitForText('通知已送达');
    await phone.shot('submitted');

    // The handover list: 上传交接清单 offers 拍照, 相册 and 聊天文件; the chat file is picked
    // with the browser's file chooser.
    await phone.tapId('upload');
    await phone.page.locator('.wx-sheet-item', { hasText: '从聊天记录选择文件' }).waitFor();
    await phone.shot('upload-sheet');
    const chooser = phone.page.waitForEvent('filechooser');
    await phone.page.locator('.wx-sheet-item', { hasText: '从聊天记录选择文件' }).click();
    await (
      await chooser
    ).setFiles({
      name: '工作交接清单.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(PDF_BYTES),
    });
    await phone.waitForText('交接清单已上传');
    await phone.shot('handover-uploaded');
    await phone.back();
    await phone.waitForText('我的离职申请');
    // The steps with the day each was reached, and whom the case now waits for since when.
    await phone.waitForText('发起申请');
    await phone.waitForText(/等待部门经理审批，自\d+月\d+日起/);
    await phone.shot('employee-home-with-case');
    await phone.readmeShot('home');

    // The manager approves from the board.
    await phone.as(MANAGER);
    await openCase(phone, '钱多多');
    await phone.shot('manager-case');
    // The manager opens the handover list they are about to approve (wx.openDocument).
    const opened = phone.page.waitForEvent('popup');
    await phone.tapId('attachment-0');
    await (await opened).close();
    await phone.readmeShot('case-detail');
    await phone.tapText('审批通过');
    await phone.tapId('pending-confirm');
    await phone.waitForText('HR确认');
    await phone.shot('manager-approved');

    // HR confirms the last working day.
    await phone.as(HR);
    await openCase(phone, '钱多多');
    // The button, not the step of the same name.
    await phone.tapId('action-confirm');
    await phone.shot('hr-confirm');
    await phone.tapId('pending-confirm');
    await phone.waitForText('手续办理');
    await phone.shot('hr-confirmed');

    // The employee's home now asks for the signature by its due day.
    await phone.as(NEWCOMER);
    await phone.waitForText(/请于\d+月\d+日前签署《辞职书》，(还剩\d+天|今天截止)/);
    await phone.shot('employee-home-sign-due');
    await phone.readmeShot('home-next-step');

    // Days pass without a signature: the reminders go out.
    await phone.advanceDays(3);
    await phone.shot('clock-plus-3-days');
    await phone.advanceDays(7);
    await phone.page.waitForFunction(() => document.querySelectorAll('#outbox .notice').length > 0);
    await phone.shot('clock-plus-7-days-outbox');
    const outbox = await phone.page.locator('#outbox').innerText();

    // HR's board opens on the late case now, the row saying how long it stood and how late it is.
    await phone.as(HR);
    await phone.page.locator('#phone-tab-bar').getByText('办理').click();
    await phone.waitForRoute('pages/cases/index');
    expect(await activeTab(phone)).toMatch(/^已逾期 [1-9]\d*$/);
    await phone.waitForText(/逾期\d+天/);
    await phone.shot('hr-board-overdue');
    await phone.readmeShot('hr-board');

    // The employee signs with the mouse on the signature pad; the card now says it is late.
    await phone.as(NEWCOMER);
    await phone.waitForText(/签署《辞职书》，已逾期\d+天/);
    await phone.tapId('open-case');
    await phone.waitForRoute('packages/case/pages/detail/index');
    await phone.waitForText(/已逾期\d+天/);
    await phone.shot('employee-case-overdue');
    await phone.tapText('去签署');
    await phone.waitForRoute('packages/sign/pages/sign/index');
    const pad = phone.screen.locator('canvas').first();
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('no signature canvas');
    await phone.page.mouse.move(box.x + 30, box.y + box.height * 0.6);
    await phone.page.mouse.down();
    for (let i = 1; i <= 12; i += 1) {
      await phone.page.mouse.move(
        box.x + 30 + i * 18,
        box.y + box.height * (0.6 - 0.3 * Math.sin(i / 2)),
        { steps: 2 },
      );
    }
    await phone.page.mouse.up();
    await phone.tapId('consent');
    await phone.shot('sign-drawn');
    await phone.readmeShot('sign');
    await phone.tapId('sign');
    await phone.waitForText('签署后不可撤回。');
    await phone.shot('sign-confirm');
    await phone.tapId('dialog-confirm');
    await phone.waitForText(/签署完成|已签署/);
    await phone.shot('signed');

    // HR ticks the checklist and, once the last working day has come, archives the case.
    for (let week = 0; week < 3; week += 1) await phone.advanceDays(7);
    await phone.as(HR);
    await openCase(phone, '钱多多');
    // HR's own items are ticked with a note (a paper certificate says so; the statutory duties
    // are done, never waived); the manager's handover check is waived with a note.
    for (const [prefix, note] of [
      ['tick-', '已办结'],
      ['waive-', '已当面确认交接完毕'],
    ] as const) {
      for (let i = 0; i < 12; i += 1) {
        await phone.byId('x'); // refreshes the id marks
        const button = phone.screen.locator(`[data-wx-id^="${prefix}"]`);
        if ((await button.count()) === 0) break;
        await button.first().click();
        if (note) await phone.typeInto('comment', note);
        await phone.tapId('pending-confirm');
        await phone.page.waitForTimeout(300);
        await phone.settled();
      }
    }
    await phone.shot('hr-checklist');
    // 完成归档 is also the last step's name: the button is tapped by its id.
    await phone.tapId('action-close');
    await phone.tapId('pending-confirm');
    await phone.screen.getByText('撤销案件').waitFor({ state: 'detached' });
    await phone.shot('hr-closed');

    // The evidence page verifies the chain; the stats count the case.
    await phone.tapId('evidence');
    await phone.waitForRoute('packages/case/pages/evidence/index');
    await phone.waitForText(/有效|校验通过/);
    await phone.shot('evidence');
    await phone.back();
    await phone.back();
    await phone.waitForRoute('pages/cases/index');
    await phone.tapText('统计分析');
    await phone.waitForRoute('packages/admin/pages/stats/index');
    await phone.shot('stats');
    await phone.readmeShot('stats');
    const stats = await phone.screen.innerText();

    writeFileSync(
      TIMINGS_FILE,
      JSON.stringify({ homeMs, switchMs, readyMs: session.preview.readyMs }),
    );
    console.log(
      `preview timings: home page ${homeMs} ms after start (bar 2000), page switch ${switchMs} ms (bar 300)`,
    );
    expect(outbox).toContain('温馨提醒');
    expect(outbox).toContain('严肃提醒');
    expect(outbox).toContain('工作异常提醒');
    expect(stats).toContain('其他个人原因');
    expect(phone.errors).toEqual([]);
  }, 240_000);
});
