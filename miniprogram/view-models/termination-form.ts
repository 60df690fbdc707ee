import type { ActionResult, AttachmentKind, NoticeMode, UnionBody } from '../../server/contract';
import { formatDate, formatInstant } from './beijing-time';
import { employeeNoProblem } from './binding-code';
import {
  ATTACHMENT_LABELS,
  NOTICE_MODE_LABELS,
  REASON_LABELS,
  STATE_LABELS,
  UNION_BODY_LABELS,
} from './labels';

export interface NoticeModeOption {
  value: NoticeMode;
  label: string;
  hint: string;
}

export const NOTICE_MODE_OPTIONS: Record<NoticeMode, NoticeModeOption> = {
  notice30: {
    value: 'notice30',
    label: NOTICE_MODE_LABELS.notice30,
    hint: '通知送达员工之日起第 30 日为最后工作日',
  },
  payInLieu: {
    value: 'payInLieu',
    label: NOTICE_MODE_LABELS.payInLieu,
    hint: '代通知金：由 HR 选定最后工作日',
  },
};

export interface TerminationForm {
  employeeNo: string;
  noticeMode: NoticeMode | '';
  lastWorkingDay: string;
  explanation: string;
  /** Today's Beijing date, `YYYY-MM-DD`. */
  today: string;
}

/** Limits of the optional explanation, as the server checks them after trimming. */
export const EXPLANATION_MIN = 10;
export const EXPLANATION_MAX = 500;

/** The first problem with the form, in Chinese, or '' when it may be sent. */
export function terminationProblem(form: TerminationForm): string {
  const employee = employeeNoProblem(form.employeeNo);
  if (employee) return employee;
  if (!form.noticeMode) return '请选择通知方式';
  if (form.noticeMode === 'payInLieu') {
    if (!form.lastWorkingDay) return '选择额外支付一个月工资时，请选择最后工作日';
    if (form.lastWorkingDay < form.today) return '最后工作日不能早于今天';
  }
  const n = form.explanation.trim().length;
  if (n > 0 && n < EXPLANATION_MIN) return `说明至少 ${EXPLANATION_MIN} 字，或留空`;
  if (n > EXPLANATION_MAX) return `说明最多 ${EXPLANATION_MAX} 字`;
  return '';
}

/**
 * Termination documents (DESIGN §3), one slot each: 第40条(二) an appraisal, training or a
 * change of post, and a second appraisal after it (仍不能胜任); 第43条 the union's notice and,
 * when it objected, the company's written reply.
 */
export const DOCUMENT_SLOTS = {
  appraisal_record: {
    kind: 'appraisal_record',
    label: `${ATTACHMENT_LABELS.appraisal_record}（首次）`,
  },
  training_certificate: {
    kind: 'training_certificate',
    label: ATTACHMENT_LABELS.training_certificate,
  },
  position_change_record: {
    kind: 'position_change_record',
    label: ATTACHMENT_LABELS.position_change_record,
  },
  second_appraisal: {
    kind: 'appraisal_record',
    label: `培训或调岗后的再次${ATTACHMENT_LABELS.appraisal_record}`,
  },
  union_notice: { kind: 'union_notice', label: ATTACHMENT_LABELS.union_notice },
  union_reply: { kind: 'union_reply', label: ATTACHMENT_LABELS.union_reply },
} as const satisfies Record<string, { kind: AttachmentKind; label: string }>;
export type TerminationDocument = keyof typeof DOCUMENT_SLOTS;

const GROUNDS: readonly TerminationDocument[] = [
  'appraisal_record',
  'training_certificate',
  'position_change_record',
  'second_appraisal',
];

/** The documents 第40条(二) asks for, in the words the rows use. */
export const DOCUMENTS_HINT = `须上传首次${ATTACHMENT_LABELS.appraisal_record}、${ATTACHMENT_LABELS.training_certificate}或${ATTACHMENT_LABELS.position_change_record}（二选一），以及培训或调岗之后再次考核仍不能胜任的${ATTACHMENT_LABELS.appraisal_record}。`;

/** The tag of a draft not issued yet. */
export const DRAFT_LABEL = STATE_LABELS.draft;

export interface DocumentRow {
  kind: TerminationDocument;
  label: string;
  attached: boolean;
}

/** The slots a draft's stored attachments fill: a second appraisal fills the second slot. */
export function filledSlots(kinds: readonly AttachmentKind[]): TerminationDocument[] {
  const count = (kind: AttachmentKind) => kinds.filter((k) => k === kind).length;
  const slots: TerminationDocument[] = [];
  if (count('appraisal_record') >= 1) slots.push('appraisal_record');
  if (count('appraisal_record') >= 2) slots.push('second_appraisal');
  for (const kind of [
    'training_certificate',
    'position_change_record',
    'union_notice',
    'union_reply',
  ] as const) {
    if (count(kind) >= 1) slots.push(kind);
  }
  return slots;
}

/** The grounds' rows, in the order they happen. */
export function documentRows(attached: readonly TerminationDocument[]): DocumentRow[] {
  return GROUNDS.map((kind) => ({
    kind,
    label: DOCUMENT_SLOTS[kind].label,
    attached: attached.includes(kind),
  }));
}

/** Why the server would refuse to issue the notice now (documents missing …); '' otherwise. */
export function issueHint(view: ActionResult<'case.get'>): string {
  return view.blockedActions.find((held) => held.action === 'case.issue')?.reason ?? '';
}

/** The union's rows: the reply only when the union objected. */
export function unionRows(
  attached: readonly TerminationDocument[],
  objection: boolean,
): DocumentRow[] {
  const slots: TerminationDocument[] = objection
    ? ['union_notice', 'union_reply']
    : ['union_notice'];
  return slots.map((kind) => ({
    kind,
    label: DOCUMENT_SLOTS[kind].label,
    attached: attached.includes(kind),
  }));
}

export interface UnionBodyOption {
  value: UnionBody;
  label: string;
  hint: string;
}

/** Whom the company told (第43条; 江苏条例 第31条 where there is no union). */
export const UNION_BODY_OPTIONS: readonly UnionBodyOption[] = [
  { value: 'company_union', label: UNION_BODY_LABELS.company_union, hint: '公司已建立工会' },
  {
    value: 'local_federation',
    label: UNION_BODY_LABELS.local_federation,
    hint: '公司没有工会时，通知所在地的总工会或街道（乡镇）工会',
  },
  {
    value: 'employee_representatives',
    label: UNION_BODY_LABELS.employee_representatives,
    hint: '公司没有工会时，也可以通知职工代表',
  },
];

export const UNION_EXPLANATION =
  '《劳动合同法》第四十三条：公司单方解除劳动合同，应当事先将理由通知工会；工会认为违法的，公司应当研究工会的意见，并将处理结果书面通知工会。没有工会的公司，应通知当地总工会、街道工会或职工代表。未事先通知的，法院通常认定解除违法。';

export interface UnionForm {
  notifiedOn: string;
  body: UnionBody | '';
  objection: boolean;
  attached: readonly TerminationDocument[];
  today: string;
}

/** The first problem with the union notice, in Chinese, or '' when it may be sent. */
export function unionProblem(form: UnionForm): string {
  if (!form.body) return '请选择已通知的工会或职工代表';
  if (!form.notifiedOn) return '请选择通知工会的日期';
  if (form.notifiedOn > form.today) return '通知工会的日期不能晚于今天';
  if (!form.attached.includes('union_notice')) return '请上传通知工会的书面记录';
  if (form.objection && !form.attached.includes('union_reply')) {
    return '工会提出异议的，请上传公司对工会意见的书面答复';
  }
  return '';
}

export interface IssueReceipt {
  caseId: string;
  issuedAt: string;
  lastWorkingDay: string;
  awaitingDelivery: boolean;
}

/** 民法典 第137条: in effect on delivery; until then the day reads 送达后30日. */
export function issueReceipt(result: ActionResult<'case.issue'>): IssueReceipt {
  return {
    caseId: result.caseId,
    issuedAt: formatInstant(result.issuedAt),
    lastWorkingDay: result.lastWorkingDay ? formatDate(result.lastWorkingDay) : '送达后30日',
    awaitingDelivery: result.awaitingDelivery,
  };
}

export interface IssueSummaryInput {
  /** `张三（D001）· 研发部`. */
  employee: string;
  /** The mode the draft was made with; '' when the page does not know it. */
  noticeMode: NoticeMode | '';
  /** `YYYY-MM-DD`, the day HR chose when paying in lieu; '' otherwise. */
  lastWorkingDay: string;
  unionBody: UnionBody;
  unionNotifiedOn: string;
  unionObjection: boolean;
}

/** What HR reads once more before the notice goes out: whom, why, until when, the union. */
export function issueSummary(input: IssueSummaryInput): string[] {
  const lastDay =
    input.noticeMode === 'payInLieu' && input.lastWorkingDay
      ? `${formatDate(input.lastWorkingDay)}（${NOTICE_MODE_LABELS.payInLieu}）`
      : input.noticeMode === 'notice30'
        ? `通知送达员工之日起第 30 日（${NOTICE_MODE_LABELS.notice30}）`
        : '按拟定通知时选择的通知方式计算';
  const union = `${formatDate(input.unionNotifiedOn)}已事先通知${UNION_BODY_LABELS[input.unionBody]}`;
  return [
    `员工：${input.employee}`,
    `解除理由：${REASON_LABELS.incompetence}（《劳动合同法》第四十条第二项）`,
    `最后工作日：${lastDay}`,
    `工会（第四十三条）：${union}${input.unionObjection ? '；工会提出异议，已上传公司的书面答复' : ''}`,
  ];
}

/**
 * 民法典 第137条: the notice takes effect when it reaches the employee (their first opening),
 * and an issued notice is cancelled only with the employee's agreement (DESIGN §3 hr.cancel).
 */
export const ISSUE_WARNING =
  '发出后员工即可在小程序中查看，首次查阅即为送达、通知生效；发出后不可撤回，撤销须经员工本人同意。';
