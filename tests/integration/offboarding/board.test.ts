import { BOARD_PAGE_SIZE, boardHandlers, encodeCursor } from '../../../server/app/board';
import type { Caller } from '../../../server/app/caller';
import type { ActionResult, ParsedPayload } from '../../../server/contract';
import { STATES, type State } from '../../../server/domain';
import { caseQueries } from '../../../server/infra/case-queries';
import { startCloud, type OffboardingCloud } from './fixtures/local-cloud';
import {
  hrCaller,
  managerCaller,
  type SeededCase,
  seedCases,
  storedCase,
} from './fixtures/stored-cases';

const NOW = new Date('2027-04-20T02:00:00.000Z'); // 10:00 Beijing
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const BASE = Date.parse('2027-04-14T00:00:00.000Z');
const OPEN_CYCLE: readonly State[] = ['submitted', 'returned', 'hr_review', 'formalities'];

/** 45 open cases over two managers, with ties on `enteredAt` every ten cases. */
function generated(i: number): SeededCase {
  const state = OPEN_CYCLE[i % 4] as State;
  const manager = i % 3 === 0 ? 'M2' : 'M1';
  const at = BASE + 2 * HOUR * (i % 10 === 1 ? i - 1 : i);
  const path: [State, string][] =
    state === 'submitted'
      ? [['submitted', iso(at)]]
      : state === 'formalities'
        ? [
            ['submitted', iso(at - 3 * DAY)],
            ['hr_review', iso(at - DAY)],
            ['formalities', iso(at)],
          ]
        : [
            ['submitted', iso(at - 2 * DAY)],
            [state, iso(at)],
          ];
  const no = String(i).padStart(3, '0');
  return storedCase({
    caseId: `c-${no}`,
    employeeNo: `E${no}`,
    name: `员工${i}`,
    department: manager === 'M1' ? '研发部' : '销售部',
    managerNo: manager,
    path,
    ...(state === 'formalities' && i % 8 === 3 ? { signedAt: iso(at + HOUR) } : {}),
    ...(i === 5 ? { needsCall: true } : {}),
  });
}

const SPECIAL: SeededCase[] = [
  // HR is preparing a termination: a draft only HR sees.
  storedCase({
    caseId: 'c-draft',
    employeeNo: 'E900',
    name: '王五',
    department: '研发部',
    managerNo: 'M1',
    path: [['draft', '2027-04-13T00:00:00.000Z']],
  }),
  storedCase({
    caseId: 'c-done',
    employeeNo: 'E901',
    name: '赵六',
    department: '研发部',
    managerNo: 'M1',
    path: [
      ['submitted', '2027-03-01T02:00:00.000Z'],
      ['hr_review', '2027-03-03T02:00:00.000Z'],
      ['formalities', '2027-03-04T02:00:00.000Z'],
      ['completed', '2027-04-05T02:00:00.000Z'],
    ],
    signedAt: '2027-03-05T02:00:00.000Z',
  }),
  storedCase({
    caseId: 'c-zw',
    employeeNo: 'E910',
    name: '张伟',
    department: '研发部',
    managerNo: 'M1',
    path: [['submitted', '2027-04-18T02:00:00.000Z']],
  }),
  storedCase({
    caseId: 'c-zwm',
    employeeNo: 'E911',
    name: '张伟明',
    department: '销售部',
    managerNo: 'M2',
    path: [
      ['submitted', '2027-04-10T02:00:00.000Z'],
      ['returned', '2027-04-16T02:00:00.000Z'],
    ],
  }),
  storedCase({
    caseId: 'c-lzw',
    employeeNo: 'E912',
    name: '李张伟',
    department: '研发部',
    managerNo: 'M1',
    path: [['submitted', '2027-04-19T02:00:00.000Z']],
  }),
  // No manager: HR reviews it, and no manager sees it.
  storedCase({
    caseId: 'c-nomgr',
    employeeNo: 'E920',
    name: '孙七',
    department: '财务部',
    path: [
      ['submitted', '2027-04-15T02:00:00.000Z'],
      ['hr_review', '2027-04-18T02:00:00.000Z'],
    ],
  }),
];

const SEEDED: SeededCase[] = [...Array.from({ length: 45 }, (_, i) => generated(i)), ...SPECIAL];

/** What the board should list, computed from the seeded documents independently of the query. */
function expected(options: {
  manager?: string;
  states?: readonly State[];
  overdueOnly?: boolean;
  department?: string;
}): SeededCase[] {
  const states = options.states ?? ['draft', 'submitted', 'returned', 'hr_review', 'formalities'];
  return SEEDED.filter(
    (doc) =>
      states.includes(doc.state) &&
      (options.manager === undefined ||
        (doc.managerNo === options.manager && doc.state !== 'draft')) &&
      (!options.overdueOnly ||
        (doc.overdueAt !== null && Date.parse(doc.overdueAt) <= NOW.getTime())) &&
      (options.department === undefined || doc.employee.department === options.department),
  ).sort((a, b) => {
    // The overdue board goes by urgency (the earliest deadline first), the others by entry.
    const [x, y] = options.overdueOnly
      ? [a.overdueAt ?? '', b.overdueAt ?? '']
      : [a.enteredAt, b.enteredAt];
    return x < y ? -1 : x > y ? 1 : a._id < b._id ? -1 : 1;
  });
}

let env: OffboardingCloud;
let board: ReturnType<typeof boardHandlers>['admin.board'];

beforeAll(async () => {
  env = await startCloud();
  await seedCases(env.db, SEEDED);
  board = boardHandlers({ cases: caseQueries(env.db) })['admin.board'];
});
afterAll(() => env.dispose());

type BoardData = ActionResult<'admin.board'>;

async function call(caller: Caller, payload: ParsedPayload<'admin.board'> = {}) {
  return board({ caller, now: NOW }, payload);
}

async function page(
  caller: Caller,
  payload: ParsedPayload<'admin.board'> = {},
): Promise<BoardData> {
  const outcome = await call(caller, payload);
  if (!outcome.ok) throw new Error(`board failed: ${outcome.error.message}`);
  return outcome.data;
}

/** Follows `nextCursor` to the end; every page is checked to hold at most 20 rows. */
async function allPages(caller: Caller, payload: ParsedPayload<'admin.board'> = {}) {
  const pages: BoardData[] = [];
  let cursor: string | undefined;
  do {
    const data = await page(caller, { ...payload, ...(cursor ? { cursor } : {}) });
    pages.push(data);
    cursor = data.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
}

const ids = (rows: readonly { caseId: string }[]) => rows.map((row) => row.caseId);

describe('admin.board', () => {
  it('shows HR the first 20 open cases, longest-waiting first, and counts every state with zeros', async () => {
    const data = await page(hrCaller());
    const open = expected({});
    expect(ids(data.rows)).toEqual(ids(open.slice(0, BOARD_PAGE_SIZE)));
    expect(data.nextCursor).toEqual(expect.any(String));
    const counts = Object.fromEntries(
      STATES.map((state) => [state, SEEDED.filter((doc) => doc.state === state).length]),
    );
    expect(data.counts).toEqual(counts);
    expect(data.counts).toMatchObject({ draft: 1, completed: 1, withdrawn: 0 });
    expect(Object.keys(data.counts).sort()).toEqual([...STATES].sort());
  });

  it('pages by 20 through every open case exactly once, in order', async () => {
    const pages = await allPages(hrCaller());
    const open = expected({});
    expect(open.length).toBeGreaterThan(2 * BOARD_PAGE_SIZE);
    expect(pages.map((p) => p.rows.length)).toEqual([20, 20, open.length - 40]);
    expect(pages.flatMap((p) => ids(p.rows))).toEqual(ids(open));
    expect(pages[pages.length - 1]?.nextCursor).toBeUndefined();
  });

  it('breaks ties on enteredAt by case id, so no page repeats or skips a row', async () => {
    const tied = SEEDED.filter((doc) => doc.enteredAt === generated(10).enteredAt).map(
      (d) => d._id,
    );
    expect(tied).toEqual(['c-010', 'c-011']);
    // A cursor placed exactly on the first of the pair continues with the second.
    const cursor = encodeCursor({ enteredAt: generated(10).enteredAt, caseId: 'c-010' });
    const data = await page(hrCaller(), { cursor });
    expect(data.rows[0]?.caseId).toBe('c-011');
  });

  it('shows a manager only the cases of their reports, never a draft', async () => {
    const pages = await allPages(managerCaller('M1'));
    const rows = pages.flatMap((p) => p.rows);
    expect(ids(rows)).toEqual(ids(expected({ manager: 'M1' })));
    expect(rows.every((row) => row.department === '研发部')).toBe(true);
    expect(ids(rows)).not.toContain('c-draft');
    expect(ids(rows)).not.toContain('c-nomgr');
    const mine = SEEDED.filter((doc) => doc.managerNo === 'M1' && doc.state !== 'draft');
    expect(pages[0]?.counts).toEqual(
      Object.fromEntries(
        STATES.map((state) => [state, mine.filter((doc) => doc.state === state).length]),
      ),
    );
    expect(pages[0]?.counts.draft).toBe(0);

    const drafts = await page(managerCaller('M1'), { state: 'draft' });
    expect(drafts.rows).toEqual([]);
  });

  it('gives a manager without reports an empty board with zero counts', async () => {
    const data = await page(managerCaller('M9'));
    expect(data.rows).toEqual([]);
    expect(data.nextCursor).toBeUndefined();
    expect(Object.values(data.counts).every((n) => n === 0)).toBe(true);
  });

  it('counts finished cases of the last 90 days only, and says since when', async () => {
    expect((await page(hrCaller())).finishedSince).toBe('2027-01-20');
    // c-done ended on 5 April: counted until 90 days later, then no longer.
    const later = async (days: number) => {
      const outcome = await board(
        { caller: hrCaller(), now: new Date(NOW.getTime() + days * DAY) },
        {},
      );
      if (!outcome.ok) throw new Error(outcome.error.message);
      return outcome.data;
    };
    expect((await later(74)).counts.completed).toBe(1);
    const afterwards = await later(76);
    expect(afterwards.finishedSince).toBe('2027-04-06');
    expect(afterwards.counts.completed).toBe(0);
    // Open cases are counted however long they have waited.
    expect(afterwards.counts.submitted).toBe((await page(hrCaller())).counts.submitted);
  });

  it('lists finished cases only when their state is asked for', async () => {
    const open = await allPages(hrCaller());
    expect(open.flatMap((p) => ids(p.rows))).not.toContain('c-done');
    const done = await page(hrCaller(), { state: 'completed' });
    expect(ids(done.rows)).toEqual(['c-done']);
    const submitted = await allPages(hrCaller(), { state: 'submitted' });
    expect(submitted.flatMap((p) => ids(p.rows))).toEqual(ids(expected({ states: ['submitted'] })));
  });

  it('filters to overdue cases, most overdue first, and counts under the same filter', async () => {
    const pages = await allPages(hrCaller(), { overdueOnly: true });
    const rows = pages.flatMap((p) => p.rows);
    const overdue = expected({ overdueOnly: true });
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.length).toBeLessThan(expected({}).length);
    expect(ids(rows)).toEqual(ids(overdue));
    // By urgency: the days overdue never grow down the list.
    const days = rows.map((row) => row.overdueDays ?? 0);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    // Not the entry order: the states give different times to answer (3 days, 7 for a return).
    const byEntry = expected({}).filter((doc) => ids(rows).includes(doc._id));
    expect(ids(rows)).not.toEqual(ids(byEntry));
    expect(rows.every((row) => row.overdue)).toBe(true);
    // Submitted on 04-14 10:00 Beijing: the manager's 3 days ran out on 04-17.
    expect(ids(rows)).toContain('c-000');
    // Submitted the day before: not overdue yet.
    expect(ids(rows)).not.toContain('c-lzw');
    expect(pages[0]?.counts.submitted).toBe(
      overdue.filter((doc) => doc.state === 'submitted').length,
    );
    expect(pages[0]?.counts.completed).toBe(0);
  });

  it('counts the overdue and the phone-call cases per state, whichever urgency tab is open', async () => {
    const isOverdue = (doc: SeededCase) =>
      doc.overdueAt !== null && Date.parse(doc.overdueAt) <= NOW.getTime();
    const perState = (docs: readonly SeededCase[]) => {
      const out: Partial<Record<State, number>> = {};
      for (const doc of docs) out[doc.state] = (out[doc.state] ?? 0) + 1;
      return out;
    };
    const open = expected({});
    const overdue = perState(open.filter(isOverdue));
    const needsCall = perState(open.filter((doc) => doc.needsCall));
    expect(Object.keys(overdue).length).toBeGreaterThan(1);
    expect(needsCall).toEqual({ returned: 1 });

    for (const payload of [
      {},
      { overdueOnly: true },
      { needsCallOnly: true },
      { state: 'draft' as const },
    ]) {
      const data = await page(hrCaller(), payload);
      expect({
        payload,
        overdue: data.overdueByState,
        needsCall: data.needsCallByState,
        submitted: data.countsIgnoringUrgency?.submitted,
      }).toEqual({
        payload,
        overdue,
        needsCall,
        submitted: expected({ states: ['submitted'] }).length,
      });
    }
  });

  it('filters to the cases that need a phone call, counting under that filter', async () => {
    const data = await page(hrCaller(), { needsCallOnly: true });
    expect(ids(data.rows)).toEqual(['c-005']);
    expect(data.rows[0]?.needsCall).toBe(true);
    expect(data.counts.returned).toBe(1);
    expect(data.counts.submitted).toBe(0);
    // A manager who is not c-005's (M2 has i % 3 === 0) sees none.
    expect((await page(managerCaller('M2'), { needsCallOnly: true })).rows).toEqual([]);
  });

  it('lists several states at once (待你处理), longest-waiting first', async () => {
    const rows = (await allPages(hrCaller(), { states: ['hr_review', 'formalities'] })).flatMap(
      (p) => p.rows,
    );
    expect(ids(rows)).toEqual(ids(expected({ states: ['hr_review', 'formalities'] })));
    // A manager asking for drafts among them still never sees one.
    const manager = await page(managerCaller('M1'), { states: ['draft', 'submitted'] });
    expect(manager.rows.every((row) => row.state === 'submitted')).toBe(true);
  });

  it('shows each row as the board needs it', async () => {
    const rows = (await allPages(hrCaller())).flatMap((p) => p.rows);
    const c000 = rows.find((row) => row.caseId === 'c-000');
    expect(c000).toEqual({
      caseId: 'c-000',
      kind: 'resignation',
      employeeNo: 'E000',
      name: '员工0',
      department: '销售部',
      reason: 'resignation',
      state: 'submitted',
      enteredAt: '2027-04-14T00:00:00.000Z',
      lastWorkingDay: '2027-05-14',
      overdue: true,
      // In its stage since 04-14, past the manager's 3 days since 04-17; today is 04-20.
      stayedDays: 6,
      overdueDays: 3,
      needsCall: false,
    });
    expect(rows.find((row) => row.caseId === 'c-005')?.needsCall).toBe(true);
    expect(rows.find((row) => row.caseId === 'c-lzw')?.overdue).toBe(false);
    const draft = rows.find((row) => row.caseId === 'c-draft');
    expect(draft).toMatchObject({ kind: 'termination', state: 'draft', overdue: false });
    expect(draft).not.toHaveProperty('lastWorkingDay');
  });

  it('filters by department', async () => {
    const rows = (await allPages(hrCaller(), { department: '销售部' })).flatMap((p) => p.rows);
    expect(ids(rows)).toEqual(ids(expected({ department: '销售部' })));
    const finance = await page(hrCaller(), { department: '财务部' });
    expect(ids(finance.rows)).toEqual(['c-nomgr']);
    expect(finance.counts.hr_review).toBe(1);
    expect(finance.counts.submitted).toBe(0);
  });

  it('finds by the start of a name or an exact employee number', async () => {
    const byName = await page(hrCaller(), { q: '张伟' });
    expect(ids(byName.rows).sort()).toEqual(['c-zw', 'c-zwm']);
    expect(byName.counts.submitted + byName.counts.returned).toBe(2);

    const byNo = await page(hrCaller(), { q: 'E007' });
    expect(ids(byNo.rows)).toEqual(['c-007']);
    expect(ids((await page(hrCaller(), { q: 'E00' })).rows)).toEqual([]);

    // Characters that mean something in a pattern are only text.
    expect((await page(hrCaller(), { q: '.*' })).rows).toEqual([]);

    // A manager's search stays within their reports.
    const managerSearch = await page(managerCaller('M1'), { q: '张伟' });
    expect(ids(managerSearch.rows)).toEqual(['c-zw']);
  });

  it.each([
    ['not base64url', '这不是游标'],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['the wrong shape', Buffer.from(JSON.stringify({ e: 1, i: 'c-1' })).toString('base64url')],
    [
      'an instant in another form',
      Buffer.from(JSON.stringify({ e: '2027-04-14T08:00:00+08:00', i: 'c-1' })).toString(
        'base64url',
      ),
    ],
    [
      'extra fields',
      Buffer.from(
        JSON.stringify({ e: '2027-04-14T00:00:00.000Z', i: 'c-1', state: 'draft' }),
      ).toString('base64url'),
    ],
  ])('refuses a cursor that is %s', async (_label, cursor) => {
    const outcome = await call(hrCaller(), { cursor });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('VALIDATION_FAILED');
    expect(outcome.error.message).toMatch(/翻页/);
    expect(outcome.error.details).toMatchObject({ field: 'cursor' });
  });

  it('answers in at most 3 database round trips, on the first page and deep in the chain', async () => {
    const first = await env.measure(() => call(hrCaller()));
    expect(first.roundTrips).toBeLessThanOrEqual(3);
    const data = first.result.ok ? first.result.data : null;
    const deep = await env.measure(() =>
      call(managerCaller('M1'), { q: '员工', cursor: data?.nextCursor }),
    );
    expect(deep.result.ok).toBe(true);
    expect(deep.roundTrips).toBeLessThanOrEqual(3);
    const overdue = await env.measure(() => call(managerCaller('M1'), { overdueOnly: true }));
    expect(overdue.result.ok).toBe(true);
    expect(overdue.roundTrips).toBeLessThanOrEqual(3);
  });

  it('pages the overdue board by its own cursor, and refuses the other order’s', async () => {
    const overdue = expected({ overdueOnly: true });
    const cut = overdue[2];
    if (!cut?.overdueAt) throw new Error('the seed has overdue cases');
    const cursor = encodeCursor({ overdueAt: cut.overdueAt, caseId: cut._id });
    const next = await page(hrCaller(), { overdueOnly: true, cursor });
    expect(ids(next.rows)).toEqual(ids(overdue.slice(3, 3 + BOARD_PAGE_SIZE)));

    const entryCursor = encodeCursor({ enteredAt: cut.enteredAt, caseId: cut._id });
    const mixed = await call(hrCaller(), { overdueOnly: true, cursor: entryCursor });
    expect(mixed.ok).toBe(false);
    const backwards = await call(hrCaller(), { cursor });
    expect(backwards.ok).toBe(false);
  });
});
