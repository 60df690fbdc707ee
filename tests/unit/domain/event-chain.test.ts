import canonicalize from 'canonicalize';
import fc from 'fast-check';
import {
  appendEvent,
  type AuditEvent,
  canonicalJson,
  type CaseRecord,
  hashEvent,
  type PendingEvent,
  recordEvidenceView,
  verifyChain,
} from '../../../server/domain';
import { caseIn, EMPLOYEE, HR, sha256 } from './case-fixtures';

function chainOf(pending: PendingEvent[]): { case: CaseRecord; events: AuditEvent[] } {
  let c: CaseRecord = { ...caseIn('resignation', 'submitted'), seq: 0, lastEventHash: null };
  const events: AuditEvent[] = [];
  for (const p of pending) {
    const next = appendEvent(c, p, sha256);
    c = next.case;
    events.push(next.event);
  }
  return { case: c, events };
}

const pending: PendingEvent[] = [
  {
    type: 'case.submit',
    actor: EMPLOYEE,
    at: '2027-03-01T02:00:00.000Z',
    payload: { reason: 'resignation' },
  },
  {
    type: 'case.attach',
    actor: EMPLOYEE,
    at: '2027-03-01T03:00:00.000Z',
    payload: { kind: 'handover_checklist' },
  },
  {
    type: 'hr.escalate',
    actor: HR,
    at: '2027-03-06T02:00:00.000Z',
    payload: { comment: '经理出差' },
  },
  {
    type: 'hr.confirm',
    actor: HR,
    at: '2027-03-07T02:00:00.000Z',
    payload: { lastWorkingDay: '2027-03-31' },
  },
];

describe('audit chain (RFC 8785 + SHA-256)', () => {
  it('chains events: numbered from 1, each pointing at the previous hash, the case holding the head', () => {
    const { case: c, events } = chainOf(pending);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(events[0]?.prevHash).toBeNull();
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect(c.seq).toBe(4);
    expect(c.lastEventHash).toBe(events[3]?.hash);
    expect(verifyChain(events, sha256, { seq: c.seq, head: c.lastEventHash })).toEqual({
      valid: true,
      head: c.lastEventHash,
    });
  });

  it('detects an altered payload, actor or time by the seq of the altered event', () => {
    const { events } = chainOf(pending);
    const alter = (i: number, change: Partial<AuditEvent>) =>
      events.map((e, j) => (j === i ? { ...e, ...change } : e));
    expect(verifyChain(alter(2, { payload: { comment: '经理同意' } }), sha256)).toEqual({
      valid: false,
      brokenAt: 3,
    });
    expect(verifyChain(alter(1, { actor: HR }), sha256)).toEqual({ valid: false, brokenAt: 2 });
    expect(verifyChain(alter(0, { at: '2027-02-01T02:00:00.000Z' }), sha256)).toEqual({
      valid: false,
      brokenAt: 1,
    });
  });

  it('detects a re-hashed event by the next link, a removed event, and a cut-off tail', () => {
    const { case: c, events } = chainOf(pending);
    const forged = events.map((e, j) => {
      if (j !== 1) return e;
      const changed = { ...e, payload: { kind: 'other' } };
      return { ...changed, hash: hashEvent(changed, sha256) };
    });
    expect(verifyChain(forged, sha256)).toEqual({ valid: false, brokenAt: 3 });
    expect(
      verifyChain(
        events.filter((e) => e.seq !== 2),
        sha256,
      ),
    ).toEqual({ valid: false, brokenAt: 3 });
    const head = { seq: c.seq, head: c.lastEventHash };
    expect(verifyChain(events.slice(0, 3), sha256, head)).toEqual({ valid: false, brokenAt: 4 });
  });

  it('serialises like the canonicalize package (RFC 8785) for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(canonicalize(value));
      }),
      { numRuns: 500 },
    );
    expect(canonicalJson({ b: 1, a: [true, null, 'é'], c: { z: 1e21, y: 0.1 } })).toBe(
      '{"a":[true,null,"é"],"b":1,"c":{"y":0.1,"z":1e+21}}',
    );
  });
});

describe('events that change no state', () => {
  it('a completed case still takes the view of its evidence, chained like any event', () => {
    const completed = caseIn('resignation', 'completed');
    const viewed = recordEvidenceView(completed, HR, new Date('2027-06-01T02:00:00.000Z'));
    if (!viewed.ok) throw new Error(viewed.code);
    expect(viewed.case.state).toBe('completed');
    expect(viewed.case.version).toBe(completed.version + 1);
    const { case: chained, event } = appendEvent(viewed.case, viewed.effects.event, sha256);
    expect(event).toMatchObject({
      type: 'evidence.view',
      seq: completed.seq + 1,
      prevHash: completed.lastEventHash,
    });
    expect(chained.lastEventHash).toBe(event.hash);
  });
});
