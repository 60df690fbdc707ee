import { submittedCase } from '../../components/fixtures/case-view';
import {
  documentRows,
  filledSlots,
  issueHint,
  issueReceipt,
  terminationProblem,
  unionProblem,
  unionRows,
} from '../../../miniprogram/view-models/termination-form';

const form = {
  employeeNo: 'D007',
  noticeMode: 'notice30' as const,
  lastWorkingDay: '',
  explanation: '',
  today: '2027-03-10',
};

describe('termination form (第40条(二))', () => {
  it('accepts 30 days’ notice without a last working day', () => {
    expect(terminationProblem(form)).toBe('');
  });

  it('requires a mode, and a last working day not in the past when paying in lieu', () => {
    expect(terminationProblem({ ...form, noticeMode: '' })).toBe('请选择通知方式');
    const payInLieu = { ...form, noticeMode: 'payInLieu' as const };
    expect(terminationProblem(payInLieu)).toBe('选择额外支付一个月工资时，请选择最后工作日');
    expect(terminationProblem({ ...payInLieu, lastWorkingDay: '2027-03-09' })).toBe(
      '最后工作日不能早于今天',
    );
    expect(terminationProblem({ ...payInLieu, lastWorkingDay: '2027-03-10' })).toBe('');
  });

  it('checks the employee number and the optional explanation as the server does', () => {
    expect(terminationProblem({ ...form, employeeNo: ' ' })).toBe('请输入工号');
    expect(terminationProblem({ ...form, explanation: '  太短  ' })).toBe('说明至少 10 字，或留空');
    expect(terminationProblem({ ...form, explanation: '字'.repeat(501) })).toBe('说明最多 500 字');
    expect(terminationProblem({ ...form, explanation: '字'.repeat(10) })).toBe('');
  });

  it('says why the server would not issue yet, in its words, and nothing once it would', () => {
    const draft = submittedCase();
    const reason = '请先上传绩效考核记录以及培训或调岗记录';
    expect(
      issueHint({
        ...draft,
        allowedActions: [{ action: 'case.hrCancel' }],
        blockedActions: [{ action: 'case.issue', reason }],
      }),
    ).toBe(reason);
    expect(
      issueHint({ ...draft, allowedActions: [{ action: 'case.issue' }], blockedActions: [] }),
    ).toBe('');
  });

  it('第40条(二): lists the documents with their labels, the second appraisal after the first', () => {
    expect(filledSlots(['appraisal_record', 'training_certificate', 'appraisal_record'])).toEqual([
      'appraisal_record',
      'second_appraisal',
      'training_certificate',
    ]);
    expect(documentRows(['appraisal_record'])).toEqual([
      { kind: 'appraisal_record', label: '绩效考核记录（首次）', attached: true },
      { kind: 'training_certificate', label: '培训记录', attached: false },
      { kind: 'position_change_record', label: '调岗记录', attached: false },
      { kind: 'second_appraisal', label: '培训或调岗后的再次绩效考核记录', attached: false },
    ]);
  });

  it('第43条: asks whom the company told, when, its record, and the reply when the union objected', () => {
    const union = {
      body: 'company_union' as const,
      notifiedOn: '2027-03-08',
      objection: false,
      attached: ['union_notice' as const],
      today: '2027-03-10',
    };
    expect(unionProblem(union)).toBe('');
    expect(unionProblem({ ...union, body: '' })).toBe('请选择已通知的工会或职工代表');
    expect(unionProblem({ ...union, notifiedOn: '2027-03-11' })).toBe('通知工会的日期不能晚于今天');
    expect(unionProblem({ ...union, attached: [] })).toBe('请上传通知工会的书面记录');
    expect(unionProblem({ ...union, objection: true })).toBe(
      '工会提出异议的，请上传公司对工会意见的书面答复',
    );
    expect(unionRows([], true).map((r) => r.kind)).toEqual(['union_notice', 'union_reply']);
  });

  it('民法典 第137条: shows the issue time, and 送达后30日 until the notice is delivered', () => {
    expect(
      issueReceipt({
        caseId: 'case-9',
        state: 'formalities',
        version: 4,
        issuedAt: '2027-03-10T17:30:00Z',
        awaitingDelivery: true,
      }),
    ).toEqual({
      caseId: 'case-9',
      issuedAt: '2027-03-11 01:30',
      lastWorkingDay: '送达后30日',
      awaitingDelivery: true,
    });
    expect(
      issueReceipt({
        caseId: 'case-9',
        state: 'formalities',
        version: 4,
        issuedAt: '2027-03-10T17:30:00Z',
        awaitingDelivery: true,
        lastWorkingDay: '2027-04-10',
      }).lastWorkingDay,
    ).toBe('2027年4月10日（周六）');
  });
});
