import { addDays, beijingDate, beijingTime, toInstant } from '../domain/beijing-calendar';
import type { AnchoredHead, EvidenceMismatch } from '../domain/case-replay';
import canonicalize from 'canonicalize';
import { FUNCTION_TIMEOUT_MAX_MS } from './reminder-delivery';
import type { AnchorMarkersRepository } from './ports/anchor-markers.port';
import type { Crypto } from './ports/crypto.port';
import type { FileStore } from './ports/file-store.port';
import type { ChainHead, ReminderCaseQueries } from './ports/reminder-case-queries.port';

export interface AnchorDeps {
  readonly markers: AnchorMarkersRepository;
  readonly queries: ReminderCaseQueries;
  readonly files: FileStore;
  readonly crypto: Crypto;
}

export type AnchorOutcome =
  | {
      readonly status: 'written';
      readonly date: string;
      readonly cases: number;
      readonly fileId: string;
    }
  | { readonly status: 'done' | 'in_progress'; readonly date: string };

const PAGE = 100;

/** Where the anchor of a Beijing date lives in cloud storage. */
export function anchorPath(date: string): string {
  return `anchors/${date}.json`;
}

/**
 * The daily evidence anchor (DESIGN §3 "Legal rules", 电子签名法 第13条: later changes must be
 * detectable): the first run after 00:00 Beijing writes the chain head, as of midnight, of every
 * case with an event the previous day to `anchors/YYYY-MM-DD.json`, outside the database. A
 * marker document per date (added before the file) makes it once a day; a marker a crashed run
 * left is taken over and the same file written again (the content depends only on that day).
 */
export async function anchorPreviousDay(
  deps: AnchorDeps,
  now: Date,
  memo: { lastDone?: string },
): Promise<AnchorOutcome> {
  const today = beijingDate(now);
  const date = addDays(today, -1);
  if (memo.lastDone === date) return { status: 'done', date };
  const at = toInstant(now);
  const marker = await deps.markers.get(date);
  if (marker?.status === 'done') {
    memo.lastDone = date;
    return { status: 'done', date };
  }
  if (marker) {
    const stale = now.getTime() - Date.parse(marker.at) >= FUNCTION_TIMEOUT_MAX_MS;
    if (!stale || !(await deps.markers.retake(date, marker.at, at))) {
      return { status: 'in_progress', date };
    }
  } else if (!(await deps.markers.claim({ date, status: 'writing', at }))) {
    return { status: 'in_progress', date };
  }

  const dayStart = toInstant(beijingTime(date, 0));
  const dayEnd = toInstant(beijingTime(today, 0));
  const heads: ChainHead[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await deps.queries.changedSince(dayStart, after, PAGE);
    for (const c of page) {
      // The head as of midnight: events after it belong to today's anchor.
      const thatDay = c.events.filter((e) => e.at < dayEnd);
      const last = thatDay.reduce<(typeof thatDay)[number] | undefined>(
        (best, e) => (best === undefined || e.seq > best.seq ? e : best),
        undefined,
      );
      if (last && last.at >= dayStart) {
        heads.push({ caseId: c.caseId, seq: last.seq, lastEventHash: last.hash });
      }
    }
    if (page.length < PAGE) break;
    after = (page[page.length - 1] as { caseId: string }).caseId;
  }
  heads.sort((a, b) => (a.caseId < b.caseId ? -1 : 1));
  const body = {
    date,
    timezone: 'Asia/Shanghai',
    from: dayStart,
    to: dayEnd,
    cases: heads,
    // One hash over the list: an RFC 3161 timestamp (optional) would be taken over this.
    digest: deps.crypto.sha256(canonicalize(heads) ?? '[]'),
  };
  const fileId = await deps.files.upload(
    anchorPath(date),
    new TextEncoder().encode(`${JSON.stringify(body, null, 2)}\n`),
  );
  await deps.markers.complete(date, { fileId, cases: heads.length, at });
  memo.lastDone = date;
  return { status: 'written', date, cases: heads.length, fileId };
}

/** What the daily anchors say about one case, and what is wrong with the anchors themselves. */
export interface AnchorReading {
  readonly heads: AnchoredHead[];
  readonly problems: EvidenceMismatch[];
}

/**
 * Reads the anchors of the given dates (the Beijing days on which the case had events; the
 * anchor of a day lists only cases changed that day) and takes this case's head from each.
 * A marker whose file is gone, or a file whose digest does not match its list, is a problem.
 */
export async function anchoredHeads(
  deps: Pick<AnchorDeps, 'markers' | 'files' | 'crypto'>,
  caseId: string,
  dates: readonly string[],
): Promise<AnchorReading> {
  const markers = await deps.markers.listDone(dates);
  const heads: AnchoredHead[] = [];
  const problems: EvidenceMismatch[] = [];
  await Promise.all(
    markers.map(async (marker) => {
      const field = `anchors.${marker.date}`;
      const bytes = marker.fileId ? await deps.files.download(marker.fileId) : null;
      if (!bytes) {
        problems.push({ field: `${field}.file`, stored: marker.fileId ?? null, replayed: null });
        return;
      }
      let body: { cases?: unknown; digest?: unknown };
      try {
        body = JSON.parse(new TextDecoder().decode(bytes)) as typeof body;
      } catch {
        problems.push({ field: `${field}.file`, stored: marker.fileId ?? null, replayed: null });
        return;
      }
      const cases = Array.isArray(body.cases) ? (body.cases as ChainHead[]) : [];
      const digest = deps.crypto.sha256(canonicalize(cases) ?? '[]');
      if (digest !== body.digest) {
        problems.push({
          field: `${field}.digest`,
          stored: typeof body.digest === 'string' ? body.digest : null,
          replayed: digest,
        });
      }
      for (const head of cases) {
        if (head.caseId === caseId) {
          heads.push({ date: marker.date, seq: head.seq, lastEventHash: head.lastEventHash });
        }
      }
    }),
  );
  heads.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { heads, problems };
}
