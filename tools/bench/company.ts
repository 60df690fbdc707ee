/**
 * A company through a month: E employees, E / 10 of them with a case in formalities (the
 * signature outstanding, the daily reminder running), 30 timer days. Each day a thirtieth of
 * the open cases open and sign their letter and HR ticks their final pay, through the real
 * `offboarding` function; the `reminders` timer runs every 30 minutes as configured. Prints per
 * day the sweep time (all runs of the day, and the longest run), reads and writes, then the
 * largest function call and the storage used. Employees and cases are written straight into
 * the database through the SDK, as the reminder benchmark does.
 *
 *   npm run bench -- company [employees=200]      (20000: the opt-in large run)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  caseInFormalities,
  EMPLOYEE,
  HR,
  ok,
  seedPeople,
  startReminderCloud,
} from '../../tests/integration/reminders/reminders-harness';
import { ownUploadPath } from '../demo/demo-company';

const START = '2027-03-01T09:50:00+08:00';
const DAYS = 30;
const TICK_MS = 30 * 60_000;
const DEPARTMENTS = [
  '研发部',
  '销售部',
  '市场部',
  '财务部',
  '客服部',
  '生产部',
  '采购部',
  '行政部',
];
/** A 1×1 PNG: a signature as small as the server takes. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

interface Call {
  name: string;
  ms: number;
  reads: number;
  writes: number;
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export async function benchCompany(employees = 200): Promise<void> {
  const openCases = Math.max(1, Math.round(employees / 10));
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  const before = new Set(fs.readdirSync(base));
  // The operator's setting for a 60 s function timeout (cloudfunctions/README.md).
  const h = await startReminderCloud({ SWEEP_BUDGET_MS: '50000' }, base);
  const dataDir = path.join(
    base,
    fs.readdirSync(base).find((name) => name.startsWith('reminders-') && !before.has(name)) ?? '',
  );
  const cloud = h.cloud;
  const db = cloud.cloud.database();
  const measure = async <T>(name: string, run: () => Promise<T>): Promise<[T, Call]> => {
    const at = cloud.stats();
    const started = performance.now();
    const result = await run();
    const ms = performance.now() - started;
    const now = cloud.stats();
    return [result, { name, ms, reads: now.reads - at.reads, writes: now.writes - at.writes }];
  };
  try {
    await cloud.clock.jump(new Date(START));
    await seedPeople(h);
    const templateId = await caseInFormalities(h);
    const [template] = (await db.collection('cases').where({ _id: templateId }).get()).data;
    const [person] = (await db.collection('employees').where({ _id: 'D001' }).get()).data;
    if (!template || !person) throw new Error('template case or employee missing');

    const seeding = performance.now();
    const cases: { caseId: string; openid: string }[] = [];
    for (let i = 1; i <= employees - 3; i += 1) {
      const no = `C${pad(i, 6)}`;
      const openid = `bench-${no}`;
      const department = DEPARTMENTS[i % DEPARTMENTS.length] ?? '研发部';
      await db.collection('employees').add({
        data: { ...person, _id: no, employeeNo: no, name: `员工${i}`, department, openid },
      });
      if (i > openCases - 1) continue;
      const caseId = `cbench${pad(i, 6)}`;
      await db.collection('cases').add({
        data: {
          ...template,
          _id: caseId,
          caseId,
          employee: { ...(template.employee as object), employeeNo: no, department },
          employeeOpenid: openid,
        },
      });
      cases.push({ caseId, openid });
      // Each employee accepted the reminders when they submitted: a month of credits.
      for (const t of cloud.templates()) await cloud.grantCredits(openid, t.id, DAYS);
    }
    for (const openid of [EMPLOYEE, HR]) {
      for (const t of cloud.templates()) await cloud.grantCredits(openid, t.id, DAYS);
    }
    cases.push({ caseId: templateId, openid: EMPLOYEE });
    const seedMs = performance.now() - seeding;
    console.log(
      `company: ${employees.toLocaleString('en')} employees, ${cases.length.toLocaleString('en')} open cases (seeded in ${(seedMs / 1000).toFixed(1)} s; storage ${mb(folderBytes(dataDir))})`,
    );
    console.log(
      '  day  timer runs  sweep ms (longest tick)  sweep reads  sweep writes  sent/attempted  actions (ms)',
    );

    let largest: Call = { name: '', ms: 0, reads: 0, writes: 0 };
    const keep = (call: Call) => {
      if (call.ms > largest.ms) largest = call;
    };
    for (let day = 1; day <= DAYS; day += 1) {
      // The day's actions: a thirtieth of the cases sign, and HR ticks their final pay.
      const acting = performance.now();
      let actions = 0;
      for (const [index, open] of cases.entries()) {
        if (index % DAYS !== day - 1) continue;
        const { fileID } = await cloud.upload(
          ownUploadPath(open.openid, `cases/${open.caseId}/signature/sign.png`),
          PNG,
          open.openid,
        );
        // The sign page shows the letter first: its hash is what the employee signs.
        const [view, viewCall] = await measure('case.get', () =>
          h.call(open.openid, 'case.get', { caseId: open.caseId }),
        );
        keep(viewCall);
        const [signed, signCall] = await measure('case.sign', () =>
          h.call(open.openid, 'case.sign', {
            caseId: open.caseId,
            signatureFileId: fileID,
            letterHash: String(ok(view).letter.hash),
            consent: true,
          }),
        );
        ok(signed);
        keep(signCall);
        const [ticked, tickCall] = await measure('case.checklist', () =>
          h.call(HR, 'case.checklist', { caseId: open.caseId, item: 'final_pay', done: true }),
        );
        ok(ticked);
        keep(tickCall);
        actions += 3;
      }
      const actionMs = performance.now() - acting;

      const outboxBefore = cloud.outbox().length;
      let runs = 0;
      let sweepMs = 0;
      let longest = 0;
      let reads = 0;
      let writes = 0;
      for (let tick = 0; tick < (24 * 3600_000) / TICK_MS; tick += 1) {
        const [fired, call] = await measure('one timer tick (every function due)', () =>
          cloud.clock.advance(TICK_MS),
        );
        for (const run of fired) if (!run.ok) throw new Error(`sweep failed: ${run.error}`);
        runs += fired.length;
        sweepMs += call.ms;
        longest = Math.max(longest, call.ms);
        reads += call.reads;
        writes += call.writes;
        keep(call);
      }
      const outbox = cloud.outbox().slice(outboxBefore);
      const sent = outbox.filter((entry) => entry.errCode === 0).length;
      console.log(
        `  ${String(day).padStart(3)}  ${String(runs).padStart(10)}  ${`${Math.round(sweepMs)} (${Math.round(longest)})`.padStart(22)}  ${String(reads).padStart(11)}  ${String(writes).padStart(12)}  ${`${sent}/${outbox.length}`.padStart(14)}  ${actions} (${Math.round(actionMs)})`,
      );
    }
    console.log(
      `  largest call: ${largest.name}, ${Math.round(largest.ms)} ms, ${largest.reads} reads, ${largest.writes} writes (goal: every sweep run ≤ 60 s)`,
    );
    const { total: reminders } = await db.collection('reminders').count();
    console.log(
      `  storage used: ${mb(folderBytes(dataDir))} in the data folder; ${reminders.toLocaleString('en')} reminder records`,
    );
  } finally {
    await h.dispose();
  }
}

if (require.main === module) {
  const [employees] = process.argv.slice(2).map(Number);
  benchCompany(employees || undefined).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
