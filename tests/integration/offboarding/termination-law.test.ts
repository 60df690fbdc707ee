/**
 * The law of issue 11 over the API on the local cloud: the union told first (第43条), a
 * termination in effect on delivery (民法典 第137条) by the employee's opening or HR's record,
 * the vanished employee's returned case taken on by HR to 完成归档, and HR cancelling only on
 * a basis.
 */
import { PDF_BYTES } from '../../../tools/demo/demo-company';
import {
  type Answer,
  beijingDate,
  type Company,
  pdfVariant,
  startCompany,
  UNION_NOTICE,
  unique,
} from './company-harness';

let company: Company;
beforeAll(async () => {
  company = await startCompany();
}, 60_000);
afterAll(() => company.dispose());

const DAY_MS = 86_400_000;
const hr = () => company.person('H001').openid;
const guardOf = (answer: Answer) =>
  answer.ok ? 'ok' : `${answer.error.code}:${String(answer.error.details?.guard ?? '')}`;

async function attach(openid: string, caseId: string, kind: string, bytes: Buffer = PDF_BYTES) {
  const fileId = await company.upload(openid, `cases/${caseId}/${kind}/${unique('f')}.pdf`, bytes);
  return company.must(openid, 'case.attach', { caseId, kind, fileIds: [fileId] });
}

async function later(days: number) {
  const clock = company.cloud.clock;
  await clock.jump(new Date(clock.now().getTime() + days * DAY_MS));
}

const today = () => beijingDate(company.cloud.clock.now());

interface CaseAnswer {
  case: {
    state: string;
    stateLabel: string;
    lastWorkingDay?: string;
    lastWorkingDayText: string;
    awaitingDelivery: boolean;
    deliveryMethod?: string;
    deliveredOn?: string;
  };
  checklist: { item: string }[];
  events: { type: string; payload: Record<string, unknown> }[];
}

describe('劳动合同法 第43条 over the API', () => {
  it('第43条: refuses an issue without the union notice, with one dated after today, and asks for the reply to an objection', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.draft(owner);
    const issue = (unionNotice?: object) =>
      company.call(hr(), 'case.issue', {
        caseId,
        noProtectedStatus: true,
        ...(unionNotice ? { unionNotice } : {}),
      });
    expect(guardOf(await issue())).toBe('PRECONDITION_FAILED:union_notified');
    const tomorrow = beijingDate(new Date(company.cloud.clock.now().getTime() + DAY_MS));
    expect(guardOf(await issue({ ...UNION_NOTICE, notifiedOn: tomorrow }))).toBe(
      'PRECONDITION_FAILED:union_notified',
    );
    const objected = { notifiedOn: today(), body: 'employee_representatives', objection: true };
    expect(guardOf(await issue(objected))).toBe('PRECONDITION_FAILED:union_notified');
    await attach(hr(), caseId, 'union_reply');
    expect(guardOf(await issue(objected))).toBe('ok');
  });
});

describe('民法典 第137条: in effect on delivery', () => {
  it('第137条: HR records an EMS delivery with its receipt; the last day is delivery + 30; the employee opening later changes nothing', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.issued(owner);
    const pending = await company.must<CaseAnswer>(hr(), 'case.get', { caseId });
    expect(pending.case).toMatchObject({
      state: 'formalities',
      stateLabel: '待送达',
      awaitingDelivery: true,
      lastWorkingDayText: '送达后30日',
    });
    expect(pending.checklist).toEqual([]);

    const deliveredOn = today();
    await later(2);
    const record = { caseId, deliveredOn, method: 'ems' };
    expect(guardOf(await company.call(hr(), 'case.recordDelivery', record))).toBe(
      'PRECONDITION_FAILED:notice_delivery_attached',
    );
    await attach(hr(), caseId, 'notice_delivery');
    // Not before the notice was issued.
    const before = beijingDate(new Date(company.cloud.clock.now().getTime() - 5 * DAY_MS));
    expect(
      guardOf(await company.call(hr(), 'case.recordDelivery', { ...record, deliveredOn: before })),
    ).toBe('PRECONDITION_FAILED:delivery_date_valid');
    const recorded = await company.must<{ lastWorkingDay: string; deliveredOn: string }>(
      hr(),
      'case.recordDelivery',
      record,
    );
    const plus30 = beijingDate(new Date(Date.parse(`${deliveredOn}T04:00:00Z`) + 30 * DAY_MS));
    expect(recorded).toMatchObject({ deliveredOn, lastWorkingDay: plus30 });
    expect(guardOf(await company.call(hr(), 'case.recordDelivery', record))).toBe(
      'PRECONDITION_FAILED:delivery_not_recorded',
    );

    const seen = await company.must<CaseAnswer>(owner.openid, 'case.get', { caseId });
    expect(seen.case).toMatchObject({
      stateLabel: '手续办理',
      deliveryMethod: 'ems',
      lastWorkingDay: plus30,
    });
    expect(seen.checklist.map((r) => r.item)).toContain('sign_receipt');
    expect(seen.events.filter((e) => e.type === 'notice.delivered')).toHaveLength(1);
    const evidence = await company.must<{ valid: boolean }>(hr(), 'case.evidence', { caseId });
    expect(evidence.valid).toBe(true);
  });

  it('第137条: the employee’s first opening is the delivery, logged once with the server’s time; a delivered notice is cancelled only with the employee’s agreement', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.issued(owner);
    await later(1);
    const opened = await company.must<CaseAnswer>(owner.openid, 'case.get', { caseId });
    expect(opened.case).toMatchObject({ deliveryMethod: 'mini_program', deliveredOn: today() });
    await later(1);
    await company.must(owner.openid, 'case.get', { caseId });
    const forHr = await company.must<CaseAnswer>(hr(), 'case.get', { caseId });
    const deliveries = forHr.events.filter((e) => e.type === 'notice.delivered');
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.payload).toMatchObject({ method: 'mini_program' });

    const cancel = (basis?: string) =>
      company.call(hr(), 'case.hrCancel', {
        caseId,
        comment: '双方协商一致',
        ...(basis ? { basis } : {}),
      });
    expect(guardOf(await cancel())).toBe('PRECONDITION_FAILED:cancel_basis_given');
    expect(guardOf(await cancel('duplicate'))).toBe('PRECONDITION_FAILED:cancel_basis_given');
    expect(guardOf(await cancel('employee_agreed'))).toBe('ok');
  });
});

describe('the employee who vanishes (DESIGN §3): from returned to 完成归档', () => {
  it('第37条: after the last working day, with an EMS receipt and the handover list waived, HR escalates, confirms and closes', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner, { handover: false });
    await company.must(company.person('M001').openid, 'case.review', {
      caseId,
      decision: 'return',
      comment: '请上传工作交接清单',
    });
    const escalate = () =>
      company.call(hr(), 'case.hrEscalate', { caseId, comment: '员工失联，EMS 已送达' });
    expect(guardOf(await escalate())).toBe('PRECONDITION_FAILED:after_last_working_day');
    await later(32);
    expect(guardOf(await escalate())).toBe('PRECONDITION_FAILED:notice_delivery_attached');
    await attach(hr(), caseId, 'notice_delivery');
    expect(guardOf(await escalate())).toBe('PRECONDITION_FAILED:handover_list_present');
    await company.must(hr(), 'case.checklist', {
      caseId,
      item: 'handover_list',
      waive: true,
      note: '员工失联，EMS 已签收',
    });
    expect(await escalate()).toMatchObject({ ok: true, data: { state: 'hr_review' } });
    await company.must(hr(), 'case.hrConfirm', { caseId });
    await company.must(hr(), 'case.checklist', {
      caseId,
      item: 'sign_letter',
      waive: true,
      note: '员工未签署，合同已于最后工作日终止',
    });
    const view = await company.must<CaseAnswer>(hr(), 'case.get', { caseId });
    // 第50条: every duty tracked and done, none waived.
    for (const { item } of view.checklist) {
      if (item === 'sign_letter') continue;
      await company.must(
        item === 'handover_confirmed' ? company.person('M001').openid : hr(),
        'case.checklist',
        {
          caseId,
          item,
          done: true,
          ...(item === 'certificate_issued' ? { note: '离职证明已 EMS 寄出' } : {}),
        },
      );
    }
    expect(await company.call(hr(), 'case.close', { caseId })).toMatchObject({
      ok: true,
      data: { state: 'completed' },
    });
  });
});

describe('HR never revokes a resignation alone (民法典 第141条)', () => {
  it('第141条: a basis is required; the employee’s request needs the written request; 误录入 is for OA cases only', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner);
    const cancel = (basis?: string) =>
      company.call(hr(), 'case.hrCancel', {
        caseId,
        comment: '员工要求撤回辞职',
        ...(basis ? { basis } : {}),
      });
    for (const [basis, guard] of [
      [undefined, 'cancel_basis_given'],
      ['hr_decided', 'cancel_basis_given'],
      ['employee_agreed', 'cancel_basis_given'],
      ['entered_in_error', 'entered_in_error_oa_only'],
      ['employee_request', 'withdrawal_request_attached'],
    ] as const) {
      const answer = await cancel(basis);
      expect(guardOf(answer)).toBe(`PRECONDITION_FAILED:${guard}`);
      expect(answer.ok ? '' : answer.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    await attach(owner.openid, caseId, 'withdrawal_request', pdfVariant('request'));
    expect(await cancel('employee_request')).toMatchObject({
      ok: true,
      data: { state: 'withdrawn' },
    });
  });

  it('a draft is cancelled freely', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.draft(owner);
    expect(
      await company.call(hr(), 'case.hrCancel', { caseId, comment: '暂不解除' }),
    ).toMatchObject({ ok: true, data: { state: 'withdrawn' } });
  });
});
