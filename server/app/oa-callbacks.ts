import type { ActionResult, OaCallbackBody } from '../contract';
import { STATE_LABELS } from '../domain/case-states';
import type { AuditEvent } from '../domain/event-chain';
import { type Outcome, fail, ok } from './outcome';
import type { CasesRepository, StoredCase } from './ports/cases.port';
import type { Handler } from './rpc-handler';

/**
 * Status callbacks to the company's OA (README "接入 OA"): every state change of a case the OA
 * started is put in the `oa_callbacks` outbox with the change itself, and the `oa-webhook`
 * timer posts them, signed, in order per case, at least once; the receiver drops repeats by
 * `eventSeq`.
 */

/** First retry after 5 minutes, then doubling, at most 4 hours apart, for 24 hours. */
export const OA_RETRY_BASE_MS = 5 * 60_000;
export const OA_RETRY_MAX_MS = 4 * 3_600_000;
export const OA_RETRY_WINDOW_MS = 24 * 3_600_000;
/** Entries read per timer run: one page, in case and sequence order. */
export const OA_OUTBOX_PAGE = 100;

export type OaCallbackStatus = 'pending' | 'delivered' | 'failed';

/** One callback in the outbox (`oa_callbacks`, `_id` = `<caseId>:<eventSeq, 6 digits>`). */
export interface OaCallbackEntry {
  readonly id: string;
  readonly caseId: string;
  readonly eventSeq: number;
  readonly body: OaCallbackBody;
  readonly status: OaCallbackStatus;
  readonly attempts: number;
  readonly createdAt: string;
  /** Start of the 24 hours of retries (creation, or HR's last retry). */
  readonly windowStart: string;
  readonly nextAttemptAt: string;
  readonly lastError?: string;
  readonly deliveredAt?: string;
}

export interface OaOutboxRepository {
  /** Pending entries in `_id` order (per case, by sequence). */
  pending(limit: number): Promise<readonly OaCallbackEntry[]>;
  /** Of these cases, those with an entry given up on: they wait for HR's retry. */
  stopped(caseIds: readonly string[]): Promise<ReadonlySet<string>>;
  delivered(id: string, at: string): Promise<void>;
  attemptFailed(id: string, attempts: number, nextAttemptAt: string, error: string): Promise<void>;
  /** After 24 hours: the case's entries stop (in order) until HR retries. */
  giveUp(caseId: string, error: string): Promise<void>;
  /** HR's retry: the case's failed and pending entries due now, with a new 24 hours. */
  requeue(caseId: string, at: string): Promise<number>;
  /** The 同步失败 mark on the case's board row. */
  markCase(caseId: string, failing: boolean): Promise<void>;
}

export interface CallbackPoster {
  /** POSTs the body; resolves with the HTTP status, or an error text when none came back. */
  post(
    url: string,
    headers: Readonly<Record<string, string>>,
    body: string,
  ): Promise<{ status: number } | { error: string }>;
}

export interface OaSignature {
  /** Hex HMAC-SHA256 with `secret` over `timestamp + "." + body`. */
  sign(secret: string, timestamp: string, body: Uint8Array): string;
  /** Equal strings, compared in constant time. */
  equal(a: string, b: string): boolean;
}

export function outboxId(caseId: string, eventSeq: number): string {
  return `${caseId}:${String(eventSeq).padStart(6, '0')}`;
}

/** The outbox entry for a change of an OA case, or null when the case is not the OA's. */
export function oaCallbackFor(stored: StoredCase, event: AuditEvent): OaCallbackEntry | null {
  if (stored.source !== 'oa' || !stored.oaRef) return null;
  const body: OaCallbackBody = {
    oaRef: stored.oaRef,
    caseId: stored.caseId,
    state: stored.state,
    stateLabel: STATE_LABELS[stored.state],
    lastWorkingDay: stored.lastWorkingDay ?? null,
    at: event.at,
    eventSeq: event.seq,
  };
  return {
    id: outboxId(stored.caseId, event.seq),
    caseId: stored.caseId,
    eventSeq: event.seq,
    body,
    status: 'pending',
    attempts: 0,
    createdAt: event.at,
    windowStart: event.at,
    nextAttemptAt: event.at,
  };
}

export function retryDelayMs(attempts: number): number {
  return Math.min(OA_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), OA_RETRY_MAX_MS);
}

/** The headers a signed request carries (the OA signs its webhook calls the same way). */
export function signedHeaders(
  signature: OaSignature,
  secret: string,
  now: Date,
  body: string,
): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    'content-type': 'application/json; charset=utf-8',
    'x-oa-timestamp': timestamp,
    'x-oa-signature': `sha256=${signature.sign(secret, timestamp, Buffer.from(body, 'utf8'))}`,
  };
}

export interface DeliveryDeps {
  readonly outbox: OaOutboxRepository;
  readonly poster: CallbackPoster;
  readonly signature: OaSignature;
  readonly url: string;
  readonly secret: string;
}

export interface DeliveryReport {
  delivered: number;
  failed: number;
  gaveUp: number;
  waiting: number;
}

/**
 * One timer run: for each case, its pending callbacks in sequence order; the first that fails
 * (or is not due yet) holds back the later ones of that case, so the OA sees the changes in
 * the order they happened.
 */
export async function deliverOaCallbacks(deps: DeliveryDeps, now: Date): Promise<DeliveryReport> {
  const report: DeliveryReport = { delivered: 0, failed: 0, gaveUp: 0, waiting: 0 };
  const entries = await deps.outbox.pending(OA_OUTBOX_PAGE);
  const byCase = new Map<string, OaCallbackEntry[]>();
  for (const entry of entries) {
    const list = byCase.get(entry.caseId) ?? [];
    list.push(entry);
    byCase.set(entry.caseId, list);
  }
  // A later change must not overtake one given up on: the whole case waits for HR's retry.
  const stopped = byCase.size > 0 ? await deps.outbox.stopped([...byCase.keys()]) : new Set();
  for (const [caseId, list] of byCase) {
    if (stopped.has(caseId)) {
      report.waiting += list.length;
      continue;
    }
    list.sort((a, b) => a.eventSeq - b.eventSeq);
    let sent = 0;
    for (const entry of list) {
      if (Date.parse(entry.nextAttemptAt) > now.getTime()) break;
      const body = JSON.stringify(entry.body);
      const answer = await deps.poster.post(
        deps.url,
        signedHeaders(deps.signature, deps.secret, now, body),
        body,
      );
      const failure =
        'error' in answer
          ? answer.error
          : answer.status >= 200 && answer.status < 300
            ? null
            : `HTTP ${answer.status}`;
      if (failure === null) {
        await deps.outbox.delivered(entry.id, now.toISOString());
        report.delivered += 1;
        sent += 1;
        continue;
      }
      const attempts = entry.attempts + 1;
      const next = now.getTime() + retryDelayMs(attempts);
      if (next - Date.parse(entry.windowStart) > OA_RETRY_WINDOW_MS) {
        await deps.outbox.giveUp(caseId, failure);
        report.gaveUp += 1;
      } else {
        await deps.outbox.attemptFailed(entry.id, attempts, new Date(next).toISOString(), failure);
        report.failed += 1;
      }
      if (entry.attempts === 0) await deps.outbox.markCase(caseId, true);
      break;
    }
    report.waiting += list.length - sent;
    // Everything of the case went through after an earlier failure: the mark goes.
    if (sent === list.length && list.some((e) => e.attempts > 0)) {
      await deps.outbox.markCase(caseId, false);
    }
  }
  return report;
}

/** `case.oaRetry` (HR): the case's callbacks are sent again at the next timer run. */
export function oaCallbackHandlers(deps: {
  readonly cases: CasesRepository;
  readonly outbox: OaOutboxRepository;
}): { 'case.oaRetry': Handler<'case.oaRetry'> } {
  return {
    async 'case.oaRetry'({ now }, { caseId }): Promise<Outcome<ActionResult<'case.oaRetry'>>> {
      const caseDoc = await deps.cases.get(caseId);
      if (!caseDoc) return fail('NOT_FOUND', '没有找到该离职案件');
      // A case made in the mini program has no callbacks: nothing to send again.
      if (caseDoc.source !== 'oa') return ok({ caseId, requeued: 0 });
      const requeued = await deps.outbox.requeue(caseId, now.toISOString());
      return ok({ caseId, requeued });
    },
  };
}
