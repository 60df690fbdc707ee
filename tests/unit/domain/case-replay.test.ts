/** DESIGN §3 "Verification is a replay, not a read": the log rebuilds every evidence field. */
import {
  anchorMismatches,
  appendEvent,
  attach,
  type AuditEvent,
  type CaseRecord,
  changeChecklistItem,
  custodyMismatches,
  custodyRecords,
  type DomainResult,
  hashEvent,
  recordEvidenceView,
  renderLetter,
  replayCase,
  signLetter,
  submitResignation,
  transition,
  viewLoggedToday,
} from '../../../server/domain';
import { EMPLOYEE, employee, HR, MANAGER, policy, sha256 } from './case-fixtures';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing');
  return value;
}

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

const file = (name: string) => ({
  fileId: `cloud://env/cases/c1/handover_checklist/${name}`,
  evidenceFileId: `cloud://env/evidence/c1/handover_checklist/${sha256(name)}.pdf`,
  sha256: sha256(name),
  size: 10,
  contentType: 'application/pdf',
});

/** A resignation taken to `formalities`, signed, with one item done (2027-03). */
function signedCase(): Logged {
  const submitted = submitResignation(
    { caseId: 'c1', employee, employeeOpenid: EMPLOYEE.openid, reason: 'resignation' },
    new Date('2027-03-01T02:00:00Z'),
    policy,
    sha256,
  );
  let c: Logged = step(
    { case: { caseId: 'c1', seq: 0, lastEventHash: null } as CaseRecord, events: [] },
    submitted,
  );
  c = step(
    c,
    attach(
      c.case,
      'handover_checklist',
      [file('list.pdf')],
      EMPLOYEE,
      new Date('2027-03-01T03:00:00Z'),
    ),
  );
  c = step(
    c,
    transition(c.case, { type: 'review.approve' }, new Date('2027-03-02T02:00:00Z'), {
      actor: MANAGER,
      policy,
    }),
  );
  c = step(
    c,
    transition(c.case, { type: 'hr.confirm' }, new Date('2027-03-03T02:00:00Z'), {
      actor: HR,
      policy,
    }),
  );
  const letterHash = sha256(renderLetter(c.case).text);
  c = step(
    c,
    signLetter(
      c.case,
      {
        signatureHash: sha256('png'),
        letterHash,
        currentLetterHash: letterHash,
        clientIp: '127.0.0.1',
        evidenceFileId: 'cloud://env/evidence/c1/signature/x.png',
      },
      EMPLOYEE,
      new Date('2027-03-04T02:00:00Z'),
    ),
  );
  c = step(
    c,
    changeChecklistItem(
      c.case,
      { item: 'final_pay', done: true, note: '已发' },
      HR,
      new Date('2027-03-05T02:00:00Z'),
    ),
  );
  return c;
}

/** Recomputes every hash after the log was edited, as an attacker with the database would. */
function rechain(events: AuditEvent[]): AuditEvent[] {
  let prev: string | null = null;
  return events.map((e) => {
    const { hash: _old, ...rest } = { ...e, prevHash: prev };
    const hash = hashEvent(rest, sha256);
    prev = hash;
    return { ...rest, hash };
  });
}

describe('replayCase', () => {
  it('finds nothing wrong with a case the domain wrote', () => {
    const c = signedCase();
    const verdict = replayCase(c.case, c.events, sha256);
    expect(verdict.mismatches).toEqual([]);
    expect(verdict.valid).toBe(true);
    expect(verdict.replayed.state).toBe('formalities');
    expect(verdict.replayed.signature?.hash).toBe(sha256('png'));
  });

  it.each([
    ['state', { state: 'completed' }],
    ['lastWorkingDay', { lastWorkingDay: '2027-12-31' }],
    ['noticeReceivedAt', { noticeReceivedAt: '2027-03-10T02:00:00.000Z' }],
  ] as const)('names an edited %s', (field, patch) => {
    const c = signedCase();
    const verdict = replayCase({ ...c.case, ...patch } as CaseRecord, c.events, sha256);
    expect(verdict.valid).toBe(false);
    expect(verdict.brokenAt).toBeUndefined();
    expect(verdict.mismatches).toContainEqual({
      field,
      stored: (patch as Record<string, string>)[field],
      replayed: (c.case as unknown as Record<string, string>)[field],
    });
  });

  it.each(['letterHash', 'hash'] as const)('names an edited signature.%s', (key) => {
    const c = signedCase();
    const signature = { ...must(c.case.signature), [key]: 'f'.repeat(64) };
    const verdict = replayCase({ ...c.case, signature }, c.events, sha256);
    expect(verdict.valid).toBe(false);
    expect(verdict.mismatches).toContainEqual({
      field: `signature.${key}`,
      stored: 'f'.repeat(64),
      replayed: c.case.signature?.[key],
    });
  });

  it('names a checklist outcome and an attachment hash that the log does not give', () => {
    const c = signedCase();
    const checklist = c.case.checklist.map((e) =>
      e.item === 'certificate_issued' ? { ...e, done: true, doneBy: 'o-hr' } : e,
    );
    const attachments = c.case.attachments.map((a) => ({ ...a, sha256: 'a'.repeat(64) }));
    const fields = replayCase(
      { ...c.case, checklist, attachments },
      c.events,
      sha256,
    ).mismatches.map((m) => m.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'checklist.certificate_issued.done',
        'checklist.certificate_issued.doneBy',
        'attachments[0].sha256',
      ]),
    );
  });

  it('catches a re-chained log whose event was edited: the stored case disagrees', () => {
    const c = signedCase();
    const events = c.events.map((e) =>
      e.type === 'hr.confirm'
        ? { ...e, payload: { ...e.payload, lastWorkingDay: '2027-04-30' } }
        : e,
    );
    const rechained = rechain(events);
    const head = must(rechained[rechained.length - 1]);
    const verdict = replayCase({ ...c.case, lastEventHash: head.hash }, rechained, sha256);
    expect(verdict.valid).toBe(false);
    expect(verdict.mismatches.map((m) => m.field)).toContain('lastWorkingDay');
  });

  it('catches a re-chained log edited with the case to match: the signed letter and the guard disagree', () => {
    const c = signedCase();
    const events = c.events.map((e) =>
      e.type === 'hr.confirm'
        ? { ...e, payload: { ...e.payload, lastWorkingDay: '2027-04-30' } }
        : e,
    );
    const rechained = rechain(events);
    const head = must(rechained[rechained.length - 1]);
    const verdict = replayCase(
      { ...c.case, lastWorkingDay: '2027-04-30', lastEventHash: head.hash },
      rechained,
      sha256,
    );
    expect(verdict.valid).toBe(false);
    const hrConfirm = must(rechained.find((e) => e.type === 'hr.confirm'));
    const sign = must(rechained.find((e) => e.type === 'case.sign'));
    expect(verdict.mismatches.map((m) => m.field)).toEqual(
      expect.arrayContaining([
        `events[${hrConfirm.seq}].guard`,
        `events[${sign.seq}].payload.letterHash`,
      ]),
    );
    expect(verdict.brokenAt).toBe(hrConfirm.seq);
  });

  it('refuses an event the case machine does not allow where it stands', () => {
    const c = signedCase();
    const events = rechain(
      c.events.map((e) =>
        e.type === 'review.approve'
          ? { ...e, type: 'hr.close' as const, payload: { from: 'submitted', to: 'completed' } }
          : e,
      ),
    );
    const verdict = replayCase(
      { ...c.case, lastEventHash: must(events[events.length - 1]).hash },
      events,
      sha256,
    );
    expect(verdict.valid).toBe(false);
    expect(verdict.mismatches).toContainEqual({
      field: 'events[3].type',
      stored: 'hr.close',
      replayed: 'not allowed in submitted',
    });
    expect(verdict.brokenAt).toBe(3);
  });

  it('still reports where an edited but not re-chained event breaks the chain', () => {
    const c = signedCase();
    const events = c.events.map((e) =>
      e.seq === 2 ? { ...e, at: '2027-03-01T03:30:00.000Z' } : e,
    );
    const verdict = replayCase(c.case, events, sha256);
    expect(verdict).toMatchObject({ valid: false, brokenAt: 2 });
    expect(verdict.mismatches[0]).toMatchObject({
      field: 'events[2].hash',
      stored: c.events[1]?.hash,
    });
  });

  it('names a chain head moved on the case, or events cut off the end', () => {
    const c = signedCase();
    const moved = replayCase({ ...c.case, lastEventHash: 'e'.repeat(64) }, c.events, sha256);
    expect(moved.valid).toBe(false);
    expect(moved.mismatches).toContainEqual({
      field: 'lastEventHash',
      stored: 'e'.repeat(64),
      replayed: c.case.lastEventHash,
    });
    const cut = replayCase(c.case, c.events.slice(0, -1), sha256);
    expect(cut.valid).toBe(false);
    expect(cut.mismatches).toContainEqual({
      field: 'seq',
      stored: c.events.length,
      replayed: c.events.length - 1,
    });
  });
});

describe('anchors and custody', () => {
  it('requires every anchored head to lie on the chain', () => {
    const c = signedCase();
    const third = must(c.events[2]);
    expect(
      anchorMismatches(c.events, [{ date: '2027-03-02', seq: 3, lastEventHash: third.hash }]),
    ).toEqual([]);
    const rechained = rechain(c.events); // unedited: the same hashes
    expect(must(rechained[2]).hash).toBe(third.hash);
    const edited = rechain(
      c.events.map((e) => (e.seq === 2 ? { ...e, payload: { ...e.payload, kind: 'other' } } : e)),
    );
    expect(
      anchorMismatches(edited, [{ date: '2027-03-02', seq: 3, lastEventHash: third.hash }]),
    ).toEqual([
      { field: 'anchors.2027-03-02', stored: third.hash, replayed: must(edited[2]).hash },
    ]);
  });

  it('lists the evidence copies with the hashes recorded at custody, and names a changed one', () => {
    const c = signedCase();
    const { replayed } = replayCase(c.case, c.events, sha256);
    const records = custodyRecords(replayed);
    expect(records.map((r) => r.field)).toEqual(['attachments[0].file', 'signature.file']);
    const hashes = Object.fromEntries(records.map((r) => [r.fileId, r.sha256]));
    expect(custodyMismatches(records, hashes)).toEqual([]);
    const first = must(records[0]);
    expect(custodyMismatches(records, { ...hashes, [first.fileId]: 'b'.repeat(64) })).toEqual([
      { field: 'attachments[0].file', stored: first.sha256, replayed: 'b'.repeat(64) },
    ]);
    expect(custodyMismatches(records, { ...hashes, [first.fileId]: null })[0]?.replayed).toBeNull();
  });
});

describe('evidence views', () => {
  it('are logged once per person and Beijing day', () => {
    const c = signedCase();
    const now = new Date('2027-03-06T01:00:00Z'); // 09:00 Beijing
    const viewed = step(c, recordEvidenceView(c.case, HR, now));
    expect(viewLoggedToday(c.events, HR.openid, now)).toBe(false);
    expect(viewLoggedToday(viewed.events, HR.openid, new Date('2027-03-06T15:59:00Z'))).toBe(true);
    expect(viewLoggedToday(viewed.events, EMPLOYEE.openid, now)).toBe(false);
    // 00:00 Beijing on the 7th is another day.
    expect(viewLoggedToday(viewed.events, HR.openid, new Date('2027-03-06T16:00:00Z'))).toBe(false);
    expect(replayCase(viewed.case, viewed.events, sha256).valid).toBe(true);
  });
});
