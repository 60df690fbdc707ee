import canonicalize from 'canonicalize';
import {
  addDays,
  beijingDate,
  type CalendarDate,
  type Instant,
  toInstant,
} from './beijing-calendar';
import { lastEnteredAt } from './case-guards';
import { type CaseRecord } from './case-record';
import { type HashText } from './event-chain';

/**
 * 劳动合同法 第50条第3款: the employer keeps the text of an ended contract at least two years.
 * The company may keep its cases longer (`settings.retentionYears`), never shorter.
 */
export const MIN_RETENTION_YEARS = 2;

/** The retention the company configured, raised to the legal minimum; whole years. */
export function retentionYears(configured: unknown): number {
  if (typeof configured !== 'number' || !Number.isFinite(configured)) return MIN_RETENTION_YEARS;
  return Math.max(MIN_RETENTION_YEARS, Math.floor(configured));
}

/** The states a case is closed in: only these are ever purged. */
export type ClosedState = 'completed' | 'withdrawn';

/** When the case was closed (归档 or 撤回), or null while it is open. */
export function closedAt(caseDoc: CaseRecord): Instant | null {
  if (caseDoc.state === 'completed') {
    return caseDoc.completedAt ?? lastEnteredAt(caseDoc, 'completed') ?? null;
  }
  if (caseDoc.state === 'withdrawn') return lastEnteredAt(caseDoc, 'withdrawn') ?? null;
  return null;
}

/**
 * The first Beijing day a case closed at `closed` may be purged. The period runs from the day
 * after the closing (民法典 第201条: the first day is not counted) and ends on the corresponding
 * day `years` later, or the month's last day when there is none (29 February, 第202条); the
 * purge may happen the day after that.
 */
export function purgeableFrom(closed: Instant, years: number): CalendarDate {
  const [y, m, d] = beijingDate(closed).split('-').map(Number) as [number, number, number];
  const year = y + years;
  const lastOfMonth = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const end = `${year}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastOfMonth)).padStart(2, '0')}`;
  return addDays(end, 1);
}

export type PurgeVerdict =
  | { readonly ok: true; readonly closedAt: Instant; readonly purgeableFrom: CalendarDate }
  | {
      readonly ok: false;
      readonly guard: 'case_closed' | 'case_disputed' | 'retention_period';
      readonly purgeableFrom?: CalendarDate;
    };

/**
 * 个保法 第47条: once the retention period has passed, the personal information of a closed
 * case is deleted. An open case is still being handled; a case HR marked as disputed is kept,
 * whatever its age (the law requiring it: 劳动争议调解仲裁法 第6条); before the period
 * (劳动合同法 第50条第3款, `settings.retentionYears`) nothing is deleted.
 */
export function purgeVerdict(caseDoc: CaseRecord, years: number, now: Date): PurgeVerdict {
  const closed = closedAt(caseDoc);
  if (closed === null) return { ok: false, guard: 'case_closed' };
  if (caseDoc.disputed === true) return { ok: false, guard: 'case_disputed' };
  const from = purgeableFrom(closed, retentionYears(years));
  if (beijingDate(now) < from) return { ok: false, guard: 'retention_period', purgeableFrom: from };
  return { ok: true, closedAt: closed, purgeableFrom: from };
}

/**
 * What is left of a purged case: its id (derived from a hash, it names no one), its dates, and
 * the head of its audit chain, which the daily anchors outside the database still carry. The
 * purge's own record is chained onto that head and names the role only, no person.
 */
export interface CaseTombstone {
  readonly caseId: string;
  readonly closedState: ClosedState;
  readonly createdAt: Instant;
  readonly closedAt: Instant;
  readonly purgeableFrom: CalendarDate;
  readonly retentionYears: number;
  /** The final chain head and its number, as they stood when the case was purged. */
  readonly chainHead: string | null;
  readonly seq: number;
  readonly purge: PurgeRecord;
}

export interface PurgeRecord {
  readonly type: 'case.purge';
  readonly seq: number;
  readonly at: Instant;
  /** The role that purged; deliberately no OPENID (the record names no one). */
  readonly role: 'admin';
  readonly prevHash: string | null;
  /** SHA-256 of the RFC 8785 canonical JSON of the record without `hash`. */
  readonly hash: string;
}

export function caseTombstone(
  caseDoc: CaseRecord,
  verdict: Extract<PurgeVerdict, { ok: true }>,
  years: number,
  now: Date,
  sha256: HashText,
): CaseTombstone {
  const unhashed = {
    caseId: caseDoc.caseId,
    type: 'case.purge' as const,
    seq: caseDoc.seq + 1,
    at: toInstant(now),
    role: 'admin' as const,
    prevHash: caseDoc.lastEventHash,
  };
  const canonical = canonicalize(unhashed);
  if (canonical === undefined) throw new TypeError('a purge record must be a JSON value');
  const { caseId: _caseId, ...record } = unhashed;
  return {
    caseId: caseDoc.caseId,
    closedState: caseDoc.state === 'withdrawn' ? 'withdrawn' : 'completed',
    createdAt: caseDoc.createdAt,
    closedAt: verdict.closedAt,
    purgeableFrom: verdict.purgeableFrom,
    retentionYears: retentionYears(years),
    chainHead: caseDoc.lastEventHash,
    seq: caseDoc.seq,
    purge: { ...record, hash: sha256(canonical) },
  };
}

/**
 * Every stored file the case refers to, anywhere in it (uploads, evidence copies, the
 * signature, the PDFs, and the ids its events recorded): all of them go with the purge.
 */
export function storedFileIds(value: unknown, found: Set<string> = new Set()): string[] {
  if (typeof value === 'string') {
    if (value.startsWith('cloud://')) found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) storedFileIds(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) storedFileIds(item, found);
  }
  return [...found];
}
