/**
 * Who may do what (DESIGN §2 and §4 "RPC contract"): every action as every kind of caller,
 * each with a payload that is valid for the right caller, so that only the caller decides.
 *
 * Every row gets its own new employee ("owner", reporting to M001) and, for case actions, its
 * own case in the state where the action is allowed (the scenes in action-scenes.ts); what an
 * allowed call changes never reaches another row. M001 manages the owner, M002 does not; D009
 * is an employee unrelated to the owner; H001 is HR; the admin comes from ADMIN_OPENIDS and is
 * bound to no one; an unbound caller is a new OPENID every time.
 */
import { ACTION_NAMES, type ErrorCode } from '../../../server/contract';
import { actionOf, CALLERS, readyScene, SCENES } from './action-scenes';
import { ADMIN_OPENID, CHINESE, type Company, startCompany, unique } from './company-harness';

type Expected = 'ok' | ErrorCode;
/** The owner has no manager, so there is no "manager of owner" to ask. */
const NONE = null;
const OK = 'ok';
const FORBID = 'FORBIDDEN';
const UNAUTH = 'UNAUTHENTICATED';
const NOT_FOUND = 'NOT_FOUND';

type Cell = Expected | typeof NONE;
/** The action (and what makes the row special), then one outcome per caller, in CALLERS order. */
type Row = readonly [scene: string, ...outcomes: [Cell, Cell, Cell, Cell, Cell, Cell, Cell]];

// prettier-ignore
const TABLE: readonly Row[] = [
  //                                                  owner      other emp  manager    other mgr  HR         admin      unbound
  ['me.get',                                          OK,        OK,        OK,        OK,        OK,        OK,        UNAUTH],
  ['meta.get',                                        OK,        OK,        OK,        OK,        OK,        OK,        UNAUTH],
  ['subscription.record',                             OK,        OK,        OK,        OK,        OK,        OK,        UNAUTH],
  ['privacy.report',                                  OK,        OK,        OK,        OK,        OK,        OK,        UNAUTH],
  // 个保法 第17条: the privacy guide is read before binding.
  ['privacy.get',                                     OK,        OK,        OK,        OK,        OK,        OK,        OK],
  // Managers and HR are employees too and may resign; an admin bound to no one is not.
  ['case.submit',                                     OK,        OK,        OK,        OK,        OK,        FORBID,    UNAUTH],
  ['case.submit (employer_fault)',                    OK,        OK,        OK,        OK,        OK,        FORBID,    UNAUTH],
  ['case.terminate',                                  FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.issue',                                      FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.attach',                                     OK,        FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.attach (appraisal_record to a termination draft)', NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK,        OK,        UNAUTH],
  ['case.attach (notice_delivery: HR)',               FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.resubmit',                                   OK,        FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    UNAUTH],
  ['case.withdraw',                                   OK,        FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    UNAUTH],
  ['case.consentLaterDay',                            OK,        FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    UNAUTH],
  ['case.consentLastWorkingDay',                      OK,        FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    UNAUTH],
  ['case.review',                                     FORBID,    FORBID,    OK,        FORBID,    FORBID,    FORBID,    UNAUTH],
  ['case.review (owner without a manager)',           FORBID,    FORBID,    NONE,      FORBID,    OK,        OK,        UNAUTH],
  ['case.hrEscalate',                                 FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.hrConfirm',                                  FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.hrReturn',                                   FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.hrCancel',                                   FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.recordDelivery',                             FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.sign',                                       OK,        FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    UNAUTH],
  ['case.checklist (handover_confirmed: the manager)', FORBID,   FORBID,    OK,        FORBID,    FORBID,    FORBID,    UNAUTH],
  ['case.checklist (final_pay: HR)',                  FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.checklist (severance_paid closed as settled: HR)', FORBID, FORBID, FORBID, FORBID,    OK,        OK,        UNAUTH],
  ['case.close',                                      FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.markDisputed',                               FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.nonCompete',                                 FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  // 交接人: the reviewer names them (HR too); each sees and answers only their own items.
  ['case.assignSuccessors',                           FORBID,    FORBID,    OK,        FORBID,    OK,        OK,        UNAUTH],
  ['handover.mine',                                   OK,        OK,        OK,        OK,        OK,        OK,        UNAUTH],
  ['handover.confirm (D009 the successor)',           FORBID,    OK,        OK,        FORBID,    OK,        OK,        UNAUTH],
  ['handover.confirm (another colleague the successor)', FORBID, FORBID,    OK,        FORBID,    OK,        OK,        UNAUTH],
  ['handover.dispute (D009 the successor)',           FORBID,    OK,        FORBID,    FORBID,    FORBID,    FORBID,    UNAUTH],
  ['case.get',                                        OK,        FORBID,    OK,        FORBID,    OK,        OK,        UNAUTH],
  // Only HR sees a termination being prepared: to everyone else it does not exist.
  ['case.get (a termination draft)',                  NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK,        OK,        UNAUTH],
  ['case.evidence',                                   OK,        FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.evidence (a termination draft)',             NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK,        OK,        UNAUTH],
  ['case.documents',                                  OK,        FORBID,    OK,        FORBID,    OK,        OK,        UNAUTH],
  ['case.documents (a termination draft)',            NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK,        OK,        UNAUTH],
  ['case.certificateReason',                          OK,        FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    UNAUTH],
  ['case.issueCertificate',                           FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  // A 离职证明's QR code is for anyone who holds it (a new employer); a letter's is not.
  ['document.verify',                                 OK,        OK,        OK,        OK,        OK,        OK,        OK],
  ['document.verify (a signed letter)',               OK,        FORBID,    FORBID,    FORBID,    OK,        OK,        FORBID],
  ['case.remind',                                     FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ["case.remind (with HR's note)",                    FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  // 需电话联系: HR or the employee's own manager records the call.
  ['case.recordContact',                              FORBID,    FORBID,    OK,        FORBID,    OK,        OK,        UNAUTH],
  // 离职面谈: the employee's own answers; HR sees only whether they answered (and its note); a
  // manager never sees it.
  ['interview.get',                                   OK,        FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['interview.submit',                                OK,        FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    UNAUTH],
  ['case.interviewNote',                              FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['admin.interviewQuestionsSave',                    FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['admin.interviewStats',                            FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['case.oaRetry',                                    FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['admin.board',                                     FORBID,    FORBID,    OK,        OK,        OK,        OK,        UNAUTH],
  ['admin.stats',                                     FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['admin.import',                                    FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['admin.statsExport',                               FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['admin.importHistory',                             FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['admin.bindingCode',                               FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['admin.employeeLookup',                            FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  // The blank 工作交接清单 template: anyone bound.
  ['case.handoverTemplate',                           OK,        OK,        OK,        OK,        OK,        OK,        UNAUTH],
  // Admins only: it sends through the templates they configure; HR is not enough.
  ['admin.trialSend',                                 FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    OK,        UNAUTH],
  ['admin.configAlerts',                              FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    OK,        UNAUTH],
  ['admin.configAlertResolve',                        FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    OK,        UNAUTH],
  // Everything the company stored: admins only, HR is not enough.
  ['admin.export',                                    FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    OK,        UNAUTH],
  // Training: everyone bound learns the employee courses; an admin bound to no one is not an
  // employee and learns the HR course only. A quiz attempt is its learner's alone.
  ['training.catalog',                                OK,        OK,        OK,        OK,        OK,        OK,        UNAUTH],
  ['training.lesson',                                 OK,        OK,        OK,        OK,        OK,        FORBID,    UNAUTH],
  ['training.complete',                               OK,        OK,        OK,        OK,        OK,        FORBID,    UNAUTH],
  ['training.quizStart',                              OK,        OK,        OK,        OK,        OK,        FORBID,    UNAUTH],
  ['training.quizSubmit',                             OK,        NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, UNAUTH],
  // 模拟离职流程: a sandbox resignation for anyone who could resign; a practice is its owner's alone.
  ['training.practiceStart',                          OK,        OK,        OK,        OK,        OK,        FORBID,    UNAUTH],
  ['training.practiceStep',                           OK,        NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, FORBID,    UNAUTH],
  // 离职流程优化方案: HR bound to an employee record write them (after the HR course); admins review.
  ['training.proposalSubmit',                         FORBID,    FORBID,    FORBID,    FORBID,    OK,        FORBID,    UNAUTH],
  ['training.proposals',                              FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['admin.proposalReview',                            FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    OK,        UNAUTH],
  ['admin.trainingStats',                             FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['admin.courseSave',                                FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  // 线下 workshop: everyone bound sees the sessions of their audiences; seats, passes and self
  // check-in are for people with an employee record; HR schedules, checks in and pushes courses.
  ['training.workshops',                              OK,        OK,        OK,        OK,        OK,        OK,        UNAUTH],
  ['training.workshopEnrol',                          OK,        OK,        OK,        OK,        OK,        FORBID,    UNAUTH],
  ['training.workshopCancel',                         OK,        OK,        OK,        OK,        OK,        FORBID,    UNAUTH],
  ['training.workshopPass',                           OK,        OK,        OK,        OK,        OK,        FORBID,    UNAUTH],
  ['training.workshopCheckIn',                        OK,        OK,        OK,        OK,        OK,        FORBID,    UNAUTH],
  ['admin.workshopSave',                              FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['admin.workshopCheckIn',                           FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  ['admin.coursePush',                                FORBID,    FORBID,    FORBID,    FORBID,    OK,        OK,        UNAUTH],
  // 个保法 第47条: deleting a case's personal information is the admins'; HR is not enough.
  // It moves the clock two years on: after every row that depends on the date.
  ['admin.purgeCase',                                 FORBID,    FORBID,    FORBID,    FORBID,    FORBID,    OK,        UNAUTH],
  // Last: binding changes who the callers are.
  ['me.bind',                                         OK,        OK,        OK,        OK,        OK,        OK,        OK],
];

const CASES = TABLE.flatMap(([scene, ...outcomes]) =>
  CALLERS.flatMap((caller, i) => {
    const expected = outcomes[i];
    return expected === null || expected === undefined ? [] : [[scene, caller, expected] as const];
  }),
);

let company: Company;
beforeAll(async () => {
  company = await startCompany();
});
afterAll(() => company.dispose());

// Before the table: its last rows bind the admin to an employee.
describe('roles (DESIGN §2)', () => {
  const row = (employeeNo: string, roles: string[]) => ({
    employeeNo,
    name: '新经理',
    department: '研发部',
    position: '经理',
    hireDate: '2027-02-01',
    probationEndDate: '2027-05-01',
    roles,
  });

  it('an admin from ADMIN_OPENIDS is an admin without being anyone', async () => {
    const me = await company.must<{ employee: unknown; roles: string[] }>(ADMIN_OPENID, 'me.get');
    expect(me).toMatchObject({ employee: null, roles: ['admin'] });
  });

  it('HR may not grant HR or admin; the row is refused and the others land', async () => {
    const hr = company.person('H001').openid;
    const [granted, plain] = [unique('R'), unique('R')];

    const answer = await company.must<{ created: number; errors: unknown[] }>(hr, 'admin.import', {
      rows: [row(granted, ['hr']), row(plain, ['manager'])],
    });

    expect(answer.created).toBe(1);
    expect(answer.errors).toEqual([
      { row: 1, field: 'roles', message: expect.stringContaining('只有管理员') },
    ]);
  });

  it('HR may not take HR away either', async () => {
    const hr = company.person('H001').openid;
    const answer = await company.must<{ updated: number; errors: { field: string }[] }>(
      hr,
      'admin.import',
      { rows: [{ ...row('H001', ['manager']), name: '孙丽', department: '人力资源部' }] },
    );
    expect(answer.updated).toBe(0);
    expect(answer.errors).toEqual([expect.objectContaining({ field: 'roles' })]);
    const me = await company.must<{ roles: string[] }>(hr, 'me.get');
    expect(me.roles).toContain('hr');
  });

  it('HR may not issue a binding code for an admin: binding it would make them one', async () => {
    const adminNo = unique('A');
    await company.must(ADMIN_OPENID, 'admin.import', { rows: [row(adminNo, ['admin'])] });

    const byHr = await company.call(company.person('H001').openid, 'admin.bindingCode', {
      employeeNo: adminNo,
    });
    const byAdmin = await company.call(ADMIN_OPENID, 'admin.bindingCode', { employeeNo: adminNo });

    expect(byHr).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(!byHr.ok && byHr.error.message).toMatch(CHINESE);
    expect(byAdmin.ok).toBe(true);
  });

  it('an admin grants HR, and the new HR may then act as HR', async () => {
    const newcomer = await company.hire('M001');
    const answer = await company.must<{ updated: number }>(ADMIN_OPENID, 'admin.import', {
      rows: [{ ...row(newcomer.employeeNo, ['hr']), managerNo: 'M001' }],
    });
    expect(answer.updated).toBe(1);

    const stats = await company.call(newcomer.openid, 'admin.stats', {
      from: '2027-01-01',
      to: '2027-12-31',
    });
    expect(stats.ok).toBe(true);
  });
});

describe('nobody decides their own case', () => {
  it('a manager with no manager above may not approve their own resignation; HR reviews it', async () => {
    const head = await company.hire(null, { roles: ['manager'] });
    const { caseId } = await company.submitted(head);

    const own = await company.call(head.openid, 'case.review', { caseId, decision: 'approve' });

    expect(own).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const byHr = await company.call(company.person('H001').openid, 'case.review', {
      caseId,
      decision: 'approve',
    });
    expect(byHr).toMatchObject({ ok: true, data: { state: 'hr_review' } });
  });
});

describe('the authorisation table', () => {
  it('has a row for every action of the contract', () => {
    expect([...new Set(TABLE.map(([scene]) => actionOf(scene)))].sort()).toEqual(
      [...ACTION_NAMES].sort(),
    );
    for (const [scene] of TABLE) expect(SCENES[scene]).toBeDefined();
  });

  it.each(CASES)('%s as %s → %s', async (scene, who, expected) => {
    const { action, caller, payload } = await readyScene(company, scene, who);

    const answer = await company.call(caller, action, payload);

    const outcome = answer.ok ? 'ok' : answer.error.code;
    expect({ outcome, ...(answer.ok ? {} : { message: answer.error.message }) }).toEqual(
      expect.objectContaining({ outcome: expected }),
    );
    if (!answer.ok) expect(answer.error.message).toMatch(CHINESE);
    if (answer.ok && action === 'admin.board' && who.includes('manager')) {
      // A manager's board holds the cases of their direct reports and nobody else's.
      const managerNo = who === 'manager of owner' ? 'M001' : 'M002';
      const rows = (answer.data as { rows: { employeeNo: string; state: string }[] }).rows;
      expect(rows.length).toBeGreaterThan(0);
      const reports = company.reportsOf(managerNo);
      for (const row of rows) expect(reports).toContain(row.employeeNo);
      expect(rows.map((row) => row.state)).not.toContain('draft');
    }
  });
});

describe('the order of the checks: the first failure answers', () => {
  const hr = () => company.person('H001').openid;

  it('an unknown action is refused before the caller is looked at', async () => {
    const answer = await company.call(unique('stranger-'), 'case.delete', { caseId: 'x' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('an unbound caller is sent to binding before the payload is read', async () => {
    const answer = await company.call(unique('stranger-'), 'case.get', { caseId: 42 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('a role that may not use the action is refused before the payload is read', async () => {
    const owner = await company.hire('M001');
    const answer = await company.call(owner.openid, 'admin.stats', { from: 'yesterday' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('a missing case is NOT_FOUND to anyone, related or not', async () => {
    for (const openid of [hr(), company.person('D009').openid]) {
      const answer = await company.call(openid, 'case.get', { caseId: 'c-does-not-exist' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('an unrelated manager is refused before the state is looked at', async () => {
    const answer = await company.call(company.person('M002').openid, 'case.review', {
      caseId: company.cases.completed,
      decision: 'approve',
    });
    // D010 has no manager, and the case is closed: M002 may do nothing with it.
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('an event the state does not allow is INVALID_TRANSITION, naming the state in Chinese', async () => {
    const answer = await company.call(hr(), 'case.hrConfirm', { caseId: company.cases.submitted });
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(!answer.ok && answer.error.message).toContain('待部门审批');
  });

  it('a guard names itself: approval waits for the handover list', async () => {
    const owner = await company.hire('M001');
    const { caseId } = await company.submitted(owner, { handover: false });
    const answer = await company.call(company.person('M001').openid, 'case.review', {
      caseId,
      decision: 'approve',
    });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', details: { guard: 'handover_list_present' } },
    });
    expect(!answer.ok && answer.error.message).toMatch(CHINESE);
  });
});
