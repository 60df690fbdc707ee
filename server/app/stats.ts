import type { ActionResult } from '../contract';
import { MS_PER_DAY, type CalendarDate } from '../domain/beijing-calendar';
import { STATE_LABELS, STATES, type State } from '../domain/case-states';
import { ok } from './outcome';
import type { CaseQueries, OpenStall, OutcomeTotals } from './ports/case-queries.port';
import type { DepartureHistory } from './ports/departure-history.port';
import type { FileStore } from './ports/file-store.port';
import type { SettingsRepository } from './ports/settings.port';
import type { Sheet, SpreadsheetWriter } from './ports/spreadsheet.port';
import type { Handler } from './rpc-handler';

export interface StatsDeps {
  readonly cases: CaseQueries;
  readonly settings: SettingsRepository;
  readonly history: DepartureHistory;
}

export interface StatsExportDeps extends StatsDeps {
  readonly files: FileStore;
  /** Loaded on the first export: the writer stays off every other call's start-up. */
  readonly spreadsheets: SpreadsheetWriter;
}

type Stats = ActionResult<'admin.stats'>;
type StatsTable = 'reasons' | 'departments' | 'monthly' | 'stages';

/** The trend covers the last 12 months of the period. */
const TREND_MONTHS = 12;

/** Days to one decimal, as HR reads them. */
function days(ms: number): number {
  return Math.round((ms / MS_PER_DAY) * 10) / 10;
}

function avgHandlingDays(totals: OutcomeTotals): number | null {
  return totals.handled > 0 ? days(totals.handlingMs / totals.handled) : null;
}

function signedWithin72hShare(totals: OutcomeTotals): number | null {
  return totals.signingDecided > 0 ? totals.signedWithin72h / totals.signingDecided : null;
}

const NO_OUTCOMES: OutcomeTotals = {
  cases: 0,
  handled: 0,
  handlingMs: 0,
  handledUnsigned: 0,
  signingDecided: 0,
  signedWithin72h: 0,
};

function addOutcomes(sum: OutcomeTotals, row: OutcomeTotals): OutcomeTotals {
  return {
    cases: sum.cases + row.cases,
    handled: sum.handled + row.handled,
    handlingMs: sum.handlingMs + row.handlingMs,
    handledUnsigned: sum.handledUnsigned + row.handledUnsigned,
    signingDecided: sum.signingDecided + row.signingDecided,
    signedWithin72h: sum.signedWithin72h + row.signedWithin72h,
  };
}

/** `YYYY-MM` of the `count` months ending with the month of `to`, oldest first. */
export function monthsEndingWith(to: CalendarDate, count: number): string[] {
  const year = Number(to.slice(0, 4));
  const month = Number(to.slice(5, 7));
  const last = year * 12 + month - 1;
  const months: string[] = [];
  for (let index = last - count + 1; index <= last; index += 1) {
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}

/**
 * The stays under way of the period's cases still open, in the workflow's order, and the state where the most waiting
 * piles up (cases × days): a state where many cases are stuck for days is the bottleneck now,
 * even before any of them has left it. On a tie the earlier state is named.
 */
export function currentStallsOf(byState: ReadonlyMap<State, OpenStall>): {
  currentStalls: NonNullable<Stats['currentStalls']>;
  currentBottleneck: State | null;
} {
  const currentStalls: NonNullable<Stats['currentStalls']> = [];
  let currentBottleneck: State | null = null;
  let heaviest = 0;
  for (const state of STATES) {
    const stall = byState.get(state);
    if (!stall || stall.cases === 0) continue;
    currentStalls.push({
      state,
      cases: stall.cases,
      avgDays: stall.timed > 0 ? days(stall.stalledMs / stall.timed) : null,
      totalDays: days(stall.stalledMs),
    });
    if (stall.stalledMs > heaviest) {
      heaviest = stall.stalledMs;
      currentBottleneck = state;
    }
  }
  return { currentStalls, currentBottleneck };
}

/**
 * The statistics of the cases whose notice was received in [from, to] (Beijing dates), in any
 * state, with the 12-month trend ending at `to` and the imported history beside them. Four
 * database round trips: the settings, the period per reason and department, the months, and
 * the imported departures; each of the last three is one aggregation, so the cost follows the
 * number of reasons, departments and months, never the number of cases.
 */
async function computeStats(deps: StatsDeps, from: CalendarDate, to: CalendarDate, now: Date) {
  const months = monthsEndingWith(to, TREND_MONTHS);
  const trendFrom = `${months[0]}-01`;
  const [settings, totals, monthTotals, history] = await Promise.all([
    deps.settings.get(),
    deps.cases.periodTotals(from, to, now),
    deps.cases.monthTotals(trendFrom, to, now),
    deps.history.monthTotals(from < trendFrom ? from : trendFrom, to, from),
  ]);
  const rules = Object.values(settings.policy.reasons);
  const countsOf = (counts: ReadonlyMap<string, number>) =>
    rules.map((rule) => ({
      reason: rule.reason,
      label: rule.label,
      count: counts.get(rule.reason) ?? 0,
    }));

  let period = NO_OUTCOMES;
  const casesByReason = new Map<string, number>();
  const departments = new Map<string, Map<string, number>>();
  const stays = new Map<State, { cases: number; ms: number }>();
  const stalls = new Map<State, OpenStall>();
  for (const row of totals) {
    period = addOutcomes(period, row);
    casesByReason.set(row.reason, (casesByReason.get(row.reason) ?? 0) + row.cases);
    const department = departments.get(row.department) ?? new Map<string, number>();
    department.set(row.reason, (department.get(row.reason) ?? 0) + row.cases);
    departments.set(row.department, department);
    for (const state of STATES) {
      const stay = row.stays[state];
      if (!stay) continue;
      const sum = stays.get(state) ?? { cases: 0, ms: 0 };
      stays.set(state, { cases: sum.cases + stay.cases, ms: sum.ms + stay.ms });
    }
    for (const state of STATES) {
      const stall = row.stalls[state];
      if (!stall) continue;
      const sum = stalls.get(state) ?? { cases: 0, timed: 0, stalledMs: 0 };
      stalls.set(state, {
        cases: sum.cases + stall.cases,
        timed: sum.timed + stall.timed,
        stalledMs: sum.stalledMs + stall.stalledMs,
      });
    }
  }

  const avgDaysByState: Partial<Record<State, number>> = {};
  let bottleneck: State | null = null;
  let slowestMs = -1;
  for (const state of STATES) {
    const stay = stays.get(state);
    if (!stay || stay.cases === 0) continue;
    const meanMs = stay.ms / stay.cases;
    avgDaysByState[state] = days(meanMs);
    // Compared before rounding; on a tie the earlier state in the workflow is named.
    if (meanMs > slowestMs) {
      slowestMs = meanMs;
      bottleneck = state;
    }
  }

  const byDepartment = [...departments]
    .map(([department, counts]) => ({
      department,
      count: [...counts.values()].reduce((sum, count) => sum + count, 0),
      reasons: countsOf(counts),
    }))
    .sort((a, b) => b.count - a.count || (a.department < b.department ? -1 : 1));

  const caseMonths = new Map(monthTotals.map((row) => [row.month, row]));
  const importedMonths = new Map(history.map((row) => [row.month, row.departures]));
  const monthly = months.map((month) => {
    const row = caseMonths.get(month) ?? NO_OUTCOMES;
    return {
      month,
      cases: row.cases,
      avgHandlingDays: avgHandlingDays(row),
      signedWithin72hShare: signedWithin72hShare(row),
      imported: importedMonths.get(month) ?? 0,
    };
  });

  let imported = 0;
  let importedUnsigned = 0;
  for (const row of history) {
    imported += row.inPeriod;
    importedUnsigned += row.inPeriodUnsigned;
  }

  const stats: Stats = {
    reasons: countsOf(casesByReason),
    avgHandlingDays: avgHandlingDays(period),
    signedWithin72hShare: signedWithin72hShare(period),
    avgDaysByState,
    bottleneck,
    ...currentStallsOf(stalls),
    byDepartment,
    monthly,
    withoutSignedLetter: {
      imported: { departures: imported, share: imported > 0 ? importedUnsigned / imported : null },
      product: {
        departures: period.handled,
        share: period.handled > 0 ? period.handledUnsigned / period.handled : null,
      },
    },
  };
  return stats;
}

const TABLE_TITLES: Record<StatsTable, string> = {
  reasons: '离职原因分布',
  departments: '各部门离职原因',
  monthly: '近12个月趋势',
  stages: '各阶段平均停留',
};

/** One table of the statistics page as a sheet, with the same numbers the page shows. */
export function statsSheet(stats: Stats, table: StatsTable): Sheet {
  const name = TABLE_TITLES[table];
  switch (table) {
    case 'reasons':
      return {
        name,
        columns: [{ title: '离职原因' }, { title: '人数', format: 'count' }],
        rows: stats.reasons.map((row) => [row.label, row.count]),
      };
    case 'departments':
      return {
        name,
        columns: [
          { title: '部门' },
          { title: '合计', format: 'count' },
          ...stats.reasons.map((row) => ({ title: row.label, format: 'count' as const })),
        ],
        rows: stats.byDepartment.map((row) => [
          row.department,
          row.count,
          ...row.reasons.map((reason) => reason.count),
        ]),
      };
    case 'monthly':
      return {
        name,
        columns: [
          { title: '月份' },
          { title: '离职人数', format: 'count' },
          { title: '平均办理天数', format: 'days' },
          { title: '72小时内签署占比', format: 'share' },
          { title: '历史导入人数', format: 'count' },
        ],
        rows: stats.monthly.map((row) => [
          row.month,
          row.cases,
          row.avgHandlingDays,
          row.signedWithin72hShare,
          row.imported,
        ]),
      };
    case 'stages':
      return {
        name,
        columns: [{ title: '阶段' }, { title: '平均停留天数', format: 'days' }],
        rows: STATES.flatMap((state) => {
          const average = stats.avgDaysByState[state];
          return average === undefined ? [] : [[STATE_LABELS[state], average]];
        }),
      };
  }
}

/**
 * `admin.stats`: the statistics of a notice period. The reason distribution lists every
 * configured reason, zeros included, and so does each department's row.
 */
export function statsHandlers(deps: StatsDeps): { 'admin.stats': Handler<'admin.stats'> } {
  return {
    async 'admin.stats'({ now }, { from, to }) {
      return ok(await computeStats(deps, from, to, now));
    },
  };
}

/**
 * `admin.statsExport`: one table of the statistics as an `.xlsx` workbook in storage
 * (`exports/stats/…`, which clients cannot read directly) and a temporary URL to it, so HR can
 * open it with `wx.openDocument` and forward it. Same four database round trips as the stats.
 */
export function statsExportHandlers(deps: StatsExportDeps): {
  'admin.statsExport': Handler<'admin.statsExport'>;
} {
  return {
    async 'admin.statsExport'({ now }, { from, to, table }) {
      const stats = await computeStats(deps, from, to, now);
      const bytes = await deps.spreadsheets.xlsx(statsSheet(stats, table));
      const fileName = `${TABLE_TITLES[table]}-${from}至${to}.xlsx`;
      const fileId = await deps.files.upload(
        `exports/stats/${from}_${to}/${table}-${now.getTime()}.xlsx`,
        bytes,
      );
      const url = (await deps.files.temporaryUrls([fileId]))[fileId];
      if (!url) throw new Error(`no temporary URL for ${fileId}`);
      return ok({ fileId, url, fileName });
    },
  };
}
