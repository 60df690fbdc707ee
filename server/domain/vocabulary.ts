/**
 * Every word a person reads for the workflow's closed sets, said once. Pure data without
 * imports: `npm run build` copies this file into the mini program (`miniprogram/generated/`),
 * so the client shows exactly the server's words. Each map is bound to its type where it is
 * used (`Record<State, string>` in case-states.ts, in the mini program's labels.ts, …): a new
 * state, reason, document or event without its label fails the typecheck.
 */
export const VOCABULARY = {
  states: {
    draft: '待发出',
    submitted: '待部门审批',
    returned: '退回补充',
    hr_review: 'HR确认',
    formalities: '手续办理',
    completed: '完成归档',
    withdrawn: '已撤回',
  },
  reasons: {
    resignation: '辞职',
    personal: '其他个人原因',
    incompetence: '不能胜任工作',
    employer_fault: '用人单位过错（被迫解除）',
  },
  // 第40条(二) evidence as HR and a labour court call it: the performance appraisal, and the
  // record of the training given (attendance, content), not a certificate.
  attachments: {
    handover_checklist: '工作交接清单',
    appraisal_record: '绩效考核记录',
    training_certificate: '培训记录',
    position_change_record: '调岗记录',
    notice_delivery: '送达凭证',
    other: '其他材料',
    union_notice: '通知工会的书面记录',
    union_reply: '对工会意见的书面答复',
    withdrawal_request: '员工撤回辞职的书面申请',
    // 解释(一) 第35条: the settlement agreement, or why no severance is owed.
    severance_document: '经济补偿文件',
  },
  /** The PDFs a case yields for paper proceedings. */
  documents: {
    signed_letter: '已签署的辞职书',
    termination_receipt: '解除劳动合同通知书签收件',
    certificate: '离职证明',
    non_compete_notice: '竞业限制决定告知书',
  },
  /** Every audit event: the state events of the machine and the records beside them. */
  events: {
    'review.approve': '部门审批通过',
    'review.return': '部门退回补充',
    'hr.escalate': 'HR 越级处理',
    withdraw: '员工撤回',
    'hr.cancel': 'HR 撤销',
    resubmit: '重新提交',
    'hr.confirm': 'HR确认',
    'hr.return': 'HR 退回补充',
    'hr.close': '完成归档',
    'hr.issue': '发出解除通知',
    'case.submit': '提交离职申请',
    'case.terminate': '拟定解除',
    'case.attach': '上传材料',
    'case.sign': '电子签名',
    'case.consentLaterDay': '同意延后最后工作日',
    'case.consentLastWorkingDay': '同意调整最后工作日',
    'case.markDisputed': '标记劳动争议',
    'notice.delivered': '解除通知送达',
    'document.generated': '生成文书 PDF',
    'certificate.reasonChoice': '选择离职证明是否写明原因',
    'certificate.issue': '出具离职证明',
    'case.nonCompete': '竞业限制决定',
    'case.contact': '联系员工',
    'handover.assign': '指定交接人',
    'handover.confirm': '确认接收交接事项',
    'handover.dispute': '对交接事项提出异议',
    'checklist.done': '完成清单项',
    'checklist.undone': '取消勾选清单项',
    'checklist.waive': '豁免清单项',
    'reminder.decision': '提醒记录',
    'evidence.view': '查看证据',
  },
  roles: {
    employee: '员工',
    manager: '部门经理',
    hr: 'HR',
    admin: '管理员',
  },
  /** Also the phrase field of the subscription message: at most 5 Chinese characters. */
  reminderKinds: {
    notice: '办理通知',
    daily: '每日提醒',
    gentle: '温馨提醒',
    serious: '严肃提醒',
    hr_alert: '预警通知',
    manager_review: '审批提醒',
    legal_deadline: '法定时限',
    workshop: '培训提醒',
    training_notice: '培训通知',
  },
  reminderStatuses: {
    pending: '待发送',
    sending: '发送中',
    sent: '已发送',
    failed: '发送失败',
    failed_unknown: '结果未知',
    undeliverable: '无法送达',
    skipped: '已跳过',
  },
  /** The steps a person follows on the case page (TDesign steps), resignation and termination. */
  progressSteps: {
    apply: '发起申请',
    review: '部门审批',
    hr_review: 'HR确认',
    formalities: '手续办理',
    completed: '完成归档',
    draft: '待发出',
    delivery: '待送达',
  },
  /** The employee's own next step, as the next-step card says it. */
  employeeTasks: {
    handover_list: '上传《工作交接清单》',
    resubmit: '按退回意见补充后重新提交',
    sign_letter: '签署《辞职书》',
    sign_receipt: '签收《解除劳动合同通知书》',
  },
  /** Who a case waits for while the employee has nothing to do, by its state. */
  waiting: {
    draft: '等待 HR 发出通知',
    submitted: '等待部门经理审批',
    returned: '等待补充材料',
    hr_review: '等待 HR确认',
    formalities: '等待 HR 办理离职手续',
    completed: '离职手续已全部办结',
    withdrawn: '申请已撤回',
  },
  /** 劳动合同法 第23/24条 and 最高法 劳动争议解释(一) 第36–39条, as HR and the employee read them. */
  nonCompeteDecisions: {
    enforced: '执行竞业限制',
    released: '不执行（解除竞业限制）',
  },
  nonCompeteGuidance: {
    fallback:
      '未约定补偿金额时，可参照离职前十二个月平均工资的30%按月支付，且不低于劳动合同履行地最低工资标准（劳动争议解释(一) 第36条）；部分省市规定更高，金额由HR确定。',
    period: '竞业限制期限不得超过二年（劳动合同法 第24条）。',
    released:
      '在竞业限制期限内解除的，劳动者可请求额外支付三个月的竞业限制经济补偿（劳动争议解释(一) 第39条）；离职当日即解除是否适用，实务中存在争议。',
    unpaid:
      '因用人单位原因三个月未支付经济补偿的，劳动者可请求解除竞业限制约定（劳动争议解释(一) 第38条）：请按月按时支付。',
  },
  /** 离职面谈: voluntary, never a condition of anything (第37条). */
  interview: {
    title: '离职面谈（自愿）',
    voluntary: '自愿填写，不影响任何离职手续',
  },
  interviewQuestionKinds: {
    single: '单选',
    scale: '1–5 分',
    text: '文字',
  },
  /** How HR or the manager reached the employee (case.recordContact). */
  contactMethods: {
    phone: '电话',
  },
  /** Each handover item as its successor, the manager and HR read it. */
  handoverItemStatuses: {
    pending: '待确认',
    confirmed: '已确认接收',
    disputed: '有异议',
  },
  /** 可再次录用, HR's only. */
  rehire: {
    yes: '可再次录用',
    no: '不再录用',
    ask: '录用前咨询HR',
  },
  noticeModes: {
    notice30: '提前三十日书面通知',
    payInLieu: '额外支付一个月工资',
  },
  /** The 离职证明 in the employee's 离职记录 (第50条: issued when the contract ends). */
  certificateStatuses: {
    issued: '已出具',
    pending: '待出具',
    none: '不出具（未离职）',
  },
  /** 民法典 第137条: an issued termination before it reaches the employee, and its last day. */
  delivery: {
    awaiting: '待送达',
    untilDelivered: '送达后30日',
  },
  /** Whom HR told before a termination (第43条). */
  unionBodies: {
    company_union: '本单位工会',
    local_federation: '当地总工会或街道工会',
    employee_representatives: '职工代表',
  },
  /** How a termination notice reached the employee. */
  deliveryChannels: {
    mini_program: '员工在小程序中查阅',
    in_person: '当面送达',
    ems: 'EMS 邮寄',
    email: '电子邮件',
    other: '其他方式',
  },
  /** Why HR cancels a case: never a resignation alone. */
  cancelBases: {
    employee_request: '员工书面申请撤回',
    duplicate: '重复提交',
    entered_in_error: 'OA 误录入',
    employee_agreed: '员工同意撤销解除通知',
  },
  /** How severance is closed other than by paying (解释(一) 第35条); never a waiver. */
  severanceClosings: {
    not_owed: '依法无须支付',
    settled: '已协议解决',
  },
  /** Where a person stands with a workshop (线下 workshop). */
  workshopSeats: {
    none: '未报名',
    enrolled: '已报名',
    attended: '已签到',
  },
};
