import fc from 'fast-check';
import {
  type Actor,
  ATTACHMENT_KINDS,
  attach,
  beijingDate,
  type CaseRecord,
  changeChecklistItem,
  type ChecklistItemId,
  type DomainResult,
  draftTermination,
  allowedEvents,
  EVENT_TYPES,
  type EventType,
  FIXED_CHECKLIST_ITEM_IDS,
  isSettled,
  isState,
  isTerminal,
  renderLetter,
  signLetter,
  submitResignation,
  transition,
} from '../../../server/domain';
import { ACTOR_OF, EMPLOYEE, employee, HR, MANAGER, policy, sha256 } from './case-fixtures';

const ADMIN: Actor = { openid: 'o-admin', role: 'admin' };
const actor = fc.constantFrom(EMPLOYEE, MANAGER, HR, ADMIN);
const day = fc.constantFrom('2027-02-20', '2027-03-10', '2027-03-31', '2027-04-20', '2027-06-01');

const operation = fc.oneof(
  fc.record({
    op: fc.constant('event' as const),
    // Mostly an event the state allows, by the actor it is meant for; sometimes anything.
    guided: fc.boolean(),
    pick: fc.nat(),
    type: fc.constantFrom(...EVENT_TYPES),
    actor,
    comment: fc.option(fc.constantFrom('请补充', ' '), { nil: undefined }),
    noProtectedStatus: fc.option(fc.boolean(), { nil: undefined }),
    lastWorkingDay: fc.option(day, { nil: undefined }),
    earlyReleaseProposedBy: fc.option(fc.constantFrom('employee' as const, 'company' as const), {
      nil: undefined,
    }),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('checklist' as const),
      guided: fc.boolean(),
      pick: fc.nat(),
      item: fc.constantFrom<ChecklistItemId[]>(
        ...FIXED_CHECKLIST_ITEM_IDS,
        'asset:badge',
        'asset:laptop',
      ),
      waive: fc.boolean(),
      done: fc.boolean(),
      note: fc.option(fc.constantFrom('已处理', ''), { nil: undefined }),
      actor,
    }),
  },
  fc.record({
    op: fc.constant('attach' as const),
    kind: fc.constantFrom(...ATTACHMENT_KINDS, 'handover_checklist', 'appraisal_record'),
    actor: fc.constantFrom(EMPLOYEE, MANAGER, HR, ADMIN, HR),
  }),
  fc.record({ op: fc.constant('sign' as const), actor: fc.constantFrom(EMPLOYEE, EMPLOYEE, HR) }),
  fc.record({ op: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 24 * 12 }) }),
);
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

function guidedActor(type: EventType, c: CaseRecord): Actor {
  const meant = ACTOR_OF[type];
  return meant === MANAGER && c.managerNo === undefined ? HR : meant;
}

function apply(c: CaseRecord, raw: Exclude<Operation, { op: 'wait' }>, now: Date): DomainResult {
  let op = raw;
  if (op.op === 'event' && op.guided) {
    // Ending the case is allowed almost everywhere; pick it rarely so runs get far.
    const allowed = allowedEvents(c.kind, c.state);
    const forward = allowed.filter((e) => e !== 'withdraw' && e !== 'hr.cancel');
    const choices = op.pick % 40 === 0 || forward.length === 0 ? allowed : forward;
    const type = choices[op.pick % Math.max(choices.length, 1)] ?? op.type;
    op = { ...op, type, actor: guidedActor(type, c), comment: '请补充', noProtectedStatus: true };
  }
  if (op.op === 'checklist' && op.guided) {
    const open = c.checklist.filter((e) => !isSettled(e));
    const entry = open[op.pick % Math.max(open.length, 1)];
    if (entry) {
      const who = entry.by[0] === 'manager' ? MANAGER : entry.by[0] === 'employee' ? EMPLOYEE : HR;
      op = { ...op, item: entry.item, actor: op.waive ? HR : who, done: true, note: '已处理' };
    }
  }
  switch (op.op) {
    case 'event':
      return transition(c, { ...op }, now, { actor: op.actor, policy });
    case 'checklist':
      return changeChecklistItem(
        c,
        op.waive
          ? { item: op.item, waive: true, note: op.note ?? '' }
          : { item: op.item, done: op.done, note: op.note },
        op.actor,
        now,
      );
    case 'attach': {
      const file = {
        fileId: 'f',
        evidenceFileId: 'e',
        sha256: sha256('f'),
        size: 1,
        contentType: 'application/pdf',
      };
      return attach(c, op.kind, [file], op.actor, now);
    }
    case 'sign': {
      const hash = sha256(renderLetter(c).text);
      return signLetter(
        c,
        {
          signatureHash: sha256('png'),
          letterHash: hash,
          currentLetterHash: hash,
          clientIp: '::1',
        },
        op.actor,
        now,
      );
    }
  }
}

const start = fc.record({
  kind: fc.constantFrom('resignation' as const, 'termination' as const),
  hasManager: fc.boolean(),
  probationEndDate: fc.constantFrom('2024-08-31', '2027-03-01', '2027-12-31'),
  payInLieu: fc.boolean(),
});

describe('the case machine under random event sequences', () => {
  const reached = new Set<string>();
  afterAll(() => {
    // The runs must get far enough for the invariants to mean something.
    expect([...reached]).toEqual(
      expect.arrayContaining(['formalities', 'completed', 'withdrawn', 'returned', 'hr_review']),
    );
  });

  it('stays in defined states, never leaves a terminal one, never closes early or with open items', () => {
    fc.assert(
      fc.property(
        start,
        fc.array(operation, { minLength: 30, maxLength: 150, size: 'max' }),
        (s, ops) => {
          let now = new Date('2027-03-01T02:00:00.000Z');
          const snapshot = {
            ...employee,
            managerNo: s.hasManager ? 'M001' : undefined,
            probationEndDate: s.probationEndDate,
          };
          const created =
            s.kind === 'resignation'
              ? submitResignation(
                  {
                    caseId: 'c1',
                    employee: snapshot,
                    employeeOpenid: EMPLOYEE.openid,
                    reason: 'resignation',
                  },
                  now,
                  policy,
                  sha256,
                )
              : draftTermination(
                  {
                    caseId: 'c1',
                    employee: snapshot,
                    reason: 'incompetence',
                    noticeMode: s.payInLieu ? 'payInLieu' : 'notice30',
                    lastWorkingDay: s.payInLieu ? '2027-04-10' : undefined,
                  },
                  now,
                  HR,
                  policy,
                );
          if (!created.ok) throw new Error(created.code);
          let c = created.case;
          for (const op of ops) {
            if (op.op === 'wait') {
              now = new Date(now.getTime() + op.hours * 3600 * 1000);
              continue;
            }
            const result = apply(c, op, now);
            if (isTerminal(c.state)) {
              expect(result.ok).toBe(false);
              continue;
            }
            if (!result.ok) continue;
            const next = result.case;
            expect(isState(next.state)).toBe(true);
            expect(next.version).toBe(c.version + 1);
            expect(next.stages[next.stages.length - 1]?.state).toBe(next.state);
            expect(
              next.kind === 'resignation'
                ? next.state !== 'draft'
                : !['submitted', 'returned', 'hr_review'].includes(next.state),
            ).toBe(true);
            if (next.state === 'completed' && c.state !== 'completed') {
              expect(next.checklist.every(isSettled)).toBe(true);
              expect(next.lastWorkingDay).toBeDefined();
              expect(beijingDate(now) >= (next.lastWorkingDay ?? '9999-12-31')).toBe(true);
            }
            // Fixed at first submission: returns and resubmissions never move it.
            if (c.kind === 'resignation') {
              expect(next.noticeReceivedAt).toBe(c.noticeReceivedAt);
              expect(next.legalLastWorkingDay).toBe(c.legalLastWorkingDay);
            }
            if (next.state !== c.state) reached.add(next.state);
            c = next;
          }
        },
      ),
      { numRuns: 600 },
    );
  });
});
