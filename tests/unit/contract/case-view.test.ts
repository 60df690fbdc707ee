import { ACTION_RESULTS } from '../../../server/contract/action-results';
import {
  presentCase,
  presentChecklist,
  presentEvent,
  presentLetter,
  presentReminder,
} from '../../../server/contract';
import {
  appendEvent,
  attach,
  type AuditEvent,
  type CaseRecord,
  changeChecklistItem,
  type DomainResult,
  planReminders,
  renderLetter,
  replayCase,
  signLetter,
  submitResignation,
  transition,
  verifyChain,
} from '../../../server/domain';
import { EMPLOYEE, employee, HR, MANAGER, policy, sha256 } from '../domain/case-fixtures';

/** Runs a resignation from notice to archive the way the server would, keeping the log. */
function wholeResignation(): { case: CaseRecord; events: AuditEvent[] } {
  const events: AuditEvent[] = [];
  let c: CaseRecord | undefined;
  const keep = (result: DomainResult): void => {
    if (!result.ok) throw new Error(`${result.code} ${'guard' in result ? result.guard : ''}`);
    const written = appendEvent(result.case, result.effects.event, sha256);
    c = written.case;
    events.push(written.event);
  };
  const current = (): CaseRecord => {
    if (!c) throw new Error('no case');
    return c;
  };
  const at = (iso: string) => new Date(iso);
  keep(
    submitResignation(
      { caseId: 'c42', employee, employeeOpenid: EMPLOYEE.openid, reason: 'resignation' },
      at('2027-03-01T02:00:00.000Z'),
      policy,
      sha256,
    ),
  );
  const file = {
    fileId: 'cloud://env/cases/c42/handover_checklist/a.pdf',
    evidenceFileId: 'cloud://env/evidence/c42/a.pdf',
    sha256: sha256('a'),
    size: 2048,
    contentType: 'application/pdf',
  };
  keep(attach(current(), 'handover_checklist', [file], EMPLOYEE, at('2027-03-01T03:00:00.000Z')));
  keep(
    transition(current(), { type: 'review.approve' }, at('2027-03-02T02:00:00.000Z'), {
      actor: MANAGER,
      policy,
    }),
  );
  keep(
    transition(current(), { type: 'hr.confirm' }, at('2027-03-03T02:00:00.000Z'), {
      actor: HR,
      policy,
    }),
  );
  const letterHash = sha256(renderLetter(current()).text);
  keep(
    signLetter(
      current(),
      {
        signatureHash: sha256('png'),
        letterHash,
        currentLetterHash: letterHash,
        clientIp: '10.0.0.1',
      },
      EMPLOYEE,
      at('2027-03-04T02:00:00.000Z'),
    ),
  );
  for (const entry of current().checklist.filter((e) => !e.done)) {
    const actor = entry.by.includes('manager') && !entry.by.includes('hr') ? MANAGER : HR;
    keep(
      changeChecklistItem(
        current(),
        { item: entry.item, done: true, note: '已办理' },
        actor,
        at('2027-03-31T02:00:00.000Z'),
      ),
    );
  }
  keep(
    transition(current(), { type: 'hr.close' }, at('2027-03-31T08:00:00.000Z'), {
      actor: HR,
      policy,
    }),
  );
  return { case: current(), events };
}

describe('case views built from the domain satisfy the contract', () => {
  const { case: c, events } = wholeResignation();

  it('case.get', () => {
    const formalities = {
      ...c,
      state: 'formalities' as const,
      checklist: c.checklist.map((e) => ({ ...e, done: false })),
    };
    const reminders = planReminders(
      formalities,
      new Date('2027-03-28T02:00:00.000Z'),
      policy.reminders,
      [],
    ).decisions.map((d) => presentReminder({ ...d, attempts: d.status === 'pending' ? 1 : 0 }));
    expect(reminders.length).toBeGreaterThan(0);
    const data = {
      case: presentCase(c),
      letter: presentLetter(c, sha256),
      checklist: presentChecklist(c),
      reminders,
      events: events.map(presentEvent),
      allowedActions: [],
      blockedActions: [],
    };
    const parsed = ACTION_RESULTS['case.get'].safeParse(data);
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(data.case).toMatchObject({
      state: 'completed',
      stateLabel: '完成归档',
      allowedEvents: [],
    });
  });

  it('case.evidence', () => {
    const verdict = verifyChain(events, sha256, { seq: c.seq, head: c.lastEventHash });
    expect(verdict).toEqual({ valid: true, head: c.lastEventHash });
    // The whole resignation replays to the very case the domain made.
    const replay = replayCase(c, events, sha256);
    expect(replay.mismatches).toEqual([]);
    const data = {
      valid: replay.valid,
      chainHead: c.lastEventHash,
      letterHash: replay.replayed.signature?.letterHash ?? null,
      signatureHash: replay.replayed.signature?.hash ?? null,
      mismatches: replay.mismatches,
      checks: { chain: true, fields: true, anchors: true, files: true },
      events: events.map(presentEvent),
      letters: {
        submitted: c.noticeText
          ? { text: c.noticeText, sha256: replay.replayed.noticeTextHash, matches: true }
          : null,
        signed: null,
      },
    };
    expect(ACTION_RESULTS['case.evidence'].safeParse(data).error?.issues ?? []).toEqual([]);
    expect(events.map((e) => e.type)).toEqual([
      'case.submit',
      'case.attach',
      'review.approve',
      'hr.confirm',
      'case.sign',
      ...Array(c.checklist.length - 1).fill('checklist.done'),
      'hr.close',
    ]);
  });
});
