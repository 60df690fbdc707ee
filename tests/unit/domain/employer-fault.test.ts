/** 劳动合同法 第38条: the employee ends the contract for the employer's fault. */
import {
  appendEvent,
  attach,
  type AuditEvent,
  type CaseRecord,
  type DomainResult,
  FAULT_GROUND_RULES,
  FAULT_GROUNDS,
  renderLetter,
  replayCase,
  signLetter,
  submitResignation,
  transition,
} from '../../../server/domain';
import { EMPLOYEE, employee, HR, MANAGER, policy, sha256 } from './case-fixtures';

/** 2027-03-01 10:00 Beijing. */
const NOW = new Date('2027-03-01T02:00:00Z');

const submit = (extra: Record<string, unknown>) =>
  submitResignation(
    {
      caseId: 'c1',
      employee,
      employeeOpenid: EMPLOYEE.openid,
      reason: 'employer_fault',
      ...extra,
    },
    NOW,
    policy,
    sha256,
  );

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

describe('第38条: employer fault', () => {
  it('第38条: no notice period — the last working day is the day of receipt', () => {
    const result = submit({ faultGrounds: ['unpaid_wages'] });
    expect(result).toMatchObject({
      ok: true,
      case: {
        state: 'submitted',
        faultGrounds: ['unpaid_wages'],
        legalLastWorkingDay: '2027-03-01',
        lastWorkingDay: '2027-03-01',
      },
      effects: {
        event: {
          type: 'case.submit',
          payload: { faultGrounds: ['unpaid_wages'], noticeDays: 0 },
        },
      },
    });
  });

  it('第38条: a later day the employee names is the last working day; an earlier one is refused', () => {
    expect(
      submit({ faultGrounds: ['no_social_insurance'], lastWorkingDay: '2027-03-10' }),
    ).toMatchObject({ ok: true, case: { lastWorkingDay: '2027-03-10' } });
    expect(
      submit({ faultGrounds: ['no_social_insurance'], lastWorkingDay: '2027-02-28' }),
    ).toMatchObject({ ok: false, guard: 'last_working_day_after_notice' });
  });

  it('第38条: the grounds are required for employer fault and refused for other reasons', () => {
    expect(submit({})).toMatchObject({ ok: false, guard: 'fault_grounds_named' });
    expect(submit({ faultGrounds: [] })).toMatchObject({ ok: false, guard: 'fault_grounds_named' });
    const resignation = submitResignation(
      {
        caseId: 'c1',
        employee,
        employeeOpenid: EMPLOYEE.openid,
        reason: 'resignation',
        faultGrounds: ['coercion'],
      },
      NOW,
      policy,
      sha256,
    );
    expect(resignation).toMatchObject({ ok: false, guard: 'fault_grounds_named' });
  });

  it('第38条: every ground is in 第一款 or 第二款; coercion and unsafe orders are 第二款', () => {
    expect(FAULT_GROUNDS).toHaveLength(8);
    expect(FAULT_GROUNDS.filter((g) => FAULT_GROUND_RULES[g].paragraph === 2)).toEqual([
      'coercion',
      'unsafe_orders',
    ]);
  });

  it('第38条: the letter is a 《被迫解除劳动合同通知书》 naming each ground', () => {
    const result = submit({ faultGrounds: ['unpaid_wages', 'unsafe_orders'] });
    if (!result.ok) throw new Error('refused');
    const letter = renderLetter(result.case, { companyName: '示例科技有限公司' });
    expect(letter.title).toBe('被迫解除劳动合同通知书');
    expect(letter.text).toContain('示例科技有限公司：');
    expect(letter.text).toContain('未及时足额支付劳动报酬');
    expect(letter.text).toContain('违章指挥、强令冒险作业危及劳动者人身安全');
    expect(letter.text).toContain('第三十八条第一款、第二款');
    expect(letter.text).toContain('无需事先告知');
    expect(letter.text).toContain('送达即生效');
    expect(letter.text).not.toContain('辞职书');
    // The receipt's hash is of this very text.
    expect(result.case.noticeTextHash).toBe(sha256(renderLetter(result.case).text));
  });

  it('第38条 → 第46条(一): confirmation adds severance_review and severance_paid', () => {
    const result = submit({ faultGrounds: ['no_protection'] });
    if (!result.ok) throw new Error('refused');
    const approved = transition(
      {
        ...result.case,
        attachments: [
          {
            kind: 'handover_checklist',
            fileId: 'f',
            evidenceFileId: 'e',
            sha256: sha256('f'),
            size: 1,
            contentType: 'application/pdf',
            uploadedBy: EMPLOYEE.openid,
            at: '2027-03-01T03:00:00.000Z',
          },
        ],
      },
      { type: 'review.approve' },
      NOW,
      { actor: MANAGER, policy },
    );
    if (!approved.ok) throw new Error('refused');
    const confirmed = transition(approved.case, { type: 'hr.confirm' }, NOW, {
      actor: HR,
      policy,
    });
    if (!confirmed.ok) throw new Error(JSON.stringify(confirmed));
    const items = confirmed.case.checklist.map((e) => e.item);
    expect(items).toEqual(expect.arrayContaining(['severance_review', 'severance_paid']));
    expect(confirmed.case.lastWorkingDay).toBe('2027-03-01');
    expect(confirmed.case.checklist[0]?.label).toBe('签署《被迫解除劳动合同通知书》');
  });

  it('第38条: the grounds and the named day replay from the log, and the signature checks out', () => {
    const at = (iso: string) => new Date(iso);
    let c: Logged = step(
      { case: { caseId: 'c1', seq: 0, lastEventHash: null } as CaseRecord, events: [] },
      submit({ faultGrounds: ['coercion', 'unpaid_wages'], lastWorkingDay: '2027-03-03' }),
    );
    c = step(
      c,
      attach(
        c.case,
        'handover_checklist',
        [
          {
            fileId: 'cloud://env/cases/c1/handover_checklist/l.pdf',
            evidenceFileId: 'cloud://env/evidence/c1/l.pdf',
            sha256: sha256('l'),
            size: 1,
            contentType: 'application/pdf',
          },
        ],
        EMPLOYEE,
        at('2027-03-01T03:00:00Z'),
      ),
    );
    c = step(
      c,
      transition(c.case, { type: 'review.approve' }, at('2027-03-01T04:00:00Z'), {
        actor: MANAGER,
        policy,
      }),
    );
    c = step(
      c,
      transition(c.case, { type: 'hr.confirm' }, at('2027-03-01T05:00:00Z'), {
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
        },
        EMPLOYEE,
        at('2027-03-01T06:00:00Z'),
      ),
    );
    const verdict = replayCase(c.case, c.events, sha256);
    expect(verdict.mismatches).toEqual([]);
    expect(verdict.replayed.faultGrounds).toEqual(['coercion', 'unpaid_wages']);
    expect(verdict.replayed.lastWorkingDay).toBe('2027-03-03');

    const edited = replayCase({ ...c.case, faultGrounds: ['unpaid_wages'] }, c.events, sha256);
    expect(edited.mismatches.map((m) => m.field)).toContain('faultGrounds');
  });
});
