/**
 * Reminder sweep benchmark: N open cases of which D are due. Prints one sweep's database
 * round trips and time through the real `reminders` function on the local cloud, and the same
 * for a naive sweep that scans every open case and reads its reminders.
 *
 *   npm run bench -- reminders [open=10000] [due=1000]
 */
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  caseInFormalities,
  seedPeople,
  startReminderCloud,
} from '../../tests/integration/reminders/reminders-harness';
import { type LocalCloud } from '../local-cloud';

const START = '2027-03-01T09:50:00+08:00';
/** The run after the cases entered formalities: every due case has its notice due. */
const RUN_AT = '2027-03-01T10:00:00+08:00';

/** One real case through the product, seeded as the reminder tests seed theirs: the template. */
async function templateCase(cloud: LocalCloud, caseId: string): Promise<WxServerSdk.Doc> {
  const { data } = await cloud.cloud.database().collection('cases').where({ _id: caseId }).get();
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
  const h = await startReminderCloud(
    // The operator's setting for a 60 s function timeout (cloudfunctions/README.md).
    { SWEEP_BUDGET_MS: '50000' },
    fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(),
  );
  const cloud = h.cloud;
  try {
    await cloud.clock.jump(new Date(START));
    await seedPeople(h);
    const template = await templateCase(cloud, await caseInFormalities(h));
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
    await h.dispose();
  }
}

if (require.main === module) {
  const [open, due] = process.argv.slice(2).map(Number);
  benchReminders(open || undefined, due || undefined).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
