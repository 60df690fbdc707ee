/**
 * The demo company `npm start` seeds, through the real `offboarding` actions: an admin, HR,
 * two managers and ten employees (D001…D010), and a case in every state. The integration
 * tests build their company with the same roster helpers.
 */
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { uploaderTag } from '../../server/app/file-rules';
import type { ActionName, ActionPayload, Envelope } from '../../server/contract';

export type Invoke = (
  openid: string,
  action: ActionName,
  payload?: unknown,
) => Promise<Envelope<unknown>>;
export type Upload = (openid: string, cloudPath: string, content: Uint8Array) => Promise<string>;

export interface Person {
  readonly employeeNo: string;
  readonly name: string;
  readonly openid: string;
  readonly role: string;
}

type RosterRow = ActionPayload<'admin.import'>['rows'][number];

/** Employees D001–D010: D001–D005 report to M001, D006–D009 to M002, D010 has no manager. */
export function demoRoster(): RosterRow[] {
  const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄涛', '周婷', '吴昊'];
  const people: RosterRow[] = [
    {
      employeeNo: 'H001',
      name: '孙丽',
      department: '人力资源部',
      position: 'HRBP',
      hireDate: '2019-03-01',
      probationEndDate: '2019-06-01',
      contractStart: '2019-03-01',
      roles: ['hr'],
    },
    {
      employeeNo: 'M001',
      name: '郑强',
      department: '研发部',
      position: '研发经理',
      hireDate: '2018-07-01',
      probationEndDate: '2018-10-01',
      contractStart: '2018-07-01',
      roles: ['manager'],
    },
    {
      employeeNo: 'M002',
      name: '冯雪',
      department: '市场部',
      position: '市场经理',
      hireDate: '2018-09-01',
      probationEndDate: '2018-12-01',
      contractStart: '2018-09-01',
      roles: ['manager'],
    },
  ];
  names.forEach((name, i) => {
    const no = `D${String(i + 1).padStart(3, '0')}`;
    const research = i < 5;
    people.push({
      employeeNo: no,
      name,
      department: i === 9 ? '行政部' : research ? '研发部' : '市场部',
      position: research ? '软件工程师' : i === 9 ? '行政专员' : '市场专员',
      ...(i === 9 ? {} : { managerNo: research ? 'M001' : 'M002' }),
      hireDate: `202${i % 4}-0${(i % 8) + 1}-01`,
      probationEndDate: `202${i % 4}-${String((i % 8) + 4).padStart(2, '0')}-01`,
      contractStart: `202${i % 4}-0${(i % 8) + 1}-01`,
    });
  });
  return people;
}

export function openidOf(employeeNo: string): string {
  return `demo-${employeeNo.toLowerCase()}`;
}

async function data<T>(answer: Promise<Envelope<unknown>>, what: string): Promise<T> {
  const envelope = await answer;
  if (!envelope.ok) {
    throw new Error(`${what}: ${envelope.error.code} ${envelope.error.message}`);
  }
  return envelope.data as T;
}

/** Imports the roster as the admin and binds every employee to `demo-<no>` with a fresh code. */
export async function importAndBind(
  invoke: Invoke,
  adminOpenid: string,
  rows: readonly RosterRow[],
): Promise<Person[]> {
  const imported = await data<{ errors: unknown[] }>(
    invoke(adminOpenid, 'admin.import', { rows }),
    'admin.import',
  );
  if (imported.errors.length > 0)
    throw new Error(`admin.import: ${JSON.stringify(imported.errors)}`);
  const people: Person[] = [];
  for (const row of rows) {
    const { code } = await data<{ code: string }>(
      invoke(adminOpenid, 'admin.bindingCode', { employeeNo: row.employeeNo }),
      'admin.bindingCode',
    );
    const openid = openidOf(row.employeeNo);
    await data(invoke(openid, 'me.bind', { employeeNo: row.employeeNo, code }), 'me.bind');
    people.push({
      employeeNo: row.employeeNo,
      name: row.name,
      openid,
      role: row.roles?.[0] ?? 'employee',
    });
  }
  return people;
}

/** The smallest valid PNG and PDF, enough for the server's type checks. */
export const PNG_BYTES = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
  0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
  0x42, 0x60, 0x82,
]);
export const PDF_BYTES = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/**
 * Where the mini program puts a file the caller uploads: `cases/{caseId}/{folder}/{name}`
 * becomes `cases/{caseId}/{folder}/{uploadTag}-{name}`, the tag `me.get` gives the caller (the
 * server accepts only the caller's own files). Other paths are left as they are.
 */
export function ownUploadPath(openid: string, cloudPath: string): string {
  const match = /^(cases\/[^/]+\/[^/]+\/)([^/]+)$/.exec(cloudPath);
  if (!match) return cloudPath;
  const tag = uploaderTag(openid, (text) => createHash('sha256').update(text).digest('hex'));
  return `${match[1] ?? ''}${tag}-${match[2] ?? ''}`;
}

/** A client's upload into the case folder, then `case.attach`. */
export async function attachFile(
  invoke: Invoke,
  upload: Upload,
  openid: string,
  caseId: string,
  kind: string,
  name: string,
  content: Uint8Array,
): Promise<void> {
  const fileId = await upload(
    openid,
    ownUploadPath(openid, `cases/${caseId}/${kind}/${name}`),
    content,
  );
  await data(invoke(openid, 'case.attach', { caseId, kind, fileIds: [fileId] }), 'case.attach');
}

/** Cases in every state, made as people would make them. */
export async function seedDemoCases(
  invoke: Invoke,
  upload: Upload,
  people: readonly Person[],
): Promise<Record<string, string>> {
  const person = (no: string) => {
    const found = people.find((p) => p.employeeNo === no);
    if (!found) throw new Error(`no ${no} in the roster`);
    return found;
  };
  const hr = person('H001').openid;
  const submitted = (no: string, reason: string, explanation?: string) =>
    data<{ caseId: string; noticeReceivedAt: string }>(
      invoke(person(no).openid, 'case.submit', {
        reason,
        ...(explanation ? { explanation } : {}),
        idempotencyKey: `demo-submit-${no}`,
      }),
      `case.submit ${no}`,
    );
  const submit = async (no: string, reason: string, explanation?: string) =>
    (await submitted(no, reason, explanation)).caseId;
  const handover = (no: string, caseId: string) =>
    attachFile(
      invoke,
      upload,
      person(no).openid,
      caseId,
      'handover_checklist',
      'handover.pdf',
      PDF_BYTES,
    );
  const cases: Record<string, string> = {};

  // 待部门审批: submitted with the handover list, waiting for M001.
  cases.submitted = await submit('D001', 'resignation');
  await handover('D001', cases.submitted);

  // 退回补充: the manager returned it for more material.
  cases.returned = await submit(
    'D002',
    'personal',
    '家庭原因需要回老家照顾父母，无法继续在本地工作。',
  );
  await data(
    invoke(person('M001').openid, 'case.review', {
      caseId: cases.returned,
      decision: 'return',
      comment: '请上传工作交接清单',
    }),
    'case.review return',
  );

  // HR确认: approved by the manager, waiting for HR.
  cases.hr_review = await submit('D003', 'resignation');
  await handover('D003', cases.hr_review);
  await data(
    invoke(person('M001').openid, 'case.review', { caseId: cases.hr_review, decision: 'approve' }),
    'case.review approve',
  );

  // 手续办理: confirmed by HR; the employee has yet to sign.
  cases.formalities = await submit('D006', 'resignation');
  await handover('D006', cases.formalities);
  await data(
    invoke(person('M002').openid, 'case.review', {
      caseId: cases.formalities,
      decision: 'approve',
    }),
    'case.review approve',
  );
  await data(invoke(hr, 'case.hrConfirm', { caseId: cases.formalities }), 'case.hrConfirm');

  // 已撤回: withdrawn before review, as the company's setting allows.
  cases.withdrawn = await submit('D007', 'resignation');
  await data(
    invoke(person('D007').openid, 'case.withdraw', {
      caseId: cases.withdrawn,
      comment: '决定留任',
    }),
    'case.withdraw',
  );

  // 待发出: HR prepares a termination for incompetence (第40条(二)).
  cases.draft = (
    await data<{ caseId: string }>(
      invoke(hr, 'case.terminate', {
        employeeNo: 'D008',
        reason: 'incompetence',
        noticeMode: 'notice30',
        idempotencyKey: 'demo-terminate-D008',
      }),
      'case.terminate',
    )
  ).caseId;
  await attachFile(invoke, upload, hr, cases.draft, 'appraisal_record', 'appraisal.pdf', PDF_BYTES);

  // 完成归档: the employee asked to leave today; everything done, signed and closed.
  const receipt = await submitted('D010', 'resignation');
  const done = receipt.caseId;
  cases.completed = done;
  await handover('D010', done);
  await data(invoke(hr, 'case.review', { caseId: done, decision: 'approve' }), 'case.review HR');
  // The Beijing date of the notice: the employee leaves the same day.
  const today = new Date(Date.parse(receipt.noticeReceivedAt) + 8 * 3600_000)
    .toISOString()
    .slice(0, 10);
  // 第36条: the employee records their consent to leaving early.
  await data(
    invoke(person('D010').openid, 'case.consentLastWorkingDay', {
      caseId: done,
      lastWorkingDay: today,
    }),
    'case.consentLastWorkingDay',
  );
  await data(
    invoke(hr, 'case.hrConfirm', {
      caseId: done,
      lastWorkingDay: today,
      earlyReleaseProposedBy: 'employee',
    }),
    'case.hrConfirm early',
  );
  const view = await data<{ letter: { hash: string }; checklist: { item: string }[] }>(
    invoke(person('D010').openid, 'case.get', { caseId: done }),
    'case.get',
  );
  const signature = await upload(
    person('D010').openid,
    ownUploadPath(person('D010').openid, `cases/${done}/signature/sign.png`),
    PNG_BYTES,
  );
  await data(
    invoke(person('D010').openid, 'case.sign', {
      caseId: done,
      signatureFileId: signature,
      letterHash: view.letter.hash,
      consent: true,
    }),
    'case.sign',
  );
  for (const { item } of view.checklist) {
    if (item === 'sign_letter') continue;
    await data(
      invoke(hr, 'case.checklist', {
        caseId: done,
        item,
        done: true,
        // A paper 离职证明 handed over is ticked by hand with a note.
        ...(item === 'certificate_issued' ? { note: '纸质离职证明已当面交付' } : {}),
      }),
      `checklist ${item}`,
    );
  }
  await data(invoke(hr, 'case.close', { caseId: done }), 'case.close');
  return cases;
}
