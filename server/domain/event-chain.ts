import { type Actor, type PendingEvent } from './case-effects';
import { type AuditEventType } from './case-events';
import { type Instant } from './beijing-calendar';
import { canonicalJson } from './canonical-json';
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
  return sha256(canonicalJson({ caseId, seq, type, actor, at, payload, prevHash }));
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

/**
 * Checks a case's log: numbered 1, 2, 3 …, each event's `prevHash` is the previous hash and
 * its hash matches its content. The first event that fails is reported by its seq.
 */
export function verifyChain(
  events: readonly AuditEvent[],
  sha256: HashText,
  /** The case's own chain head, to notice events cut off the end. */
  expected?: { readonly seq: number; readonly head: string | null },
): ChainVerdict {
  const ordered = [...events].sort((a, b) => a.seq - b.seq);
  let prev: string | null = null;
  for (let i = 0; i < ordered.length; i += 1) {
    const event = ordered[i];
    if (event === undefined) break;
    const { hash, ...rest } = event;
    if (event.seq !== i + 1 || event.prevHash !== prev || hashEvent(rest, sha256) !== hash) {
      return { valid: false, brokenAt: event.seq };
    }
    prev = hash;
  }
  if (expected && (expected.seq !== ordered.length || expected.head !== prev)) {
    return { valid: false, brokenAt: ordered.length + 1 };
  }
  return { valid: true, head: prev };
}
