import { CronExpressionParser } from 'cron-parser';

/** WeChat timer triggers run in UTC+8 (定时触发器: "触发器规则的时区为 UTC+8"). */
export const TRIGGER_TIME_ZONE = 'Asia/Shanghai';
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000; // China has had no daylight saving time since 1991.
const MIN_YEAR = 1970;
const MAX_YEAR = 2099;

function shanghaiYear(time: Date): number {
  return new Date(time.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
}

function startOfShanghaiYear(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - SHANGHAI_OFFSET_MS);
}

/** The 7th field: `*`, `2027`, `2027-2029`, `2027,2030`, `*\/2`, `2027/2`, `2027-2035/3`. */
function parseYears(field: string, expression: string): (year: number) => boolean {
  if (field === '*') return () => true;
  const allowed = new Set<number>();
  for (const item of field.split(',')) {
    const match = /^(\*|\d{4})(?:-(\d{4}))?(?:\/(\d+))?$/.exec(item);
    if (!match) throw new Error(`cron "${expression}": invalid year field "${field}"`);
    const from = match[1] === '*' ? MIN_YEAR : Number(match[1]);
    const to = match[2] ? Number(match[2]) : match[1] === '*' || match[3] ? MAX_YEAR : from;
    const step = match[3] ? Number(match[3]) : 1;
    if (from < MIN_YEAR || to > MAX_YEAR || from > to || step < 1) {
      throw new Error(`cron "${expression}": year out of ${MIN_YEAR}-${MAX_YEAR} in "${field}"`);
    }
    for (let year = from; year <= to; year += step) allowed.add(year);
  }
  return (year) => allowed.has(year);
}

/**
 * A WeChat timer trigger's cron: seven fields (second minute hour day month weekday year),
 * evaluated in Asia/Shanghai. The first six go to cron-parser (which, like WeChat, treats day
 * and weekday as "or" when both are given); the year is filtered here.
 */
export class CronSchedule {
  private readonly sixFields: string;
  private readonly yearAllowed: (year: number) => boolean;

  constructor(readonly expression: string) {
    const fields = expression.trim().split(/\s+/);
    if (fields.length !== 7) {
      throw new Error(
        `cron "${expression}": WeChat timer triggers need 7 fields (second minute hour day month weekday year)`,
      );
    }
    this.sixFields = fields.slice(0, 6).join(' ');
    this.yearAllowed = parseYears(fields[6] as string, expression);
    this.nextAfter(new Date()); // validates the first six fields now, not at the first tick
  }

  /** The first tick strictly after `after`, or null if there is none (before 2100). */
  nextAfter(after: Date): Date | null {
    let from = after;
    for (;;) {
      const iterator = CronExpressionParser.parse(this.sixFields, {
        currentDate: from,
        tz: TRIGGER_TIME_ZONE,
      });
      const tick = iterator.next().toDate();
      const year = shanghaiYear(tick);
      if (year > MAX_YEAR) return null;
      if (this.yearAllowed(year)) return tick;
      let next = year + 1;
      while (next <= MAX_YEAR && !this.yearAllowed(next)) next++;
      if (next > MAX_YEAR) return null;
      // Jump to just before the next allowed year instead of stepping through every tick.
      from = new Date(startOfShanghaiYear(next).getTime() - 1);
    }
  }
}
