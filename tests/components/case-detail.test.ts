/** @jest-environment jsdom */
import type { ActionResult } from '../../server/contract';
import { formalitiesCase, submittedCase } from './fixtures/case-view';
import { meta } from './fixtures/meta';
import { openPage } from './fixtures/page';
import { employeeSession, hrSession, managerSession } from './fixtures/session';
import {
  allText,
  pickFromSheet,
  settle,
  setUp,
  tapButton,
  textOf,
  typeInto,
  type Comp,
  type WxMocks,
} from './harness';

const ref = { caseId: 'case-1', state: 'hr_review', version: 2 };

type CaseView = ActionResult<'case.get'>;
type Offer = NonNullable<CaseView['allowedActions']>[number];
type HeldBack = NonNullable<CaseView['blockedActions']>[number];

/** The case as the server shows it to one viewer: what it offers, and what it holds back. */
function offering(view: CaseView, allowed: Offer[], blocked: HeldBack[] = []): CaseView {
  return { ...view, allowedActions: allowed, blockedActions: blocked };
}

const REVIEW: Offer[] = [
  { action: 'case.review', decision: 'approve' },
  { action: 'case.review', decision: 'return' },
];
/** What the server offers the employee on a case waiting for their handover list. */
const EMPLOYEE_UPLOAD: Offer[] = [
  { action: 'case.attach', kind: 'handover_checklist' },
  { action: 'case.withdraw' },
  { action: 'case.consentLastWorkingDay' },
];
/** What it offers HR in formalities while the employee's signature is open. */
const HR_FORMALITIES: Offer[] = [
  { action: 'case.remind' },
  { action: 'case.close' },
  { action: 'case.hrCancel' },
];

describe('case detail page', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    wx.answer('meta.get', meta);
  });

  const open = (): Promise<Comp> =>
    openPage(simulate, 'packages/case/pages/detail/index', { caseId: 'case-1' });

  /** Writes the panel's comment and confirms it, as the user does. */
  async function confirmWith(page: Comp, comment: string): Promise<void> {
    typeInto(page, '#comment', comment);
    await settle(simulate);
    tapButton(page, '#pending-confirm');
    await settle(simulate, 8);
  }

  /** What the page sent with the first call of `action`. */
  function payloadOf(action: string): unknown {
    return wx.calls.find((c) => c.action === action)?.payload;
  }

  function buttons(page: Comp): string[] {
    return page
      .querySelectorAll('.action')
      .map((a) => allText(a.querySelector('.t-button') as Comp));
  }

  it('shows the case, its checklist marks, reminders and timeline in Beijing time', async () => {
    wx.answer('me.get', hrSession);
    wx.answer('case.get', formalitiesCase());
    const page = await open();
    const text = allText(page);
    expect(text).toContain('张三（D001）· 研发部');
    expect(text).toContain('手续办理');
    expect(text).toContain('通知送达：2027-03-01 10:00');
    expect(text).toContain('最后工作日：2027年3月31日（周三）');
    expect(text).toContain('工作交接清单 · 2027-03-01 11:00');
    const rows = page.querySelectorAll('.check-row').map((r) => allText(r));
    expect(rows[1]).toContain('确认工作交接');
    expect(rows[1]).toContain('已完成');
    expect(rows[1]).toContain('完成于 2027-03-06 14:30');
    expect(rows[3]).toContain('已豁免');
    expect(rows[3]).toContain('备注：已线下结清');
    const reminders = page.querySelectorAll('.reminder').map((r) => allText(r));
    expect(reminders[1]).toContain('每日提醒');
    expect(reminders[1]).toContain('无法送达');
    expect(reminders[1]).toContain('错误码 43101');
    const events = page.querySelectorAll('.event').map((e) => allText(e));
    expect(events[0]).toContain('部门审批通过');
    expect(events[0]).toContain('2027-03-02 16:15');
    expect(events[0]).toContain('部门经理：同意');
  });

  it('gives the manager approve and return, and approves with a comment', async () => {
    wx.answer('me.get', managerSession);
    wx.answer('case.get', offering(submittedCase(), REVIEW));
    wx.answer('case.review', ref);
    const page = await open();
    expect(buttons(page)).toEqual(['审批通过', '退回补充']);
    tapButton(page, '#action-approve');
    await settle(simulate);
    expect(textOf(page, '.panel-title')).toBe('审批通过');
    await confirmWith(page, '同意，交接完再走');
    expect(payloadOf('case.review')).toEqual({
      caseId: 'case-1',
      comment: '同意，交接完再走',
      decision: 'approve',
    });
    expect(wx.calls.filter((c) => c.action === 'case.get')).toHaveLength(2);
  });

  it('requires a comment to return a case, and shows the server’s answer', async () => {
    wx.answer('me.get', managerSession);
    wx.answer('case.get', offering(submittedCase(), REVIEW));
    wx.fail('case.review', 'PRECONDITION_FAILED', '尚未上传交接清单');
    const page = await open();
    tapButton(page, '#action-return');
    await settle(simulate);
    tapButton(page, '#pending-confirm');
    await settle(simulate);
    expect(allText(page)).toContain('请填写说明');
    expect(wx.calls.some((c) => c.action === 'case.review')).toBe(false);
    await confirmWith(page, '请补充交接清单');
    expect(payloadOf('case.review')).toEqual({
      caseId: 'case-1',
      comment: '请补充交接清单',
      decision: 'return',
    });
    expect(allText(page)).toContain('尚未上传交接清单');
  });

  it('lets HR close or cancel in formalities and tick or waive items', async () => {
    wx.answer('me.get', hrSession);
    wx.answer('case.get', offering(formalitiesCase(), HR_FORMALITIES));
    wx.answer('case.checklist', { ...ref, state: 'formalities', row: {} });
    const page = await open();
    expect(buttons(page)).toEqual(['发送提醒', '完成归档', '撤销案件']);
    const badge = page.querySelectorAll('.check-row')[2] as Comp;
    expect(allText(badge)).toContain('标记完成');
    expect(allText(badge)).toContain('豁免');
    tapButton(page, '#waive-2');
    await settle(simulate);
    expect(allText(page)).toContain('豁免此项（须说明原因）');
    await confirmWith(page, '员工失联，已 EMS 寄送通知');
    expect(payloadOf('case.checklist')).toEqual({
      caseId: 'case-1',
      item: 'asset:badge',
      waive: true,
      note: '员工失联，已 EMS 寄送通知',
    });
  });

  it('sums up what archiving or cancelling acts on before HR confirms', async () => {
    wx.answer('me.get', hrSession);
    wx.answer('case.get', offering(formalitiesCase(), HR_FORMALITIES));
    wx.answer('case.close', { ...ref, state: 'completed', completedAt: '2027-03-31T10:00:00Z' });
    const page = await open();
    tapButton(page, '#action-close');
    await settle(simulate);
    const summary = textOf(page, '#final-summary');
    expect(summary).toContain('张三（D001）');
    expect(summary).toContain('最后工作日：2027年3月31日（周三）');
    expect(summary).toContain('离职手续清单：1 项完成，1 项豁免');
    expect(summary).toContain('归档后案件只读');
    expect(wx.calls.some((c) => c.action === 'case.close')).toBe(false);
    tapButton(page, '#pending-cancel');
    await settle(simulate);

    tapButton(page, '#action-cancel');
    await settle(simulate);
    expect(textOf(page, '#final-summary')).toContain('撤销后案件结束，不能恢复。');
    expect(wx.calls.some((c) => c.action === 'case.hrCancel')).toBe(false);
  });

  it('lets the manager open the handover list they approve, a photo in the image viewer', async () => {
    wx.answer('me.get', managerSession);
    const view = submittedCase();
    const pdf = formalitiesCase().case.attachments[0];
    if (!pdf) throw new Error('fixture has no attachment');
    wx.answer(
      'case.get',
      offering(
        {
          ...view,
          case: {
            ...view.case,
            attachments: [
              { ...pdf, url: 'https://tmp.example/h.pdf' },
              {
                ...pdf,
                contentType: 'image/jpeg',
                url: 'https://tmp.example/p.jpg',
              },
            ],
          },
        },
        REVIEW,
      ),
    );
    const page = await open();
    page.querySelector('#attachment-0')?.dispatchEvent('tap');
    await settle(simulate);
    expect(wx.downloadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'https://tmp.example/h.pdf' }),
    );
    expect(wx.openDocument).toHaveBeenCalledWith(
      expect.objectContaining({
        filePath: 'wxfile://tmp/download.xlsx',
        fileType: 'pdf',
        showMenu: true,
      }),
    );
    page.querySelector('#attachment-1')?.dispatchEvent('tap');
    await settle(simulate);
    expect(wx.previewImage).toHaveBeenCalledWith(
      expect.objectContaining({ urls: ['https://tmp.example/p.jpg'] }),
    );
  });

  it('sends HR’s tick as done: true', async () => {
    wx.answer('me.get', hrSession);
    wx.answer('case.get', formalitiesCase());
    wx.answer('case.checklist', { ...ref, state: 'formalities', row: {} });
    const page = await open();
    tapButton(page, '#tick-2');
    await settle(simulate);
    tapButton(page, '#pending-confirm');
    await settle(simulate, 8);
    expect(payloadOf('case.checklist')).toEqual({
      caseId: 'case-1',
      item: 'asset:badge',
      done: true,
    });
  });

  it('shows the employee only their own steps', async () => {
    wx.answer('me.get', employeeSession);
    wx.answer('case.get', offering(formalitiesCase(), [{ action: 'case.sign' }]));
    const page = await open();
    expect(buttons(page)).toEqual(['去签署']);
    // The employee cannot tick anything here: their letter is signed on the sign page.
    expect(allText(page)).not.toContain('标记完成');
    tapButton(page, '#action-sign');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/sign/pages/sign/index?caseId=case-1' }),
    );
  });

  it('shows a returned case’s steps with 退回补充 in red and the manager’s comment', async () => {
    wx.answer('me.get', employeeSession);
    const returned = submittedCase();
    wx.answer('case.get', {
      ...returned,
      case: { ...returned.case, state: 'returned', stateLabel: '退回补充' },
      progress: [
        { step: 'apply', label: '发起申请', status: 'finish', reachedOn: '2027-03-01' },
        {
          step: 'review',
          label: '部门审批',
          status: 'error',
          reachedOn: '2027-03-01',
          subState: '退回补充',
          note: '请补充项目文档的交接',
        },
        { step: 'hr_review', label: 'HR确认', status: 'default' },
        { step: 'formalities', label: '手续办理', status: 'default' },
        { step: 'completed', label: '完成归档', status: 'default' },
      ],
      nextStep: {
        action: 'case.resubmit',
        label: '按退回意见补充后重新提交',
        dueDate: '2027-03-06',
        daysLeft: 0,
      },
    });
    const page = await open();
    const progress = page.querySelector('#progress');
    expect(textOf(progress ?? page, '.stopped')).toBe('退回补充：请补充项目文档的交接');
    expect(allText(page)).toContain('请于3月6日前按退回意见补充后重新提交，今天截止');
  });

  it('lets the employee upload a missing handover list', async () => {
    wx.answer('me.get', employeeSession);
    wx.answer('case.get', offering(submittedCase(), EMPLOYEE_UPLOAD));
    wx.answer('case.attach', { caseId: 'case-1', state: 'submitted', version: 2, attachments: [] });
    wx.chooseMessageFile.mockImplementation((opts: { success(r: unknown): void }) =>
      opts.success({ tempFiles: [{ path: 'wxfile://tmp/h', name: '清单.pdf', size: 1 }] }),
    );
    const page = await open();
    // The consent to another last day is not a routine step: it has its own card.
    expect(buttons(page)).toEqual(['上传交接清单', '撤回申请']);
    pickFromSheet(wx, '聊天');
    tapButton(page, '#action-upload');
    await settle(simulate, 10);
    // The three ways in, each said plainly.
    const [sheet] = wx.showActionSheet.mock.calls[0] as [{ itemList: string[] }];
    expect(sheet.itemList).toEqual([
      '拍照（纸质清单，最多 9 张）',
      '从相册选择照片',
      '从聊天记录选择文件（PDF、Word、Excel）',
    ]);
    expect(wx.chooseMessageFile).toHaveBeenCalledTimes(1);
    expect(payloadOf('case.attach')).toMatchObject({
      caseId: 'case-1',
      kind: 'handover_checklist',
    });
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '交接清单已上传' }));
  });

  it('takes photos of a paper handover list, or says why it cannot', async () => {
    wx.answer('me.get', employeeSession);
    wx.answer('case.get', offering(submittedCase(), EMPLOYEE_UPLOAD));
    wx.answer('case.attach', { caseId: 'case-1', state: 'submitted', version: 2, attachments: [] });
    wx.answer('privacy.report', { recorded: true });
    wx.chooseMedia
      .mockImplementationOnce((opts: { fail(e: unknown): void }) =>
        opts.fail({
          errMsg: 'chooseMedia:fail api scope is not declared in the privacy agreement',
          errno: 112,
        }),
      )
      .mockImplementation((opts: { success(r: unknown): void }) =>
        opts.success({ tempFiles: [{ tempFilePath: 'wxfile://tmp/p1.jpg', size: 1 }] }),
      );
    const page = await open();

    pickFromSheet(wx, '拍照');
    tapButton(page, '#action-upload');
    await settle(simulate, 10);
    expect(wx.chooseMedia).toHaveBeenLastCalledWith(
      expect.objectContaining({ mediaType: ['image'], sourceType: ['camera'] }),
    );
    expect(allText(page)).toContain('尚未声明“选中的照片或视频信息”');
    expect(payloadOf('privacy.report')).toEqual({ api: 'chooseMedia', errno: 112 });

    pickFromSheet(wx, '相册');
    tapButton(page, '#action-upload');
    await settle(simulate, 10);
    expect(wx.chooseMedia).toHaveBeenLastCalledWith(
      expect.objectContaining({ mediaType: ['image'], sourceType: ['album'] }),
    );
    expect(payloadOf('case.attach')).toMatchObject({
      caseId: 'case-1',
      kind: 'handover_checklist',
    });
    expect(allText(page)).not.toContain('尚未声明');
    expect(wx.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '交接清单已上传' }));
  });

  it('lets HR file a delivery proof and waive the missing handover list of an employee who vanished', async () => {
    wx.answer('me.get', hrSession);
    wx.answer(
      'case.get',
      offering(submittedCase(), [
        { action: 'case.remind' },
        { action: 'case.attach', kind: 'notice_delivery' },
        { action: 'case.checklist', item: 'handover_list' },
        { action: 'case.hrEscalate' },
        { action: 'case.hrCancel' },
      ]),
    );
    wx.answer('case.attach', { caseId: 'case-1', state: 'submitted', version: 2, attachments: [] });
    wx.answer('case.checklist', { ...ref, state: 'submitted', row: {} });
    wx.chooseMessageFile.mockImplementation((opts: { success(r: unknown): void }) =>
      opts.success({ tempFiles: [{ path: 'wxfile://tmp/ems', name: 'EMS回执.jpg', size: 1 }] }),
    );
    const page = await open();
    expect(buttons(page)).toEqual([
      '发送提醒',
      '上传送达凭证',
      '豁免交接清单',
      'HR 越级处理',
      '撤销案件',
    ]);
    pickFromSheet(wx, '聊天');
    tapButton(page, '#action-uploadDelivery');
    await settle(simulate, 10);
    const [upload] = wx.uploadFile.mock.calls[0] as [{ cloudPath: string }];
    expect(upload.cloudPath).toMatch(/^cases\/case-1\/notice_delivery\/[0-9a-z]{20}\.jpg$/);
    expect(payloadOf('case.attach')).toMatchObject({
      kind: 'notice_delivery',
    });
    tapButton(page, '#action-waiveHandover');
    await settle(simulate);
    await confirmWith(page, '员工失联，EMS 已签收');
    expect(payloadOf('case.checklist')).toEqual({
      caseId: 'case-1',
      item: 'handover_list',
      waive: true,
      note: '员工失联，EMS 已签收',
    });
  });

  it.each([
    ['HR', true, hrSession],
    ['the employee', true, employeeSession],
    ['the manager', false, managerSession],
  ])('offers 查看证据 to %s: %p', async (_who, shown, session) => {
    wx.answer('case.get', formalitiesCase());
    wx.answer('me.get', session);
    const page = await open();
    if (!shown) {
      expect(page.querySelector('#evidence')).toBeUndefined();
      return;
    }
    tapButton(page, '#evidence');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/case/pages/evidence/index?caseId=case-1' }),
    );
  });

  it('marks a handover list HR waived as waived, with the reason', async () => {
    const view = submittedCase();
    view.case = {
      ...view.case,
      waivers: [
        {
          item: 'handover_list',
          by: 'openid-hr',
          at: '2027-04-02T01:30:00Z',
          note: '员工失联，EMS 已签收',
        },
      ],
    };
    wx.answer('me.get', hrSession);
    wx.answer('case.get', view);
    const page = await open();
    const waivers = page.querySelectorAll('.waiver').map((w) => allText(w));
    expect(waivers).toHaveLength(1);
    expect(waivers[0]).toContain('工作交接清单 · 2027-04-02 09:30');
    expect(waivers[0]).toContain('已豁免');
    expect(waivers[0]).toContain('原因：员工失联，EMS 已签收');
    expect(allText(page)).not.toContain('尚未上传材料');
  });

  it('sends HR from a termination draft to the termination page to finish and issue it', async () => {
    const view = submittedCase();
    view.case = {
      ...view.case,
      kind: 'termination',
      reason: 'incompetence',
      state: 'draft',
      stateLabel: '待发出',
      allowedEvents: ['hr.issue', 'hr.cancel'],
    };
    wx.answer('me.get', hrSession);
    wx.answer('case.get', offering(view, [{ action: 'case.issue' }, { action: 'case.hrCancel' }]));
    const page = await open();
    expect(buttons(page)).toEqual(['上传材料并发出', '撤销案件']);
    tapButton(page, '#action-issue');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/admin/pages/terminate/index?caseId=case-1' }),
    );
  });

  describe('HR confirmation', () => {
    function hrReviewCase() {
      const view = submittedCase();
      view.case = {
        ...view.case,
        state: 'hr_review',
        stateLabel: 'HR确认',
        attachments: formalitiesCase().case.attachments,
        allowedEvents: ['hr.confirm', 'hr.return', 'hr.cancel'],
      };
      return offering(view, [
        { action: 'case.hrConfirm' },
        { action: 'case.hrReturn' },
        { action: 'case.hrCancel' },
      ]);
    }

    it('confirms with the legal last working day unless HR picks another', async () => {
      wx.answer('me.get', hrSession);
      wx.answer('case.get', hrReviewCase());
      wx.answer('case.hrConfirm', { ...ref, state: 'formalities', lastWorkingDay: '2027-03-31' });
      const page = await open();
      expect(buttons(page)).toEqual(['HR确认', '退回补充', '撤销案件']);
      tapButton(page, '#action-confirm');
      await settle(simulate);
      expect(allText(page)).toContain('最后工作日：2027-03-31');
      tapButton(page, '#pending-confirm');
      await settle(simulate, 8);
      expect(payloadOf('case.hrConfirm')).toEqual({
        caseId: 'case-1',
      });
    });

    it('asks who proposed an earlier last working day', async () => {
      wx.answer('me.get', hrSession);
      wx.answer('case.get', hrReviewCase());
      wx.answer('case.hrConfirm', { ...ref, state: 'formalities', lastWorkingDay: '2027-03-20' });
      const page = await open();
      tapButton(page, '#action-confirm');
      await settle(simulate);
      page
        .querySelector('#confirm-day')
        ?.dispatchEvent('change', { detail: { value: '2027-03-20' } });
      await settle(simulate);
      expect(allText(page)).toContain(
        '早于法定最后工作日：须员工本人已同意该日期，并请选择由谁提出提前离职',
      );
      tapButton(page, '#pending-confirm');
      await settle(simulate);
      expect(allText(page)).toContain('请选择由谁提出提前离职');
      expect(wx.calls.some((c) => c.action === 'case.hrConfirm')).toBe(false);
      page.querySelector('#proposed-company')?.dispatchEvent('tap');
      await settle(simulate);
      tapButton(page, '#pending-confirm');
      await settle(simulate, 8);
      expect(payloadOf('case.hrConfirm')).toEqual({
        caseId: 'case-1',
        lastWorkingDay: '2027-03-20',
        earlyReleaseProposedBy: 'company',
      });
    });
  });

  it('第36/37条: records the employee’s own consent to an earlier or later last working day', async () => {
    wx.answer('me.get', employeeSession);
    wx.answer('case.get', offering(submittedCase(), EMPLOYEE_UPLOAD));
    wx.answer('case.consentLastWorkingDay', {
      caseId: 'case-1',
      state: 'submitted',
      version: 3,
      consentedLastWorkingDay: '2027-03-20',
    });
    const page = await open();
    // Its own card, explained, apart from the routine buttons.
    expect(buttons(page)).not.toContain('同意调整最后工作日');
    const card = textOf(page, '#consent-card');
    expect(card).toContain('法定最后工作日：2027年3月31日（周三）');
    expect(card).toContain('同意延后则劳动关系延续到所选日期，期间照常工作、计发工资（第37条）');
    expect(card).toContain('提前离职须与公司协商一致（第36条）');
    tapButton(page, '#action-consentLater');
    await settle(simulate);

    // A later day says what it means before the employee agrees.
    page
      .querySelector('#consent-day')
      ?.dispatchEvent('change', { detail: { value: '2027-04-10' } });
    await settle(simulate);
    expect(textOf(page, '#consent-hint')).toBe(
      '同意后劳动关系延续至2027年4月10日（周六），期间照常工作、计发工资。',
    );
    page.querySelector('#consent-day')?.dispatchEvent('change', { detail: { value: '' } });
    await settle(simulate);

    tapButton(page, '#pending-confirm');
    await settle(simulate);
    expect(allText(page)).toContain('请选择与法定最后工作日不同的日期');
    expect(wx.calls.some((c) => c.action === 'case.consentLastWorkingDay')).toBe(false);

    page
      .querySelector('#consent-day')
      ?.dispatchEvent('change', { detail: { value: '2027-03-20' } });
    await settle(simulate);
    tapButton(page, '#pending-confirm');
    await settle(simulate, 8);
    expect(payloadOf('case.consentLastWorkingDay')).toEqual({
      caseId: 'case-1',
      lastWorkingDay: '2027-03-20',
    });
  });

  describe('办理记录', () => {
    /** The fixture's two records and then `n` reminder decisions, a tick and a waiver last. */
    function longCase(n: number): CaseView {
      const view = formalitiesCase();
      const [first] = view.events;
      if (!first) throw new Error('the fixture has no records');
      const record = (seq: number, type: string, payload: Record<string, unknown>) => ({
        ...first,
        seq,
        type,
        actor: { openid: 'openid-hr', role: 'hr' as const },
        payload,
      });
      const more = Array.from({ length: n }, (_, i) => record(2 + i, 'reminder.decision', {}));
      return {
        ...view,
        events: [
          ...view.events,
          ...more,
          record(2 + n, 'checklist.done', { item: 'asset:badge' }),
          record(3 + n, 'checklist.waive', { item: 'asset:laptop', note: '已报失' }),
          record(4 + n, 'case.attach', { kind: 'handover_checklist', files: [] }),
        ] as CaseView['events'],
      };
    }

    it('names the item each record acted on', async () => {
      wx.answer('me.get', hrSession);
      wx.answer('case.get', longCase(0));
      const page = await open();
      const events = page.querySelectorAll('.event').map((e) => allText(e));
      expect(events[0]).toContain('上传材料：工作交接清单');
      expect(events[1]).toContain('豁免清单项：电脑');
      expect(events[1]).toContain('HR：已报失');
      expect(events[2]).toContain('完成清单项：工卡');
      expect(page.querySelector('#timeline-cut')).toBeUndefined();
    });

    it('says when it shows only the newest 30, and 查看全部 opens the evidence page', async () => {
      wx.answer('me.get', hrSession);
      wx.answer('case.get', longCase(40));
      const page = await open();
      expect(page.querySelectorAll('.event')).toHaveLength(30);
      expect(textOf(page, '#timeline-cut')).toBe('仅显示最近30条 · 查看全部');
      page.querySelector('#timeline-all')?.dispatchEvent('tap');
      await settle(simulate);
      expect(wx.navigateTo).toHaveBeenCalledWith(
        expect.objectContaining({ url: '/packages/case/pages/evidence/index?caseId=case-1' }),
      );
    });

    it('shows the manager, who has no evidence page, the older records here', async () => {
      wx.answer('me.get', managerSession);
      wx.answer('case.get', longCase(40));
      const page = await open();
      page.querySelector('#timeline-all')?.dispatchEvent('tap');
      await settle(simulate);
      expect(wx.navigateTo).not.toHaveBeenCalled();
      expect(page.querySelectorAll('.event')).toHaveLength(45);
      expect(page.querySelector('#timeline-cut')).toBeUndefined();
      expect(allText(page.querySelectorAll('.event')[44] as Comp)).toContain('提交离职申请');
    });
  });

  describe('a button the server holds back says why', () => {
    const CLOSE_HELD = '8 项未完成 · 3月31日起可归档';
    it.each([
      ['close', hrSession, { action: 'case.close' as const }, '完成归档', CLOSE_HELD],
      [
        'remind',
        hrSession,
        { action: 'case.remind' as const },
        '发送提醒',
        '提醒只在每天 9:00–21:00 发送',
      ],
      [
        'issue',
        hrSession,
        { action: 'case.issue' as const },
        '上传材料并发出',
        '请先上传绩效考核记录以及培训或调岗记录',
      ],
      [
        'escalate',
        hrSession,
        { action: 'case.hrEscalate' as const },
        'HR 越级处理',
        '部门经理审批等待未满 3 天',
      ],
      [
        'confirm',
        hrSession,
        { action: 'case.hrConfirm' as const },
        'HR确认',
        '最后工作日早于法定日期，须员工本人同意',
      ],
      [
        'approve',
        managerSession,
        { action: 'case.review' as const, decision: 'approve' as const },
        '审批通过',
        '尚未上传交接清单',
      ],
      [
        'upload',
        employeeSession,
        { action: 'case.attach' as const, kind: 'handover_checklist' as const },
        '上传交接清单',
        '当前状态不能上传交接清单',
      ],
    ])(
      '%s: disabled, with the reason beside it, and a tap does nothing',
      async (action, session, held, label, reason) => {
        wx.answer('me.get', session);
        wx.answer('case.get', offering(formalitiesCase(), [], [{ ...held, reason }]));
        const page = await open();
        const button = page.querySelector(`#action-${action}`);
        expect(allText(button?.querySelector('.t-button') as Comp)).toBe(label);
        expect(button?.data.disabled).toBe(true);
        expect(textOf(page, `.action-reason-${action}`)).toBe(`${label}：${reason}`);
        const before = wx.calls.length;
        tapButton(page, `#action-${action}`);
        await settle(simulate);
        // Even a tap that reached the page is held back: the reason stands in for the step.
        (page.instance.onAction as (e: unknown) => Promise<void>).call(page.instance, {
          currentTarget: { dataset: { action } },
        });
        await settle(simulate);
        expect(wx.calls.length).toBe(before);
        expect(wx.navigateTo).not.toHaveBeenCalled();
        expect(wx.showActionSheet).not.toHaveBeenCalled();
        expect(textOf(page, '.panel-title')).toBe('');
      },
    );

    it('the consent to another day, held back, says why in its own card', async () => {
      wx.answer('me.get', employeeSession);
      wx.answer(
        'case.get',
        offering(
          submittedCase(),
          [],
          [{ action: 'case.consentLastWorkingDay', reason: 'HR确认后不能再调整最后工作日' }],
        ),
      );
      const page = await open();
      expect(textOf(page, '#consent-card .action-reason-consentLater')).toBe(
        'HR确认后不能再调整最后工作日',
      );
      tapButton(page, '#action-consentLater');
      await settle(simulate);
      expect(textOf(page, '.panel-title')).toBe('');
    });
  });

  it('offers the blank handover list to the employee who owes one, opened to forward', async () => {
    wx.answer('me.get', employeeSession);
    wx.answer('case.get', offering(submittedCase(), EMPLOYEE_UPLOAD));
    wx.answer('case.handoverTemplate', {
      fileId: 'cloud://env/templates/handover-checklist.xlsx',
      url: 'https://tmp.example/handover-checklist.xlsx',
    });
    const page = await open();
    tapButton(page, '#handover-template');
    await settle(simulate, 8);
    expect(payloadOf('case.handoverTemplate')).toEqual({});
    expect(wx.downloadFile).toHaveBeenCalledWith(
      expect.objectContaining({ url: 'https://tmp.example/handover-checklist.xlsx' }),
    );
    expect(wx.openDocument).toHaveBeenCalledWith(
      expect.objectContaining({ fileType: 'xlsx', showMenu: true }),
    );
  });

  it('offers no template to HR, who owes no list', async () => {
    wx.answer('me.get', hrSession);
    wx.answer('case.get', offering(formalitiesCase(), HR_FORMALITIES));
    const page = await open();
    expect(page.querySelector('#handover-template')).toBeUndefined();
  });

  describe('HR’s reminder', () => {
    const reminder = {
      id: 'case-1:employee_sign:manual-2027-03-03',
      track: 'employee_sign',
      slot: 'manual-2027-03-03',
      kind: 'daily',
      phrase: '每日提醒',
      recipient: 'employee',
      status: 'sent',
      dueAt: '2027-03-03T07:00:00Z',
      sentAt: '2027-03-03T07:00:00Z',
      attempts: 1,
    };

    it('reminds the employee of the open signature at once, then shows the case again', async () => {
      wx.answer('me.get', hrSession);
      wx.answer('case.get', offering(formalitiesCase(), HR_FORMALITIES));
      wx.answer('case.remind', { caseId: 'case-1', reminders: [reminder] });
      const page = await open();
      tapButton(page, '#action-remind');
      await settle(simulate, 8);
      // No comment panel: the reminder has nothing to explain.
      expect(page.querySelector('.panel')).toBeUndefined();
      expect(payloadOf('case.remind')).toEqual({ caseId: 'case-1' });
      expect(wx.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '提醒已发送', icon: 'success' }),
      );
      expect(wx.calls.filter((c) => c.action === 'case.get')).toHaveLength(2);
    });

    it('says when the once-a-day rule held the reminder back', async () => {
      wx.answer('me.get', hrSession);
      wx.answer('case.get', offering(formalitiesCase(), HR_FORMALITIES));
      wx.answer('case.remind', {
        caseId: 'case-1',
        reminders: [{ ...reminder, status: 'skipped' }],
      });
      const page = await open();
      tapButton(page, '#action-remind');
      await settle(simulate, 8);
      expect(wx.showToast).toHaveBeenCalledWith(
        expect.objectContaining({ title: '员工今天已收到提醒，不再重复发送', icon: 'none' }),
      );
    });

    it.each([
      ['send_window', '提醒只在每天 9:00–21:00 发送'],
      ['employee_task_open', '员工当前没有待办事项，无需提醒'],
    ])('shows the server’s refusal (%s) in its own words', async (_guard, message) => {
      wx.answer('me.get', hrSession);
      wx.answer('case.get', offering(submittedCase(), [{ action: 'case.remind' }]));
      wx.fail('case.remind', 'PRECONDITION_FAILED', message);
      const page = await open();
      tapButton(page, '#action-remind');
      await settle(simulate, 8);
      expect(textOf(page, '.error')).toBe(message);
      expect(wx.showToast).not.toHaveBeenCalled();
      expect(wx.calls.filter((c) => c.action === 'case.get')).toHaveLength(1);
    });

    it('is drawn disabled with the server’s reason when it is held back', async () => {
      wx.answer('me.get', hrSession);
      wx.answer(
        'case.get',
        offering(
          formalitiesCase(),
          [{ action: 'case.hrCancel' }],
          [
            { action: 'case.remind', reason: '提醒只在每天 9:00–21:00 发送' },
            { action: 'case.close', reason: '8 项未完成 · 3月31日起可归档' },
          ],
        ),
      );
      const page = await open();
      expect(buttons(page)).toEqual(['发送提醒', '完成归档', '撤销案件']);
      expect(allText(page)).toContain('完成归档：8 项未完成 · 3月31日起可归档');
      tapButton(page, '#action-remind');
      await settle(simulate, 8);
      expect(wx.calls.some((c) => c.action === 'case.remind')).toBe(false);
    });
  });

  it('shows an error when the case cannot be read', async () => {
    wx.answer('me.get', employeeSession);
    wx.fail('case.get', 'FORBIDDEN', '无权查看该案件');
    const page = await open();
    expect(allText(page)).toContain('无权查看该案件');
  });

  describe('文书 (issue 13)', () => {
    const documents = {
      documents: [
        {
          kind: 'signed_letter',
          fileId: 'cloud://test.env/evidence/case-1/documents/signed_letter-x.pdf',
          url: 'https://tmp.example/letter.pdf',
          sha256: 'a'.repeat(64),
          createdAt: '2027-03-05T02:00:00.000Z',
        },
      ],
      pending: ['certificate'],
      certificateStatesReason: null,
    };

    it('lets the employee open the signed PDF (to forward it) and choose whether the 离职证明 states the reason', async () => {
      const opened: unknown[] = [];
      const g = globalThis as unknown as { wx: Record<string, unknown> };
      g.wx.downloadFile = (o: { success: (r: unknown) => void }) =>
        o.success({ tempFilePath: 'wxfile://tmp/letter.pdf', statusCode: 200 });
      g.wx.openDocument = (o: { success: () => void }) => {
        opened.push(o);
        o.success();
      };
      wx.answer('me.get', employeeSession);
      wx.answer('case.get', formalitiesCase());
      wx.answer('case.documents', documents);
      wx.answer('case.certificateReason', {
        caseId: 'case-1',
        state: 'formalities',
        version: 9,
        statesReason: true,
      });
      const page = await open();
      const text = allText(page);
      expect(text).toContain('已签署的《辞职书》');
      // The employee's way keeps hashes on the evidence page.
      expect(text).toContain('2027-03-05 10:00');
      expect(text).not.toContain('SHA-256');
      expect(text).toContain('离职证明正在生成，稍后刷新即可查看');
      expect(textOf(page, '#reason-choice')).toBe('尚未选择：默认不写明离职原因');

      tapButton(page, '.open-document');
      await settle(simulate, 5);
      expect(opened).toEqual([
        expect.objectContaining({
          filePath: 'wxfile://tmp/letter.pdf',
          fileType: 'pdf',
          showMenu: true,
        }),
      ]);

      tapButton(page, '#reason-yes');
      await settle(simulate, 8);
      expect(payloadOf('case.certificateReason')).toEqual({ caseId: 'case-1', statesReason: true });
      expect(page.querySelector('#issue-certificate')).toBeUndefined();
    });

    it('lets HR issue the 离职证明 and asks the documents function to render it', async () => {
      wx.answer('me.get', hrSession);
      wx.answer('case.get', formalitiesCase());
      wx.answer('case.documents', { ...documents, pending: [] });
      wx.answer('case.issueCertificate', {
        caseId: 'case-1',
        state: 'formalities',
        version: 9,
        text: '离职证明',
        pending: ['certificate'],
      });
      const page = await open();
      expect(page.querySelector('#reason-yes')).toBeUndefined();
      tapButton(page, '#issue-certificate');
      await settle(simulate, 8);
      expect(payloadOf('case.issueCertificate')).toEqual({ caseId: 'case-1' });
      expect(payloadOf('documents.render')).toEqual({ caseId: 'case-1' });
    });
  });
});
