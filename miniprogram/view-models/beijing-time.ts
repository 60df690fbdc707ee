import dayjs from 'dayjs';

/**
 * Beijing time for display. Every date in the product is Asia/Shanghai (DESIGN §3), whatever
 * the phone's own time zone, so nothing here uses the device's local offset: instants are
 * shifted by a fixed +08:00 (China has no daylight saving time) and read with UTC getters.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The Beijing wall clock of an instant as a Date whose UTC fields are Beijing's. */
function beijingWallClock(iso: string): Date | null {
  const parsed = dayjs(iso);
  if (!parsed.isValid()) return null;
  return new Date(parsed.valueOf() + BEIJING_OFFSET_MS);
}

/** `2027-03-01T02:05:00Z` → `2027-03-01 10:05` (Beijing). Unparseable input → `—`. */
export function formatInstant(iso: string | undefined | null): string {
  if (!iso) return '—';
  const d = beijingWallClock(iso);
  if (!d) return '—';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(
    d.getUTCHours(),
  )}:${pad(d.getUTCMinutes())}`;
}

/** The Beijing calendar date (`YYYY-MM-DD`) of an instant. */
export function beijingDateOf(iso: string): string | null {
  const d = beijingWallClock(iso);
  if (!d) return null;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function parseDate(date: string): { y: number; m: number; d: number; utc: number } | null {
  const match = DATE_PATTERN.exec(date);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  const utc = Date.UTC(y, m - 1, d);
  const check = new Date(utc);
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return { y, m, d, utc };
}

/** `2027-03-01` → `2027年3月1日（周一）`; the weekday comes from the date itself, not a clock. */
export function formatDate(date: string | undefined | null): string {
  if (!date) return '—';
  const parsed = parseDate(date);
  if (!parsed) return '—';
  const weekday = WEEKDAYS[new Date(parsed.utc).getUTCDay()] ?? '';
  return `${parsed.y}年${parsed.m}月${parsed.d}日（周${weekday}）`;
}

/** `2027-03-04` → `3月4日`: a day within the case's own weeks, where the year goes unsaid. */
export function formatMonthDay(date: string | undefined | null): string {
  if (!date) return '—';
  const parsed = parseDate(date);
  return parsed ? `${parsed.m}月${parsed.d}日` : '—';
}

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`); null when either is malformed. */
export function daysBetween(from: string, to: string): number | null {
  const a = parseDate(from);
  const b = parseDate(to);
  if (!a || !b) return null;
  return Math.round((b.utc - a.utc) / DAY_MS);
}

/** Today's Beijing date for an instant given in epoch milliseconds. */
export function beijingToday(nowMs: number): string {
  const d = new Date(nowMs + BEIJING_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
