import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionName, Envelope } from '../../../server/contract';
import {
  demoRoster,
  importAndBind,
  openidOf,
  ownUploadPath,
  PDF_BYTES,
  type Person,
  PNG_BYTES,
  seedDemoCases,
} from '../../../tools/demo/demo-company';
import { createLocalCloud, type LocalCloud } from '../../../tools/local-cloud';

/** The admin the function trusts without binding (its `ADMIN_OPENIDS`). */
export const ADMIN_OPENID = 'env-admin';
/** Monday 2027-03-01 10:00 in Beijing: fixed, so no date in the tests depends on when they run. */
export const START = new Date('2027-03-01T02:00:00.000Z');

export type Answer = Envelope<unknown>;

export interface CaseRef {
  readonly caseId: string;
  readonly owner: Person;
}

export interface Company {
  readonly cloud: LocalCloud;
  /** The local cloud's HTTP address when started `overHttp`, else null. */
  readonly url: string | null;
  /** The demo roster: H001 (HR), M001/M002 (managers), D001–D010; bound to `demo-<no>`. */
  readonly people: Record<string, Person>;
  /** A person of the company by employee number; throws if there is none. */
  person(employeeNo: string): Person;
  /** The seeded case of every state, by state. */
  readonly cases: Readonly<Record<string, string>>;
  call(openid: string | undefined, action: ActionName | string, payload?: unknown): Promise<Answer>;
  /** The same call, with the database round trips it made. */
  measured(
    openid: string | undefined,
    action: ActionName | string,
    payload?: unknown,
  ): Promise<{ answer: Answer; reads: number; writes: number }>;
  /** The data of a call that must succeed; a failure throws with its code and message. */
  must<T>(openid: string, action: ActionName, payload?: unknown): Promise<T>;
  upload(openid: string, cloudPath: string, bytes: Uint8Array): Promise<string>;
  /**
   * A new employee, imported by HR and bound to `demo-<no>`; `managerNo: null` for none. With
   * `bind: false` only imported, and the answer carries a fresh binding code.
   */
  hire(
    managerNo: string | null,
    options?: { bind?: boolean; roles?: string[] },
  ): Promise<Person & { code: string }>;
  /** Direct reports of a manager, as the roster (with every hire) says. */
  reportsOf(managerNo: string): string[];
  /** Cases of a fresh hire, made the way people make them, in the state asked for. */
  submitted(owner: Person, options?: { handover?: boolean }): Promise<CaseRef>;
  returned(owner: Person): Promise<CaseRef>;
  hrReview(owner: Person): Promise<CaseRef>;
  formalities(owner: Person): Promise<CaseRef>;
  /** Formalities with the last day today, signed and every item ticked: ready to close. */
  closeable(owner: Person): Promise<CaseRef>;
  /** A termination draft with the documents 第40条(二) asks for. */
  draft(owner: Person): Promise<CaseRef>;
  /** That draft issued (the union told): in effect once delivered, 待送达 until then. */
  issued(owner: Person): Promise<CaseRef>;
  dispose(): Promise<void>;
}

/** The ids of the message templates the local cloud's WeChat side knows. */
export function localTemplateIds(): string[] {
  const file = path.join(__dirname, '..', '..', '..', 'tools', 'local-cloud', 'templates.json');
  const { templates } = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    templates: Record<string, unknown>;
  };
  return Object.keys(templates);
}

let sequence = 0;
/** Unique per process: idempotency keys and employee numbers never collide between tests. */
export function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}${String(sequence).padStart(4, '0')}`;
}

/**
 * A local cloud on a temp folder with the demo company bound (an admin from ADMIN_OPENIDS, HR,
 * two managers, ten employees) and a case in every state, the clock frozen at `START`.
 */
export async function startCompany(
  options: {
    /** Every call goes through `POST /functions/offboarding`, as a phone's would. */
    overHttp?: boolean;
    /** Random delay before each SDK answer, so that overlapping calls interleave. */
    jitterMs?: number;
    /** More of the functions' environment (the OA's secrets and callback URL). */
    env?: Readonly<Record<string, string>>;
  } = {},
): Promise<Company> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offboarding-test-'));
  const cloud = await createLocalCloud({
    dataDir,
    env: { ...options.env, ADMIN_OPENIDS: ADMIN_OPENID },
    realTimeTimers: false,
    jitterMs: options.jitterMs ?? 0,
  });
  await cloud.clock.jump(START);
  const url = options.overHttp ? (await cloud.listen()).url : null;

  const measured: Company['measured'] = async (openid, action, payload) => {
    const event = payload === undefined ? { action } : { action, payload };
    if (url) {
      const response = await fetch(`${url}/functions/offboarding`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(openid === undefined ? {} : { 'x-wx-openid': openid }),
        },
        body: JSON.stringify(event),
      });
      return {
        answer: (await response.json()) as Answer,
        reads: Number(response.headers.get('x-local-cloud-reads')),
        writes: Number(response.headers.get('x-local-cloud-writes')),
      };
    }
    const { result, roundTrips } = await cloud.invokeWithStats(
      'offboarding',
      event,
      openid === undefined ? {} : { openid },
    );
    return { answer: result as Answer, ...roundTrips };
  };
  const call: Company['call'] = async (openid, action, payload) =>
    (await measured(openid, action, payload)).answer;
  const must = async <T>(openid: string, action: ActionName, payload?: unknown): Promise<T> => {
    const answer = await call(openid, action, payload);
    if (!answer.ok) {
      throw new Error(`${action}: ${answer.error.code} ${answer.error.message}`);
    }
    return answer.data as T;
  };
  // As the mini program uploads: the caller's tag before the file's name.
  const upload = async (openid: string, cloudPath: string, bytes: Uint8Array) =>
    (await cloud.upload(ownUploadPath(openid, cloudPath), bytes, openid)).fileID;

  const roster = demoRoster();
  const bound = await importAndBind(call, ADMIN_OPENID, roster);
  const people: Record<string, Person> = Object.fromEntries(bound.map((p) => [p.employeeNo, p]));
  const person = (employeeNo: string): Person => {
    const found = people[employeeNo];
    if (!found) throw new Error(`no ${employeeNo} in the company`);
    return found;
  };
  const managerOf = new Map(roster.map((row) => [row.employeeNo, row.managerNo]));
  const cases = await seedDemoCases(call, upload, bound);
  const hr = person('H001').openid;

  const attach = async (
    openid: string,
    caseId: string,
    kind: string,
    bytes: Uint8Array = PDF_BYTES,
    documentDate?: string,
  ) => {
    const fileId = await upload(openid, `cases/${caseId}/${kind}/${unique(kind)}.pdf`, bytes);
    await must(openid, 'case.attach', {
      caseId,
      kind,
      fileIds: [fileId],
      ...(documentDate ? { documentDate } : {}),
    });
  };
  const managerFor = (owner: Person) => managerOf.get(owner.employeeNo);
  const reviewer = (owner: Person) => {
    const no = managerFor(owner);
    return no ? person(no).openid : hr;
  };

  const company: Company = {
    cloud,
    url,
    people,
    person,
    cases,
    call,
    measured,
    must,
    upload,

    async hire(managerNo, { bind = true, roles } = {}) {
      const employeeNo = unique('T');
      await must(hr, 'admin.import', {
        rows: [
          {
            employeeNo,
            name: '测试员工',
            department: managerNo === 'M002' ? '市场部' : '研发部',
            position: '工程师',
            ...(managerNo ? { managerNo } : {}),
            hireDate: '2024-01-02',
            probationEndDate: '2024-04-01',
            contractStart: '2024-01-02',
            ...(roles ? { roles } : {}),
          },
        ],
      });
      const { code } = await must<{ code: string }>(hr, 'admin.bindingCode', { employeeNo });
      const openid = openidOf(employeeNo);
      managerOf.set(employeeNo, managerNo ?? undefined);
      const person = { employeeNo, name: '测试员工', openid, role: 'employee' };
      if (!bind) return { ...person, code };
      await must(openid, 'me.bind', { employeeNo, code });
      people[employeeNo] = person;
      return { ...person, code: '' };
    },

    reportsOf(managerNo) {
      return [...managerOf].filter(([, m]) => m === managerNo).map(([no]) => no);
    },

    async submitted(owner, { handover = true } = {}) {
      const { caseId } = await must<{ caseId: string }>(owner.openid, 'case.submit', {
        reason: 'resignation',
        idempotencyKey: unique('submit-'),
      });
      if (handover) await attach(owner.openid, caseId, 'handover_checklist');
      return { caseId, owner };
    },

    async returned(owner) {
      const ref = await company.submitted(owner, { handover: false });
      await must(reviewer(owner), 'case.review', {
        caseId: ref.caseId,
        decision: 'return',
        comment: '请上传工作交接清单',
      });
      await attach(owner.openid, ref.caseId, 'handover_checklist');
      return ref;
    },

    async hrReview(owner) {
      const ref = await company.submitted(owner);
      await must(reviewer(owner), 'case.review', { caseId: ref.caseId, decision: 'approve' });
      return ref;
    },

    async formalities(owner) {
      const ref = await company.hrReview(owner);
      await must(hr, 'case.hrConfirm', { caseId: ref.caseId });
      return ref;
    },

    async closeable(owner) {
      const ref = await company.hrReview(owner);
      const today = beijingDate(cloud.clock.now());
      // 第36条: the employee agrees to leave today, earlier than the law's day.
      await must(owner.openid, 'case.consentLastWorkingDay', {
        caseId: ref.caseId,
        lastWorkingDay: today,
      });
      await must(hr, 'case.hrConfirm', {
        caseId: ref.caseId,
        lastWorkingDay: today,
        earlyReleaseProposedBy: 'employee',
      });
      const view = await must<{ letter: { hash: string }; checklist: { item: string }[] }>(
        owner.openid,
        'case.get',
        { caseId: ref.caseId },
      );
      const signature = await upload(
        owner.openid,
        `cases/${ref.caseId}/signature/sign.png`,
        PNG_BYTES,
      );
      await must(owner.openid, 'case.sign', {
        caseId: ref.caseId,
        signatureFileId: signature,
        letterHash: view.letter.hash,
        consent: true,
      });
      for (const { item } of view.checklist) {
        // The non-compete decision has its own action (case.nonCompete), left to the test.
        if (item === 'sign_letter' || item === 'non_compete_decided') continue;
        // The manager confirms the handover; a paper certificate is ticked with a note.
        const by = item === 'handover_confirmed' ? reviewer(owner) : hr;
        await must(by, 'case.checklist', {
          caseId: ref.caseId,
          item,
          done: true,
          ...(item === 'certificate_issued' ? { note: '纸质离职证明已当面交付' } : {}),
        });
      }
      return ref;
    },

    async draft(owner) {
      const { caseId } = await must<{ caseId: string }>(hr, 'case.terminate', {
        employeeNo: owner.employeeNo,
        reason: 'incompetence',
        noticeMode: 'notice30',
        idempotencyKey: unique('terminate-'),
      });
      // 第40条(二): appraised, trained, appraised again afterwards; 第43条: the union told.
      await attach(hr, caseId, 'appraisal_record', pdfVariant('first appraisal'), '2026-10-31');
      await attach(hr, caseId, 'training_certificate', PDF_BYTES, '2026-11-30');
      await attach(hr, caseId, 'appraisal_record', pdfVariant('second appraisal'), '2027-01-31');
      await attach(hr, caseId, 'union_notice');
      return { caseId, owner };
    },

    async issued(owner) {
      const ref = await company.draft(owner);
      await must(hr, 'case.issue', {
        caseId: ref.caseId,
        noProtectedStatus: true,
        unionNotice: UNION_NOTICE,
      });
      return ref;
    },

    async dispose() {
      await cloud.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return company;
}

/** A PDF of its own content (the same file twice is one attachment): a comment line added. */
export function pdfVariant(tag: string): Buffer {
  const text = PDF_BYTES.toString('latin1');
  return Buffer.from(text.replace('\n', `\n%${tag.replace(/[^a-z0-9 ]/gi, '')}\n`), 'latin1');
}

/** 第43条: the company union was told two days before the test's first day. */
export const UNION_NOTICE = { notifiedOn: '2027-02-27', body: 'company_union' } as const;

/** The Beijing calendar date of an instant. */
export function beijingDate(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Error messages are for people in China: at least one Chinese character. */
export const CHINESE = /[\u4e00-\u9fff]/;
