/**
 * Benchmark of the local cloud's database over 100,000 documents (a script, not a test):
 *   npm run bench -- local-cloud
 * Seeds a temp data folder as a long-running local cloud leaves it (a snapshot of 100,000
 * documents plus a journal of 5,000 updates since), opens it, times queries, an aggregate and
 * writes (15 runs after a warm-up, judged on the median), what an update appends to the journal,
 * and queries while a compaction runs in the background. Every figure is printed next to its
 * goal (issue 16 item 3); the exit code is 1 when one misses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  createLocalCloud,
  encodeRecord,
  journalName,
  SNAPSHOT_FILE,
  snapshotHeader,
  type JournalRecord,
} from '../local-cloud';

const DOCS = 100_000;
const UPDATES_SINCE_SNAPSHOT = 5_000;
const RUNS = 15;
const GOAL = { openMs: 5000, operationMs: 50, appendBytes: 1024 } as const;
const STATES = [
  'submitted',
  'manager_review',
  'hr_review',
  'signing',
  'handover',
  'completed',
  'closed',
];
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

const failures: string[] = [];

/** Prints one figure with its goal; a missed goal makes the run fail. */
function report(label: string, figure: string, goal: string, ok: boolean, extra = ''): void {
  if (!ok) failures.push(label);
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${label.padEnd(52)} ${figure.padStart(12)}   goal ${goal.padEnd(12)} ${extra}`,
  );
}

function writeLines(file: string, lines: Iterable<string>): void {
  const fd = fs.openSync(file, 'w');
  let chunk: string[] = [];
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length === 5000) {
      fs.writeSync(fd, chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length > 0) fs.writeSync(fd, chunk.join('\n') + '\n');
  fs.closeSync(fd);
}

/** The snapshot (followed by journal generation 1) and that journal: updates of random documents. */
function seed(dataDir: string): void {
  writeLines(
    path.join(dataDir, SNAPSHOT_FILE),
    (function* () {
      yield snapshotHeader(1);
      for (let i = 0; i < DOCS; i++) {
        const doc = {
          _id: `case-${i}`,
          employeeNo: `E${String(i).padStart(6, '0')}`,
          state: STATES[i % STATES.length] as string,
          department: `D${i % 40}`,
          reason: ['pay', 'career', 'family', 'health'][i % 4],
          noticeReceivedAt: new Date(START + (i % 730) * DAY + (i % 1440) * 60_000),
          handlingDays: i % 45,
          version: 1,
        };
        yield encodeRecord({ t: 'put', c: 'cases', d: doc });
      }
    })(),
  );
  writeLines(
    path.join(dataDir, journalName(1)),
    (function* () {
      for (let n = 0; n < UPDATES_SINCE_SNAPSHOT; n++) {
        const record: JournalRecord = {
          t: 'patch',
          c: 'cases',
          id: `case-${(n * 7919) % DOCS}`,
          s: [
            [['version'], 2],
            [['handlingDays'], n % 45],
          ],
        };
        yield encodeRecord(record);
      }
    })(),
  );
}

interface Timing {
  median: number;
  max: number;
  /** CPU time of the median run: steadier than wall time when other processes share the cores. */
  cpu: number;
  result: unknown;
}

/** CPU milliseconds this process has used (all its threads). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function time(run: () => Promise<unknown>): Promise<Timing> {
  await run(); // warm-up
  const samples: { wall: number; cpu: number }[] = [];
  let result: unknown;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const c0 = cpuMs();
    result = await run();
    samples.push({ wall: performance.now() - t0, cpu: cpuMs() - c0 });
  }
  samples.sort((a, b) => a.wall - b.wall);
  const median = samples[Math.floor(RUNS / 2)] as { wall: number; cpu: number };
  return {
    median: median.wall,
    max: (samples[RUNS - 1] as { wall: number }).wall,
    cpu: median.cpu,
    result,
  };
}

/** Judged on the median: single runs on a shared machine include GC pauses and other load. */
function reportTiming(label: string, timing: Timing): void {
  report(
    label,
    `${timing.median.toFixed(2)} ms`,
    `≤ ${GOAL.operationMs} ms`,
    timing.median <= GOAL.operationMs,
    `(cpu ${timing.cpu.toFixed(1)} ms, max ${timing.max.toFixed(2)} ms → ${JSON.stringify(timing.result).slice(0, 36)})`,
  );
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-bench-'));
  try {
    let t0 = performance.now();
    seed(dataDir);
    const snapshotMb = fs.statSync(path.join(dataDir, SNAPSHOT_FILE)).size / 1e6;
    console.log(
      `seeded ${DOCS} documents (snapshot ${snapshotMb.toFixed(1)} MB) and ${UPDATES_SINCE_SNAPSHOT} updates since in ${(performance.now() - t0).toFixed(0)} ms`,
    );
    t0 = performance.now();
    let c0 = cpuMs();
    let cloud = await createLocalCloud({ dataDir, realTimeTimers: false });
    const openMs = performance.now() - t0;
    report(
      'open (snapshot + journal since, indexes)',
      `${openMs.toFixed(0)} ms`,
      `≤ ${GOAL.openMs} ms`,
      openMs <= GOAL.openMs,
      `(cpu ${(cpuMs() - c0).toFixed(0)} ms)`,
    );
    let db = cloud.cloud.database();
    const _ = db.command;
    const $ = _.aggregate;
    const equality = () =>
      db
        .collection('cases')
        .where({ employeeNo: 'E054321' })
        .get()
        .then(({ data }) => data.map((d) => d._id));
    const range = async () => {
      const from = new Date(START + 180 * DAY);
      const to = new Date(START + 545 * DAY);
      return (
        await db
          .collection('cases')
          .where({ noticeReceivedAt: _.gte(from).and(_.lt(to)) })
          .count()
      ).total;
    };
    const group = async () => {
      const { list } = await db
        .collection('cases')
        .aggregate()
        .group({ _id: '$state', n: $.sum(1), avgDays: $.avg('$handlingDays') })
        .sort({ _id: 1 })
        .limit(100)
        .end();
      return list.length;
    };
    reportTiming('equality query (employeeNo)', await time(equality));
    reportTiming('range count (noticeReceivedAt, ~50% of docs)', await time(range));
    reportTiming('$group aggregate (by state, count + avg)', await time(group));
    let n = 0;
    reportTiming(
      'update one field (journal append + fdatasync)',
      await time(async () => {
        n += 1;
        return (
          await db
            .collection('cases')
            .doc(`case-${n}`)
            .update({ data: { handlingDays: 100 + n } })
        ).stats.updated;
      }),
    );
    reportTiming(
      'add a document (journal append + fdatasync)',
      await time(async () => {
        n += 1;
        return (
          await db
            .collection('cases')
            .add({ data: { employeeNo: `N${n}`, state: 'submitted', version: 1 } })
        )._id;
      }),
    );

    // The journal grows with the change, not with the document: one field of a 100 KB document.
    await db
      .collection('big')
      .doc('big')
      .set({ data: { blob: 'x'.repeat(100_000), n: 0, log: [] } });
    const before = cloud.stats().journalBytes;
    await db
      .collection('big')
      .doc('big')
      .update({ data: { n: 1, log: _.push([{ at: new Date(START), by: 'hr' }]) } });
    const appended = cloud.stats().journalBytes - before;
    report(
      'journal append: 1 field + 1 log item of a 100 KB doc',
      `${appended} B`,
      `≤ ${GOAL.appendBytes} B`,
      appended <= GOAL.appendBytes,
    );

    // Compaction in the background: queries and writes go on, each within budget.
    t0 = performance.now();
    const compaction = cloud.compact();
    let compacted = false;
    void compaction.then(() => (compacted = true));
    const during: number[] = [];
    while (!compacted) {
      let t1 = performance.now();
      await equality();
      during.push(performance.now() - t1);
      t1 = performance.now();
      await db
        .collection('cases')
        .doc(`case-${during.length}`)
        .update({ data: { version: 3 } });
      during.push(performance.now() - t1);
    }
    await compaction;
    const compactMs = performance.now() - t0;
    during.sort((a, b) => a - b);
    const worst = during[during.length - 1] ?? 0;
    report(
      'slowest query or update while compacting',
      `${worst.toFixed(2)} ms`,
      `≤ ${GOAL.operationMs} ms`,
      worst <= GOAL.operationMs,
      `(${during.length} operations during a ${compactMs.toFixed(0)} ms compaction, median ${(during[Math.floor(during.length / 2)] ?? 0).toFixed(2)} ms)`,
    );

    await cloud.close();
    t0 = performance.now();
    c0 = cpuMs();
    cloud = await createLocalCloud({ dataDir, realTimeTimers: false });
    const reopenMs = performance.now() - t0;
    report(
      'reopen after close (snapshot only)',
      `${reopenMs.toFixed(0)} ms`,
      `≤ ${GOAL.openMs} ms`,
      reopenMs <= GOAL.openMs,
      `(cpu ${(cpuMs() - c0).toFixed(0)} ms)`,
    );
    db = cloud.cloud.database();
    const count = (await db.collection('cases').count()).total;
    report(
      'documents after reopen',
      String(count),
      `= ${DOCS + RUNS + 1}`,
      count === DOCS + RUNS + 1,
    );
    await cloud.close();
    if (failures.length > 0) {
      console.log(`missed goals: ${failures.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
