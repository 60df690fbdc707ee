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
  },
  /** Every audit event: the state events of the machine and the records beside them. */
  events: {
    'review.approve': '部门审批通过',
    'review.return': '部门退回补充',
    'hr.escalate': 'HR 越级处理',
    withdraw: '员工撤回',
    'hr.cancel': 'HR 撤销',
    resubmit: '重新提交',
    'hr.confirm': 'HR 确认',
    'hr.return': 'HR 退回补充',
    'hr.close': '完成归档',
    'hr.issue': '发出解除通知',
    'case.submit': '提交离职申请',
    'case.terminate': '拟定解除',
    'case.attach': '上传材料',
    'case.sign': '电子签名',
    'case.consentLaterDay': '同意延后最后工作日',
    'case.nonCompete': '竞业限制决定',
    'checklist.done': '完成清单项',
    'checklist.undone': '撤销清单项',
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
};
