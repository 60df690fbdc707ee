import { type Actor } from './actor';
import { type PendingEvent } from './case-effects';
import { type AuditEventType } from './case-events';
import { type Instant } from './beijing-calendar';
import canonicalize from 'canonicalize';
import { type CaseRecord } from './case-record';

/** SHA-256 of a text as 64 lowercase hex characters; the platform supplies it. */
export type HashText = (text: string) => string;

/** An audit event as stored: numbered, chained to the previous one, hashed. */
export interface AuditEvent {
  readonly caseId: string;
  readonly seq: number;
  readonly type: AuditEventType;
  readonly actor: Actor;
  readonly at: Instant;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly prevHash: string | null;
  readonly hash: string;
}

export type UnhashedEvent = Omit<AuditEvent, 'hash'>;

/** `hash` = SHA-256 of the RFC 8785 canonical JSON of the event without `hash`. */
export function hashEvent(event: UnhashedEvent, sha256: HashText): string {
  const { caseId, seq, type, actor, at, payload, prevHash } = event;
  // RFC 8785: members sorted by UTF-16 code units, numbers in ECMAScript's shortest form.
  const canonical = canonicalize({ caseId, seq, type, actor, at, payload, prevHash });
  if (canonical === undefined) throw new TypeError('an audit event must be a JSON value');
  return sha256(canonical);
}

/**
 * Numbers and hashes the event a change produced, and moves the case's chain head with it;
 * both are written in one version-checked update, so case and log never disagree.
 */
export function appendEvent(
  caseDoc: CaseRecord,
  pending: PendingEvent,
  sha256: HashText,
): { case: CaseRecord; event: AuditEvent } {
  const unhashed: UnhashedEvent = {
    caseId: caseDoc.caseId,
    seq: caseDoc.seq + 1,
    type: pending.type,
    actor: pending.actor,
    at: pending.at,
    payload: pending.payload,
    prevHash: caseDoc.lastEventHash,
  };
  const event: AuditEvent = { ...unhashed, hash: hashEvent(unhashed, sha256) };
  return { case: { ...caseDoc, seq: event.seq, lastEventHash: event.hash }, event };
}

export type ChainVerdict =
  { valid: true; head: string | null } | { valid: false; brokenAt: number };

/** The first link of a log that does not hold: which part of which event, and what it should be. */
export interface BrokenLink {
  readonly seq: number;
  readonly part: 'seq' | 'prevHash' | 'hash';
  readonly stored: number | string | null;
  readonly expected: number | string | null;
}

/**
 * Walks a case's log: numbered 1, 2, 3 …, each event's `prevHash` is the previous hash and its
 * hash matches its content. Answers the first link that fails, or null with the head.
 */
export function firstBrokenLink(
  events: readonly AuditEvent[],
  sha256: HashText,
): { broken: BrokenLink } | { broken: null; head: string | null } {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  let prev: string | null = null;
  for (let i = 0; i < ordered.length; i += 1) {
    const event = ordered[i];
    if (event === undefined) break;
    const { hash, ...rest } = event;
    const at = (
      part: BrokenLink['part'],
      stored: BrokenLink['stored'],
      expected: BrokenLink['expected'],
    ) => ({
      broken: { seq: event.seq, part, stored, expected },
    });
    if (event.seq !== i + 1) return at('seq', event.seq, i + 1);
    if (event.prevHash !== prev) return at('prevHash', event.prevHash, prev);
    const recomputed = hashEvent(rest, sha256);
    if (recomputed !== hash) return at('hash', hash, recomputed);
    prev = hash;
  }
  return { broken: null, head: prev };
}

/** Checks a case's log (see `firstBrokenLink`); the first event that fails is reported by its seq. */
export function verifyChain(
  events: readonly AuditEvent[],
  sha256: HashText,
  /** The case's own chain head, to notice events cut off the end. */
  expected?: { readonly seq: number; readonly head: string | null },
): ChainVerdict {
  const walked = firstBrokenLink(events, sha256);
  if (walked.broken) return { valid: false, brokenAt: walked.broken.seq };
  if (expected && (expected.seq !== events.length || expected.head !== walked.head)) {
    return { valid: false, brokenAt: events.length + 1 };
  }
  return { valid: true, head: walked.head };
}
