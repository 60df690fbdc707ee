import {
  attach,
  buildChecklist,
  changeChecklistItem,
  type CaseRecord,
  openTracks,
  renderLetter,
  signLetter,
  transition,
} from '../../../server/domain';
import {
  attachment,
  caseIn,
  EMPLOYEE,
  HR,
  LAST_DAY,
  MANAGER,
  policy,
  sha256,
} from './case-fixtures';

const BEFORE_LAST_DAY = new Date('2027-03-20T04:00:00.000Z');
const AFTER_LAST_DAY = new Date('2027-04-02T04:00:00.000Z');

/** A case just confirmed: every item open. */
function openFormalities(overrides: Partial<CaseRecord> = {}): CaseRecord {
  const c = caseIn('resignation', 'formalities', overrides);
  return {
    ...c,
    checklist: c.checklist.map(({ item, label, by, due }) => ({
      item,
      label,
      by,
      due,
      done: false,
    })),
  };
}

const refusedBy = (guard: string) => ({ ok: false, code: 'PRECONDITION_FAILED', guard });

describe('the formalities checklist (DESIGN §3 "Checklist")', () => {
  it('lists the items of a resignation with who ticks them and when they are due', () => {
    const items = buildChecklist({
      kind: 'resignation',
      formalitiesStart: '2027-03-05T02:00:00.000Z',
      lastWorkingDay: LAST_DAY,
      hasManager: true,
      assets: policy.assets,
    });
    expect(items.map((e) => [e.item, e.by.join('/'), e.due])).toEqual([
      ['sign_letter', 'employee', '2027-03-08'],
      ['handover_confirmed', 'manager', LAST_DAY],
      ['asset:badge', 'hr/manager', LAST_DAY],
      ['asset:laptop', 'hr/manager', LAST_DAY],
      ['final_pay', 'hr', LAST_DAY],
      ['certificate_issued', 'hr', LAST_DAY],
      ['social_insurance_stop', 'hr', '2027-04-15'],
      ['housing_fund_seal', 'hr', '2027-04-15'],
      ['file_transfer', 'hr', '2027-04-15'],
    ]);
  });

  it('gives the handover confirmation to HR when there is no manager, and uses HR’s asset list', () => {
    const c = caseIn('resignation', 'hr_review', { managerNo: undefined });
    const result = transition(
      c,
      { type: 'hr.confirm', assets: [{ id: 'phone', label: '手机' }] },
      AFTER_LAST_DAY,
      { actor: HR, policy },
    );
    if (!result.ok) throw new Error(result.code);
    const items = result.case.checklist;
    expect(items.find((e) => e.item === 'handover_confirmed')?.by).toEqual(['hr']);
    expect(items.filter((e) => e.item.startsWith('asset:')).map((e) => e.label)).toEqual([
      '归还手机',
    ]);
  });

  it('lets the manager confirm the handover and refuses them the final pay', () => {
    const c = openFormalities();
    expect(
      changeChecklistItem(c, { item: 'handover_confirmed', done: true }, MANAGER, BEFORE_LAST_DAY),
    ).toMatchObject({
      ok: true,
      case: { version: c.version + 1 },
      effects: { event: { type: 'checklist.done', payload: { item: 'handover_confirmed' } } },
    });
    expect(
      changeChecklistItem(c, { item: 'final_pay', done: true }, MANAGER, BEFORE_LAST_DAY),
    ).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('takes the signature only through e-signing', () => {
    expect(
      changeChecklistItem(
        openFormalities(),
        { item: 'sign_letter', done: true },
        HR,
        BEFORE_LAST_DAY,
      ),
    ).toEqual(refusedBy('e_signature_required'));
  });

  it('accepts a certificate ticked by hand only with a note (实施条例 第24条)', () => {
    const c = openFormalities();
    expect(
      changeChecklistItem(c, { item: 'certificate_issued', done: true }, HR, BEFORE_LAST_DAY),
    ).toEqual(refusedBy('note_given'));
    expect(
      changeChecklistItem(
        c,
        { item: 'certificate_issued', done: true, note: '纸质证明已当面交付' },
        HR,
        BEFORE_LAST_DAY,
      ),
    ).toMatchObject({ ok: true });
  });

  it('lets only HR waive, always with a note', () => {
    const c = openFormalities();
    expect(
      changeChecklistItem(
        c,
        { item: 'asset:laptop', waive: true, note: '未配发电脑' },
        MANAGER,
        BEFORE_LAST_DAY,
      ),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(
      changeChecklistItem(c, { item: 'asset:laptop', waive: true, note: ' ' }, HR, BEFORE_LAST_DAY),
    ).toEqual(refusedBy('note_given'));
    expect(
      changeChecklistItem(
        c,
        { item: 'asset:laptop', waive: true, note: '未配发电脑' },
        HR,
        BEFORE_LAST_DAY,
      ),
    ).toMatchObject({
      ok: true,
      effects: { event: { type: 'checklist.waive' } },
    });
  });

  it("劳动合同法 第50条: the employer's statutory duties are done, never waived (statutory_duty)", () => {
    const c = openFormalities();
    for (const item of [
      'final_pay',
      'certificate_issued',
      'social_insurance_stop',
      'housing_fund_seal',
      'file_transfer',
    ] as const) {
      expect(
        changeChecklistItem(c, { item, waive: true, note: '员工失联' }, HR, BEFORE_LAST_DAY),
      ).toEqual(refusedBy('statutory_duty'));
    }
    expect(
      changeChecklistItem(
        c,
        { item: 'final_pay', done: true, note: '已转账' },
        HR,
        BEFORE_LAST_DAY,
      ),
    ).toMatchObject({ ok: true, effects: { event: { type: 'checklist.done' } } });
  });

  it('refuses items that are not on the case and changes outside formalities', () => {
    expect(
      changeChecklistItem(
        openFormalities(),
        { item: 'union_notified', done: true },
        HR,
        BEFORE_LAST_DAY,
      ),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(
      changeChecklistItem(
        caseIn('resignation', 'completed'),
        { item: 'final_pay', done: false },
        HR,
        AFTER_LAST_DAY,
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  describe('the employee who vanishes', () => {
    it('HR waives the signature only after the last working day, with a delivery proof', () => {
      const c = openFormalities();
      const waive = { item: 'sign_letter', waive: true, note: '员工失联，已EMS寄送' } as const;
      expect(changeChecklistItem(c, waive, HR, BEFORE_LAST_DAY)).toEqual(
        refusedBy('after_last_working_day'),
      );
      // The last working day itself is not yet "after".
      expect(changeChecklistItem(c, waive, HR, new Date('2027-03-31T04:00:00.000Z'))).toEqual(
        refusedBy('after_last_working_day'),
      );
      expect(changeChecklistItem(c, waive, HR, AFTER_LAST_DAY)).toEqual(
        refusedBy('notice_delivery_attached'),
      );
      const delivered = {
        ...c,
        attachments: [...c.attachments, attachment('notice_delivery', '2027-04-01T02:00:00.000Z')],
      };
      const result = changeChecklistItem(delivered, waive, HR, AFTER_LAST_DAY);
      expect(result).toMatchObject({
        ok: true,
        effects: {
          event: { payload: { item: 'sign_letter', employeeSide: true } },
        },
      });
      if (result.ok) {
        expect(openTracks(delivered)).toContain('employee_sign');
        expect(openTracks(result.case)).not.toContain('employee_sign');
        expect(result.case.checklist.find((e) => e.item === 'sign_letter')).toMatchObject({
          done: false,
          waived: true,
          waivedBy: HR.openid,
          note: '员工失联，已EMS寄送',
        });
      }
    });

    it('HR waives a missing handover list in submitted, so the review can proceed', () => {
      const c = caseIn('resignation', 'submitted', {
        attachments: [attachment('notice_delivery', '2027-04-01T02:00:00.000Z')],
      });
      const result = changeChecklistItem(
        c,
        { item: 'handover_list', waive: true, note: '员工失联' },
        HR,
        AFTER_LAST_DAY,
      );
      if (!result.ok) throw new Error(result.code);
      expect(openTracks(c)).toEqual(['employee_handover']);
      expect(openTracks(result.case)).toEqual(['manager_review']);
      expect(
        transition(result.case, { type: 'review.approve' }, AFTER_LAST_DAY, {
          actor: MANAGER,
          policy,
        }),
      ).toMatchObject({
        ok: true,
      });
    });
  });

  describe('attachments', () => {
    it('the handover list closes the employee’s task and starts the manager’s', () => {
      const c = caseIn('resignation', 'submitted', { attachments: [] });
      const file = {
        fileId: 'f1',
        evidenceFileId: 'e1',
        sha256: sha256('f1'),
        size: 10,
        contentType: 'image/png',
      };
      const result = attach(c, 'handover_checklist', [file], EMPLOYEE, BEFORE_LAST_DAY);
      expect(result).toMatchObject({
        ok: true,
        case: { attachments: [{ kind: 'handover_checklist', uploadedBy: EMPLOYEE.openid }] },
        effects: {
          event: { type: 'case.attach', payload: { kind: 'handover_checklist' } },
        },
      });
      expect(openTracks(c)).toEqual(['employee_handover']);
      if (result.ok) expect(openTracks(result.case)).toEqual(['manager_review']);
    });

    it('termination evidence is HR’s and belongs to the draft', () => {
      const file = {
        fileId: 'f1',
        evidenceFileId: 'e1',
        sha256: sha256('f1'),
        size: 10,
        contentType: 'application/pdf',
      };
      expect(
        attach(
          caseIn('termination', 'draft'),
          'appraisal_record',
          [file],
          EMPLOYEE,
          BEFORE_LAST_DAY,
        ),
      ).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      expect(
        attach(
          caseIn('termination', 'formalities'),
          'appraisal_record',
          [file],
          HR,
          BEFORE_LAST_DAY,
        ),
      ).toEqual(refusedBy('attachment_allowed'));
    });
  });

  describe('signing (电子签名法 第13条)', () => {
    it('signs the letter whose hash the employee was shown', () => {
      const c = openFormalities();
      const letterHash = sha256(renderLetter(c).text);
      const input = {
        signatureHash: sha256('png'),
        letterHash,
        currentLetterHash: letterHash,
        clientIp: '1.2.3.4',
      };
      const result = signLetter(c, input, EMPLOYEE, BEFORE_LAST_DAY);
      expect(result).toMatchObject({
        ok: true,
        case: { signature: { letterHash, openid: EMPLOYEE.openid, clientIp: '1.2.3.4' } },
        effects: {
          event: { type: 'case.sign' },
        },
      });
      if (result.ok) {
        expect(openTracks(c)).toContain('employee_sign');
        expect(openTracks(result.case)).not.toContain('employee_sign');
        expect(result.case.checklist.find((e) => e.item === 'sign_letter')?.done).toBe(true);
        expect(signLetter(result.case, input, EMPLOYEE, BEFORE_LAST_DAY)).toEqual(
          refusedBy('item_open'),
        );
      }
    });

    it('refuses a letter that changed since it was shown', () => {
      const c = openFormalities();
      const input = {
        signatureHash: sha256('png'),
        letterHash: sha256('old'),
        currentLetterHash: sha256('new'),
        clientIp: '1.2.3.4',
      };
      expect(signLetter(c, input, EMPLOYEE, BEFORE_LAST_DAY)).toEqual(
        refusedBy('letter_unchanged'),
      );
      expect(
        signLetter(c, { ...input, letterHash: sha256('new') }, HR, BEFORE_LAST_DAY),
      ).toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  });
});

describe('letters', () => {
  it('renders the 《辞职书》 with name, department, position, reason, notice date and last day', () => {
    const c = caseIn('resignation', 'formalities', {
      reason: 'personal',
      explanation: '需要回老家照顾父母',
    });
    const letter = renderLetter(c, { companyName: '示例科技有限公司' });
    expect(letter.title).toBe('辞职书');
    for (const part of [
      '示例科技有限公司',
      '张三',
      '研发部',
      '后端工程师',
      '其他个人原因',
      '需要回老家照顾父母',
      '2027年3月1日',
      '2027年3月31日',
      '第三十七条',
      '提前30日',
    ]) {
      expect(letter.text).toContain(part);
    }
    expect(renderLetter(c, { companyName: '示例科技有限公司' })).toEqual(letter);
  });

  it('renders the 《解除劳动合同通知书》 for a termination, naming 第40条(二)', () => {
    const c = caseIn('termination', 'formalities', { noticeMode: 'payInLieu' });
    const letter = renderLetter(c);
    expect(letter.title).toBe('解除劳动合同通知书');
    expect(letter.text).toContain('第四十条第（二）项');
    expect(letter.text).toContain('额外支付你一个月工资');
    expect(letter.text).toContain('2027年3月31日');
  });

  it('changes its hash when the last working day changes', () => {
    const c = caseIn('resignation', 'formalities');
    expect(sha256(renderLetter(c).text)).not.toBe(
      sha256(renderLetter({ ...c, lastWorkingDay: '2027-03-30' }).text),
    );
  });
});
