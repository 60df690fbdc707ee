/**
 * `case.get` tells each caller what they may do now and what is held back, and why: each
 * answer matches what the server then accepts or refuses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, ActionResult, Envelope } from '../../../server/contract';
import {
  demoRoster,
  importAndBind,
  openidOf,
  ownUploadPath,
  PDF_BYTES,
  PNG_BYTES,
} from '../../../tools/demo/demo-company';
import { createLocalCloud, type LocalCloud } from '../../../tools/local-cloud';

const ADMIN = 'admin-openid';
const HR = openidOf('H001');
const M001 = openidOf('M001');
const EMPLOYEE = openidOf('D001');

let dir: string;
let cloud: LocalCloud;

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

/** The caller's actions as `action` or `action:form`, allowed and blocked (with the reason). */
async function actionsOf(openid: string, caseId: string) {
  const view = await ok<ActionResult<'case.get'>>(call(openid, 'case.get', { caseId }));
  const name = (a: { action: string; decision?: string; kind?: string; item?: string }) =>
    [a.action, a.decision ?? a.kind ?? a.item].filter(Boolean).join(':');
  return {
    allowed: (view.allowedActions ?? []).map(name),
    blocked: Object.fromEntries((view.blockedActions ?? []).map((a) => [name(a), a.reason])),
  };
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'offboarding-actions-'));
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

describe('what case.get offers each caller', () => {
  it('follows a resignation: each offer is accepted, each hold-back says why', async () => {
    const { caseId } = await ok<{ caseId: string }>(
      call(EMPLOYEE, 'case.submit', { reason: 'resignation', idempotencyKey: 'offer-0001' }),
    );

    expect(await actionsOf(EMPLOYEE, caseId)).toEqual({
      allowed: ['case.attach:handover_checklist', 'case.withdraw', 'case.consentLastWorkingDay'],
      blocked: {},
    });
    // The reviewer may name the successors (交接人) from the review on.
    expect(await actionsOf(M001, caseId)).toEqual({
      allowed: ['case.review:return', 'case.assignSuccessors'],
      blocked: { 'case.review:approve': '请先上传工作交接清单' },
    });
    const hr = await actionsOf(HR, caseId);
    expect(hr.allowed).toEqual([
      'case.remind',
      'case.attach:notice_delivery',
      'case.markDisputed',
      'case.hrCancel',
    ]);
    expect(hr.blocked).toEqual({
      'case.checklist:handover_list': '最后工作日过后才能豁免员工事项或越级处理',
      'case.hrEscalate': '部门经理审批尚未超过时限，暂不能由HR处理',
    });
    // What was held back is refused for the same reason.
    const approve = await call(M001, 'case.review', { caseId, decision: 'approve' });
    expect(approve.ok ? '' : approve.error.message).toBe('请先上传工作交接清单');

    const { fileID } = await cloud.upload(
      ownUploadPath(EMPLOYEE, `cases/${caseId}/handover_checklist/list.pdf`),
      PDF_BYTES,
      EMPLOYEE,
    );
    await ok(
      call(EMPLOYEE, 'case.attach', { caseId, kind: 'handover_checklist', fileIds: [fileID] }),
    );
    expect((await actionsOf(M001, caseId)).allowed).toEqual([
      'case.review:approve',
      'case.review:return',
      'case.assignSuccessors',
    ]);
    await ok(call(M001, 'case.review', { caseId, decision: 'approve' }));

    expect(await actionsOf(HR, caseId)).toEqual({
      allowed: ['case.hrConfirm', 'case.hrReturn', 'case.markDisputed', 'case.hrCancel'],
      blocked: {},
    });
    expect((await actionsOf(M001, caseId)).allowed).toEqual(['case.assignSuccessors']);
    await ok(call(HR, 'case.hrConfirm', { caseId }));

    expect((await actionsOf(EMPLOYEE, caseId)).allowed).toEqual(['case.sign']);
    const closing = await actionsOf(HR, caseId);
    expect(closing.allowed).toEqual(['case.remind', 'case.markDisputed', 'case.hrCancel']);
    expect(closing.blocked['case.close']).toMatch(/^\d+ 项未完成 · 3月31日起可归档$/);

    // Signed: the employee has nothing left to do, so there is nothing to remind them of.
    const view = await ok<ActionResult<'case.get'>>(call(EMPLOYEE, 'case.get', { caseId }));
    const signature = await cloud.upload(
      ownUploadPath(EMPLOYEE, `cases/${caseId}/signature/sign.png`),
      PNG_BYTES,
      EMPLOYEE,
    );
    await ok(
      call(EMPLOYEE, 'case.sign', {
        caseId,
        signatureFileId: signature.fileID,
        letterHash: view.letter?.hash,
        consent: true,
      }),
    );
    expect((await actionsOf(EMPLOYEE, caseId)).allowed).toEqual([]);
    expect((await actionsOf(HR, caseId)).allowed).toEqual(['case.markDisputed', 'case.hrCancel']);
  });

  it('offers a closed case’s purge to admins once its retention period is over, never while disputed', async () => {
    const { caseId } = await ok<{ caseId: string }>(
      call(EMPLOYEE, 'case.submit', { reason: 'resignation', idempotencyKey: 'purge-0001' }),
    );
    await ok(call(EMPLOYEE, 'case.withdraw', { caseId }));

    // 劳动合同法 第50条第3款: kept two years from the withdrawal on 2027-03-01.
    expect((await actionsOf(ADMIN, caseId)).blocked['admin.purgeCase']).toBe(
      '保存期限未满，2029年3月2日起可以清除',
    );
    const byHr = await actionsOf(HR, caseId);
    expect(byHr.allowed).toEqual(['case.markDisputed']);
    expect(byHr.blocked['admin.purgeCase']).toBeUndefined();

    await cloud.clock.jump(beijing('2029-03-02'));
    expect((await actionsOf(ADMIN, caseId)).allowed).toContain('admin.purgeCase');

    // 个保法 第47条: a disputed case is kept; the offer turns into the reason.
    await ok(call(HR, 'case.markDisputed', { caseId, disputed: true }));
    const disputed = await actionsOf(ADMIN, caseId);
    expect(disputed.allowed).not.toContain('admin.purgeCase');
    expect(disputed.blocked['admin.purgeCase']).toContain('已标记为劳动争议');
    const refused = await call(ADMIN, 'admin.purgeCase', { caseId });
    expect(refused.ok ? '' : refused.error.message).toBe(disputed.blocked['admin.purgeCase']);
    // HR may lift the mark: offered as `disputed: false`.
    const view = await ok<ActionResult<'case.get'>>(call(HR, 'case.get', { caseId }));
    expect(view.allowedActions).toContainEqual({ action: 'case.markDisputed', disputed: false });
  });

  it('offers HR severance closed without a payment, held back until its document is attached', async () => {
    const { caseId } = await ok<{ caseId: string }>(
      call(EMPLOYEE, 'case.submit', {
        reason: 'employer_fault',
        faultGrounds: ['unpaid_wages'],
        idempotencyKey: 'severance-0001',
      }),
    );
    const list = await cloud.upload(
      ownUploadPath(EMPLOYEE, `cases/${caseId}/handover_checklist/list.pdf`),
      PDF_BYTES,
      EMPLOYEE,
    );
    await ok(
      call(EMPLOYEE, 'case.attach', { caseId, kind: 'handover_checklist', fileIds: [list.fileID] }),
    );
    await ok(call(M001, 'case.review', { caseId, decision: 'approve' }));
    await ok(call(HR, 'case.hrConfirm', { caseId }));

    const before = await actionsOf(HR, caseId);
    expect(before.allowed).toContain('case.attach:severance_document');
    expect(before.blocked['case.checklist:severance_paid']).toContain('请先上传经济补偿文件');
    const refused = await call(HR, 'case.checklist', {
      caseId,
      item: 'severance_paid',
      closeAs: 'settled',
    });
    expect(refused.ok ? '' : refused.error.message).toBe(
      before.blocked['case.checklist:severance_paid'],
    );

    const agreement = await cloud.upload(
      ownUploadPath(HR, `cases/${caseId}/severance_document/agreement.pdf`),
      PDF_BYTES,
      HR,
    );
    await ok(
      call(HR, 'case.attach', { caseId, kind: 'severance_document', fileIds: [agreement.fileID] }),
    );
    expect((await actionsOf(HR, caseId)).allowed).toContain('case.checklist:severance_paid');
    await ok(call(HR, 'case.checklist', { caseId, item: 'severance_paid', closeAs: 'settled' }));
    const after = await actionsOf(HR, caseId);
    expect(after.allowed).not.toContain('case.checklist:severance_paid');
    expect(after.allowed).not.toContain('case.attach:severance_document');
  });
});

describe('where the case stands in case.get', () => {
  it('gives the owner the steps and the next step with its due day; others get the steps', async () => {
    const { caseId } = await ok<{ caseId: string }>(
      call(EMPLOYEE, 'case.submit', { reason: 'resignation', idempotencyKey: 'steps-0001' }),
    );
    await cloud.clock.jump(beijing('2027-03-02'));
    const mine = await ok<ActionResult<'case.get'>>(call(EMPLOYEE, 'case.get', { caseId }));
    expect(mine.progress?.map((s) => [s.label, s.status, s.reachedOn])).toEqual([
      ['发起申请', 'finish', '2027-03-01'],
      ['部门审批', 'process', '2027-03-01'],
      ['HR确认', 'default', undefined],
      ['手续办理', 'default', undefined],
      ['完成归档', 'default', undefined],
    ]);
    expect(mine.nextStep).toEqual({
      action: 'case.attach',
      label: '上传《工作交接清单》',
      dueDate: '2027-03-04',
      daysLeft: 2,
    });

    const managers = await ok<ActionResult<'case.get'>>(call(M001, 'case.get', { caseId }));
    expect(managers.progress).toEqual(mine.progress);
    expect(managers.nextStep).toBeUndefined();
  });
});

describe('the projected last working day in me.get', () => {
  it('is the day the submission then sets, and goes once a case is open', async () => {
    const before = await ok<ActionResult<'me.get'>>(call(EMPLOYEE, 'me.get'));
    expect(before.resignationPreview?.noticeDays).toBeGreaterThan(0);
    const submitted = await ok<{ lastWorkingDay: string }>(
      call(EMPLOYEE, 'case.submit', { reason: 'resignation', idempotencyKey: 'preview-001' }),
    );
    expect(before.resignationPreview?.lastWorkingDay).toBe(submitted.lastWorkingDay);
    const after = await ok<ActionResult<'me.get'>>(call(EMPLOYEE, 'me.get'));
    expect(after.resignationPreview).toBeUndefined();
  });
});
