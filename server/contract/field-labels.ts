/** Chinese names of payload fields, so a validation message tells an HR user what to fix. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  action: '操作',
  payload: '参数',
  requestId: '请求编号',
  employeeNo: '工号',
  code: '绑定码',
  reason: '离职原因',
  explanation: '原因说明',
  faultGrounds: '过错情形',
  idempotencyKey: '请求标识',
  caseId: '案件编号',
  noticeMode: '通知方式',
  lastWorkingDay: '最后工作日',
  noProtectedStatus: '无第42条保护情形声明',
  kind: '材料类型',
  fileIds: '文件',
  comment: '意见',
  decision: '审批结果',
  earlyReleaseProposedBy: '提前离职提出方',
  assets: '资产清单',
  id: '编号',
  label: '名称',
  signatureFileId: '签名文件',
  letterHash: '文书哈希',
  consent: '同意电子签名',
  item: '清单项',
  done: '完成情况',
  waive: '豁免',
  closeAs: '办结方式',
  disputed: '争议标记',
  note: '备注',
  results: '订阅结果',
  api: '接口',
  errno: '错误码',
  state: '状态',
  states: '状态',
  overdueOnly: '仅看逾期',
  needsCallOnly: '仅看需电话联系',
  department: '部门',
  q: '搜索词',
  cursor: '翻页标记',
  from: '开始日期',
  to: '结束日期',
  rows: '导入数据',
  name: '姓名',
  position: '岗位',
  managerNo: '直属经理编号',
  hireDate: '入职日期',
  probationEndDate: '试用期结束日期',
  contractStart: '劳动合同开始日期',
  contractEnd: '劳动合同结束日期',
  roles: '角色',
  nonCompete: '竞业限制条款',
  rehire: '可再次录用',
  months: '竞业限制期限（月）',
  monthlyCompensation: '每月经济补偿（元）',
  averageMonthlyWage: '离职前十二个月平均工资（元）',
  minimumWage: '当地最低工资标准（元）',
};

/** `rows.3.employeeNo` → `第4行 工号`; unknown keys keep their name. */
export function describeField(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (const key of path) {
    if (typeof key === 'number') {
      parts.push(`第${key + 1}项`);
    } else {
      const name = String(key);
      // An empty key (a record's) names nothing.
      if (name) parts.push(FIELD_LABELS[name] ?? name);
    }
  }
  if (parts.length === 0) return '参数';
  // "rows[3]" reads better as a row number.
  return parts.join(' ').replace(/^导入数据 第(\d+)项/, '第$1行');
}
