import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ownUploadPath } from '../../../tools/demo/demo-company';
import { createLocalCloud, type LocalCloud } from '../../../tools/local-cloud';

export const ADMIN = 'admin-openid';
export const HR = 'hr-openid';
export const MANAGER = 'manager-openid';
export const EMPLOYEE = 'employee-openid';

/** A 1×1 PNG: the smallest file the server takes as a handover list. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** RPC answers are checked by the assertions, not by the compiler. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ReminderHarness {
  cloud: LocalCloud;
  call(openid: string, action: string, payload?: unknown): Promise<Json>;
  /** Beijing wall time → the local clock. */
  jumpTo(beijing: string): Promise<void>;
  templateFor(kind: string): string;
  dispose(): Promise<void>;
}

/**
 * A local cloud with the reminders' people (the admin from `ADMIN_OPENIDS`) in a fresh data
 * folder under `base`, deleted on dispose. The benchmark seeds its cases the same way.
 */
export async function startReminderCloud(
  env: Record<string, string> = {},
  base = os.tmpdir(),
): Promise<ReminderHarness> {
  const dataDir = fs.mkdtempSync(path.join(base, 'reminders-'));
  const cloud = await createLocalCloud({
    dataDir,
    realTimeTimers: false,
    env: { ADMIN_OPENIDS: ADMIN, ...env },
  });
  // Read when asked: a test may give the functions a malformed TEMPLATE_IDS on purpose.
  const templateIds = () =>
    JSON.parse(
      String((cloud as unknown as { env: Record<string, string> }).env.TEMPLATE_IDS),
    ) as Record<string, string>;
  return {
    cloud,
    async call(openid, action, payload) {
      const result = (await cloud.invoke('offboarding', { action, payload }, { openid })) as Json;
      return result;
    },
    async jumpTo(beijing) {
      await cloud.clock.jump(new Date(`${beijing}+08:00`));
    },
    templateFor(kind) {
      const id = templateIds()[kind];
      if (!id) throw new Error(`no template for ${kind}`);
      return id;
    },
    async dispose() {
      await cloud.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function ok<T = Json>(result: Json): T {
  if (!result?.ok) throw new Error(`call failed: ${JSON.stringify(result)}`);
  return result.data as T;
}

/** HR, a manager and an employee, each bound to their OPENID. */
export async function seedPeople(h: ReminderHarness): Promise<void> {
  const rows = [
    {
      employeeNo: 'H001',
      name: '王芳',
      department: '人力资源部',
      position: 'HRBP',
      hireDate: '2020-01-01',
      probationEndDate: '2020-04-01',
      roles: ['hr'],
    },
    {
      employeeNo: 'M001',
      name: '李强',
      department: '研发部',
      position: '研发经理',
      hireDate: '2019-01-01',
      probationEndDate: '2019-04-01',
      roles: ['manager'],
    },
    {
      employeeNo: 'D001',
      name: '张三',
      department: '研发部',
      position: '工程师',
      managerNo: 'M001',
      hireDate: '2022-03-01',
      probationEndDate: '2022-06-01',
    },
  ];
  ok(await h.call(ADMIN, 'admin.import', { rows }));
  for (const [no, openid] of [
    ['H001', HR],
    ['M001', MANAGER],
    ['D001', EMPLOYEE],
  ] as const) {
    const { code } = ok(await h.call(ADMIN, 'admin.bindingCode', { employeeNo: no }));
    ok(await h.call(openid, 'me.bind', { employeeNo: no, code }));
  }
}

/** Credits on WeChat's side for everyone and every template (what "accept" taps give). */
export async function grantAll(h: ReminderHarness, count: number): Promise<void> {
  for (const openid of [HR, MANAGER, EMPLOYEE]) {
    for (const t of h.cloud.templates()) await h.cloud.grantCredits(openid, t.id, count);
  }
}

export async function submitCase(h: ReminderHarness): Promise<string> {
  const data = ok(
    await h.call(EMPLOYEE, 'case.submit', { reason: 'resignation', idempotencyKey: 'resign-0001' }),
  );
  return data.caseId as string;
}

export async function attachHandover(h: ReminderHarness, caseId: string): Promise<void> {
  const { fileID } = await h.cloud.upload(
    ownUploadPath(EMPLOYEE, `cases/${caseId}/handover_checklist/list.png`),
    PNG,
    EMPLOYEE,
  );
  ok(
    await h.call(EMPLOYEE, 'case.attach', {
      caseId,
      kind: 'handover_checklist',
      fileIds: [fileID],
    }),
  );
}

/** Submitted, handover list attached, approved by the manager, confirmed by HR: formalities. */
export async function caseInFormalities(h: ReminderHarness): Promise<string> {
  const caseId = await submitCase(h);
  await attachHandover(h, caseId);
  ok(await h.call(MANAGER, 'case.review', { caseId, decision: 'approve' }));
  ok(await h.call(HR, 'case.hrConfirm', { caseId }));
  return caseId;
}

/** The employee signs their letter (e-signature, DESIGN §3 电子签名法). */
export async function sign(h: ReminderHarness, caseId: string): Promise<void> {
  const view = ok(await h.call(EMPLOYEE, 'case.get', { caseId }));
  const { fileID } = await h.cloud.upload(
    ownUploadPath(EMPLOYEE, `cases/${caseId}/signature/sign.png`),
    PNG,
    EMPLOYEE,
  );
  ok(
    await h.call(EMPLOYEE, 'case.sign', {
      caseId,
      signatureFileId: fileID,
      letterHash: view.letter.hash,
      consent: true,
    }),
  );
}

/** Outbox rows as (who, phrase, Beijing time) for exact assertions. */
export function sentMessages(
  h: ReminderHarness,
): { to: string; phrase: string; at: string; errCode: number }[] {
  const who: Record<string, string> = { [HR]: 'hr', [MANAGER]: 'manager', [EMPLOYEE]: 'employee' };
  return h.cloud.outbox().map((entry) => {
    const data = entry.data as Record<string, { value: string }>;
    const phraseKey = Object.keys(data).find((k) => k.startsWith('phrase'));
    const phrase = phraseKey
      ? (data[phraseKey] as { value: string }).value
      : (String(Object.values(data).at(-1)?.value).split('：')[0] ?? '');
    const at = new Date(new Date(entry.sentAt).getTime() + 8 * 3600_000)
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ');
    return {
      to: who[String(entry.touser)] ?? String(entry.touser),
      phrase,
      at,
      errCode: entry.errCode,
    };
  });
}

/**
 * WeChat's side fails the next `times` sends (`busy`: its "system error", `network`: the
 * connection drops), then answers as before; `failed()` counts them, `restore()` ends it early.
 */
export function failNextSends(
  h: ReminderHarness,
  fault: 'busy' | 'network',
  times = Number.POSITIVE_INFINITY,
): { failed(): number; restore(): void } {
  return h.cloud.failCloudCalls(fault, times);
}

export { ok };
