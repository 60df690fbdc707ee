import type { ActionResult, AttachmentKind, NoticeMode } from '../../server/contract';
import { formatDate, formatInstant } from './beijing-time';
import { employeeNoProblem } from './binding-code';
import { ATTACHMENT_LABELS, NOTICE_MODE_LABELS, STATE_LABELS } from './labels';

export interface NoticeModeOption {
  value: NoticeMode;
  label: string;
  hint: string;
}

export const NOTICE_MODE_OPTIONS: Record<NoticeMode, NoticeModeOption> = {
  notice30: {
    value: 'notice30',
    label: NOTICE_MODE_LABELS.notice30,
    hint: '最后工作日为发出通知之日起第 30 日',
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

/** Termination documents (DESIGN §3): the appraisal, and training or a change of post. */
export const TERMINATION_DOCUMENTS = [
  'appraisal_record',
  'training_certificate',
  'position_change_record',
] as const satisfies readonly AttachmentKind[];
export type TerminationDocument = (typeof TERMINATION_DOCUMENTS)[number];

/** The documents 第40条(二) asks for, in the words the rows use. */
export const DOCUMENTS_HINT = `须上传${ATTACHMENT_LABELS.appraisal_record}，以及${ATTACHMENT_LABELS.training_certificate}或${ATTACHMENT_LABELS.position_change_record}（二选一）。`;

/** The tag of a draft not issued yet. */
export const DRAFT_LABEL = STATE_LABELS.draft;

export interface DocumentRow {
  kind: TerminationDocument;
  label: string;
  attached: boolean;
}

export function documentRows(attached: readonly AttachmentKind[]): DocumentRow[] {
  return TERMINATION_DOCUMENTS.map((kind) => ({
    kind,
    label: ATTACHMENT_LABELS[kind],
    attached: attached.includes(kind),
  }));
}

/** Why the server would refuse to issue the notice now (documents missing …); '' otherwise. */
export function issueHint(view: ActionResult<'case.get'>): string {
  return view.blockedActions.find((held) => held.action === 'case.issue')?.reason ?? '';
}

export interface IssueReceipt {
  caseId: string;
  noticeReceivedAt: string;
  lastWorkingDay: string;
}

export function issueReceipt(result: ActionResult<'case.issue'>): IssueReceipt {
  return {
    caseId: result.caseId,
    noticeReceivedAt: formatInstant(result.noticeReceivedAt),
    lastWorkingDay: formatDate(result.lastWorkingDay),
  };
}
