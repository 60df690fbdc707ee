import { formalitiesCase, submittedCase } from '../../components/fixtures/case-view';
import {
  boardRow,
  filterTabs,
  finishedNote,
  pendingOverdue,
  pendingStates,
  tabPayload,
} from '../../../miniprogram/view-models/board-rows';
import {
  actionsFor,
  caseDetail,
  confirmDayHint,
  finalSummary,
  relationTo,
  remindOutcome,
} from '../../../miniprogram/view-models/case-detail';
import {
  caseSummary,
  nextStepFor,
  pendingCount,
} from '../../../miniprogram/view-models/case-summary';
import { STATE_LABELS } from '../../../miniprogram/view-models/labels';
import {
  explanationCounter,
  explanationRule,
  formProblem,
} from '../../../miniprogram/view-models/resign-form';
import { signView } from '../../../miniprogram/view-models/signing';
import { tabItemsFor } from '../../../miniprogram/view-models/tab-items';

const employee = {
  employee: formalitiesCase().case.employee,
  roles: ['employee' as const],
  subscriptions: {},
};
const manager = {
  employee: { ...formalitiesCase().case.employee, employeeNo: 'M001', name: '李经理' },
  roles: ['employee' as const, 'manager' as const],
  subscriptions: {},
};
const hr = { employee: null, roles: ['hr' as const], subscriptions: {} };
const MAR_10 = Date.parse('2027-03-10T04:00:00Z');

describe('labels and tabs', () => {
  it('labels every state', () => {
    expect(STATE_LABELS.hr_review).toBe('HR确认');
    expect(Object.keys(STATE_LABELS)).toHaveLength(7);
  });

  it('gives 办理 only to people who handle cases', () => {
    expect(tabItemsFor(['employee']).map((t) => t.text)).toEqual(['首页', '我的']);
    expect(tabItemsFor(['admin']).map((t) => t.text)).toEqual(['首页', '办理', '我的']);
  });
});

describe('the employee’s next step', () => {
  it('asks for the handover list first', () => {
    expect(nextStepFor(submittedCase())).toEqual({
      kind: 'upload',
      action: '上传《工作交接清单》',
      text: '请于3月4日前上传《工作交接清单》，已逾期2天',
      overdue: true,
    });
  });

  it('asks to sign once formalities start', () => {
    expect(nextStepFor(formalitiesCase())).toEqual({
      kind: 'sign',
      action: '签署《辞职书》',
      text: '请于3月8日前签署《辞职书》，还剩1天',
      overdue: false,
    });
  });

  it('waits once signed', () => {
    const view = formalitiesCase();
    view.nextStep = {
      action: 'wait',
      label: '等待 HR 办理离职手续',
      waitingFor: 'hr',
      since: '2027-03-05',
    };
    expect(nextStepFor(view)).toEqual({
      kind: 'wait',
      action: '',
      text: '等待 HR 办理离职手续，自3月5日起',
      overdue: false,
    });
  });

  it('summarises with Beijing dates', () => {
    expect(caseSummary(formalitiesCase())).toMatchObject({
      stateLabel: '手续办理',
      stateTheme: 'primary',
      lastWorkingDay: '2027年3月31日（周三）',
      noticeReceivedAt: '2027-03-01 10:00',
    });
  });

  it('counts what waits on managers and HR', () => {
    const counts = { submitted: 3, hr_review: 2, formalities: 4, completed: 9 };
    expect(pendingCount(counts, ['employee', 'manager'])).toBe(3);
    expect(pendingCount(counts, ['hr'])).toBe(6);
    expect(pendingCount(counts, ['employee'])).toBe(0);
  });
});

describe('case detail', () => {
  it('shows HR the 第47条 severance the server computed, with its caveats; nothing without it', () => {
    const view = formalitiesCase();
    const withSeverance = {
      ...view,
      severance: {
        months: 4,
        serviceFrom: '2023-08-01',
        serviceTo: '2027-03-31',
        caveats: ['高于三倍的按三倍计', '2008年前的年限按当时规定'],
      },
    };
    const detail = caseDetail(withSeverance, relationTo(view, hr), MAR_10);
    expect(detail.severance).toBe(
      '4 个月（按2023年8月1日（周二）至2027年3月31日（周三）的工作年限）',
    );
    expect(detail.severanceCaveats).toHaveLength(2);
    expect(caseDetail(view, relationTo(view, hr), MAR_10).severance).toBe('');
  });

  it('marks checklist rows done, waived, overdue or open by Beijing date', () => {
    const view = formalitiesCase();
    const rel = relationTo(view, employee);
    const detail = caseDetail(view, rel, MAR_10);
    expect(detail.checklist.map((r) => [r.item, r.status])).toEqual([
      ['sign_letter', 'overdue'],
      ['handover_confirmed', 'done'],
      ['asset:badge', 'open'],
      ['asset:laptop', 'waived'],
      ['final_pay', 'open'],
    ]);
    expect(detail.checklist[1]?.detail).toBe('完成于 2027-03-06 14:30');
    expect(detail.checklist[3]?.note).toBe('已线下结清');
    // The letter is signed on the sign page, never ticked.
    expect(detail.checklist[0]?.canTick).toBe(false);
  });

  it('lets the manager tick shared items and HR waive open ones', () => {
    const view = formalitiesCase();
    const asManager = caseDetail(view, relationTo(view, manager), MAR_10).checklist;
    expect(asManager.find((r) => r.item === 'asset:badge')).toMatchObject({
      canTick: true,
      canWaive: false,
    });
    const asHr = caseDetail(view, relationTo(view, hr), MAR_10).checklist;
    expect(asHr.find((r) => r.item === 'asset:badge')).toMatchObject({
      canTick: true,
      canWaive: true,
    });
    // 第50条: HR ticks the statutory duties; no 豁免 is offered for them.
    expect(asHr.find((r) => r.item === 'final_pay')).toMatchObject({
      canTick: true,
      canWaive: false,
    });
  });

  it('shows reminders and the newest events first with Beijing times', () => {
    const view = formalitiesCase();
    const detail = caseDetail(view, relationTo(view, hr), MAR_10);
    expect(detail.reminders[1]).toMatchObject({
      title: '每日提醒',
      statusText: '无法送达',
      errCode: '43101',
    });
    expect(detail.reminders[0]?.errCode).toBe('');
    expect(detail.timeline[0]).toMatchObject({
      title: '部门审批通过',
      at: '2027-03-02 16:15',
      who: '部门经理',
      comment: '同意',
    });
  });

  it('draws the server’s offers as buttons, in a fixed order, one list upload as file or photos', () => {
    const submitted = submittedCase();
    const offered = {
      ...submitted,
      // Out of order on purpose: the page lists the employee's, reviewer's, then HR's.
      allowedActions: [
        { action: 'case.hrCancel' as const },
        { action: 'case.withdraw' as const },
        { action: 'case.attach' as const, kind: 'handover_checklist' as const },
        { action: 'case.review' as const, decision: 'return' as const },
      ],
      blockedActions: [],
    };
    expect(actionsFor(offered).map((b) => b.action)).toEqual([
      'upload',
      'withdraw',
      'return',
      'cancel',
    ]);
    expect(actionsFor(offered).every((b) => b.reason === '')).toBe(true);
  });

  it('shows what the server holds back, with its reason, and nothing it did not send', () => {
    const formalities = formalitiesCase();
    const held = {
      ...formalities,
      allowedActions: [{ action: 'case.remind' as const }, { action: 'case.hrCancel' as const }],
      blockedActions: [{ action: 'case.close' as const, reason: '8 项未完成 · 3月31日起可归档' }],
    };
    expect(actionsFor(held)).toEqual([
      expect.objectContaining({ action: 'remind', label: '发送提醒', reason: '' }),
      expect.objectContaining({ action: 'close', reason: '8 项未完成 · 3月31日起可归档' }),
      expect.objectContaining({ action: 'cancel', theme: 'danger', reason: '' }),
    ]);
    // Empty lists offer nothing, whatever the state: the client makes up no rule of its own.
    expect(actionsFor({ ...held, allowedActions: [], blockedActions: [] })).toEqual([]);
  });

  it('draws the dispute mark, the severance closing and the purge; severance waits only for its upload', () => {
    const formalities = formalitiesCase();
    const offered = {
      ...formalities,
      allowedActions: [
        { action: 'admin.purgeCase' as const },
        { action: 'case.markDisputed' as const, disputed: true },
        // Its upload is in the severance dialog: no button of its own.
        { action: 'case.attach' as const, kind: 'severance_document' as const },
      ],
      blockedActions: [
        {
          action: 'case.checklist' as const,
          item: 'severance_paid' as const,
          reason: '请先上传经济补偿文件',
        },
      ],
    };
    expect(actionsFor(offered)).toEqual([
      expect.objectContaining({ action: 'closeSeverance', reason: '' }),
      expect.objectContaining({ action: 'markDisputed', label: '标记争议', variant: 'outline' }),
      expect.objectContaining({ action: 'purge', label: '清除个人信息', theme: 'danger' }),
    ]);
    // Without the upload on offer the reason holds the button back; a marked case offers the lift.
    const held = {
      ...offered,
      allowedActions: [{ action: 'case.markDisputed' as const, disputed: false }],
    };
    expect(actionsFor(held)).toEqual([
      expect.objectContaining({ action: 'closeSeverance', reason: '请先上传经济补偿文件' }),
      expect.objectContaining({ action: 'unmarkDisputed', label: '取消争议标记' }),
    ]);
    // The purge's dialog says what goes and that it cannot be undone.
    const summary = finalSummary(
      'purge',
      caseDetail(formalities, { isOwner: false, isManager: false, isHr: true }, MAR_10),
    ).join('\n');
    expect(summary).toContain('将永久删除');
    expect(summary).toContain('不能恢复');
  });

  it('tells HR what became of the reminder', () => {
    const row = {
      id: 'r1',
      track: 'employee_sign' as const,
      slot: 'manual-2027-03-03',
      kind: 'daily' as const,
      phrase: '每日提醒',
      recipient: 'employee' as const,
      status: 'sent' as const,
      dueAt: '2027-03-03T07:00:00Z',
      attempts: 1,
    };
    const outcome = (status: typeof row.status | 'skipped' | 'undeliverable' | 'failed') =>
      remindOutcome({ caseId: 'case-1', reminders: [{ ...row, status }] });
    expect(outcome('sent')).toEqual({ text: '提醒已发送', success: true });
    expect(outcome('skipped').text).toBe('员工今天已收到提醒，不再重复发送');
    expect(outcome('undeliverable').text).toBe('员工未订阅消息，无法送达，请电话联系');
    expect(outcome('failed').text).toBe('提醒未能发出，请查看提醒记录');
  });
});

describe('board rows', () => {
  it('shows name, number, department, reason and marks', () => {
    expect(
      boardRow({
        caseId: 'c1',
        kind: 'resignation',
        employeeNo: 'D001',
        name: '张三',
        department: '研发部',
        reason: 'personal',
        state: 'submitted',
        enteredAt: '2027-03-01T02:00:00Z',
        overdue: true,
        stayedDays: 5,
        overdueDays: 2,
        needsCall: true,
      }),
    ).toEqual({
      caseId: 'c1',
      title: '张三（D001）',
      subtitle: '研发部 · 其他个人原因',
      stateLabel: '待部门审批',
      stateTheme: 'warning',
      enteredAt: '2027-03-01 10:00',
      waiting: '已停留5天 · 逾期2天',
      lastWorkingDay: '',
      overdue: true,
      needsCall: true,
      employeeNo: 'D001',
      viaOa: false,
      unbound: false,
      oaSyncFailed: false,
      // 可再次录用 only on HR's rows of finished cases.
      rehire: '',
      // No mobile on file: nothing to tap.
      mobile: '',
    });
  });

  it('marks a case from the OA: 经 OA 提交, 未绑定小程序, 同步失败', () => {
    expect(
      boardRow({
        caseId: 'oa1',
        kind: 'resignation',
        employeeNo: 'D002',
        name: '李四',
        department: '研发部',
        reason: 'resignation',
        state: 'submitted',
        enteredAt: '2027-03-01T02:00:00Z',
        overdue: false,
        needsCall: false,
        source: 'oa',
        unbound: true,
        oaSyncFailed: true,
      }),
    ).toMatchObject({ employeeNo: 'D002', viaOa: true, unbound: true, oaSyncFailed: true });
  });

  it('labels filter tabs with counts: urgent first, then open cases', () => {
    const tabs = filterTabs({
      counts: { submitted: 2, hr_review: 1, completed: 5 },
      overdueByState: { submitted: 1 },
      needsCallByState: {},
    });
    expect(tabs.slice(0, 3)).toEqual([
      { value: 'overdue', label: '已逾期 1' },
      { value: 'needs_call', label: '需电话联系 0' },
      { value: 'all', label: '进行中 3' },
    ]);
    expect(tabs.find((t) => t.value === 'completed')?.label).toBe('完成归档 5');
  });

  it('adds 待你处理 for the states waiting on the person, and asks for exactly those', () => {
    const mine = pendingStates(['employee', 'hr']);
    expect(mine).toEqual(['hr_review', 'formalities']);
    const tabs = filterTabs({ counts: { submitted: 4, hr_review: 1, formalities: 2 } }, mine);
    expect(tabs[2]).toEqual({ value: 'mine', label: '待你处理 3' });
    expect(tabPayload('mine', mine)).toEqual({ states: ['hr_review', 'formalities'] });
    expect(tabPayload('overdue', mine)).toEqual({ overdueOnly: true });
    expect(tabPayload('needs_call', mine)).toEqual({ needsCallOnly: true });
    expect(tabPayload('all', mine)).toEqual({});
    expect(tabPayload('draft', mine)).toEqual({ state: 'draft' });
    expect(pendingStates(['employee', 'manager'])).toEqual(['submitted']);
    expect(pendingStates(['employee'])).toEqual([]);
  });

  it('shows no numbers it does not have', () => {
    expect(filterTabs(null).map((t) => t.label)).toEqual([
      '已逾期',
      '需电话联系',
      '进行中',
      '待部门审批',
      '退回补充',
      'HR确认',
      '手续办理',
      '待发出',
      '完成归档',
      '已撤回',
    ]);
    // An older server without the urgency numbers: the state tabs count, the urgent ones do not.
    expect(filterTabs({ counts: { submitted: 1 } })[0]?.label).toBe('已逾期');
  });

  it('counts the overdue among the cases waiting on the person', () => {
    const board = { counts: {}, overdueByState: { submitted: 2, hr_review: 1, formalities: 3 } };
    expect(pendingOverdue(board, ['employee', 'hr'])).toBe(4);
    expect(pendingOverdue(board, ['employee', 'manager'])).toBe(2);
    expect(pendingOverdue({ counts: {} }, ['hr'])).toBeNull();
  });

  it('says under a finished tab since when its count runs, and nothing under the others', () => {
    expect(finishedNote('completed', '2027-01-20')).toBe(
      '数量只统计2027年1月20日（周三）以来结束的案件',
    );
    expect(finishedNote('withdrawn', '2027-01-20')).toContain('2027年1月20日');
    expect(finishedNote('submitted', '2027-01-20')).toBe('');
    expect(finishedNote('all', '2027-01-20')).toBe('');
  });
});

describe('resignation form', () => {
  const reasons = [
    {
      reason: 'personal' as const,
      kind: 'resignation' as const,
      label: '其他个人原因',
      enabled: true,
      explanation: 'required' as const,
      explanationMin: 10,
      explanationMax: 500,
      attachmentsAllOf: [],
      attachmentsAnyOf: [],
    },
    {
      reason: 'resignation' as const,
      kind: 'resignation' as const,
      label: '辞职',
      enabled: true,
      explanation: 'optional' as const,
      explanationMin: 10,
      explanationMax: 500,
      attachmentsAllOf: [],
      attachmentsAnyOf: [],
    },
  ];

  it('requires 10–500 characters for a reason that needs an explanation', () => {
    const rule = explanationRule(reasons, 'personal');
    expect(formProblem(rule, '', '')).toBe('请选择离职原因');
    expect(formProblem(rule, 'personal', '  太短了  ')).toBe('请填写说明，至少 10 字');
    expect(formProblem(rule, 'personal', '一'.repeat(10))).toBe('');
    expect(formProblem(rule, 'personal', '一'.repeat(501))).toBe('说明最多 500 字');
    expect(explanationCounter(rule, '一二三')).toBe('3/500 字，至少 10 字');
  });

  it('accepts an optional explanation left empty, but not a too-short one', () => {
    const rule = explanationRule(reasons, 'resignation');
    expect(formProblem(rule, 'resignation', '')).toBe('');
    expect(formProblem(rule, 'resignation', '短')).toBe('说明至少 10 字，或留空');
    expect(explanationCounter(rule, '')).toBe('0/500 字');
  });
});

describe('signing', () => {
  it('offers the letter while the sign item is open, and the hashes once signed', () => {
    const view = formalitiesCase();
    expect(signView(view)).toMatchObject({ stage: 'ready', letterHash: 'c'.repeat(64) });
    view.case.signature = {
      hash: 'd'.repeat(64),
      letterHash: 'c'.repeat(64),
      at: '2027-03-06T01:00:00Z',
    };
    expect(signView(view)).toMatchObject({
      stage: 'signed',
      signatureHash: 'd'.repeat(64),
      signedAt: '2027-03-06 09:00',
    });
    expect(signView(submittedCase()).stage).toBe('nothing');
  });
});

describe('confirmation day', () => {
  it('flags an earlier day as an early release and a later one as needing consent', () => {
    expect(confirmDayHint('2027-03-31', '2027-03-31')).toEqual({ early: false, hint: '' });
    expect(confirmDayHint('2027-03-20', '2027-03-31').early).toBe(true);
    expect(confirmDayHint('2027-04-10', '2027-03-31')).toEqual({
      early: false,
      hint: '晚于法定最后工作日：须已记录员工同意',
    });
  });
});
