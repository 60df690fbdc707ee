/**
 * The calls the offboarding tests and the round-trip benchmark make: for each action (and a
 * few variants), what must exist first and a payload the right caller would send. Every
 * scene works on its own new employee ("owner", reporting to M001 unless the scene says the
 * owner has no manager), so what an allowed call changes reaches no other scene.
 */
import type { ActionName } from '../../../server/contract';
import { EXPORTED_COLLECTIONS } from '../../../server/app/data-export';
import { PDF_BYTES, type Person, PNG_BYTES } from '../../../tools/demo/demo-company';
import { ADMIN_OPENID, type Company, localTemplateIds, unique } from './company-harness';

export const CALLERS = [
  'owner',
  'other employee',
  'manager of owner',
  'other manager',
  'HR',
  'admin',
  'unbound',
] as const;
export type Caller = (typeof CALLERS)[number];

/** What a call needs first (the owner's case in the right state), answering its payload. */
export type Scene = (company: Company, owner: Person, caller: string) => Promise<unknown>;

const DAY_MS = 86_400_000;

const noPayload: Scene = async () => undefined;
const onCase =
  (make: (company: Company, owner: Person) => Promise<{ caseId: string }>, extra: object = {}) =>
  async (company: Company, owner: Person) => ({
    caseId: (await make(company, owner)).caseId,
    ...extra,
  });

/**
 * The caller's own upload into a case folder, e.g. a termination document or an EMS receipt:
 * the server accepts only files the caller uploaded.
 */
const ownUpload = (company: Company, caller: string, cloudPath: string) =>
  company.upload(caller, cloudPath, PDF_BYTES);

/** The owner's contract has a non-compete clause (the roster says so); their case in formalities. */
async function nonCompeteFormalities(company: Company, owner: Person) {
  await company.must(company.person('H001').openid, 'admin.import', {
    rows: [
      {
        employeeNo: owner.employeeNo,
        name: owner.name,
        department: '研发部',
        position: '工程师',
        managerNo: 'M001',
        hireDate: '2024-01-02',
        probationEndDate: '2024-04-01',
        contractStart: '2024-01-02',
        nonCompete: true,
      },
    ],
  });
  return company.formalities(owner);
}

export const SCENES: Record<string, Scene> = {
  'me.get': noPayload,
  'meta.get': noPayload,
  // What the client reports after wx.requestSubscribeMessage: one accepted, one refused.
  'subscription.record': async () => {
    const [accepted = '', refused = ''] = localTemplateIds();
    return { results: { [accepted]: 'accept', [refused]: 'reject' } };
  },
  // What the client reports when WeChat says chooseMessageFile is missing from 用户隐私保护指引.
  'privacy.report': async () => ({ api: 'chooseMessageFile', errno: 112 }),
  'case.submit': async () => ({ reason: 'resignation', idempotencyKey: unique('authz-submit-') }),
  'case.terminate': async (_company, owner) => ({
    employeeNo: owner.employeeNo,
    reason: 'incompetence',
    noticeMode: 'notice30',
    idempotencyKey: unique('authz-terminate-'),
  }),
  'case.issue': onCase((c, o) => c.draft(o), { noProtectedStatus: true }),
  'case.attach': async (company, owner, caller) => {
    const { caseId } = await company.submitted(owner, { handover: false });
    const fileId = await company.upload(
      caller,
      `cases/${caseId}/handover_checklist/list.png`,
      PNG_BYTES,
    );
    return { caseId, kind: 'handover_checklist', fileIds: [fileId] };
  },
  'case.attach (appraisal_record to a termination draft)': async (company, owner, caller) => {
    const { caseId } = await company.draft(owner);
    return {
      caseId,
      kind: 'appraisal_record',
      fileIds: [await ownUpload(company, caller, `cases/${caseId}/appraisal_record/2026-q4.pdf`)],
    };
  },
  'case.attach (notice_delivery: HR)': async (company, owner, caller) => {
    const { caseId } = await company.formalities(owner);
    return {
      caseId,
      kind: 'notice_delivery',
      fileIds: [await ownUpload(company, caller, `cases/${caseId}/notice_delivery/ems.pdf`)],
    };
  },
  'case.resubmit': onCase((c, o) => c.returned(o)),
  'case.withdraw': onCase((c, o) => c.submitted(o)),
  // Any day after the legal one the case has (its notice is 30 days before it).
  'case.consentLaterDay': onCase((c, o) => c.submitted(o), { lastWorkingDay: '2028-06-30' }),
  'case.review': onCase((c, o) => c.submitted(o), { decision: 'approve' }),
  'case.review (owner without a manager)': onCase((c, o) => c.submitted(o), {
    decision: 'approve',
  }),
  'case.hrEscalate': async (company, owner) => {
    const { caseId } = await company.submitted(owner);
    // HR steps in only after the manager has let it wait more than three days.
    const clock = company.cloud.clock;
    await clock.jump(new Date(clock.now().getTime() + 4 * DAY_MS));
    return { caseId, comment: '经理超过三天未处理，HR 接手' };
  },
  'case.hrConfirm': onCase((c, o) => c.hrReview(o)),
  'case.hrReturn': onCase((c, o) => c.hrReview(o), { comment: '请补充交接材料' }),
  'case.hrCancel': onCase((c, o) => c.submitted(o), { comment: '员工口头撤回，已电话确认' }),
  'case.sign': async (company, owner) => {
    const { caseId } = await company.formalities(owner);
    const view = await company.must<{ letter: { hash: string } }>(owner.openid, 'case.get', {
      caseId,
    });
    const signatureFileId = await company.upload(
      owner.openid,
      `cases/${caseId}/signature/sign.png`,
      PNG_BYTES,
    );
    return { caseId, signatureFileId, letterHash: view.letter.hash, consent: true };
  },
  'case.checklist (handover_confirmed: the manager)': onCase((c, o) => c.formalities(o), {
    item: 'handover_confirmed',
    done: true,
  }),
  'case.checklist (final_pay: HR)': onCase((c, o) => c.formalities(o), {
    item: 'final_pay',
    done: true,
  }),
  'case.close': onCase((c, o) => c.closeable(o)),
  'case.nonCompete': onCase(nonCompeteFormalities, {
    decision: 'enforced',
    months: 12,
    monthlyCompensation: 3000,
  }),
  'case.get': onCase((c, o) => c.submitted(o)),
  'case.get (a termination draft)': onCase((c, o) => c.draft(o)),
  'case.evidence': onCase((c, o) => c.formalities(o)),
  'case.evidence (a termination draft)': onCase((c, o) => c.draft(o)),
  'case.remind': onCase((c, o) => c.formalities(o)),
  'case.oaRetry': onCase((c, o) => c.submitted(o)),
  'admin.board': async () => ({}),
  'admin.stats': async () => ({ from: '2027-01-01', to: '2027-12-31' }),
  'admin.import': async () => ({
    rows: [
      {
        employeeNo: unique('N'),
        name: '新同事',
        department: '研发部',
        position: '工程师',
        managerNo: 'M001',
        hireDate: '2027-02-01',
        probationEndDate: '2027-05-01',
      },
    ],
  }),
  'admin.bindingCode': async (_company, owner) => ({ employeeNo: owner.employeeNo }),
  // The admin has no credit on WeChat's side here: each template answers 43101, still a result.
  'admin.trialSend': noPayload,
  'admin.configAlerts': noPayload,
  'admin.export': noPayload,
  // An alert to mark fixed: an employee's phone met an undeclared private API.
  'admin.configAlertResolve': async (company, owner) => {
    await company.must(owner.openid, 'privacy.report', { api: 'chooseMedia', errno: 112 });
    return { id: 'privacy:chooseMedia:112' };
  },
  // A bound caller re-binds their own number with a code HR re-issued; a caller bound to no
  // one binds a newly imported employee.
  'me.bind': async (company, _owner, caller) => {
    const hr = company.person('H001').openid;
    const self = Object.values(company.people).find((person) => person.openid === caller);
    if (!self) {
      const newcomer = await company.hire('M001', { bind: false });
      return { employeeNo: newcomer.employeeNo, code: newcomer.code };
    }
    const { code } = await company.must<{ code: string }>(hr, 'admin.bindingCode', {
      employeeNo: self.employeeNo,
    });
    return { employeeNo: self.employeeNo, code };
  },
};

/** The action a scene calls: its name is the action, then what makes it special. */
export function actionOf(scene: string): ActionName {
  return scene.split(' ')[0] as ActionName;
}

/**
 * DESIGN §4, §7: at most 4 database round trips an action; `admin.import` one per row plus 2;
 * `case.remind` sends a message as the timer does and pays what every reminder costs (the
 * employee's binding and the case's reminders read; the record before the send, its outcome
 * and the case's event written): 7. `admin.trialSend` stays in the 4 (the caller, the settings
 * read fresh; it writes nothing). `admin.export` reads a page of 100 documents at a time, at
 * least one a collection, within its time budget, and writes nothing to the database: here,
 * where no collection of the test company passes 100 documents, one read a collection.
 */
export function roundTripBudget(action: ActionName, payload: unknown): number {
  if (action === 'admin.import') return (payload as { rows: unknown[] }).rows.length + 2;
  if (action === 'case.remind') return 7;
  // A new case and its open-case lock are written in one transaction: through the real SDK,
  // starting it and committing it (or the SDK's automatic abort on a refusal) are two more.
  if (action === 'case.submit' || action === 'case.terminate') return 6;
  // One OPENID, one employee by construction: the employee and the OPENID's claim are read and
  // written in one transaction (start, two reads, two writes, commit) after the caller's
  // lookup: 7; a re-binding that releases the old OPENID's claim writes one more.
  if (action === 'me.bind') return 8;
  if (action === 'admin.export') return 1 + EXPORTED_COLLECTIONS.length;
  return 4;
}

/** Whether the scene's owner reports to someone (else HR reviews, DESIGN §2). */
export function ownerHasManager(scene: string): boolean {
  return !scene.includes('without a manager');
}

/**
 * Who each caller is, relative to the owner: M001 manages the owner, M002 does not (M001 when
 * the owner has no manager); D009 is an unrelated employee; H001 is HR; the admin comes from
 * ADMIN_OPENIDS and is bound to no one; an unbound caller is a new OPENID every time.
 */
export function openidOf(company: Company, who: Caller, owner: Person, hasManager = true): string {
  switch (who) {
    case 'owner':
      return owner.openid;
    case 'other employee':
      return company.person('D009').openid;
    case 'manager of owner':
      return company.person('M001').openid;
    case 'other manager':
      return company.person(hasManager ? 'M002' : 'M001').openid;
    case 'HR':
      return company.person('H001').openid;
    case 'admin':
      return ADMIN_OPENID;
    case 'unbound':
      return unique('stranger-');
  }
}

/** One caller per action who may use it, for the success paths the round trips are counted on. */
export const SUCCESS_PATHS: readonly (readonly [scene: string, who: Caller])[] = [
  ['me.get', 'owner'],
  ['me.bind', 'unbound'],
  ['meta.get', 'owner'],
  ['case.submit', 'owner'],
  ['case.terminate', 'HR'],
  ['case.issue', 'HR'],
  ['case.attach', 'owner'],
  ['case.resubmit', 'owner'],
  ['case.withdraw', 'owner'],
  ['case.consentLaterDay', 'owner'],
  ['case.review', 'manager of owner'],
  ['case.review (owner without a manager)', 'HR'],
  ['case.hrEscalate', 'HR'],
  ['case.hrConfirm', 'HR'],
  ['case.hrReturn', 'HR'],
  ['case.hrCancel', 'HR'],
  ['case.sign', 'owner'],
  ['case.checklist (handover_confirmed: the manager)', 'manager of owner'],
  ['case.checklist (final_pay: HR)', 'HR'],
  ['case.close', 'HR'],
  ['case.nonCompete', 'HR'],
  ['case.get', 'owner'],
  ['case.evidence', 'owner'],
  ['case.remind', 'HR'],
  ['case.oaRetry', 'HR'],
  ['subscription.record', 'owner'],
  ['privacy.report', 'owner'],
  ['admin.board', 'HR'],
  ['admin.board', 'manager of owner'],
  ['admin.stats', 'HR'],
  ['admin.import', 'HR'],
  ['admin.bindingCode', 'HR'],
  ['admin.trialSend', 'admin'],
  ['admin.configAlerts', 'admin'],
  ['admin.configAlertResolve', 'admin'],
  ['admin.export', 'admin'],
];

/**
 * A scene made ready to call: a new owner hired (under M001 unless the scene says otherwise),
 * the caller chosen relative to them, and what must exist first set up.
 */
export async function readyScene(
  company: Company,
  scene: string,
  who: Caller,
): Promise<{ action: ActionName; caller: string; payload: unknown }> {
  const hasManager = ownerHasManager(scene);
  const owner = await company.hire(hasManager ? 'M001' : null);
  const caller = openidOf(company, who, owner, hasManager);
  const setUp = SCENES[scene];
  if (!setUp) throw new Error(`no scene for ${scene}`);
  return { action: actionOf(scene), caller, payload: await setUp(company, owner, caller) };
}

/** `count` new engineers under M001 as a roster import sends them. */
export function importRows(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    employeeNo: unique('B'),
    name: `批量${i}`,
    department: '研发部',
    position: '工程师',
    managerNo: 'M001',
    hireDate: '2027-02-01',
    probationEndDate: '2027-05-01',
  }));
}
