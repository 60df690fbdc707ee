/**
 * Whole cases through the real `offboarding` function on the local cloud: each default
 * reason and the termination from start to 完成归档, the employee who vanishes, and the guards
 * that stop a step with something missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, Envelope } from '../../../server/contract';
import {
  demoRoster,
  importAndBind,
  openidOf,
  ownUploadPath,
  PDF_BYTES,
  PNG_BYTES,
} from '../../../tools/demo/demo-company';
import { createLocalCloud, type LocalCloud } from '../../../tools/local-cloud';
import { pdfVariant } from './company-harness';

const ADMIN = 'admin-openid';
const HR = openidOf('H001');
const M001 = openidOf('M001');
const M002 = openidOf('M002');

let dir: string;
let cloud: LocalCloud;

/** 10:00 in Beijing on a calendar date. */
const beijing = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);

async function call<T = Record<string, unknown>>(
  openid: string,
  action: ActionName,
  payload?: unknown,
): Promise<Envelope<T>> {
  return (await cloud.invoke('offboarding', { action, payload }, { openid })) as Envelope<T>;
}

async function ok<T = Record<string, unknown>>(answer: Promise<Envelope<T>>): Promise<T> {
  const envelope = await answer;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

async function refused(answer: Promise<Envelope<unknown>>, code: string, guard?: string) {
  const envelope = await answer;
  expect(envelope.ok).toBe(false);
  if (envelope.ok) return;
  expect(envelope.error.code).toBe(code);
  if (guard) expect(envelope.error.details?.guard).toBe(guard);
  expect(envelope.error.message).toMatch(/[\u4e00-\u9fa5]/);
}

async function attach(
  openid: string,
  caseId: string,
  kind: string,
  name = 'file.pdf',
  documentDate?: string,
) {
  const { fileID } = await cloud.upload(
    ownUploadPath(openid, `cases/${caseId}/${kind}/${name}`),
    // Each name its own content: the same file twice is one attachment.
    name === 'file.pdf' ? PDF_BYTES : pdfVariant(name),
    openid,
  );
  return ok(
    call(openid, 'case.attach', {
      caseId,
      kind,
      fileIds: [fileID],
      ...(documentDate ? { documentDate } : {}),
    }),
  );
}

/** 第40条(二)'s grounds dated in order and 第43条's union notice, on a termination draft. */
async function attachGrounds(caseId: string, remedy: string) {
  await attach(HR, caseId, 'appraisal_record', 'appraisal-1.pdf', '2027-01-31');
  await attach(HR, caseId, remedy, 'remedy.pdf', '2027-02-10');
  await attach(HR, caseId, 'appraisal_record', 'appraisal-2.pdf', '2027-02-26');
  await attach(HR, caseId, 'union_notice', 'union.pdf', '2027-02-27');
}

const UNION_NOTICE = { notifiedOn: '2027-02-27', body: 'local_federation' } as const;

async function sign(openid: string, caseId: string) {
  const view = await ok<{ letter: { hash: string } }>(call(openid, 'case.get', { caseId }));
  const { fileID } = await cloud.upload(
    ownUploadPath(openid, `cases/${caseId}/signature/sign.png`),
    PNG_BYTES,
    openid,
  );
  return ok<{ letterHash: string; signatureHash: string; chainHead: string }>(
    call(openid, 'case.sign', {
      caseId,
      signatureFileId: fileID,
      letterHash: view.letter.hash,
      consent: true,
    }),
  );
}

type Checklist = { item: string; by: string[]; done: boolean; waived?: boolean }[];

/** HR (and the manager for what is theirs) ticks every open item that is not a signature. */
async function tickEverything(caseId: string, manager: string | null) {
  const { checklist } = await ok<{ checklist: Checklist }>(call(HR, 'case.get', { caseId }));
  for (const row of checklist) {
    if (row.done || row.waived || row.item.startsWith('sign_')) continue;
    const who = manager && row.by.includes('manager') && !row.by.includes('hr') ? manager : HR;
    const note = row.item === 'certificate_issued' ? { note: '纸质离职证明已签收' } : {};
    await ok(call(who, 'case.checklist', { caseId, item: row.item, done: true, ...note }));
  }
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'offboarding-workflow-'));
  cloud = await createLocalCloud({
    dataDir: dir,
    env: { ADMIN_OPENIDS: ADMIN },
    realTimeTimers: false,
  });
  await cloud.clock.jump(beijing('2027-03-01'));
  await importAndBind(
    (openid, action, payload) => call(openid, action, payload),
    ADMIN,
    demoRoster(),
  );
});

afterEach(async () => {
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a resignation (辞职) from notice to archive', () => {
  it('goes submitted → hr_review → formalities → completed with its evidence intact', async () => {
    const employee = openidOf('D001');
    const receipt = await ok<{ caseId: string; state: string; lastWorkingDay: string }>(
      call(employee, 'case.submit', { reason: 'resignation', idempotencyKey: 'walk-0001' }),
    );
    // 第37条: 30 days' notice, the day of receipt not counted.
    expect(receipt).toMatchObject({ state: 'submitted', lastWorkingDay: '2027-03-31' });
    const { caseId } = receipt;

    await refused(
      call(M001, 'case.review', { caseId, decision: 'approve' }),
      'PRECONDITION_FAILED',
      'handover_list_present',
    );
    await attach(employee, caseId, 'handover_checklist', 'handover.pdf');
    // The manager reads the handover list through a temporary URL of its evidence copy.
    const seen = await ok<{ case: { attachments: { evidenceFileId: string; url?: string }[] } }>(
      call(M001, 'case.get', { caseId }),
    );
    const [handoverList] = seen.case.attachments;
    expect(handoverList?.evidenceFileId).toContain(`/evidence/${caseId}/handover_checklist/`);
    expect(handoverList?.url).toContain(handoverList?.evidenceFileId ?? '-');
    await ok(call(M001, 'case.review', { caseId, decision: 'approve' }));
    const confirmed = await ok<{ state: string; lastWorkingDay: string }>(
      call(HR, 'case.hrConfirm', { caseId }),
    );
    expect(confirmed).toMatchObject({ state: 'formalities', lastWorkingDay: '2027-03-31' });

    // Ticking the signature by hand is refused: only the e-signature completes it.
    await refused(
      call(HR, 'case.checklist', { caseId, item: 'sign_letter', done: true }),
      'PRECONDITION_FAILED',
      'e_signature_required',
    );
    const signed = await sign(employee, caseId);
    expect(signed.chainHead).toMatch(/^[0-9a-f]{64}$/);

    await tickEverything(caseId, M001);
    await refused(
      call(HR, 'case.close', { caseId }),
      'PRECONDITION_FAILED',
      'last_working_day_reached',
    );
    await cloud.clock.jump(beijing('2027-03-31', '18:00'));
    const closed = await ok<{ state: string }>(call(HR, 'case.close', { caseId }));
    expect(closed.state).toBe('completed');

    const evidence = await ok<{ valid: boolean; letterHash: string; events: { type: string }[] }>(
      call(HR, 'case.evidence', { caseId }),
    );
    expect(evidence.valid).toBe(true);
    expect(evidence.letterHash).toBe(signed.letterHash);
    expect(evidence.events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'case.submit',
        'case.attach',
        'review.approve',
        'hr.confirm',
        'case.sign',
        'hr.close',
      ]),
    );
    // The employee can start over once the case is archived.
    await ok(call(employee, 'case.submit', { reason: 'resignation', idempotencyKey: 'walk-0002' }));
  });
});

describe('other personal reasons (其他个人原因)', () => {
  it('needs an explanation, and goes through a return and a resubmission', async () => {
    const employee = openidOf('D006');
    await refused(
      call(employee, 'case.submit', { reason: 'personal', idempotencyKey: 'personal-01' }),
      'PRECONDITION_FAILED',
      'reason_requirements_met',
    );
    const { caseId } = await ok<{ caseId: string }>(
      call(employee, 'case.submit', {
        reason: 'personal',
        explanation: '家中老人需要长期照顾，决定回老家工作。',
        idempotencyKey: 'personal-02',
      }),
    );
    await refused(
      call(M002, 'case.review', { caseId, decision: 'return' }),
      'PRECONDITION_FAILED',
      'comment_given',
    );
    await ok(call(M002, 'case.review', { caseId, decision: 'return', comment: '请补充交接清单' }));
    await attach(employee, caseId, 'handover_checklist');
    expect(await ok(call(employee, 'case.resubmit', { caseId }))).toMatchObject({
      state: 'submitted',
    });
    await ok(call(M002, 'case.review', { caseId, decision: 'approve' }));

    // A later day than the law gives needs the employee's consent; an earlier one says who asked.
    await refused(
      call(HR, 'case.hrConfirm', { caseId, lastWorkingDay: '2027-04-15' }),
      'PRECONDITION_FAILED',
      'later_day_consented',
    );
    // With the employee's written consent the later day can be confirmed; not a day beyond it.
    await ok(call(employee, 'case.consentLaterDay', { caseId, lastWorkingDay: '2027-04-15' }));
    await refused(
      call(HR, 'case.hrConfirm', { caseId, lastWorkingDay: '2027-04-16' }),
      'PRECONDITION_FAILED',
      'later_day_consented',
    );
    await refused(
      call(HR, 'case.hrConfirm', { caseId, lastWorkingDay: '2027-02-20' }),
      'PRECONDITION_FAILED',
      'last_working_day_after_notice',
    );
    // 第36条: an earlier day needs the employee's own recorded consent to that very day.
    await refused(
      call(HR, 'case.hrConfirm', {
        caseId,
        lastWorkingDay: '2027-03-15',
        earlyReleaseProposedBy: 'company',
      }),
      'PRECONDITION_FAILED',
      'earlier_day_consented',
    );
    await ok(
      call(employee, 'case.consentLastWorkingDay', { caseId, lastWorkingDay: '2027-03-15' }),
    );
    await refused(
      call(HR, 'case.hrConfirm', { caseId, lastWorkingDay: '2027-03-15' }),
      'PRECONDITION_FAILED',
      'earlier_day_proposed',
    );
    await ok(
      call(HR, 'case.hrConfirm', {
        caseId,
        lastWorkingDay: '2027-03-15',
        earlyReleaseProposedBy: 'company',
      }),
    );
    const { checklist } = await ok<{ checklist: Checklist }>(call(HR, 'case.get', { caseId }));
    // 第36/46条: a release the company proposed may owe severance, so HR reviews it.
    expect(checklist.map((row) => row.item)).toContain('severance_review');

    await sign(employee, caseId);
    await tickEverything(caseId, M002);
    await cloud.clock.jump(beijing('2027-03-15', '17:00'));
    expect(await ok(call(HR, 'case.close', { caseId }))).toMatchObject({ state: 'completed' });
  });

  it('can be withdrawn before review, and not when the company switched that off', async () => {
    const first = await ok<{ caseId: string }>(
      call(openidOf('D002'), 'case.submit', {
        reason: 'resignation',
        idempotencyKey: 'withdraw-1',
      }),
    );
    expect(
      await ok(call(openidOf('D002'), 'case.withdraw', { caseId: first.caseId })),
    ).toMatchObject({ state: 'withdrawn' });

    await cloud.cloud
      .database()
      .collection('settings')
      .doc('company')
      .set({ data: { policy: { employeeMayWithdrawBeforeReview: false } } });
    // Settings are read again once the warm instance's minute is over.
    await cloud.clock.jump(beijing('2027-03-01', '10:05'));
    const second = await ok<{ caseId: string }>(
      call(openidOf('D003'), 'case.submit', {
        reason: 'resignation',
        idempotencyKey: 'withdraw-2',
      }),
    );
    await refused(
      call(openidOf('D003'), 'case.withdraw', { caseId: second.caseId }),
      'PRECONDITION_FAILED',
      'withdraw_allowed',
    );
  });
});

describe('a termination for incompetence (不能胜任工作, 第40条(二))', () => {
  it('is prepared as a hidden draft, issued with its documents, signed for, and archived', async () => {
    const employee = openidOf('D008');
    const { caseId } = await ok<{ caseId: string; state: string }>(
      call(HR, 'case.terminate', {
        employeeNo: 'D008',
        reason: 'incompetence',
        noticeMode: 'notice30',
        idempotencyKey: 'terminate-1',
      }),
    );
    // The employee does not see a draft.
    await refused(call(employee, 'case.get', { caseId }), 'NOT_FOUND');

    await refused(
      call(HR, 'case.issue', { caseId, noProtectedStatus: true, unionNotice: UNION_NOTICE }),
      'PRECONDITION_FAILED',
      'termination_documents_attached',
    );
    await attach(HR, caseId, 'appraisal_record', 'appraisal-1.pdf', '2027-01-31');
    await attach(HR, caseId, 'training_certificate', 'training.pdf', '2027-02-10');
    // 第40条(二) 仍不能胜任: appraised again after the training.
    await refused(
      call(HR, 'case.issue', { caseId, noProtectedStatus: true, unionNotice: UNION_NOTICE }),
      'PRECONDITION_FAILED',
      'still_incompetent_after',
    );
    await attach(HR, caseId, 'appraisal_record', 'appraisal-2.pdf', '2027-02-26');
    // 第43条: the union told first, its record attached.
    await refused(
      call(HR, 'case.issue', { caseId, noProtectedStatus: true }),
      'PRECONDITION_FAILED',
      'union_notified',
    );
    await attach(HR, caseId, 'union_notice', 'union.pdf', '2027-02-27');
    const issued = await ok<{ state: string; lastWorkingDay?: string; awaitingDelivery: boolean }>(
      call(HR, 'case.issue', { caseId, noProtectedStatus: true, unionNotice: UNION_NOTICE }),
    );
    // 民法典 第137条: in effect on delivery; until then 待送达, the day 送达后30日.
    expect(issued).toMatchObject({ state: 'formalities', awaitingDelivery: true });
    expect(issued.lastWorkingDay).toBeUndefined();
    const pending = await ok<{ case: { stateLabel: string; lastWorkingDayText: string } }>(
      call(HR, 'case.get', { caseId }),
    );
    expect(pending.case).toMatchObject({ stateLabel: '待送达', lastWorkingDayText: '送达后30日' });

    // The employee opens it two days later: delivered then, the last day 30 days on.
    await cloud.clock.jump(beijing('2027-03-03', '09:30'));
    const view = await ok<{
      case: { lastWorkingDay: string; stateLabel: string; deliveryMethod: string };
      letter: { title: string };
      checklist: Checklist;
      severance?: unknown;
      events: { type: string }[];
    }>(call(employee, 'case.get', { caseId }));
    expect(view.case).toMatchObject({
      lastWorkingDay: '2027-04-02',
      stateLabel: '手续办理',
      deliveryMethod: 'mini_program',
    });
    await ok(call(employee, 'case.get', { caseId }));
    // 第47条, shown to HR only: hired 2023-08-01, 3 years and 8 months to 2 April → 4.
    const forHr = await ok<{
      severance?: { months: number; caveats: string[] };
      events: { type: string }[];
    }>(call(HR, 'case.get', { caseId }));
    expect(forHr.events.filter((e) => e.type === 'notice.delivered')).toHaveLength(1);
    expect(forHr.severance).toMatchObject({
      months: 4,
      serviceFrom: '2023-08-01',
      serviceTo: '2027-04-02',
    });
    expect(forHr.severance?.caveats).toHaveLength(2);

    expect(view.severance).toBeUndefined();
    expect(view.letter.title).toBe('解除劳动合同通知书');
    const items = view.checklist.map((row) => row.item);
    expect(items).toEqual(expect.arrayContaining(['sign_receipt', 'severance_paid']));
    expect(items).not.toContain('union_notified');
    await sign(employee, caseId);
    await tickEverything(caseId, M002);
    await cloud.clock.jump(beijing('2027-04-02'));
    expect(await ok(call(HR, 'case.close', { caseId }))).toMatchObject({ state: 'completed' });
    // Verification is a replay: the delivery is part of it.
    expect(await ok(call(HR, 'case.evidence', { caseId }))).toMatchObject({ valid: true });
  });

  it('is allowed during probation too (劳动合同法 第21条 names 第40条(二))', async () => {
    await ok(
      call(ADMIN, 'admin.import', {
        rows: [
          {
            employeeNo: 'P001',
            name: '新员工',
            department: '研发部',
            position: '实习工程师',
            managerNo: 'M001',
            hireDate: '2027-01-15',
            probationEndDate: '2027-04-15',
          },
        ],
      }),
    );
    const { caseId } = await ok<{ caseId: string }>(
      call(HR, 'case.terminate', {
        employeeNo: 'P001',
        reason: 'incompetence',
        noticeMode: 'notice30',
        idempotencyKey: 'terminate-p',
      }),
    );
    await attachGrounds(caseId, 'position_change_record');
    expect(
      await ok(
        call(HR, 'case.issue', { caseId, noProtectedStatus: true, unionNotice: UNION_NOTICE }),
      ),
    ).toMatchObject({ state: 'formalities' });
  });
});

describe('the employee who vanishes after giving notice', () => {
  it('lets HR finish the case after the last working day with waivers and proof of delivery', async () => {
    const employee = openidOf('D004');
    const { caseId } = await ok<{ caseId: string }>(
      call(employee, 'case.submit', { reason: 'resignation', idempotencyKey: 'vanish-01' }),
    );
    // HR may take over from a silent manager only after 3 days, and not without the handover list.
    await refused(
      call(HR, 'case.hrEscalate', { caseId, comment: '经理未处理' }),
      'PRECONDITION_FAILED',
      'manager_overdue',
    );
    await refused(
      call(HR, 'case.checklist', { caseId, item: 'handover_list', waive: true, note: '员工失联' }),
      'PRECONDITION_FAILED',
      'after_last_working_day',
    );

    await cloud.clock.jump(beijing('2027-04-01'));
    await refused(
      call(HR, 'case.checklist', { caseId, item: 'handover_list', waive: true, note: '员工失联' }),
      'PRECONDITION_FAILED',
      'notice_delivery_attached',
    );
    await attach(HR, caseId, 'notice_delivery', 'ems-receipt.pdf');
    await ok(
      call(HR, 'case.checklist', {
        caseId,
        item: 'handover_list',
        waive: true,
        note: '员工失联，EMS 已签收',
      }),
    );
    await ok(call(HR, 'case.hrEscalate', { caseId, comment: '经理超过三日未审批' }));
    await ok(call(HR, 'case.hrConfirm', { caseId }));
    await ok(
      call(HR, 'case.checklist', {
        caseId,
        item: 'sign_letter',
        waive: true,
        note: '员工未签署，合同已于最后工作日终止（第37条）',
      }),
    );
    await tickEverything(caseId, M001);
    expect(await ok(call(HR, 'case.close', { caseId }))).toMatchObject({ state: 'completed' });

    const view = await ok<{ checklist: Checklist; case: { waivers: { item: string }[] } }>(
      call(HR, 'case.get', { caseId }),
    );
    expect(view.case.waivers.map((w) => w.item)).toEqual(['handover_list']);
    expect(view.checklist.find((row) => row.item === 'sign_letter')).toMatchObject({
      waived: true,
      done: false,
    });
  });
});

describe('the checklist and documents guard what they record', () => {
  it('refuses what is incomplete, unexplained or out of place', async () => {
    const employee = openidOf('D005');
    await refused(
      call(HR, 'case.terminate', {
        employeeNo: 'D005',
        reason: 'resignation',
        noticeMode: 'notice30',
        idempotencyKey: 'wrong-kind',
      }),
      'PRECONDITION_FAILED',
      'reason_matches_kind',
    );
    const { caseId } = await ok<{ caseId: string }>(
      call(employee, 'case.submit', { reason: 'resignation', idempotencyKey: 'guards-01' }),
    );
    // 第40条 evidence belongs to a termination draft, not to a resignation.
    const { fileID } = await cloud.upload(
      ownUploadPath(HR, `cases/${caseId}/appraisal_record/a.pdf`),
      PDF_BYTES,
      HR,
    );
    await refused(
      call(HR, 'case.attach', { caseId, kind: 'appraisal_record', fileIds: [fileID] }),
      'PRECONDITION_FAILED',
      'attachment_allowed',
    );
    await attach(employee, caseId, 'handover_checklist');
    await ok(call(M001, 'case.review', { caseId, decision: 'approve' }));
    await ok(call(HR, 'case.hrConfirm', { caseId }));

    // A paper certificate ticked by hand says so.
    await refused(
      call(HR, 'case.checklist', { caseId, item: 'certificate_issued', done: true }),
      'PRECONDITION_FAILED',
      'note_given',
    );
    await ok(call(HR, 'case.checklist', { caseId, item: 'final_pay', done: true }));
    // 劳动合同法 第50条 (and 工资支付暂行规定 第9条): the employer's duties are done, never waived.
    for (const item of ['final_pay', 'file_transfer', 'housing_fund_seal']) {
      await refused(
        call(HR, 'case.checklist', { caseId, item, waive: true, note: '不需要' }),
        'PRECONDITION_FAILED',
        'statutory_duty',
      );
    }
    // An asset may be waived with a comment (a lost badge), and a done one no longer.
    await ok(call(HR, 'case.checklist', { caseId, item: 'asset:laptop', done: true }));
    await refused(
      call(HR, 'case.checklist', { caseId, item: 'asset:laptop', waive: true, note: '不需要' }),
      'PRECONDITION_FAILED',
      'item_open',
    );
    await ok(
      call(HR, 'case.checklist', { caseId, item: 'asset:badge', waive: true, note: '工卡遗失' }),
    );
    await refused(
      call(HR, 'case.checklist', { caseId, item: 'asset:badge', done: true }),
      'PRECONDITION_FAILED',
      'item_not_waived',
    );

    // On the last working day, HR cannot archive a case with items still open.
    await cloud.clock.jump(beijing('2027-03-31', '18:00'));
    await refused(call(HR, 'case.close', { caseId }), 'PRECONDITION_FAILED', 'checklist_complete');
  });

  it('answers a termination without its attestations as a payload to fix', async () => {
    await refused(
      call(HR, 'case.terminate', {
        employeeNo: 'D005',
        reason: 'incompetence',
        noticeMode: 'payInLieu',
        idempotencyKey: 'no-last-day',
      }),
      'VALIDATION_FAILED',
    );
    await refused(
      call(HR, 'case.issue', { caseId: 'c1', noProtectedStatus: false }),
      'VALIDATION_FAILED',
    );
  });
});

describe('nobody acts as HR on their own case', () => {
  it('a manager without a manager of their own can neither approve their notice nor file proofs', async () => {
    // M001 has no manager: HR reviews their case, not M001 through the manager role.
    const { caseId } = await ok<{ caseId: string }>(
      call(M001, 'case.submit', { reason: 'resignation', idempotencyKey: 'self-review' }),
    );
    await attach(M001, caseId, 'handover_checklist');
    await refused(call(M001, 'case.review', { caseId, decision: 'approve' }), 'FORBIDDEN');
    const { fileID } = await cloud.upload(
      ownUploadPath(M001, `cases/${caseId}/notice_delivery/ems.pdf`),
      PDF_BYTES,
      M001,
    );
    await refused(
      call(M001, 'case.attach', { caseId, kind: 'notice_delivery', fileIds: [fileID] }),
      'FORBIDDEN',
    );
    expect(await ok(call(HR, 'case.review', { caseId, decision: 'approve' }))).toMatchObject({
      state: 'hr_review',
    });
  });

  it('an HR who resigns is handled by another HR', async () => {
    const { caseId } = await ok<{ caseId: string }>(
      call(HR, 'case.submit', { reason: 'resignation', idempotencyKey: 'hr-leaves' }),
    );
    await attach(HR, caseId, 'handover_checklist');
    // H001 has no manager: HR reviews, but not H001 themself; an admin (or another HR) does.
    await refused(call(HR, 'case.review', { caseId, decision: 'approve' }), 'FORBIDDEN');
    await ok(call(ADMIN, 'case.review', { caseId, decision: 'approve' }));
    await refused(call(HR, 'case.hrConfirm', { caseId }), 'FORBIDDEN');
    expect(await ok(call(ADMIN, 'case.hrConfirm', { caseId }))).toMatchObject({
      state: 'formalities',
    });
  });
});

describe('evidence', () => {
  it('finds the event that was altered in the database', async () => {
    const { caseId } = await ok<{ caseId: string }>(
      call(openidOf('D005'), 'case.submit', {
        reason: 'resignation',
        idempotencyKey: 'evidence-1',
      }),
    );
    await attach(openidOf('D005'), caseId, 'handover_checklist');
    const cases = cloud.cloud.database().collection('cases');
    const { data } = await cases.doc(caseId).get();
    const events = data.events as { payload: Record<string, unknown> }[];
    events[0] = { ...events[0], payload: { ...events[0]?.payload, reason: 'personal' } } as never;
    await cases
      .doc(caseId)
      .update({ data: { events: cloud.cloud.database().command.set(events) } });

    const verdict = await ok<{ valid: boolean; brokenAt?: number }>(
      call(openidOf('D005'), 'case.evidence', { caseId }),
    );
    expect(verdict).toMatchObject({ valid: false, brokenAt: 1 });
  });

  it('refuses a signature over a letter that changed since it was shown', async () => {
    const employee = openidOf('D009');
    const { caseId } = await ok<{ caseId: string }>(
      call(employee, 'case.submit', { reason: 'resignation', idempotencyKey: 'letter-01' }),
    );
    await attach(employee, caseId, 'handover_checklist');
    await ok(call(M002, 'case.review', { caseId, decision: 'approve' }));
    await ok(call(HR, 'case.hrConfirm', { caseId }));
    const { fileID } = await cloud.upload(
      ownUploadPath(employee, `cases/${caseId}/signature/s.png`),
      PNG_BYTES,
      employee,
    );
    await refused(
      call(employee, 'case.sign', {
        caseId,
        signatureFileId: fileID,
        letterHash: 'f'.repeat(64),
        consent: true,
      }),
      'PRECONDITION_FAILED',
      'letter_unchanged',
    );
  });
});
