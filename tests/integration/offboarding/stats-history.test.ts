import { strFromU8, unzipSync } from 'fflate';
import { systemClock } from '../../../server/app/clock';
import { historyImportHandlers } from '../../../server/app/history-import';
import { statsExportHandlers, statsHandlers } from '../../../server/app/stats';
import type { Handler } from '../../../server/app/rpc-handler';
import type { ActionPayload, ActionResult, ParsedPayload } from '../../../server/contract';
import { caseQueries } from '../../../server/infra/case-queries';
import { cloudFileStore } from '../../../server/infra/cloud-file-store';
import { departureHistoryRepository } from '../../../server/infra/departure-history.repository';
import { defaultSettings, settingsRepository } from '../../../server/infra/settings.repository';
import { xlsxSpreadsheetWriter } from '../../../server/infra/xlsx.spreadsheet-writer';
import { startCloud, type OffboardingCloud } from './fixtures/local-cloud';
import { hrCaller, seedCases, storedCase } from './fixtures/stored-cases';

/** Asked on 2027-05-20, 10:00 Beijing. */
const NOW = new Date('2027-05-20T02:00:00.000Z');
const SPRING = { from: '2027-03-01', to: '2027-04-30' };

/** Completed in 20 days; signed within the hour unless `signed: false` (the signature waived). */
const done = (
  caseId: string,
  department: string,
  reason: 'resignation' | 'personal',
  day: string,
  signed = true,
) =>
  storedCase({
    caseId,
    employeeNo: `E${caseId}`,
    name: caseId,
    department,
    reason,
    path: [
      ['submitted', `${day}T02:00:00.000Z`],
      ['hr_review', `${day}T03:00:00.000Z`],
      ['formalities', `${day}T04:00:00.000Z`],
      ['completed', `2027-05-${day.slice(8)}T02:00:00.000Z`],
    ],
    ...(signed ? { signedAt: `${day}T05:00:00.000Z` } : {}),
  });

const CASES = [
  done('1', '销售部', 'personal', '2027-03-02'),
  done('2', '销售部', 'personal', '2027-03-09', false),
  done('3', '销售部', 'resignation', '2027-04-06'),
  done('4', '研发部', 'resignation', '2027-04-07'),
  // A termination issued in April: 不能胜任工作 in 销售部.
  storedCase({
    caseId: 'T',
    employeeNo: 'ET',
    name: 'T',
    department: '销售部',
    path: [
      ['draft', '2027-04-01T02:00:00.000Z'],
      ['formalities', '2027-04-08T02:00:00.000Z'],
    ],
  }),
];

/** A part of a workbook, by its path inside the ZIP. */
function part(workbook: Uint8Array | null, name: string): string {
  if (!workbook) throw new Error('the workbook is not in storage');
  const bytes = unzipSync(new Uint8Array(workbook))[name];
  if (!bytes) throw new Error(`the workbook has no ${name}`);
  return strFromU8(bytes);
}

type HistoryRow = ActionPayload<'admin.importHistory'>['rows'][number];

/** Past departures as HR pastes them: 4 good rows, 2 of them without a signed letter. */
const row = (
  employeeNo: string,
  department: string,
  reason: string,
  noticeDate: string,
  lastWorkingDay: string,
  signed: string,
): HistoryRow => ({
  employeeNo,
  name: `往${employeeNo}`,
  department,
  reason,
  noticeDate,
  lastWorkingDay,
  signed,
});
const SIGNED_2026 = row('P1', '销售部', '辞职', '2026-06-01', '2026-07-01', '是');
const UNSIGNED_2026 = row('P2', '销售部', '其他个人原因', '2026-06-15', '2026-07-15', '否');
const SIGNED_MARCH = row('P3', '研发部', 'resignation', '2027-03-03', '2027-04-02', '已签');
const UNSIGNED_APRIL = row('P4', '研发部', '辞职', '2027-04-03', '2027-05-03', '未签');
const PAST: HistoryRow[] = [SIGNED_2026, UNSIGNED_2026, SIGNED_MARCH, UNSIGNED_APRIL];

let env: OffboardingCloud;

function handlers() {
  const deps = {
    cases: caseQueries(env.db),
    settings: settingsRepository(env.db, defaultSettings({}), systemClock),
    history: departureHistoryRepository(env.db),
  };
  return {
    ...statsHandlers(deps),
    ...statsExportHandlers({
      ...deps,
      files: cloudFileStore(env.cloud.cloud),
      spreadsheets: xlsxSpreadsheetWriter,
    }),
    ...historyImportHandlers(deps),
  };
}

async function run<A extends 'admin.stats' | 'admin.statsExport' | 'admin.importHistory'>(
  action: A,
  payload: ParsedPayload<A>,
): Promise<ActionResult<A>> {
  const handler = handlers()[action] as unknown as Handler<A>;
  const outcome = await handler({ caller: hrCaller(), now: NOW }, payload);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.data;
}

beforeAll(async () => {
  env = await startCloud();
  await seedCases(env.db, CASES);
});
afterAll(() => env.dispose());

describe('admin.stats by department and month', () => {
  it('lists each department with its reasons, the most departures first', async () => {
    const stats = await run('admin.stats', SPRING);
    expect(stats.byDepartment).toEqual([
      {
        department: '销售部',
        count: 4,
        reasons: [
          { reason: 'resignation', label: '辞职', count: 1 },
          { reason: 'personal', label: '其他个人原因', count: 2 },
          { reason: 'incompetence', label: '不能胜任工作', count: 1 },
          { reason: 'employer_fault', label: '用人单位过错（被迫解除）', count: 0 },
        ],
      },
      {
        department: '研发部',
        count: 1,
        reasons: [
          { reason: 'resignation', label: '辞职', count: 1 },
          { reason: 'personal', label: '其他个人原因', count: 0 },
          { reason: 'incompetence', label: '不能胜任工作', count: 0 },
          { reason: 'employer_fault', label: '用人单位过错（被迫解除）', count: 0 },
        ],
      },
    ]);
  });

  it('draws the 12 months up to the period end, each with its own averages', async () => {
    const { monthly } = await run('admin.stats', SPRING);
    expect(monthly.map((m) => m.month)).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
    ]);
    expect(monthly.slice(-2)).toEqual([
      // 1 (03-02 → 05-02) 61 d, 2 (03-09 → 05-09) 61 d; 2 never signed.
      { month: '2027-03', cases: 2, avgHandlingDays: 61, signedWithin72hShare: 0.5, imported: 0 },
      // 3 and 4 handled in 30 d; T's window passed unsigned.
      { month: '2027-04', cases: 3, avgHandlingDays: 30, signedWithin72hShare: 2 / 3, imported: 0 },
    ]);
  });
});

describe('admin.importHistory', () => {
  it('reports each bad row in Chinese and stores the good ones', async () => {
    const bad: HistoryRow[] = [
      { ...SIGNED_2026, employeeNo: 'Q1', reason: '被开除' },
      { ...SIGNED_2026, employeeNo: 'Q2', signed: '也许' },
      { ...SIGNED_2026, employeeNo: 'Q3', lastWorkingDay: '2026-05-01' },
      { ...SIGNED_2026, employeeNo: 'Q4', noticeDate: '2027-06-01', lastWorkingDay: '2027-07-01' },
    ];
    const answer = await run('admin.importHistory', { rows: [...PAST, ...bad, UNSIGNED_2026] });
    expect(answer).toEqual({
      created: 4,
      updated: 0,
      unchanged: 0,
      errors: [
        {
          row: 5,
          field: 'reason',
          message: '离职原因应为：辞职、其他个人原因、不能胜任工作、用人单位过错（被迫解除）',
        },
        { row: 6, field: 'signed', message: '是否签署应填“是”或“否”' },
        { row: 7, field: 'lastWorkingDay', message: '最后工作日不能早于提出离职日期' },
        { row: 8, field: 'noticeDate', message: '历史离职的提出日期不能晚于今天' },
        { row: 9, field: 'noticeDate', message: '员工 P2 在 2026-06-15 的离职在本次导入中重复' },
      ],
    });
  });

  it('adds nothing when the same sheet comes again, and corrects a changed row', async () => {
    const again = await run('admin.importHistory', { rows: PAST });
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 4, errors: [] });
    const corrected = await run('admin.importHistory', {
      rows: [{ ...UNSIGNED_APRIL, signed: '是' }],
    });
    expect(corrected).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    await run('admin.importHistory', { rows: [UNSIGNED_APRIL] });
    expect((await env.db.collection('departure_history').count()).total).toBe(4);
  });

  it('keeps history out of the cases: no evidence, no board, no reminders', async () => {
    expect((await env.db.collection('cases').count()).total).toBe(CASES.length);
    expect((await env.db.collection('reminders').count()).total).toBe(0);
    const { data } = await env.db.collection('departure_history').where({ employeeNo: 'P2' }).get();
    expect(data[0]).toMatchObject({
      source: 'history_import',
      reason: 'personal',
      signed: false,
      noticeDate: '2026-06-15',
    });
    expect(data[0]).not.toHaveProperty('events');
    expect(data[0]).not.toHaveProperty('state');
  });

  it('sets the imported baseline beside the product in the statistics', async () => {
    const year = await run('admin.stats', { from: '2026-06-01', to: '2027-04-30' });
    // Imported: P1 signed, P2 not, P3 signed, P4 not → 2 of 4; the product: case 2 of 4 completed.
    expect(year.withoutSignedLetter).toEqual({
      imported: { departures: 4, share: 0.5 },
      product: { departures: 4, share: 0.25 },
    });
    const imported = Object.fromEntries(year.monthly.map((m) => [m.month, m.imported]));
    expect(imported).toMatchObject({ '2026-06': 2, '2027-03': 1, '2027-04': 1, '2026-07': 0 });
    // Imported departures are never counted as cases.
    expect(year.reasons.reduce((sum, r) => sum + r.count, 0)).toBe(CASES.length);
  });
});

describe('admin.statsExport', () => {
  it('writes the department table as an xlsx workbook with a temporary URL', async () => {
    const answer = await run('admin.statsExport', { ...SPRING, table: 'departments' });
    expect(answer.fileName).toBe('各部门离职原因-2027-03-01至2027-04-30.xlsx');
    expect(answer.fileId).toMatch(
      /^cloud:\/\/.+\/exports\/stats\/2027-03-01_2027-04-30\/departments-\d+\.xlsx$/,
    );
    expect(answer.url).toMatch(/^https?:\/\//);

    const bytes = env.cloud.readFile(answer.fileId);
    if (!bytes) throw new Error('the workbook is not in storage');
    const parts = unzipSync(new Uint8Array(bytes));
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    expect(part(bytes, 'xl/workbook.xml')).toContain('<sheet name="各部门离职原因"');
    const sheet = part(bytes, 'xl/worksheets/sheet1.xml');
    const cells = [
      ...sheet.matchAll(
        /<c r="([A-Z]+\d+)"[^>]*>(?:<is><t[^>]*>([^<]*)<\/t><\/is>|<v>([^<]*)<\/v>)<\/c>/g,
      ),
    ].map(([, ref, text, value]) => [ref, text ?? Number(value)]);
    expect(cells).toEqual([
      ['A1', '部门'],
      ['B1', '合计'],
      ['C1', '辞职'],
      ['D1', '其他个人原因'],
      ['E1', '不能胜任工作'],
      ['F1', '用人单位过错（被迫解除）'],
      ['A2', '销售部'],
      ['B2', 4],
      ['C2', 1],
      ['D2', 2],
      ['E2', 1],
      ['F2', 0],
      ['A3', '研发部'],
      ['B3', 1],
      ['C3', 1],
      ['D3', 0],
      ['E3', 0],
      ['F3', 0],
    ]);
  });

  it('writes shares as percentages and leaves a month without an average empty', async () => {
    const answer = await run('admin.statsExport', { ...SPRING, table: 'monthly' });
    const sheet = part(env.cloud.readFile(answer.fileId), 'xl/worksheets/sheet1.xml');
    // 2027-04 is row 13: 3 cases, 30 days (one decimal style 2), 2/3 signed (percent style 3).
    expect(sheet).toContain(
      '<row r="13"><c r="A13" t="inlineStr"><is><t xml:space="preserve">2027-04</t></is></c><c r="B13"><v>3</v></c><c r="C13" s="2"><v>30</v></c><c r="D13" s="3"><v>0.6666666666666666</v></c><c r="E13"><v>1</v></c></row>',
    );
    // 2026-05 (row 2) had nothing: no average, no share.
    expect(sheet).toContain(
      '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">2026-05</t></is></c><c r="B2"><v>0</v></c><c r="E2"><v>0</v></c></row>',
    );
  });

  it('stays within 4 database round trips', async () => {
    const { result, roundTrips } = await env.measure(() =>
      run('admin.statsExport', { ...SPRING, table: 'reasons' }),
    );
    expect(result.fileId).toContain('reasons');
    expect(roundTrips).toBeLessThanOrEqual(4);
  });
});
