/** @jest-environment jsdom */
import type { ActionResult } from '../../server/contract';
import { formalitiesCase } from './fixtures/case-view';
import { openPage } from './fixtures/page';
import {
  allText,
  settle,
  setUp,
  tapButton,
  textOf,
  typeInto,
  type Comp,
  type WxMocks,
} from './harness';

/** 2027-03-10 12:00 in Beijing. */
const NOW = Date.parse('2027-03-10T04:00:00Z');
const PAGE = 'packages/admin/pages/terminate/index';

const draft = { caseId: 'case-9', state: 'draft', version: 0 };
const issued = {
  caseId: 'case-9',
  state: 'formalities',
  version: 4,
  issuedAt: '2027-03-10T04:00:00Z',
  awaitingDelivery: true,
};

/** Longer than the pause the page waits after typing before it looks the 工号 up. */
const LOOKUP_WAIT_MS = 400;

/** The server's reason for holding the issue back while documents are missing. */
const DOCUMENTS_MISSING = '请先上传绩效考核记录以及培训或调岗记录';

describe('admin: termination page', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  /** The draft as the server shows it to HR: issuing is held back until two documents are in. */
  function draftAsServerSees(): ActionResult<'case.get'> {
    const view = formalitiesCase();
    const complete = wx.calls.filter((c) => c.action === 'case.attach').length >= 2;
    return {
      ...view,
      case: { ...view.case, caseId: 'case-9', kind: 'termination', state: 'draft' },
      allowedActions: complete
        ? [{ action: 'case.issue' }, { action: 'case.hrCancel' }]
        : [{ action: 'case.hrCancel' }],
      blockedActions: complete ? [] : [{ action: 'case.issue', reason: DOCUMENTS_MISSING }],
    };
  }

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    wx.chooseMessageFile.mockImplementation((opts: { success(r: unknown): void }) =>
      opts.success({ tempFiles: [{ path: 'wxfile://tmp/doc', name: '记录.pdf', size: 1 }] }),
    );
    wx.answer('case.attach', { caseId: 'case-9', state: 'draft', version: 1, attachments: [] });
    wx.answer('case.get', () => draftAsServerSees());
    wx.answer('admin.employeeLookup', { name: '周七', department: '市场部' });
  });

  afterEach(async () => {
    // A lookup still waiting must not reach the next test's mocks.
    await simulate.sleep(LOOKUP_WAIT_MS);
    jest.restoreAllMocks();
  });

  /** The calls that change something or check the draft: lookups are reads made while typing. */
  const calls = () => wx.calls.filter((c) => c.action !== 'admin.employeeLookup');

  /** Taps 确认发出 in the summary the page shows before the notice goes out. */
  async function confirmIssue(page: Comp): Promise<void> {
    const dialog = page.querySelector('#issue-dialog');
    if (!dialog) throw new Error('no confirmation dialog');
    tapButton(dialog, '#dialog-confirm');
    await settle(simulate, 8);
  }

  const open = (query: Record<string, string> = {}): Promise<Comp> =>
    openPage(simulate, PAGE, query);

  async function tapView(page: Comp, selector: string): Promise<void> {
    page.querySelector(selector)?.dispatchEvent('tap');
    await settle(simulate);
  }

  async function fillNotice30(page: Comp): Promise<void> {
    typeInto(page, '#employee-no', ' D007 ');
    await settle(simulate);
    await tapView(page, '#mode-notice30');
  }

  async function create(page: Comp): Promise<void> {
    tapButton(page, '#create');
    await settle(simulate, 8);
  }

  it('checks the form before asking the server', async () => {
    const page = await open();
    await create(page);
    expect(textOf(page, '.error')).toBe('请输入工号');
    typeInto(page, '#employee-no', 'D007');
    await settle(simulate);
    await create(page);
    expect(textOf(page, '.error')).toBe('请选择通知方式');
    await tapView(page, '#mode-payInLieu');
    await create(page);
    expect(textOf(page, '.error')).toBe('选择额外支付一个月工资时，请选择最后工作日');
    page.querySelector('#last-day')?.dispatchEvent('change', { detail: { value: '2027-04-30' } });
    await settle(simulate);
    typeInto(page, '#explanation', '考核不合格');
    await settle(simulate);
    await create(page);
    expect(textOf(page, '.error')).toBe('说明至少 10 字，或留空');
    expect(calls()).toHaveLength(0);
  });

  it('asks for a last working day only when paying in lieu of notice', async () => {
    const page = await open();
    await tapView(page, '#mode-notice30');
    expect(page.querySelector('#last-day')).toBeUndefined();
    await tapView(page, '#mode-payInLieu');
    expect(allText(page)).toContain('最后工作日（必填）：请选择');
  });

  it('prepares a draft with 30 days’ notice, sending no last working day', async () => {
    wx.answer('case.terminate', draft);
    const page = await open();
    await fillNotice30(page);
    await create(page);
    expect(calls()).toEqual([
      {
        action: 'case.terminate',
        payload: {
          employeeNo: 'D007',
          reason: 'incompetence',
          noticeMode: 'notice30',
          idempotencyKey: expect.stringMatching(/^[0-9a-z]{32}$/),
        },
      },
      // Whether the server would issue it yet: it says what is missing.
      { action: 'case.get', payload: { caseId: 'case-9' } },
    ]);
    const text = allText(page);
    // Named as the server has the draft, so HR sees whom it is against.
    expect(text).toContain('张三（D001）· 研发部');
    expect(text).toContain('待发出');
    expect(text).toContain(DOCUMENTS_MISSING);
  });

  it('sends the chosen last working day and the explanation when paying in lieu', async () => {
    wx.answer('case.terminate', draft);
    const page = await open();
    typeInto(page, '#employee-no', 'D007');
    await settle(simulate);
    await tapView(page, '#mode-payInLieu');
    page.querySelector('#last-day')?.dispatchEvent('change', { detail: { value: '2027-03-31' } });
    await settle(simulate);
    typeInto(page, '#explanation', '连续两个季度考核不合格，调岗后仍不能胜任');
    await settle(simulate);
    await create(page);
    expect(calls()[0]?.payload).toEqual({
      employeeNo: 'D007',
      reason: 'incompetence',
      noticeMode: 'payInLieu',
      lastWorkingDay: '2027-03-31',
      explanation: '连续两个季度考核不合格，调岗后仍不能胜任',
      idempotencyKey: expect.any(String),
    });
  });

  it('retries after a network failure with the same idempotency key', async () => {
    wx.answer('case.terminate', draft);
    wx.dropNext('case.terminate');
    const page = await open();
    await fillNotice30(page);
    await create(page);
    expect(textOf(page, '.error')).toContain('重试不会重复创建');
    await create(page);
    const keys = wx.calls
      .filter((c) => c.action === 'case.terminate')
      .map((c) => (c.payload as { idempotencyKey: string }).idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(allText(page)).toContain('待发出');
  });

  it('shows the server’s refusal to prepare the draft', async () => {
    wx.fail('case.terminate', 'NOT_FOUND', '未找到相关记录');
    const page = await open();
    await fillNotice30(page);
    await create(page);
    expect(textOf(page, '.error')).toBe('未找到相关记录');
    expect(page.querySelector('#issue')).toBeUndefined();
  });

  /** The union section filled in: the company union, notified on 2027-03-08. */
  async function fillUnion(page: Comp) {
    await tapView(page, '#union-company_union');
    page.querySelector('#union-date')?.dispatchEvent('change', { detail: { value: '2027-03-08' } });
    await settle(simulate);
  }

  it('attaches 第40条(二)’s grounds and 第43条’s union notice, requires the 第42条 attestation, issues 待送达', async () => {
    wx.answer('case.terminate', draft);
    wx.answer('case.issue', issued);
    const page = await open();
    await fillNotice30(page);
    await create(page);
    expect(allText(page)).toContain('第四十三条');

    for (const slot of ['appraisal_record', 'training_certificate', 'second_appraisal']) {
      tapButton(page, `#attach-${slot}`);
      await settle(simulate, 10);
    }
    const attaches = wx.calls.filter((c) => c.action === 'case.attach');
    expect(attaches.map((c) => c.payload)).toEqual([
      { caseId: 'case-9', kind: 'appraisal_record', fileIds: [expect.any(String)] },
      { caseId: 'case-9', kind: 'training_certificate', fileIds: [expect.any(String)] },
      { caseId: 'case-9', kind: 'appraisal_record', fileIds: [expect.any(String)] },
    ]);
    const [upload] = wx.uploadFile.mock.calls[0] as [{ cloudPath: string }];
    expect(upload.cloudPath).toMatch(/^cases\/case-9\/appraisal_record\/[0-9a-z]{20}\.pdf$/);
    expect(allText(page.querySelector('.doc-second_appraisal') as Comp)).toContain('已上传');
    expect(page.querySelector('#attach-position_change_record')).toBeDefined();
    expect(allText(page)).not.toContain(DOCUMENTS_MISSING);
    expect(wx.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '绩效考核记录（首次）已上传' }),
    );

    tapButton(page, '#issue');
    await settle(simulate);
    expect(textOf(page, '.error')).toBe('请先确认员工不存在第四十二条规定的不得解除情形');
    expect(wx.calls.some((c) => c.action === 'case.issue')).toBe(false);

    await tapView(page, '#attest');
    tapButton(page, '#issue');
    await settle(simulate);
    expect(textOf(page, '.error')).toBe('请选择已通知的工会或职工代表');
    await fillUnion(page);
    tapButton(page, '#issue');
    await settle(simulate);
    expect(textOf(page, '.error')).toBe('请上传通知工会的书面记录');
    // The union objected: the company's written reply is asked for too.
    await tapView(page, '#union-objection');
    tapButton(page, '#attach-union_notice');
    await settle(simulate, 10);
    tapButton(page, '#issue');
    await settle(simulate);
    expect(textOf(page, '.error')).toBe('工会提出异议的，请上传公司对工会意见的书面答复');
    expect(wx.calls.some((c) => c.action === 'case.issue')).toBe(false);
    tapButton(page, '#attach-union_reply');
    await settle(simulate, 10);

    // The summary comes first: whom, why, until when, the union, and that it is final.
    tapButton(page, '#issue');
    await settle(simulate);
    expect(wx.calls.some((c) => c.action === 'case.issue')).toBe(false);
    const summary = textOf(page, '#issue-dialog');
    expect(summary).toContain('确认发出解除通知');
    expect(summary).toContain('员工：张三（D001）· 研发部');
    expect(summary).toContain('解除理由：不能胜任工作（《劳动合同法》第四十条第二项）');
    expect(summary).toContain('最后工作日：通知送达员工之日起第 30 日（提前三十日书面通知）');
    expect(summary).toContain(
      '工会（第四十三条）：2027年3月8日（周一）已事先通知本单位工会；工会提出异议，已上传公司的书面答复',
    );
    expect(summary).toContain('发出后不可撤回');
    await confirmIssue(page);
    expect(wx.calls.find((c) => c.action === 'case.issue')?.payload).toEqual({
      caseId: 'case-9',
      noProtectedStatus: true,
      unionNotice: { notifiedOn: '2027-03-08', body: 'company_union', objection: true },
    });
    expect(textOf(page, '#last-working-day')).toBe('最后工作日：送达后30日');
    expect(allText(page)).toContain('发出时间：2027-03-10 12:00');
    expect(allText(page)).toContain('待送达');
    tapButton(page, '#view-case');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/case/pages/detail/index?caseId=case-9' }),
    );
  });

  it('shows the server’s guard message when it refuses the issue', async () => {
    wx.answer('case.terminate', draft);
    const page = await open();
    await fillNotice30(page);
    await create(page);
    await fillUnion(page);
    tapButton(page, '#attach-union_notice');
    await settle(simulate, 10);
    wx.fail('case.issue', 'PRECONDITION_FAILED', '请先上传绩效考核记录以及培训或调岗记录');
    await tapView(page, '#attest');
    tapButton(page, '#issue');
    await settle(simulate);
    await confirmIssue(page);
    expect(textOf(page, '.error')).toBe('请先上传绩效考核记录以及培训或调岗记录');
    expect(textOf(page, '#issue-dialog')).toBe('');
    expect(allText(page)).toContain('待发出');
  });

  it('sends nothing when HR goes back from the summary', async () => {
    wx.answer('case.terminate', draft);
    wx.answer('case.issue', issued);
    const page = await open();
    await fillNotice30(page);
    await create(page);
    await fillUnion(page);
    tapButton(page, '#attach-union_notice');
    await settle(simulate, 10);
    await tapView(page, '#attest');
    tapButton(page, '#issue');
    await settle(simulate);
    const dialog = page.querySelector('#issue-dialog');
    if (!dialog) throw new Error('no confirmation dialog');
    tapButton(dialog, '#dialog-cancel');
    await settle(simulate);
    expect(textOf(page, '#issue-dialog')).toBe('');
    expect(wx.calls.some((c) => c.action === 'case.issue')).toBe(false);
    expect(allText(page)).toContain('待发出');
  });

  it('names the employee as soon as the 工号 is typed', async () => {
    const page = await open();
    typeInto(page, '#employee-no', 'D007');
    await simulate.sleep(LOOKUP_WAIT_MS);
    await settle(simulate);
    expect(textOf(page, '#employee-found')).toBe('周七 · 市场部');
    expect(wx.calls).toEqual([{ action: 'admin.employeeLookup', payload: { employeeNo: 'D007' } }]);
    wx.fail('admin.employeeLookup', 'NOT_FOUND', '没有工号为 D008 的员工，请核对工号');
    typeInto(page, '#employee-no', 'D008');
    await simulate.sleep(LOOKUP_WAIT_MS);
    await settle(simulate);
    expect(page.querySelector('#employee-found')).toBeUndefined();
    expect(textOf(page, '#employee-problem')).toBe('没有工号为 D008 的员工，请核对工号');
  });

  it('shows the pay-in-lieu day of a draft reopened from its case in the summary', async () => {
    const view = formalitiesCase();
    view.case = {
      ...view.case,
      caseId: 'case-9',
      kind: 'termination',
      reason: 'incompetence',
      state: 'draft',
      noticeMode: 'payInLieu',
      lastWorkingDay: '2027-03-31',
      attachments: view.case.attachments.map((a) => ({ ...a, kind: 'union_notice' as const })),
    };
    wx.answer('case.get', view);
    const page = await open({ caseId: 'case-9' });
    await fillUnion(page);
    await tapView(page, '#attest');
    tapButton(page, '#issue');
    await settle(simulate);
    expect(textOf(page, '#issue-dialog')).toContain(
      '最后工作日：2027年3月31日（周三）（额外支付一个月工资）',
    );
  });

  it('says when an upload fails', async () => {
    wx.answer('case.terminate', draft);
    wx.uploadFile.mockImplementation(() => Promise.reject(new Error('offline')));
    const page = await open();
    await fillNotice30(page);
    await create(page);
    tapButton(page, '#attach-appraisal_record');
    await settle(simulate, 10);
    expect(textOf(page, '.error')).toBe('文件上传失败，请检查网络后重试');
    expect(wx.calls.some((c) => c.action === 'case.attach')).toBe(false);
  });

  it('continues a draft opened from its case, with the documents already attached', async () => {
    const view = formalitiesCase();
    view.case = {
      ...view.case,
      caseId: 'case-9',
      kind: 'termination',
      reason: 'incompetence',
      state: 'draft',
      attachments: view.case.attachments.map((a) => ({ ...a, kind: 'appraisal_record' as const })),
      allowedEvents: ['hr.issue', 'hr.cancel'],
    };
    wx.answer('case.get', view);
    const page = await open({ caseId: 'case-9' });
    expect(calls()[0]).toEqual({ action: 'case.get', payload: { caseId: 'case-9' } });
    expect(allText(page)).toContain('张三（D001）· 研发部');
    expect(allText(page.querySelector('.doc-appraisal_record') as Comp)).toContain('已上传');
    expect(page.querySelector('#attach-training_certificate')).toBeDefined();
    expect(page.querySelector('#employee-no')).toBeUndefined();
  });

  it('refuses to continue a case that is no longer a draft', async () => {
    wx.answer('case.get', formalitiesCase());
    const page = await open({ caseId: 'case-1' });
    expect(allText(page)).toContain('该案件不是待发出的解除通知');
  });
});
