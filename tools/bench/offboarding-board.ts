/**
 * Benchmark of the HR board and statistics over 10,000 and 100,000 cases (a script that prints
 * numbers, not a test):
 *   npx tsx tools/bench/offboarding-board.ts [sizes…]        e.g. … 10000 100000
 *
 * Each size gets a fresh temp data folder seeded by writing the local cloud's snapshot directly
 * (the same `put` records the database writes), then the handlers run against it as the
 * offboarding function would call them: `admin.stats` over one month, and board pages (the first,
 * one deep in the cursor chain, a manager's first, and finished cases) with their round trips.
 *
 * The company is the same at every size except for how long it has been recording cases:
 * five years of history at 10,000 cases, fifty at 100,000. So a month holds as many cases, and
 * as many cases are open, at either size; only finished history grows. DESIGN §4 asks that the
 * board's page query does not get slower as that history grows.
 */
import { systemClock } from '../../server/app/clock';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BOARD_PAGE_SIZE, boardHandlers, decodeCursor } from '../../server/app/board';
import { UNFINISHED_STATES } from '../../server/domain/case-states';
import type { Caller } from '../../server/app/caller';
import type {
  BoardFilter,
  BoardPosition,
  OverduePosition,
} from '../../server/app/ports/case-queries.port';
import { statsHandlers } from '../../server/app/stats';
import type { ParsedPayload } from '../../server/contract';
import type { State } from '../../server/domain';
import { departureHistoryRepository } from '../../server/infra/departure-history.repository';
import { caseQueries } from '../../server/infra/case-queries';
import { defaultSettings, settingsRepository } from '../../server/infra/settings.repository';
import {
  hrCaller,
  managerCaller,
  storedCase,
} from '../../tests/integration/offboarding/fixtures/stored-cases';
import {
  createLocalCloud,
  encodeRecord,
  SNAPSHOT_FILE,
  snapshotHeader,
  type LocalCloud,
} from '../local-cloud';

const RUNS = 9;
const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** The benchmark's "now": 2027-06-15 10:00 Beijing. */
const NOW = new Date('2027-06-15T02:00:00.000Z');
const MONTH = { from: '2027-05-01', to: '2027-05-31' } as const;
const OLD_MONTH = { from: '2025-05-01', to: '2025-05-31' } as const;
/** Cases the company starts per day, at every size (≈ 2,000 a year). */
const CASES_PER_DAY = 5.5;
const MANAGERS = 200;
const DEPARTMENTS = [
  '研发部',
  '销售部',
  '市场部',
  '财务部',
  '人力资源部',
  '客服部',
  '法务部',
  '运营部',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';

/** A deterministic generator, so both sizes see the same kind of company. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Case `i` of `total`: notices spread evenly back from now, newest first. A case's progress
 * follows from its age, as in life: recent ones are still open, older ones completed (a few
 * withdrawn, a few terminations).
 */
function generatedCase(i: number, rnd: () => number) {
  const noticeMs = NOW.getTime() - (i / CASES_PER_DAY) * DAY - rnd() * 6 * HOUR;
  const ageDays = (NOW.getTime() - noticeMs) / DAY;
  const manager = `M${String(1 + Math.floor(rnd() * MANAGERS)).padStart(3, '0')}`;
  const no = String(i).padStart(6, '0');
  const name =
    (SURNAMES[Math.floor(rnd() * SURNAMES.length)] as string) +
    (GIVEN[Math.floor(rnd() * GIVEN.length)] as string) +
    (rnd() < 0.5 ? (GIVEN[Math.floor(rnd() * GIVEN.length)] as string) : '');
  const termination = rnd() < 0.04;
  const withdrawn = rnd() < 0.05;
  const t = (days: number) => iso(noticeMs + days * DAY);
  const review = 0.5 + rnd() * 4;
  const hr = review + 0.2 + rnd() * 2;
  const done = 31 + rnd() * 6;
  const path: [State, string][] = termination
    ? [
        ['draft', t(-2 - rnd() * 3)],
        ['formalities', t(0)],
      ]
    : [['submitted', t(0)]];
  if (!termination && withdrawn && ageDays > 1) path.push(['withdrawn', t(0.3 + rnd() * 0.6)]);
  else if (!termination) {
    if (ageDays > review) path.push(['hr_review', t(review)]);
    if (ageDays > hr) path.push(['formalities', t(hr)]);
  }
  const inFormalities = path[path.length - 1]?.[0] === 'formalities';
  const formalitiesAt = path.find(([s]) => s === 'formalities')?.[1];
  if (inFormalities && ageDays > done) path.push(['completed', t(done)]);
  const signDelay = 0.1 + rnd() * 5;
  const signedMs = formalitiesAt ? Date.parse(formalitiesAt) + signDelay * DAY : Infinity;
  return storedCase({
    caseId: `c${no}`,
    employeeNo: `E${no}`,
    name,
    department: DEPARTMENTS[Number(manager.slice(1)) % DEPARTMENTS.length] as string,
    managerNo: manager,
    ...(termination ? { kind: 'termination' as const, reason: 'incompetence' as const } : {}),
    ...(!termination && rnd() < 0.3 ? { reason: 'personal' as const } : {}),
    path,
    ...(signedMs <= NOW.getTime() && rnd() < 0.9 ? { signedAt: iso(signedMs) } : {}),
    needsCall: rnd() < 0.01,
  });
}

/** Writes the cases as a snapshot (one `put` record each), as a long-running cloud leaves its folder. */
function seed(dataDir: string, total: number): Record<string, number> {
  const rnd = random(20270615);
  const states: Record<string, number> = {};
  const fd = fs.openSync(path.join(dataDir, SNAPSHOT_FILE), 'w');
  let chunk: string[] = [snapshotHeader(1)];
  for (let i = 0; i < total; i++) {
    const doc = generatedCase(i, rnd);
    states[doc.state] = (states[doc.state] ?? 0) + 1;
    chunk.push(encodeRecord({ t: 'put', c: 'cases', d: doc as never }));
    if (chunk.length === 2000) {
      fs.writeSync(fd, chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length > 0) fs.writeSync(fd, chunk.join('\n') + '\n');
  fs.closeSync(fd);
  return states;
}

interface Timing {
  label: string;
  median: number;
  max: number;
  roundTrips: number;
  note: string;
}

async function time(
  cloud: LocalCloud,
  label: string,
  run: () => Promise<unknown>,
  describe: (result: unknown) => string,
): Promise<Timing> {
  await run(); // warm-up
  const samples: number[] = [];
  let result: unknown;
  let roundTrips = 0;
  for (let i = 0; i < RUNS; i++) {
    const before = cloud.stats();
    const t0 = performance.now();
    result = await run();
    samples.push(performance.now() - t0);
    const after = cloud.stats();
    roundTrips = after.reads + after.writes - before.reads - before.writes;
  }
  samples.sort((a, b) => a - b);
  return {
    label,
    median: samples[Math.floor(RUNS / 2)] as number,
    max: samples[RUNS - 1] as number,
    roundTrips,
    note: describe(result),
  };
}

type BoardOutcome = Awaited<ReturnType<ReturnType<typeof boardHandlers>['admin.board']>>;

function boardNote(result: unknown): string {
  const outcome = result as BoardOutcome;
  if (!outcome.ok) return `error ${outcome.error.code}`;
  const { rows, nextCursor } = outcome.data;
  return `${rows.length} rows${nextCursor ? ', more' : ''}; first ${rows[0]?.caseId ?? '-'}`;
}

async function measureSize(total: number): Promise<Timing[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'offboarding-bench-'));
  try {
    let t0 = performance.now();
    const states = seed(dataDir, total);
    const seedMs = performance.now() - t0;
    t0 = performance.now();
    const cloud = await createLocalCloud({ dataDir, realTimeTimers: false });
    const openMs = performance.now() - t0;
    console.log(
      `\n${total.toLocaleString('en')} cases — seeded in ${seedMs.toFixed(0)} ms, opened (snapshot, indexes) in ${openMs.toFixed(0)} ms`,
    );
    console.log(`  by state: ${JSON.stringify(states)}`);
    try {
      const db = cloud.cloud.database();
      const queries = caseQueries(db);
      const board = boardHandlers({ cases: queries })['admin.board'];
      const stats = statsHandlers({
        cases: queries,
        settings: settingsRepository(db, defaultSettings({}), systemClock),
        history: departureHistoryRepository(db),
      })['admin.stats'];
      const hr = hrCaller();
      const call = (caller: Caller, payload: ParsedPayload<'admin.board'> = {}) =>
        board({ caller, now: NOW }, payload);

      // Walk the HR chain to its middle for the deep page.
      const cursors: string[] = [];
      let cursor: string | undefined;
      do {
        const outcome = await call(hr, cursor ? { cursor } : {});
        cursor = outcome.ok ? outcome.data.nextCursor : undefined;
        if (cursor) cursors.push(cursor);
      } while (cursor);
      const deep = cursors[Math.floor(cursors.length / 2)];
      console.log(
        `  the HR board's chain has ${cursors.length + 1} pages; deep = page ${Math.floor(cursors.length / 2) + 2}`,
      );

      const busiest = await busiestManager(db);
      const managerStates = UNFINISHED_STATES.filter((state) => state !== 'draft');
      const after = deep ? decodeCursor(deep) : null;
      const page =
        (filter: BoardFilter, from: BoardPosition | OverduePosition | null = null) =>
        () =>
          queries.boardPage(filter, from, BOARD_PAGE_SIZE + 1);
      const pageNote = (r: unknown) => `${(r as unknown[]).length} rows`;
      const statsNote = (r: unknown) => {
        const outcome = r as Awaited<ReturnType<typeof stats>>;
        if (!outcome.ok) return `error ${outcome.error.code}`;
        const { reasons, avgHandlingDays, signedWithin72hShare, bottleneck } = outcome.data;
        return `${reasons.map((x) => x.count).join('/')} cases, ${avgHandlingDays} d, 72h ${signedWithin72hShare?.toFixed(2)}, bottleneck ${bottleneck}`;
      };
      return [
        await time(
          cloud,
          'admin.stats, last month',
          () => stats({ caller: hr, now: NOW }, MONTH),
          statsNote,
        ),
        await time(
          cloud,
          'admin.stats, a month 2 years back',
          () => stats({ caller: hr, now: NOW }, OLD_MONTH),
          statsNote,
        ),
        await time(cloud, 'admin.board, HR, first page', () => call(hr), boardNote),
        await time(cloud, '  page query only', page({ states: UNFINISHED_STATES }), pageNote),
        await time(
          cloud,
          '  counts aggregates only',
          () =>
            queries.countByState(
              {},
              new Date(NOW.getTime() - 90 * 86_400_000).toISOString(),
              NOW.toISOString(),
            ),
          (r) => JSON.stringify(r),
        ),
        await time(
          cloud,
          'admin.board, HR, deep page',
          () => call(hr, deep ? { cursor: deep } : {}),
          boardNote,
        ),
        await time(
          cloud,
          '  page query only',
          page({ states: UNFINISHED_STATES }, after),
          pageNote,
        ),
        await time(
          cloud,
          `admin.board, manager, first page`,
          () => call(managerCaller(busiest)),
          boardNote,
        ),
        await time(
          cloud,
          '  page query only',
          page({ managerNo: busiest, states: managerStates }),
          pageNote,
        ),
        await time(
          cloud,
          'admin.board, HR, overdue only',
          () => call(hr, { overdueOnly: true }),
          boardNote,
        ),
        await time(
          cloud,
          'admin.board, HR, completed',
          () => call(hr, { state: 'completed' }),
          boardNote,
        ),
        await time(cloud, '  page query only', page({ states: ['completed'] }), pageNote),
        await time(cloud, 'admin.board, HR, search "王"', () => call(hr, { q: '王' }), boardNote),
        await time(
          cloud,
          '  page query only',
          page({ states: UNFINISHED_STATES, q: '王' }),
          pageNote,
        ),
      ];
    } finally {
      await cloud.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The manager with the most cases, from one aggregation (not part of the timings). */
async function busiestManager(db: WxServerSdk.Database): Promise<string> {
  const $ = db.command.aggregate;
  const { list } = await db
    .collection('cases')
    .aggregate()
    .group({ _id: '$managerNo', n: $.sum(1) })
    .sort({ n: -1 })
    .limit(1)
    .end();
  return String(list[0]?._id ?? 'M001');
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const results = new Map<number, Timing[]>();
  for (const size of sizes.length > 0 ? sizes : [10_000, 100_000]) {
    const timings = await measureSize(size);
    results.set(size, timings);
    for (const t of timings) {
      console.log(
        `  ${t.label.padEnd(40)} median ${t.median.toFixed(2).padStart(8)} ms  max ${t.max.toFixed(2).padStart(8)} ms  ${t.roundTrips} round trips  ${t.note}`,
      );
    }
  }
  const [small, large] = [...results.keys()]
    .sort((a, b) => a - b)
    .filter((_, i, all) => i === 0 || i === all.length - 1);
  if (small === undefined || large === undefined || small === large) return;
  console.log(
    `\ngrowth from ${small.toLocaleString('en')} to ${large.toLocaleString('en')} cases (median ratio):`,
  );
  const smallTimings = results.get(small) ?? [];
  for (const [index, t] of (results.get(large) ?? []).entries()) {
    const before = smallTimings[index];
    if (!before) continue;
    console.log(`  ${t.label.padEnd(40)} × ${(t.median / before.median).toFixed(2)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
