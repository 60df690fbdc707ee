/** @jest-environment jsdom */
import { meta } from './fixtures/meta';
import { openPage } from './fixtures/page';
import {
  allText,
  lifecycle,
  pickFromSheet,
  settle,
  setUp,
  tapButton,
  textOf,
  typeInto,
  type Comp,
  type WxMocks,
} from './harness';

const receipt = {
  caseId: 'case-9',
  state: 'submitted',
  version: 1,
  noticeReceivedAt: '2027-03-01T02:00:00Z',
  noticeTextHash: 'e'.repeat(64),
  lastWorkingDay: '2027-03-31',
};

describe('resign submit page', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    wx.answer('meta.get', meta);
    wx.answer('me.get', { employee: null, roles: ['employee'], subscriptions: {} });
  });

  const open = (): Promise<Comp> => openPage(simulate, 'packages/resign/pages/submit/index');

  async function choose(page: Comp, index: number) {
    const radios = page.querySelectorAll('.option');
    radios[index]?.dispatchEvent('tap');
    await settle(simulate);
  }

  /** Taps 提交离职通知 and confirms in the dialog, as the employee does. */
  async function submitAndConfirm(page: Comp): Promise<void> {
    tapButton(page, '#submit');
    await settle(simulate);
    const dialog = page.querySelector('#submit-dialog');
    if (!dialog) throw new Error('no confirmation dialog');
    tapButton(dialog, '#dialog-confirm');
  }

  it('shows the projected last working day and that submitting delivers, before sending', async () => {
    wx.answer('me.get', {
      employee: null,
      roles: ['employee'],
      subscriptions: {},
      resignationPreview: { lastWorkingDay: '2027-03-31', noticeDays: 30 },
    });
    const page = await open();
    await choose(page, 0);
    tapButton(page, '#submit');
    await settle(simulate);
    const dialog = textOf(page, '#submit-dialog');
    expect(dialog).toContain('预计最后工作日：2027年3月31日（周三）');
    expect(dialog).toContain('即送达次日起 30 日');
    expect(dialog).toContain('提交即送达公司');
    expect(wx.calls.some((c) => c.action === 'case.submit')).toBe(false);

    // 返回修改 closes it and sends nothing.
    const box = page.querySelector('#submit-dialog');
    if (!box) throw new Error('no confirmation dialog');
    tapButton(box, '#dialog-cancel');
    await settle(simulate);
    expect(allText(page)).not.toContain('提交即送达公司');
    expect(wx.calls.some((c) => c.action === 'case.submit')).toBe(false);
  });

  it('offers only the resignation reasons', async () => {
    const page = await open();
    const text = allText(page);
    expect(text).toContain('辞职');
    expect(text).toContain('其他个人原因');
    expect(text).not.toContain('不能胜任工作');
    expect(text).toContain('第三十七条');
  });

  it('asks for a reason before sending anything', async () => {
    const page = await open();
    tapButton(page, '#submit');
    await settle(simulate);
    expect(allText(page)).toContain('请选择离职原因');
    expect(wx.calls.some((c) => c.action === 'case.submit')).toBe(false);
  });

  it('requires 10–500 characters of explanation for 其他个人原因, with a live counter', async () => {
    const page = await open();
    expect(page.querySelector('#explanation')).toBeUndefined();
    await choose(page, 1);
    expect(allText(page)).toContain('原因说明（必填）');
    typeInto(page, '#explanation', '家里有事');
    await settle(simulate);
    expect(textOf(page, '.counter')).toBe('4/500 字，至少 10 字');
    tapButton(page, '#submit');
    await settle(simulate);
    expect(allText(page)).toContain('请填写说明，至少 10 字');
    expect(wx.calls.some((c) => c.action === 'case.submit')).toBe(false);

    wx.answer('case.submit', receipt);
    typeInto(page, '#explanation', '需要回老家照顾生病的父母');
    await settle(simulate);
    expect(textOf(page, '.counter')).toBe('12/500 字，至少 10 字');
    await submitAndConfirm(page);
    await settle(simulate, 6);
    const submit = wx.calls.find((c) => c.action === 'case.submit');
    expect(submit?.payload).toEqual({
      reason: 'personal',
      explanation: '需要回老家照顾生病的父母',
      idempotencyKey: expect.stringMatching(/^[0-9a-z]{32}$/),
    });
  });

  it('第38条: offers the employer’s faults with plain explanations and sends those chosen', async () => {
    const page = await open();
    await choose(page, 2);
    const text = allText(page);
    expect(text).toContain('公司拖欠工资、克扣工资。');
    expect(text).toContain('第三十八条第二款：可以立即解除，不需要事先告知公司');
    expect(text).toContain('被迫解除劳动合同通知书');
    expect(text).not.toContain('正式员工为 30 日后');

    tapButton(page, '#submit');
    await settle(simulate);
    expect(allText(page)).toContain('请至少选择一项用人单位的过错情形');
    expect(wx.calls.some((c) => c.action === 'case.submit')).toBe(false);

    const grounds = page.querySelectorAll('.ground');
    grounds[0]?.dispatchEvent('tap');
    grounds[1]?.dispatchEvent('tap');
    grounds[1]?.dispatchEvent('tap');
    await settle(simulate);
    wx.answer('case.submit', { ...receipt, lastWorkingDay: '2027-03-01' });
    await submitAndConfirm(page);
    await settle(simulate, 6);
    expect(wx.calls.find((c) => c.action === 'case.submit')?.payload).toEqual({
      reason: 'employer_fault',
      faultGrounds: ['unpaid_wages'],
      idempotencyKey: expect.any(String),
    });
    expect(allText(page)).toContain('最后工作日：2027年3月1日');
  });

  it('shows the notice receipt with the last working day in Beijing time', async () => {
    wx.answer('case.submit', receipt);
    const page = await open();
    await choose(page, 0);
    await submitAndConfirm(page);
    await settle(simulate, 6);
    const text = allText(page);
    expect(text).toContain('通知已送达');
    expect(text).toContain('送达时间：2027-03-01 10:00');
    expect(text).toContain('最后工作日：2027年3月31日（周三）');
    // The hash is evidence, kept on the evidence page, not on the employee's way.
    expect(text).not.toContain('e'.repeat(64));
    expect(text).toContain('查看证据');
    expect(wx.calls.find((c) => c.action === 'case.submit')?.payload).toEqual({
      reason: 'resignation',
      idempotencyKey: expect.any(String),
    });
  });

  it('reuses the idempotency key when the user retries after a network failure', async () => {
    const page = await open();
    await choose(page, 0);
    wx.dropNext('case.submit');
    await submitAndConfirm(page);
    await settle(simulate, 6);
    expect(allText(page)).toContain('网络连接失败，请检查网络后重试（重试不会重复提交）');
    wx.answer('case.submit', receipt);
    await submitAndConfirm(page);
    await settle(simulate, 6);
    const keys = wx.calls
      .filter((c) => c.action === 'case.submit')
      .map((c) => (c.payload as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
    expect(allText(page)).toContain('通知已送达');
  });

  it('asks for reminder subscriptions in the submit tap, before the notice is sent, once', async () => {
    let submittedBeforePopup: boolean | null = null;
    wx.requestSubscribeMessage.mockImplementation(
      (opts: { tmplIds: string[]; success(r: unknown): void }) => {
        submittedBeforePopup = wx.calls.some((c) => c.action === 'case.submit');
        opts.success({ errMsg: 'ok', 'TPL-NOTICE': 'accept', 'TPL-TASK': 'reject' });
      },
    );
    wx.answer('subscription.record', { subscriptions: { notice: 1 } });
    const page = await open();
    await choose(page, 0);
    wx.dropNext('case.submit');
    await submitAndConfirm(page);
    await settle(simulate, 6);
    expect(submittedBeforePopup).toBe(false);
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: ['TPL-NOTICE', 'TPL-TASK'] }),
    );
    expect(wx.calls.find((c) => c.action === 'subscription.record')?.payload).toEqual({
      results: { 'TPL-NOTICE': 'accept', 'TPL-TASK': 'reject' },
    });
    // The retry after the network failure does not pop up again.
    wx.answer('case.submit', receipt);
    await submitAndConfirm(page);
    await settle(simulate, 6);
    expect(wx.requestSubscribeMessage).toHaveBeenCalledTimes(1);
    expect(allText(page)).toContain('通知已送达');
  });

  it('shows the server’s refusal', async () => {
    wx.fail('case.submit', 'CONFLICT', '你已有一件进行中的离职申请');
    const page = await open();
    await choose(page, 0);
    await submitAndConfirm(page);
    await settle(simulate, 6);
    expect(allText(page)).toContain('你已有一件进行中的离职申请');
  });

  it('uploads the handover list to the case folder and attaches it', async () => {
    wx.answer('case.submit', receipt);
    wx.answer('case.attach', { caseId: 'case-9', state: 'submitted', version: 2, attachments: [] });
    wx.chooseMessageFile.mockImplementation((opts: { success(r: unknown): void }) =>
      opts.success({ tempFiles: [{ path: 'wxfile://tmp/abc', name: '交接清单.xlsx', size: 1 }] }),
    );
    const page = await open();
    await choose(page, 0);
    await submitAndConfirm(page);
    await settle(simulate, 6);
    // The receipt keeps hashes off the employee's way: they are on the evidence page.
    expect(allText(page)).not.toContain('SHA-256');
    pickFromSheet(wx, '聊天');
    tapButton(page, '#upload');
    await settle(simulate, 8);
    const [upload] = wx.uploadFile.mock.calls[0] as [{ cloudPath: string; filePath: string }];
    expect(upload.cloudPath).toMatch(/^cases\/case-9\/handover_checklist\/[0-9a-z]{20}\.xlsx$/);
    expect(upload.filePath).toBe('wxfile://tmp/abc');
    expect(wx.calls.find((c) => c.action === 'case.attach')?.payload).toEqual({
      caseId: 'case-9',
      kind: 'handover_checklist',
      fileIds: [`cloud://test.env/${upload.cloudPath}`],
    });
    expect(allText(page)).toContain('交接清单已上传');
  });

  it('offers 拍照, 相册 and 聊天文件 in one sheet; closing it or cancelling the camera says nothing', async () => {
    wx.answer('case.submit', receipt);
    wx.chooseMedia.mockImplementation((opts: { fail(e: unknown): void }) =>
      opts.fail({ errMsg: 'chooseMedia:fail cancel' }),
    );
    const page = await open();
    await choose(page, 0);
    await submitAndConfirm(page);
    await settle(simulate, 6);
    expect(allText(page.querySelector('#upload')?.querySelector('.t-button') as Comp)).toBe(
      '上传交接清单',
    );
    // Closing the sheet picks nothing.
    tapButton(page, '#upload');
    await settle(simulate, 6);
    expect(wx.chooseMedia).not.toHaveBeenCalled();
    expect(wx.chooseMessageFile).not.toHaveBeenCalled();

    pickFromSheet(wx, '拍照');
    tapButton(page, '#upload');
    await settle(simulate, 6);
    const [sheet] = wx.showActionSheet.mock.calls[1] as [{ itemList: string[] }];
    expect(sheet.itemList).toEqual([
      '拍照（纸质清单，最多 9 张）',
      '从相册选择照片',
      '从聊天记录选择文件（PDF、Word、Excel）',
    ]);
    expect(wx.chooseMedia).toHaveBeenCalledWith(
      expect.objectContaining({ mediaType: ['image'], sourceType: ['camera'] }),
    );
    expect(page.querySelector('.error')).toBeUndefined();
    expect(wx.showModal).not.toHaveBeenCalled();
    expect(wx.calls.map((c) => c.action)).not.toContain('case.attach');
  });

  it('opens the blank handover list template, forwardable from WeChat’s menu', async () => {
    wx.answer('case.submit', receipt);
    wx.answer('case.handoverTemplate', {
      fileId: 'cloud://env/templates/handover-checklist.xlsx',
      url: 'https://tmp.example/handover-checklist.xlsx',
    });
    const page = await open();
    await choose(page, 0);
    await submitAndConfirm(page);
    await settle(simulate, 6);
    expect(allText(page)).toContain('还没有清单？下载模板');
    tapButton(page, '#template');
    await settle(simulate, 6);
    expect(wx.calls.find((c) => c.action === 'case.handoverTemplate')?.payload).toEqual({});
    expect(wx.openDocument).toHaveBeenCalledWith(
      expect.objectContaining({ fileType: 'xlsx', showMenu: true }),
    );
  });

  it('says what to do when the template cannot be opened', async () => {
    wx.answer('case.submit', receipt);
    wx.answer('case.handoverTemplate', { fileId: 'f', url: 'https://tmp.example/t.xlsx' });
    wx.openDocument.mockImplementation((opts: { fail?: (e: unknown) => void }) =>
      opts.fail?.({ errMsg: 'openDocument:fail' }),
    );
    const page = await open();
    await choose(page, 0);
    await submitAndConfirm(page);
    await settle(simulate, 6);
    tapButton(page, '#template');
    await settle(simulate, 6);
    expect(textOf(page, '.error')).toBe('模板未能打开，请稍后重试，或向 HR 索取模板');
  });

  it('after a refused privacy pop-up, asks again; a second refusal is explained', async () => {
    wx.answer('case.submit', receipt);
    wx.chooseMessageFile.mockImplementation((opts: { fail(e: unknown): void }) =>
      opts.fail({
        errMsg: 'chooseMessageFile:fail privacy permission is not authorized',
        errno: 104,
      }),
    );
    const page = await open();
    await choose(page, 0);
    await submitAndConfirm(page);
    await settle(simulate, 6);
    pickFromSheet(wx, '聊天');
    tapButton(page, '#upload');
    await settle(simulate, 8);
    expect(wx.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '重新授权' }));
    expect(wx.chooseMessageFile).toHaveBeenCalledTimes(2);
    expect(textOf(page, '.error')).toBe(
      '未获得“选中的文件”授权，无法选择文件。需要时请再次点击上传并选择同意。',
    );
    // Still offered: the next tap asks WeChat's pop-up again.
    expect(page.querySelector('#upload')).toBeDefined();
  });

  it('shows an error when the reasons cannot load, and loads again on pull-down', async () => {
    wx.fail('meta.get', 'INTERNAL', '服务繁忙，请稍后再试');
    const page = await open();
    expect(allText(page)).toContain('服务繁忙，请稍后再试');
    expect(page.querySelector('#retry')).toBeDefined();
    wx.answer('meta.get', meta);
    await lifecycle(simulate, page, 'onPullDownRefresh');
    await settle(simulate, 4);
    expect(page.querySelector('#load-error')).toBeUndefined();
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });

  it('keeps what was typed: a pull-down on the loaded form reloads nothing', async () => {
    const page = await open();
    const before = wx.calls.length;
    await lifecycle(simulate, page, 'onPullDownRefresh');
    expect(wx.calls).toHaveLength(before);
    expect(wx.stopPullDownRefresh).toHaveBeenCalledTimes(1);
  });
});
