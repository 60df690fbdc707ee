import type { ActionResult, State } from '../../server/contract';
import { beijingToday } from './beijing-time';
import { STATE_LABELS } from './labels';

type Stats = ActionResult<'admin.stats'>;

export type PeriodChoice = 'thisMonth' | 'lastMonth' | 'last90';

export const PERIOD_LABELS: Record<PeriodChoice, string> = {
  thisMonth: '本月',
  lastMonth: '上月',
  last90: '近90天',
};

export interface Period {
  from: string;
  to: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const pad = (n: number): string => String(n).padStart(2, '0');

function isoDate(utc: number): string {
  const d = new Date(utc);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The inclusive Beijing dates `admin.stats` takes for a quick choice. "本月" runs to today:
 * the rest of the month has no notices yet.
 */
export function statsPeriod(choice: PeriodChoice, nowMs: number): Period {
  const today = beijingToday(nowMs);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const todayUtc = Date.UTC(y, m - 1, d);
  switch (choice) {
    case 'thisMonth':
      return { from: isoDate(Date.UTC(y, m - 1, 1)), to: today };
    case 'lastMonth':
      // Day 0 of this month is the last day of the previous one.
      return { from: isoDate(Date.UTC(y, m - 2, 1)), to: isoDate(Date.UTC(y, m - 1, 0)) };
    case 'last90':
      return { from: isoDate(todayUtc - 89 * DAY_MS), to: today };
  }
}

/** A range HR picked by hand; the server refuses an inverted one too. */
export function rangeProblem(period: Period): string {
  if (!period.from || !period.to) return '请选择开始和结束日期';
  if (period.from > period.to) return '结束日期不能早于开始日期';
  return '';
}

export interface ReasonBar {
  reason: string;
  label: string;
  count: number;
  share: string;
  /** Bar width in percent of the row. */
  width: number;
}

export interface StageRow {
  state: State;
  label: string;
  days: string;
  width: number;
  bottleneck: boolean;
}

/** One state's open cases and how long they have stood there so far. */
export interface StallRow {
  state: State;
  label: string;
  /** `2 件 · 平均已停留22.2天`. */
  text: string;
  /** Width in percent of the heaviest state's waiting (cases × days). */
  width: number;
  bottleneck: boolean;
}

/** One reason's part of a department's stacked bar; `tone` picks its colour by position. */
export interface DepartmentSegment {
  reason: string;
  label: string;
  count: number;
  /** Width in percent of the row (the largest department fills it). */
  width: number;
  tone: number;
}

export interface DepartmentBar {
  department: string;
  count: number;
  segments: DepartmentSegment[];
  /** `辞职 1 · 其他个人原因 2`: the reasons that occurred, in the configured order. */
  breakdown: string;
}

/** A column of the 12-month chart: cases and imported departures stacked. */
export interface MonthColumn {
  month: string;
  /** `5月`, or `2027年1月` for January so the year change shows. */
  short: string;
  cases: number;
  imported: number;
  /** Heights in percent of the tallest month. */
  casesHeight: number;
  importedHeight: number;
  avgHandlingDays: string;
  signedWithin72h: string;
}

export interface BaselineBar {
  departures: number;
  share: string;
  width: number;
}

export interface StatsView {
  total: number;
  reasons: ReasonBar[];
  avgHandlingDays: string;
  signedWithin72h: string;
  stages: StageRow[];
  bottleneckLabel: string;
  /** The period's cases still open, per state: 待部门审批 2 件，平均已停留22.2天. */
  stalls: StallRow[];
  /** Where the open cases pile up now ('' with nothing open, or from an older server). */
  currentBottleneckLabel: string;
  /** The reasons in order with their colour, for the department chart's legend. */
  legend: { label: string; tone: number }[];
  /** The departments with the most departures, at most DEPARTMENTS_SHOWN. */
  departments: DepartmentBar[];
  /** Departments beyond those shown: the exported table lists them all. */
  moreDepartments: number;
  months: MonthColumn[];
  /** Whether any month has imported departures (the chart then shows their colour). */
  hasImported: boolean;
  /** Departures without a signed letter: imported history, then the product; null when unknown. */
  baseline: { imported: BaselineBar | null; product: BaselineBar | null };
}

/** Departments drawn on the page: one setData stays small however many a company has. */
export const DEPARTMENTS_SHOWN = 20;

/** Colours of a stacked bar: as many as the wxss defines, then round again. */
const TONES = 4;

/** `0.4567` → `45.7%`: one decimal is what a person compares. */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** Workflow order, taken from the labels so every state has a place. */
const STATE_ORDER = Object.keys(STATE_LABELS) as State[];

function stallsView(stats: Stats): Pick<StatsView, 'stalls' | 'currentBottleneckLabel'> {
  const stalls = stats.currentStalls ?? [];
  const heaviest = Math.max(0, ...stalls.map((s) => s.totalDays));
  return {
    stalls: stalls.map((s) => ({
      state: s.state,
      label: STATE_LABELS[s.state],
      text: `${s.cases} 件${s.avgDays === null ? '' : ` · 平均已停留${s.avgDays}天`}`,
      width: heaviest > 0 ? Math.round((s.totalDays / heaviest) * 100) : 0,
      bottleneck: s.state === stats.currentBottleneck,
    })),
    currentBottleneckLabel: stats.currentBottleneck ? STATE_LABELS[stats.currentBottleneck] : '',
  };
}

export function statsView(stats: Stats): StatsView {
  const total = stats.reasons.reduce((sum, r) => sum + r.count, 0);
  const stays: { state: State; days: number }[] = [];
  for (const state of STATE_ORDER) {
    const days = stats.avgDaysByState[state];
    if (days !== undefined) stays.push({ state, days });
  }
  const longest = Math.max(0, ...stays.map((s) => s.days));
  return {
    total,
    reasons: stats.reasons.map((r) => {
      const share = total > 0 ? r.count / total : 0;
      return {
        reason: r.reason,
        label: r.label,
        count: r.count,
        share: percent(share),
        width: Math.round(share * 100),
      };
    }),
    avgHandlingDays: stats.avgHandlingDays === null ? '—' : `${stats.avgHandlingDays} 天`,
    signedWithin72h:
      stats.signedWithin72hShare === null ? '—' : percent(stats.signedWithin72hShare),
    stages: stays.map(({ state, days }) => ({
      state,
      label: STATE_LABELS[state],
      days: `${days} 天`,
      width: longest > 0 ? Math.round((days / longest) * 100) : 0,
      bottleneck: state === stats.bottleneck,
    })),
    bottleneckLabel: stats.bottleneck ? STATE_LABELS[stats.bottleneck] : '',
    ...stallsView(stats),
    ...trendView(stats),
  };
}

function shortMonth(month: string): string {
  const number = Number(month.slice(5, 7));
  return number === 1 ? `${month.slice(0, 4)}年1月` : `${number}月`;
}

function baselineBar(side: { departures: number; share: number | null }): BaselineBar | null {
  if (side.share === null) return null;
  return {
    departures: side.departures,
    share: percent(side.share),
    width: Math.round(side.share * 100),
  };
}

/** The department, month and before/after charts of the stats page. */
export function trendView(
  stats: Stats,
): Pick<
  StatsView,
  'legend' | 'departments' | 'moreDepartments' | 'months' | 'hasImported' | 'baseline'
> {
  const widest = Math.max(0, ...stats.byDepartment.map((d) => d.count));
  const departments = stats.byDepartment.slice(0, DEPARTMENTS_SHOWN).map((row) => ({
    department: row.department,
    count: row.count,
    segments: row.reasons
      .map((reason, index) => ({
        reason: reason.reason,
        label: reason.label,
        count: reason.count,
        width: widest > 0 ? (reason.count / widest) * 100 : 0,
        tone: index % TONES,
      }))
      .filter((segment) => segment.count > 0),
    breakdown: row.reasons
      .filter((reason) => reason.count > 0)
      .map((reason) => `${reason.label} ${reason.count}`)
      .join(' · '),
  }));
  const tallest = Math.max(0, ...stats.monthly.map((m) => m.cases + m.imported));
  const height = (n: number) => (tallest > 0 ? Math.round((n / tallest) * 100) : 0);
  return {
    legend: stats.reasons.map((reason, index) => ({ label: reason.label, tone: index % TONES })),
    departments,
    moreDepartments: Math.max(0, stats.byDepartment.length - DEPARTMENTS_SHOWN),
    months: stats.monthly.map((m) => ({
      month: m.month,
      short: shortMonth(m.month),
      cases: m.cases,
      imported: m.imported,
      casesHeight: height(m.cases),
      importedHeight: height(m.imported),
      avgHandlingDays: m.avgHandlingDays === null ? '—' : `${m.avgHandlingDays} 天`,
      signedWithin72h: m.signedWithin72hShare === null ? '—' : percent(m.signedWithin72hShare),
    })),
    hasImported: stats.monthly.some((m) => m.imported > 0),
    baseline: {
      imported: baselineBar(stats.withoutSignedLetter.imported),
      product: baselineBar(stats.withoutSignedLetter.product),
    },
  };
}
