import {
  type CaseCommand,
  type CaseRecord,
  DEFAULT_POLICY,
  type Policy,
  transition,
} from '../../../server/domain';
import {
  attachment,
  caseIn,
  EMPLOYEE,
  HR,
  LAST_DAY,
  LATE,
  MANAGER,
  policy,
  UNION_NOTICE,
} from './case-fixtures';
import { type Actor } from '../../../server/domain';

function run(
  caseDoc: CaseRecord,
  command: CaseCommand,
  actor: Actor,
  now: Date = LATE,
  withPolicy: Policy = policy,
) {
  return transition(caseDoc, command, now, { actor, policy: withPolicy });
}

const refusedBy = (guard: string) => ({ ok: false, code: 'PRECONDITION_FAILED', guard });

describe('guards of the case machine', () => {
  describe('submitted → review', () => {
    it('handover_list_present: no approval without the handover list', () => {
      const c = caseIn('resignation', 'submitted', { attachments: [] });
      expect(run(c, { type: 'review.approve' }, MANAGER)).toEqual(
        refusedBy('handover_list_present'),
      );
    });

    it('handover_list_present: a handover list HR waived lets the approval through', () => {
      const c = caseIn('resignation', 'submitted', {
        attachments: [],
        waivers: [{ item: 'handover_list', by: 'o-hr', at: LATE.toISOString(), note: '员工失联' }],
      });
      expect(run(c, { type: 'review.approve' }, MANAGER)).toMatchObject({ ok: true });
    });

    it('reason_requirements_met: 其他个人原因 needs an explanation of 10–500 characters', () => {
      const c = caseIn('resignation', 'submitted', { reason: 'personal', explanation: '太累了' });
      expect(run(c, { type: 'review.approve' }, MANAGER)).toEqual(
        refusedBy('reason_requirements_met'),
      );
      const ok = { ...c, explanation: '需要回老家照顾生病的父母' };
      expect(run(ok, { type: 'review.approve' }, MANAGER)).toMatchObject({ ok: true });
    });

    it('reason_requirements_met: resubmitting needs the same', () => {
      const c = caseIn('resignation', 'returned', { reason: 'personal' });
      expect(run(c, { type: 'resubmit' }, EMPLOYEE)).toEqual(refusedBy('reason_requirements_met'));
    });

    it('comment_given: returning needs a comment', () => {
      const c = caseIn('resignation', 'submitted');
      expect(run(c, { type: 'review.return', comment: '  ' }, MANAGER)).toEqual(
        refusedBy('comment_given'),
      );
      expect(run(c, { type: 'hr.cancel' }, HR)).toEqual(refusedBy('comment_given'));
    });

    it('manager_overdue: HR escalates only after the manager waited more than 3 days', () => {
      const c = caseIn('resignation', 'submitted');
      const threeDays = new Date('2027-03-04T02:00:00.000Z');
      expect(run(c, { type: 'hr.escalate', comment: '经理出差' }, HR, threeDays)).toEqual(
        refusedBy('manager_overdue'),
      );
      const later = new Date('2027-03-04T02:00:01.000Z');
      expect(run(c, { type: 'hr.escalate', comment: '经理出差' }, HR, later)).toMatchObject({
        ok: true,
        case: { state: 'hr_review' },
      });
    });

    it('withdraw_allowed: the company setting can forbid withdrawing', () => {
      const c = caseIn('resignation', 'submitted');
      const strict = { ...DEFAULT_POLICY, employeeMayWithdrawBeforeReview: false };
      expect(run(c, { type: 'withdraw' }, EMPLOYEE, LATE, strict)).toEqual(
        refusedBy('withdraw_allowed'),
      );
      const allowed = run(c, { type: 'withdraw' }, EMPLOYEE);
      expect(allowed).toMatchObject({
        ok: true,
        effects: { event: { payload: { agreedBySetting: 'employeeMayWithdrawBeforeReview' } } },
      });
    });
  });

  describe('actors', () => {
    it('HR reviews only cases whose employee has no manager', () => {
      const withManager = caseIn('resignation', 'submitted');
      expect(run(withManager, { type: 'review.approve' }, HR)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
      const noManager = caseIn('resignation', 'submitted', { managerNo: undefined });
      expect(run(noManager, { type: 'review.approve' }, HR)).toMatchObject({ ok: true });
      expect(run(noManager, { type: 'review.approve' }, MANAGER)).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
      });
    });

    it('an employee cannot confirm, an admin acts as HR', () => {
      const c = caseIn('resignation', 'hr_review');
      expect(run(c, { type: 'hr.confirm' }, EMPLOYEE)).toMatchObject({ code: 'FORBIDDEN' });
      expect(run(c, { type: 'hr.confirm' }, { openid: 'o-admin', role: 'admin' })).toMatchObject({
        ok: true,
      });
    });
  });

  describe('hr.confirm: the last working day', () => {
    const c = caseIn('resignation', 'hr_review');

    it('defaults to the legal day and makes the confirming HR the owner', () => {
      const result = run(c, { type: 'hr.confirm' }, HR);
      expect(result).toMatchObject({
        ok: true,
        case: { state: 'formalities', lastWorkingDay: LAST_DAY, hrOwner: HR.openid },
      });
    });

    it('last_working_day_after_notice: not before the notice was received', () => {
      expect(run(c, { type: 'hr.confirm', lastWorkingDay: '2027-02-28' }, HR)).toEqual(
        refusedBy('last_working_day_after_notice'),
      );
    });

    it('later_day_consented: a later day needs the employee’s recorded consent (第37条)', () => {
      expect(run(c, { type: 'hr.confirm', lastWorkingDay: '2027-04-15' }, HR)).toEqual(
        refusedBy('later_day_consented'),
      );
      const consented = { ...c, consentToLaterDay: '2027-04-15' };
      expect(
        run(consented, { type: 'hr.confirm', lastWorkingDay: '2027-04-15' }, HR),
      ).toMatchObject({ ok: true, case: { lastWorkingDay: '2027-04-15' } });
    });

    it('earlier_day_proposed: an earlier day says who proposed it; company adds severance_review (第36/46条)', () => {
      expect(
        run(
          { ...c, consentedLastWorkingDay: '2027-03-15' },
          { type: 'hr.confirm', lastWorkingDay: '2027-03-15' },
          HR,
        ),
      ).toEqual(refusedBy('earlier_day_proposed'));
      const agreed = { ...c, consentedLastWorkingDay: '2027-03-15' };
      const byEmployee = run(
        agreed,
        { type: 'hr.confirm', lastWorkingDay: '2027-03-15', earlyReleaseProposedBy: 'employee' },
        HR,
      );
      if (!byEmployee.ok) throw new Error(byEmployee.code);
      expect(byEmployee.case.checklist.map((e) => e.item)).not.toContain('severance_review');
      const byCompany = run(
        agreed,
        { type: 'hr.confirm', lastWorkingDay: '2027-03-15', earlyReleaseProposedBy: 'company' },
        HR,
      );
      if (!byCompany.ok) throw new Error(byCompany.code);
      expect(byCompany.case.checklist.map((e) => e.item)).toContain('severance_review');
      expect(byCompany.case.earlyReleaseProposedBy).toBe('company');
    });
  });

  describe('hr.close', () => {
    it('last_working_day_reached: not before the last working day (Beijing)', () => {
      const c = caseIn('resignation', 'formalities');
      // 2027-03-30 23:59 Beijing is still the day before.
      const eve = new Date('2027-03-30T15:59:00.000Z');
      expect(run(c, { type: 'hr.close' }, HR, eve)).toEqual(refusedBy('last_working_day_reached'));
      const onTheDay = new Date('2027-03-30T16:00:00.000Z');
      expect(run(c, { type: 'hr.close' }, HR, onTheDay)).toMatchObject({
        ok: true,
        case: { state: 'completed', completedAt: onTheDay.toISOString() },
      });
    });

    it('checklist_complete: every item done or waived', () => {
      const c = caseIn('resignation', 'formalities');
      const open = {
        ...c,
        checklist: c.checklist.map((e) =>
          e.item === 'file_transfer' ? { ...e, done: false, doneAt: undefined } : e,
        ),
      };
      expect(run(open, { type: 'hr.close' }, HR)).toEqual(refusedBy('checklist_complete'));
      const waived = {
        ...c,
        checklist: c.checklist.map((e) =>
          e.item === 'file_transfer' ? { ...e, done: false, waived: true, note: '无档案' } : e,
        ),
      };
      expect(run(waived, { type: 'hr.close' }, HR)).toMatchObject({ ok: true });
    });
  });

  describe('hr.issue (第40条(二), 第42条, 第43条)', () => {
    const issueAt = new Date('2027-05-10T02:00:00.000Z');
    const issue = { type: 'hr.issue', noProtectedStatus: true, unionNotice: UNION_NOTICE } as const;

    it('termination_documents_attached: an appraisal and training or a change of post', () => {
      const onlyAppraisal = caseIn('termination', 'draft', {
        attachments: [
          attachment('appraisal_record', '2027-05-01T00:00:00.000Z'),
          attachment('union_notice', '2027-05-01T00:00:00.000Z'),
        ],
      });
      expect(run(onlyAppraisal, issue, HR, issueAt)).toEqual(
        refusedBy('termination_documents_attached'),
      );
      const withPostChange = {
        ...onlyAppraisal,
        attachments: [
          ...onlyAppraisal.attachments,
          attachment('position_change_record', '2027-05-02T00:00:00.000Z'),
          attachment('appraisal_record', '2027-05-03T00:00:00.000Z'),
        ],
      };
      expect(run(withPostChange, issue, HR, issueAt)).toMatchObject({ ok: true });
    });

    it('no_protected_status_attested: HR attests no 第42条 protection applies', () => {
      const c = caseIn('termination', 'draft');
      expect(run(c, { type: 'hr.issue', unionNotice: UNION_NOTICE }, HR, issueAt)).toEqual(
        refusedBy('no_protected_status_attested'),
      );
    });

    it('劳动合同法 第21条: a 第40条(二) termination may be issued during probation', () => {
      const c = caseIn('termination', 'draft', {
        employee: { ...caseIn('termination', 'draft').employee, probationEndDate: '2027-05-10' },
      });
      expect(run(c, issue, HR, issueAt)).toMatchObject({ ok: true });
    });

    it('last_working_day_chosen: pay in lieu needs a day no earlier than the issue date', () => {
      const c = caseIn('termination', 'draft', {
        noticeMode: 'payInLieu',
        lastWorkingDay: '2027-05-09',
      });
      expect(run(c, issue, HR, issueAt)).toEqual(refusedBy('last_working_day_chosen'));
      const ok = { ...c, lastWorkingDay: '2027-05-12' };
      const result = run(ok, issue, HR, issueAt);
      if (!result.ok) throw new Error(result.code);
      expect(result.case.lastWorkingDay).toBe('2027-05-12');
    });

    it('民法典 第137条: an issued notice waits for delivery: no notice time, day or checklist yet', () => {
      const c = caseIn('termination', 'draft', {
        noticeReceivedAt: undefined,
        legalLastWorkingDay: undefined,
        lastWorkingDay: undefined,
      });
      const result = run(c, issue, HR, issueAt);
      expect(result).toMatchObject({
        ok: true,
        case: { state: 'formalities', issuedAt: issueAt.toISOString(), noProtectedStatus: true },
      });
      if (!result.ok) throw new Error(result.code);
      expect(result.case.noticeReceivedAt).toBeUndefined();
      expect(result.case.lastWorkingDay).toBeUndefined();
      expect(result.case.checklist).toEqual([]);
      expect(result.case.unionNotice).toEqual(UNION_NOTICE);
    });
  });
});
