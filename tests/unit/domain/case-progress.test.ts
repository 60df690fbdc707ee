import { caseProgress, employeeNextStep } from '../../../server/domain';
import { attachment, caseIn, SUBMITTED_AT } from './case-fixtures';

const ON_MARCH_2 = new Date('2027-03-02T04:00:00.000Z');
const statuses = (steps: ReturnType<typeof caseProgress>) => steps.map((s) => s.status);

describe('the steps a person sees', () => {
  it('a resignation under review: 发起申请 done on its day, 部门审批 under way', () => {
    const steps = caseProgress(caseIn('resignation', 'submitted'), []);
    expect(steps.map((s) => s.label)).toEqual([
      '发起申请',
      '部门审批',
      'HR确认',
      '手续办理',
      '完成归档',
    ]);
    expect(statuses(steps)).toEqual(['finish', 'process', 'default', 'default', 'default']);
    expect(steps[0]?.reachedOn).toBe('2027-03-01');
    expect(steps[1]?.reachedOn).toBe('2027-03-01');
    expect(steps[2]?.reachedOn).toBeUndefined();
  });

  it('a returned case shows 退回补充 in red under 部门审批 with the manager’s comment', () => {
    const returned = caseIn('resignation', 'returned');
    const steps = caseProgress(returned, [
      { payload: { from: 'submitted', to: 'returned', comment: '交接清单缺少项目文档' } },
    ]);
    expect(steps[1]).toMatchObject({
      label: '部门审批',
      status: 'error',
      subState: '退回补充',
      note: '交接清单缺少项目文档',
    });
  });

  it('formalities: each earlier step carries its date, the current one its entry day', () => {
    const steps = caseProgress(caseIn('resignation', 'formalities'), []);
    expect(statuses(steps)).toEqual(['finish', 'finish', 'finish', 'process', 'default']);
    expect(steps[3]?.reachedOn).toBe('2027-03-05');
  });

  it('a completed case has every step done', () => {
    const done = caseIn('resignation', 'completed', {
      stages: [
        { state: 'submitted', enteredAt: SUBMITTED_AT, exitedAt: '2027-03-02T02:00:00.000Z' },
        {
          state: 'hr_review',
          enteredAt: '2027-03-02T02:00:00.000Z',
          exitedAt: '2027-03-03T02:00:00.000Z',
        },
        {
          state: 'formalities',
          enteredAt: '2027-03-03T02:00:00.000Z',
          exitedAt: '2027-03-31T10:00:00.000Z',
        },
        { state: 'completed', enteredAt: '2027-03-31T10:00:00.000Z' },
      ],
    });
    const steps = caseProgress(done, []);
    expect(statuses(steps)).toEqual(['finish', 'finish', 'finish', 'finish', 'finish']);
    expect(steps.map((s) => s.reachedOn)).toEqual([
      '2027-03-01',
      '2027-03-01',
      '2027-03-02',
      '2027-03-03',
      '2027-03-31',
    ]);
  });

  it('民法典 第137条: an issued termination waits on 待送达 until the notice reaches the employee', () => {
    const issued = caseIn('termination', 'formalities', {
      noticeReceivedAt: undefined,
      issuedAt: '2027-03-05T02:00:00.000Z',
    });
    const steps = caseProgress(issued, []);
    expect(steps.map((s) => s.label)).toEqual(['待发出', '待送达', '手续办理', '完成归档']);
    expect(statuses(steps)).toEqual(['finish', 'process', 'default', 'default']);
    expect(steps.map((s) => s.reachedOn)).toEqual([
      '2027-03-01',
      '2027-03-05',
      undefined,
      undefined,
    ]);
  });

  it('民法典 第137条: 待送达 is done on the day of delivery, and formalities run from it', () => {
    const delivered = caseIn('termination', 'formalities', {
      issuedAt: '2027-03-05T02:00:00.000Z',
      noticeReceivedAt: '2027-03-06T16:00:00.000Z',
      deliveredAt: '2027-03-08T02:00:00.000Z',
      deliveredOn: '2027-03-07',
    });
    const steps = caseProgress(delivered, []);
    expect(statuses(steps)).toEqual(['finish', 'finish', 'process', 'default']);
    expect(steps.map((s) => s.reachedOn)).toEqual([
      '2027-03-01',
      '2027-03-05',
      '2027-03-07',
      undefined,
    ]);
  });

  it('a termination withdrawn before delivery stopped at 待送达', () => {
    const withdrawn = caseIn('termination', 'withdrawn', {
      noticeReceivedAt: undefined,
      stages: [
        { state: 'draft', enteredAt: SUBMITTED_AT, exitedAt: '2027-03-05T02:00:00.000Z' },
        {
          state: 'formalities',
          enteredAt: '2027-03-05T02:00:00.000Z',
          exitedAt: '2027-03-06T02:00:00.000Z',
        },
        { state: 'withdrawn', enteredAt: '2027-03-06T02:00:00.000Z' },
      ],
    });
    expect(statuses(caseProgress(withdrawn, []))).toEqual([
      'finish',
      'error',
      'default',
      'default',
    ]);
  });
});

describe('the employee’s next step', () => {
  it('the handover list is due 3 days after the notice arrived, with the days left', () => {
    const missing = caseIn('resignation', 'submitted', { attachments: [] });
    expect(employeeNextStep(missing, ON_MARCH_2)).toEqual({
      action: 'case.attach',
      label: '上传《工作交接清单》',
      dueDate: '2027-03-04',
      daysLeft: 2,
    });
  });

  it('an overdue handover list counts the days as negative', () => {
    const missing = caseIn('resignation', 'submitted', { attachments: [] });
    expect(employeeNextStep(missing, new Date('2027-03-07T04:00:00.000Z')).daysLeft).toBe(-3);
  });

  it('signing is due on the signature item’s due day', () => {
    const formalities = caseIn('resignation', 'formalities');
    const open = {
      ...formalities,
      checklist: formalities.checklist.map((e) =>
        e.item === 'sign_letter' ? { ...e, done: false, doneAt: undefined, doneBy: undefined } : e,
      ),
    };
    expect(employeeNextStep(open, new Date('2027-03-07T04:00:00.000Z'))).toEqual({
      action: 'case.sign',
      label: '签署《辞职书》',
      dueDate: '2027-03-08',
      daysLeft: 1,
    });
  });

  it('nothing to do: whom the case waits for and since when', () => {
    const waiting = caseIn('resignation', 'hr_review', {
      attachments: [attachment('handover_checklist', SUBMITTED_AT)],
    });
    expect(employeeNextStep(waiting, ON_MARCH_2)).toEqual({
      action: 'wait',
      label: '等待 HR确认',
      waitingFor: 'hr',
      since: '2027-03-05',
    });
    expect(employeeNextStep(caseIn('resignation', 'submitted'), ON_MARCH_2)).toMatchObject({
      waitingFor: 'manager',
      since: '2027-03-01',
    });
  });

  it('a finished case has nothing left', () => {
    expect(employeeNextStep(caseIn('resignation', 'completed'), ON_MARCH_2)).toEqual({
      action: 'none',
      label: '离职手续已全部办结',
    });
  });
});
