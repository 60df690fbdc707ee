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

export interface StatsView {
  total: number;
  reasons: ReasonBar[];
  avgHandlingDays: string;
  signedWithin72h: string;
  stages: StageRow[];
  bottleneckLabel: string;
}

/** `0.4567` → `45.7%`: one decimal is what a person compares. */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** Workflow order, taken from the labels so every state has a place. */
const STATE_ORDER = Object.keys(STATE_LABELS) as State[];

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
  };
}
