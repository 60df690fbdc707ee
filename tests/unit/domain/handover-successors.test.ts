/** 交接人 (issue 17): naming successors, their answers, the replay and the one message each. */
import {
  answerHandoverItem,
  appendEvent,
  assignSuccessors,
  type AuditEvent,
  type CaseRecord,
  type DomainResult,
  planReminders,
  replayCase,
  submitResignation,
  attach,
  transition,
} from '../../../server/domain';
import { EMPLOYEE, employee, HR, MANAGER, policy, sha256 } from './case-fixtures';

interface Logged {
  case: CaseRecord;
  events: AuditEvent[];
}

function step(from: Logged, result: DomainResult): Logged {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  const chained = appendEvent(
    { ...result.case, seq: from.case.seq, lastEventHash: from.case.lastEventHash },
    result.effects.event,
    sha256,
  );
  return { case: chained.case, events: [...from.events, chained.event] };
}

const at = (day: number, hour = 2) =>
  new Date(`2027-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`);

const SUCCESSORS = [
  { employeeNo: 'E101', name: '李雷', openid: 'o-lilei', items: ['客户资料', '代码仓库权限'] },
  { employeeNo: 'E102', name: '韩梅', items: ['供应商台账'] },
];

/** A resignation approved with successors named, then confirmed by HR (formalities). */
function namedCase(): Logged {
  let c = step(
    { case: { caseId: 'c1', seq: 0, lastEventHash: null } as CaseRecord, events: [] },
    submitResignation(
      { caseId: 'c1', employee, employeeOpenid: EMPLOYEE.openid, reason: 'resignation' },
      at(1),
      policy,
      sha256,
    ),
  );
  const list = {
    fileId: 'cloud://env/cases/c1/handover_checklist/a.pdf',
    evidenceFileId: 'cloud://env/evidence/c1/handover_checklist/a.pdf',
    sha256: sha256('a'),
    size: 10,
    contentType: 'application/pdf',
  };
  c = step(c, attach(c.case, 'handover_checklist', [list], EMPLOYEE, at(1, 3)));
  c = step(c, assignSuccessors(c.case, SUCCESSORS, MANAGER, at(2, 1)));
  c = step(c, transition(c.case, { type: 'review.approve' }, at(2), { actor: MANAGER, policy }));
  return step(c, transition(c.case, { type: 'hr.confirm' }, at(3), { actor: HR, policy }));
}

const LILEI = { openid: 'o-lilei', role: 'employee' } as const;
const HANMEI = { openid: 'o-hanmei', role: 'employee' } as const;

describe('assignSuccessors', () => {
  it('numbers the items by round and keeps who takes each', () => {
    const c = namedCase();
    expect(c.case.successorNos).toEqual(['E101', 'E102']);
    expect(c.case.handover?.items.map((i) => [i.itemId, i.successorNo, i.status])).toEqual([
      ['r1-1', 'E101', 'pending'],
      ['r1-2', 'E101', 'pending'],
      ['r1-3', 'E102', 'pending'],
    ]);
  });

  it('refuses the leaver as their own successor', () => {
    const c = namedCase();
    const result = assignSuccessors(
      c.case,
      [{ employeeNo: employee.employeeNo, name: employee.name, items: ['x'] }],
      MANAGER,
      at(4),
    );
    expect(result).toMatchObject({ ok: false, guard: 'successor_not_leaver' });
  });

  it('renames while nothing is confirmed, never after', () => {
    let c = namedCase();
    const renamed = assignSuccessors(c.case, SUCCESSORS.slice(1), MANAGER, at(4));
    expect(renamed.ok && renamed.case.handover?.items.map((i) => i.itemId)).toEqual(['r2-1']);
    c = step(c, answerHandoverItem(c.case, 'r1-1', { kind: 'confirm' }, LILEI, at(4)));
    expect(assignSuccessors(c.case, SUCCESSORS, MANAGER, at(5))).toMatchObject({
      ok: false,
      guard: 'handover_untouched',
    });
  });
});

describe('answerHandoverItem', () => {
  it('the last confirmation ticks handover_confirmed, in the same event', () => {
    let c = namedCase();
    c = step(c, answerHandoverItem(c.case, 'r1-1', { kind: 'confirm' }, LILEI, at(4)));
    c = step(
      c,
      answerHandoverItem(c.case, 'r1-2', { kind: 'dispute', comment: '缺文档' }, LILEI, at(4, 3)),
    );
    c = step(c, answerHandoverItem(c.case, 'r1-3', { kind: 'confirm' }, HANMEI, at(4, 4)));
    const entry = () => c.case.checklist.find((e) => e.item === 'handover_confirmed');
    expect(entry()?.done).toBe(false);

    c = step(
      c,
      answerHandoverItem(
        c.case,
        'r1-2',
        { kind: 'confirm', note: '已补齐文档', onBehalf: true },
        MANAGER,
        at(5),
      ),
    );

    expect(entry()).toMatchObject({ done: true, doneBy: MANAGER.openid });
    expect(c.case.handover?.items[1]).toMatchObject({ onBehalf: true, note: '已补齐文档' });
    expect(replayCase(c.case, c.events, sha256).mismatches).toEqual([]);
    expect(c.events.at(-1)?.payload).toMatchObject({
      itemId: 'r1-2',
      note: '已补齐文档',
      handoverConfirmed: true,
    });
  });

  it('waits for formalities and never reopens a confirmed item', () => {
    const c = namedCase();
    const confirmed = step(
      c,
      answerHandoverItem(c.case, 'r1-1', { kind: 'confirm' }, LILEI, at(4)),
    );
    expect(
      answerHandoverItem(confirmed.case, 'r1-1', { kind: 'dispute', comment: 'x' }, LILEI, at(5)),
    ).toMatchObject({ ok: false, guard: 'item_open' });
    expect(
      answerHandoverItem(
        { ...c.case, state: 'hr_review' },
        'r1-1',
        { kind: 'confirm' },
        LILEI,
        at(4),
      ),
    ).toMatchObject({ ok: false, guard: 'handover_started' });
    expect(answerHandoverItem(c.case, 'r9-9', { kind: 'confirm' }, LILEI, at(4))).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});

describe('the replay', () => {
  function answered(): Logged {
    let c = namedCase();
    c = step(c, answerHandoverItem(c.case, 'r1-1', { kind: 'confirm' }, LILEI, at(4)));
    c = step(c, answerHandoverItem(c.case, 'r1-2', { kind: 'confirm' }, LILEI, at(4, 3)));
    return step(c, answerHandoverItem(c.case, 'r1-3', { kind: 'confirm' }, HANMEI, at(4, 4)));
  }

  it('accepts the handover events and rebuilds each item and the tick', () => {
    const c = answered();
    const verdict = replayCase(c.case, c.events, sha256);
    expect(verdict.mismatches).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.replayed.handoverItems?.map((i) => i.status)).toEqual([
      'confirmed',
      'confirmed',
      'confirmed',
    ]);
  });

  it('notices an item whose stored state the events do not support', () => {
    const c = answered();
    const handover = c.case.handover;
    if (handover === undefined) throw new Error('no handover');
    const items = handover.items.map((i, k) =>
      k === 0 ? { ...i, status: 'pending' as const } : i,
    );
    const tampered = { ...c.case, handover: { ...handover, items } };
    const verdict = replayCase(tampered, c.events, sha256);
    expect(verdict.valid).toBe(false);
    expect(verdict.mismatches).toContainEqual(
      expect.objectContaining({ field: 'handover.items[0].status', stored: 'pending' }),
    );
  });
});

describe('the successors’ message', () => {
  it('one notice to each successor with an item open, each its own person', () => {
    const c = namedCase();
    const plan = planReminders(c.case, at(3, 3), policy.reminders, []);
    const toSuccessors = plan.decisions.filter((d) => d.recipient === 'successor');
    expect(toSuccessors.map((d) => [d.id, d.status, d.kind])).toEqual([
      ['c1:successor_handover:a1-E101', 'pending', 'notice'],
      ['c1:successor_handover:a1-E102', 'pending', 'notice'],
    ]);
  });
});
