import {
  CASE_KINDS,
  CASE_MACHINE,
  type CaseKind,
  EVENT_TYPES,
  type EventType,
  openTracks,
  STATES,
  type State,
  stageDurations,
  transition,
} from '../../../server/domain';
import { ACTOR_OF, attachment, caseIn, LATE, policy, UNION_NOTICE } from './case-fixtures';

const LATE_ISO = '2027-05-01T02:00:00.000Z';

/** DESIGN §3 "States and events", written out independently of the code's table. */
const EXPECTED: Record<CaseKind, Partial<Record<State, Partial<Record<EventType, State>>>>> = {
  resignation: {
    submitted: {
      'review.approve': 'hr_review',
      'review.return': 'returned',
      'hr.escalate': 'hr_review',
      withdraw: 'withdrawn',
      'hr.cancel': 'withdrawn',
    },
    returned: {
      resubmit: 'submitted',
      withdraw: 'withdrawn',
      'hr.escalate': 'hr_review',
      'hr.cancel': 'withdrawn',
    },
    hr_review: { 'hr.confirm': 'formalities', 'hr.return': 'returned', 'hr.cancel': 'withdrawn' },
    formalities: { 'hr.close': 'completed', 'hr.cancel': 'withdrawn' },
  },
  termination: {
    draft: { 'hr.issue': 'formalities', 'hr.cancel': 'withdrawn' },
    formalities: { 'hr.close': 'completed', 'hr.cancel': 'withdrawn' },
  },
};

const triples = CASE_KINDS.flatMap((kind) =>
  STATES.flatMap((state) => EVENT_TYPES.map((event) => ({ kind, state, event }))),
);

describe('the case machine (DESIGN §3 "States and events")', () => {
  it.each(triples)('$kind in $state on $event', ({ kind, state, event }) => {
    const expected = EXPECTED[kind][state]?.[event];
    // Everything every event needs: proof of delivery for the vanished employee's escalation,
    // the union notice for an issue, a basis for a cancellation.
    const base = caseIn(kind, state);
    const result = transition(
      { ...base, attachments: [...base.attachments, attachment('notice_delivery', LATE_ISO)] },
      {
        type: event,
        comment: '请补充材料',
        noProtectedStatus: true,
        unionNotice: UNION_NOTICE,
        basis: kind === 'resignation' ? 'duplicate' : 'employee_agreed',
      },
      LATE,
      { actor: ACTOR_OF[event], policy },
    );
    if (expected === undefined) {
      expect(result).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    } else {
      expect(result).toMatchObject({ ok: true, case: { state: expected } });
    }
  });

  it('has exactly the transitions of the design, no more', () => {
    const fromTable = CASE_MACHINE.flatMap((r) =>
      r.kinds.map((k) => `${k}:${r.from}:${r.event}→${r.to}`),
    );
    const fromDesign = CASE_KINDS.flatMap((kind) =>
      Object.entries(EXPECTED[kind]).flatMap(([state, events]) =>
        Object.entries(events ?? {}).map(([event, to]) => `${kind}:${state}:${event}→${to}`),
      ),
    );
    expect(fromTable.sort()).toEqual(fromDesign.sort());
  });

  it('lets no event leave a completed or withdrawn case', () => {
    for (const kind of CASE_KINDS) {
      for (const state of ['completed', 'withdrawn'] as const) {
        for (const event of EVENT_TYPES) {
          const result = transition(caseIn(kind, state), { type: event, comment: 'x' }, LATE, {
            actor: ACTOR_OF[event],
            policy,
          });
          expect(result.ok).toBe(false);
        }
      }
    }
  });

  it('gives every event the same actors wherever it appears', () => {
    const byEvent = new Map<string, string>();
    for (const rule of CASE_MACHINE) {
      const actors = [...rule.actors].sort().join(',');
      expect(byEvent.get(rule.event) ?? actors).toBe(actors);
      byEvent.set(rule.event, actors);
    }
  });

  it('bumps the version, records the stage change and emits the audit event', () => {
    const before = caseIn('resignation', 'submitted');
    const result = transition(before, { type: 'review.approve' }, LATE, {
      actor: ACTOR_OF['review.approve'],
      policy,
    });
    if (!result.ok) throw new Error(result.code);
    expect(result.case.version).toBe(before.version + 1);
    expect(result.case.stages.slice(-2)).toEqual([
      { state: 'submitted', enteredAt: before.stages[0]?.enteredAt, exitedAt: LATE.toISOString() },
      { state: 'hr_review', enteredAt: LATE.toISOString() },
    ]);
    expect(result.effects.event).toEqual({
      type: 'review.approve',
      actor: ACTOR_OF['review.approve'],
      at: LATE.toISOString(),
      payload: { from: 'submitted', to: 'hr_review' },
    });
    expect(openTracks(before)).toEqual(['manager_review']);
    expect(openTracks(result.case)).toEqual([]);
  });
});

describe('stage durations', () => {
  it('sums every stay in a state, counting an open stay up to now', () => {
    const hour = 3600 * 1000;
    const stages = [
      {
        state: 'submitted' as const,
        enteredAt: '2027-03-01T00:00:00.000Z',
        exitedAt: '2027-03-01T05:00:00.000Z',
      },
      {
        state: 'returned' as const,
        enteredAt: '2027-03-01T05:00:00.000Z',
        exitedAt: '2027-03-01T06:00:00.000Z',
      },
      {
        state: 'submitted' as const,
        enteredAt: '2027-03-01T06:00:00.000Z',
        exitedAt: '2027-03-01T08:00:00.000Z',
      },
      { state: 'hr_review' as const, enteredAt: '2027-03-01T08:00:00.000Z' },
    ];
    expect(stageDurations(stages, new Date('2027-03-01T11:00:00.000Z'))).toEqual({
      submitted: 7 * hour,
      returned: 1 * hour,
      hr_review: 3 * hour,
    });
  });
});
