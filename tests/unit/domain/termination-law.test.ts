/**
 * The law of a termination and of HR's hand on a case (DESIGN §3, issue 11): the union told
 * first, 仍不能胜任 shown after the training, effect on delivery, the vanished employee, and
 * HR never revoking a resignation alone. Each test names its article.
 */
import {
  type CaseCommand,
  type CaseRecord,
  deliverNotice,
  transition,
} from '../../../server/domain';
import { attachment, caseIn, EMPLOYEE, HR, LATE, policy, UNION_NOTICE } from './case-fixtures';

const ISSUE_AT = new Date('2027-05-10T02:00:00.000Z');

const run = (c: CaseRecord, command: CaseCommand, now = ISSUE_AT) =>
  transition(c, command, now, { actor: HR, policy });

const refusedBy = (guard: string) => ({ ok: false, code: 'PRECONDITION_FAILED', guard });

/** A draft appraised, trained and appraised again, the union told: ready to issue. */
function readyDraft(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return caseIn('termination', 'draft', {
    noticeReceivedAt: undefined,
    legalLastWorkingDay: undefined,
    lastWorkingDay: undefined,
    ...overrides,
  });
}

const ISSUE: CaseCommand = { type: 'hr.issue', noProtectedStatus: true, unionNotice: UNION_NOTICE };

/** The draft issued on ISSUE_AT, waiting for delivery. */
function issued(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const result = run(readyDraft(overrides), ISSUE);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.case;
}

describe('劳动合同法 第43条: the union is told before a termination is issued', () => {
  it('第43条: no union notice, a notice dated after the issue, or no record of it → union_notified', () => {
    expect(run(readyDraft(), { type: 'hr.issue', noProtectedStatus: true })).toEqual(
      refusedBy('union_notified'),
    );
    const late = { ...UNION_NOTICE, notifiedOn: '2027-05-11' };
    expect(run(readyDraft(), { ...ISSUE, unionNotice: late })).toEqual(refusedBy('union_notified'));
    const noRecord = readyDraft();
    const withoutRecord = {
      ...noRecord,
      attachments: noRecord.attachments.filter((a) => a.kind !== 'union_notice'),
    };
    expect(run(withoutRecord, ISSUE)).toEqual(refusedBy('union_notified'));
  });

  it('第43条 (江苏条例 第31条): without a union the local federation or employee representatives, on the issue day itself', () => {
    for (const body of ['local_federation', 'employee_representatives'] as const) {
      const result = run(readyDraft(), {
        ...ISSUE,
        unionNotice: { notifiedOn: '2027-05-10', body },
      });
      expect(result).toMatchObject({ ok: true, case: { unionNotice: { body } } });
    }
  });

  it('第43条: when the union objected, the company’s written reply must be attached', () => {
    const objected = { ...ISSUE, unionNotice: { ...UNION_NOTICE, objection: true } };
    expect(run(readyDraft(), objected)).toEqual(refusedBy('union_notified'));
    const draft = readyDraft();
    const replied = {
      ...draft,
      attachments: [...draft.attachments, attachment('union_reply', '2027-05-09T02:00:00.000Z')],
    };
    expect(run(replied, objected)).toMatchObject({
      ok: true,
      effects: { event: { payload: { unionNotice: { objection: true } } } },
    });
  });
});

describe('劳动合同法 第40条(二): 仍不能胜任 — a second appraisal after the training or change of post', () => {
  const at = (iso: string) => `${iso}T02:00:00.000Z`;
  const union = attachment('union_notice', at('2027-05-01'));

  it('第40条(二): one appraisal and the training are not enough → still_incompetent_after', () => {
    const c = readyDraft({
      attachments: [
        attachment('appraisal_record', at('2027-04-01')),
        attachment('training_certificate', at('2027-04-10')),
        union,
      ],
    });
    expect(run(c, ISSUE)).toEqual(refusedBy('still_incompetent_after'));
  });

  it('第40条(二): the second appraisal must bear a date after the training, not before', () => {
    const before = readyDraft({
      attachments: [
        attachment('appraisal_record', at('2027-05-01'), { documentDate: '2027-01-31' }),
        attachment('training_certificate', at('2027-05-01'), { documentDate: '2027-03-31' }),
        attachment('appraisal_record', at('2027-05-02'), { documentDate: '2027-02-28' }),
        union,
      ],
    });
    expect(run(before, ISSUE)).toEqual(refusedBy('still_incompetent_after'));
    const after = readyDraft({
      attachments: [
        attachment('appraisal_record', at('2027-05-01'), { documentDate: '2027-01-31' }),
        attachment('position_change_record', at('2027-05-01'), { documentDate: '2027-02-28' }),
        attachment('appraisal_record', at('2027-05-01'), { documentDate: '2027-04-30' }),
        union,
      ],
    });
    expect(run(after, ISSUE)).toMatchObject({ ok: true });
  });
});

describe('民法典 第137条: a termination takes effect when delivered', () => {
  const OPENED_AT = new Date('2027-05-12T01:00:00.000Z'); // 09:00 Beijing, 2027-05-12

  it('民法典 第137条: the employee’s first opening delivers it: last day = delivery + 30, checklist and reminders from then', () => {
    const c = issued();
    const result = deliverNotice(c, { channel: 'mini_program' }, EMPLOYEE, OPENED_AT, policy);
    expect(result).toMatchObject({
      ok: true,
      case: {
        noticeReceivedAt: OPENED_AT.toISOString(),
        deliveredOn: '2027-05-12',
        deliveryMethod: 'mini_program',
        legalLastWorkingDay: '2027-06-11',
        lastWorkingDay: '2027-06-11',
      },
      effects: { event: { type: 'notice.delivered', payload: { method: 'mini_program' } } },
    });
    if (!result.ok) throw new Error(result.code);
    const sign = result.case.checklist.find((e) => e.item === 'sign_receipt');
    expect(sign?.due).toBe('2027-05-15');
    expect(result.case.checklist.map((e) => e.item)).not.toContain('union_notified');
    // Once: a second opening changes nothing.
    expect(deliverNotice(result.case, { channel: 'mini_program' }, EMPLOYEE, LATE, policy)).toEqual(
      refusedBy('delivery_not_recorded'),
    );
  });

  it('民法典 第137条: HR records a delivery with its proof, dated between the issue and today', () => {
    const c = issued();
    const ems = { channel: 'ems', deliveredOn: '2027-05-11' } as const;
    expect(deliverNotice(c, ems, HR, OPENED_AT, policy)).toEqual(
      refusedBy('notice_delivery_attached'),
    );
    const withProof = {
      ...c,
      attachments: [...c.attachments, attachment('notice_delivery', OPENED_AT.toISOString())],
    };
    expect(
      deliverNotice(
        withProof,
        { channel: 'ems', deliveredOn: '2027-05-09' },
        HR,
        OPENED_AT,
        policy,
      ),
    ).toEqual(refusedBy('delivery_date_valid'));
    expect(deliverNotice(withProof, ems, HR, OPENED_AT, policy)).toMatchObject({
      ok: true,
      case: { deliveredOn: '2027-05-11', lastWorkingDay: '2027-06-10' },
    });
  });

  it('民法典 第137条: with pay in lieu the last day is HR’s, never before delivery; closing waits for delivery', () => {
    const c = issued({ noticeMode: 'payInLieu', lastWorkingDay: '2027-05-11' });
    expect(run(c, { type: 'hr.close' }, LATE)).toEqual(refusedBy('notice_delivered'));
    const result = deliverNotice(c, { channel: 'mini_program' }, EMPLOYEE, OPENED_AT, policy);
    expect(result).toMatchObject({ ok: true, case: { lastWorkingDay: '2027-05-12' } });
  });
});

describe('劳动合同法 第37条 / DESIGN "The employee who vanishes": HR takes a returned case on', () => {
  const vanished = (extra: Partial<CaseRecord> = {}) =>
    caseIn('resignation', 'returned', {
      attachments: [],
      waivers: [
        { item: 'handover_list', by: 'o-hr', at: '2027-05-01T02:00:00.000Z', note: '失联' },
      ],
      ...extra,
    });
  const escalate: CaseCommand = { type: 'hr.escalate', comment: '员工失联，EMS 已送达' };

  it('第37条: before the last working day, or without proof of delivery, HR may not escalate', () => {
    expect(run(vanished(), escalate, new Date('2027-03-20T02:00:00.000Z'))).toEqual(
      refusedBy('after_last_working_day'),
    );
    expect(run(vanished(), escalate, LATE)).toEqual(refusedBy('notice_delivery_attached'));
  });

  it('第37条: after the last working day, with proof and the handover list waived, returned → hr_review', () => {
    const proof = [attachment('notice_delivery', '2027-04-02T02:00:00.000Z')];
    expect(run(vanished({ attachments: proof, waivers: [] }), escalate, LATE)).toEqual(
      refusedBy('handover_list_present'),
    );
    expect(run(vanished({ attachments: proof }), escalate, LATE)).toMatchObject({
      ok: true,
      case: { state: 'hr_review' },
    });
  });
});

describe('民法典 第141条 / DESIGN "hr.cancel": HR never revokes a resignation alone', () => {
  const cancel = (basis?: string): CaseCommand => ({
    type: 'hr.cancel',
    comment: '撤销',
    ...(basis ? { basis } : {}),
  });

  it('民法典 第141条: a resignation needs a basis; the employee’s request needs the written request attached', () => {
    const c = caseIn('resignation', 'hr_review');
    expect(run(c, cancel())).toEqual(refusedBy('cancel_basis_given'));
    expect(run(c, cancel('hr_decided'))).toEqual(refusedBy('cancel_basis_given'));
    expect(run(c, cancel('employee_agreed'))).toEqual(refusedBy('cancel_basis_given'));
    expect(run(c, cancel('employee_request'))).toEqual(refusedBy('withdrawal_request_attached'));
    const written = {
      ...c,
      attachments: [...c.attachments, attachment('withdrawal_request', '2027-05-01T02:00:00.000Z')],
    };
    expect(run(written, cancel('employee_request'))).toMatchObject({
      ok: true,
      case: { state: 'withdrawn' },
      effects: { event: { payload: { basis: 'employee_request' } } },
    });
    expect(run(c, cancel('duplicate'))).toMatchObject({ ok: true });
  });

  it('民法典 第141条: “entered in error” only for a case the OA sent, never the employee’s own', () => {
    const own = caseIn('resignation', 'submitted');
    expect(run(own, cancel('entered_in_error'))).toEqual(refusedBy('entered_in_error_oa_only'));
    expect(run({ ...own, source: 'oa' }, cancel('entered_in_error'))).toMatchObject({ ok: true });
  });

  it('劳动合同法 第36条: an issued termination is cancelled only with the employee’s agreement; a draft freely', () => {
    const delivered = caseIn('termination', 'formalities');
    expect(run(delivered, cancel())).toEqual(refusedBy('cancel_basis_given'));
    expect(run(delivered, cancel('duplicate'))).toEqual(refusedBy('cancel_basis_given'));
    expect(run(delivered, cancel('employee_agreed'))).toMatchObject({ ok: true });
    expect(run(caseIn('termination', 'draft'), cancel())).toMatchObject({ ok: true });
  });
});
