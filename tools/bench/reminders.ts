/**
 * Reminder sweep benchmark: N open cases of which D are due. Prints one sweep's database
 * round trips and time through the real `reminders` function on the local cloud, and the same
 * for a naive sweep that scans every open case and reads its reminders.
 *
 *   npm run bench -- reminders [open=10000] [due=1000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ownUploadPath } from '../demo/demo-company';
import { createLocalCloud, type LocalCloud } from '../local-cloud';

const ADMIN = 'bench-admin';
const EMPLOYEE = 'bench-employee';
const START = '2027-03-01T09:50:00+08:00';
/** The run after the cases entered formalities: every due case has its notice due. */
const RUN_AT = '2027-03-01T10:00:00+08:00';

async function call(cloud: LocalCloud, openid: string, action: string, payload?: unknown) {
  const result = (await cloud.invoke('offboarding', { action, payload }, { openid })) as {
    ok: boolean;
    data?: Record<string, unknown>;
  };
  if (!result.ok) throw new Error(`${action}: ${JSON.stringify(result)}`);
  return result.data as Record<string, unknown>;
}

/** One real case through the product (submitted, handed over, approved, confirmed): the template. */
async function templateCase(cloud: LocalCloud): Promise<WxServerSdk.Doc> {
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
      employeeNo: 'D001',
      name: '张三',
      department: '研发部',
      position: '工程师',
      hireDate: '2022-03-01',
      probationEndDate: '2022-06-01',
    },
  ];
  await call(cloud, ADMIN, 'admin.import', { rows });
  for (const [no, openid] of [
    ['H001', 'bench-hr'],
    ['D001', EMPLOYEE],
  ] as const) {
    const { code } = await call(cloud, ADMIN, 'admin.bindingCode', { employeeNo: no });
    await call(cloud, openid, 'me.bind', { employeeNo: no, code });
  }
  const { caseId } = await call(cloud, EMPLOYEE, 'case.submit', {
    reason: 'resignation',
    idempotencyKey: 'bench-0001',
  });
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  );
  const { fileID } = await cloud.upload(
    ownUploadPath(EMPLOYEE, `cases/${String(caseId)}/handover_checklist/a.png`),
    png,
    EMPLOYEE,
  );
  await call(cloud, EMPLOYEE, 'case.attach', {
    caseId,
    kind: 'handover_checklist',
    fileIds: [fileID],
  });
  await call(cloud, 'bench-hr', 'case.review', { caseId, decision: 'approve' });
  await call(cloud, 'bench-hr', 'case.hrConfirm', { caseId });
  const { data } = await cloud.cloud
    .database()
    .collection('cases')
    .where({ _id: String(caseId) })
    .get();
  if (!data[0]) throw new Error('template case missing');
  return data[0];
}

/** Copies of the case for other employees; the first `due` are due now, the rest tomorrow. */
async function fill(cloud: LocalCloud, template: WxServerSdk.Doc, open: number, due: number) {
  const db = cloud.cloud.database();
  for (let i = 1; i < open; i += 1) {
    const no = `B${String(i).padStart(6, '0')}`;
    const caseId = `cbench${String(i).padStart(6, '0')}`;
    await db.collection('cases').add({
      data: {
        ...template,
        _id: caseId,
        caseId,
        employee: { ...(template.employee as object), employeeNo: no },
        employeeOpenid: `bench-${no}`,
        nextReminderAt: i < due ? template.nextReminderAt : '2027-03-02T01:50:00.000Z',
      },
    });
  }
}

interface Numbers {
  reads: number;
  writes: number;
  ms: number;
}

/** What a sweep without the due index would read: every open case, and each one's reminders. */
async function naiveScan(cloud: LocalCloud): Promise<Numbers> {
  const db = cloud.cloud.database();
  const _ = db.command;
  const before = cloud.stats();
  const started = performance.now();
  let after = '';
  for (;;) {
    const { data } = await db
      .collection('cases')
      .where({ state: _.in(['submitted', 'returned', 'formalities']), _id: _.gt(after) })
      .orderBy('_id', 'asc')
      .limit(1000)
      .get();
    for (const c of data) {
      await db.collection('reminders').where({ caseId: c._id }).limit(1000).get();
    }
    if (data.length < 1000) break;
    after = String(data[data.length - 1]?._id);
  }
  const ms = performance.now() - started;
  const now = cloud.stats();
  return { reads: now.reads - before.reads, writes: now.writes - before.writes, ms };
}

export async function benchReminders(open = 10_000, due = 1_000): Promise<void> {
  // Memory-backed when the machine has it: filling 10,000 cases is not what is measured.
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const dataDir = fs.mkdtempSync(path.join(base, 'bench-reminders-'));
  const cloud = await createLocalCloud({
    dataDir,
    realTimeTimers: false,
    // The operator's setting for a 60 s function timeout (cloudfunctions/README.md).
    env: { ADMIN_OPENIDS: ADMIN, SWEEP_BUDGET_MS: '50000' },
  });
  try {
    await cloud.clock.jump(new Date(START));
    const template = await templateCase(cloud);
    const filling = performance.now();
    await fill(cloud, template, open, due);
    console.log(
      `reminders: ${open} open cases, ${due} due (filled in ${Math.round(performance.now() - filling)} ms)`,
    );
    await cloud.clock.jump(new Date(RUN_AT));
    // The night's anchor was written by the 00:00 run; this run is a daytime sweep only.
    await cloud.cloud
      .database()
      .collection('evidence_anchors')
      .add({ data: { _id: '2027-02-28', date: '2027-02-28', status: 'done', at: START } });

    const naive = await naiveScan(cloud);

    const before = cloud.stats();
    const started = performance.now();
    const [run] = await cloud.fireTrigger('reminders');
    const ms = performance.now() - started;
    const after = cloud.stats();
    const { total: reminders } = await cloud.cloud.database().collection('reminders').count();
    const sweep = { reads: after.reads - before.reads, writes: after.writes - before.writes, ms };
    const row = (name: string, n: Numbers) =>
      `  ${name.padEnd(22)} reads ${String(n.reads).padStart(6)}  writes ${String(n.writes).padStart(6)}  ${Math.round(n.ms)} ms`;
    console.log(row('sweep (nextReminderAt)', sweep));
    console.log(row('naive scan (reads only)', naive));
    console.log(
      `  reminders decided: ${reminders}; writes per due reminder: ${(sweep.writes / Math.max(1, reminders)).toFixed(2)}; sends attempted: ${cloud.outbox().length}; run ok: ${String(run?.ok)}`,
    );
  } finally {
    await cloud.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const [open, due] = process.argv.slice(2).map(Number);
  benchReminders(open || undefined, due || undefined).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
