import type {
  ActionResult,
  CancelBasis,
  CaseActionView,
  CaseKind,
  Role,
  State,
} from '../../server/contract';
import { beijingToday, formatDate, formatInstant } from './beijing-time';
import { type CaseView } from './case-summary';
import { checklistRow, type ChecklistActor, type ChecklistRowView } from './checklist-rows';
import { eventTitle } from './event-titles';
import {
  ATTACHMENT_LABELS,
  CANCEL_BASIS_LABELS,
  NON_COMPETE_DECISION_LABELS,
  REASON_LABELS,
  REMINDER_KIND_LABELS,
  REMINDER_STATUS_LABELS,
  REMINDER_STATUS_THEMES,
  ROLE_LABELS,
  STATE_LABELS,
  AWAITING_DELIVERY,
  STATE_THEMES,
  type TagTheme,
} from './labels';

type Session = ActionResult<'me.get'>;

/** Buttons a viewer may see on a case; the server still checks every call. */
export type CaseAction =
  | 'upload'
  | 'uploadDelivery'
  | 'waiveHandover'
  | 'remind'
  | 'consentLater'
  | 'resubmit'
  | 'withdraw'
  | 'sign'
  | 'issue'
  | 'approve'
  | 'return'
  | 'escalate'
  | 'confirm'
  | 'hrReturn'
  | 'cancel'
  | 'nonCompete'
  | 'closeSeverance'
  | 'markDisputed'
  | 'unmarkDisputed'
  | 'assignSuccessors'
  | 'close'
  | 'purge';

export const ACTION_LABELS: Record<CaseAction, string> = {
  upload: '上传交接清单',
  uploadDelivery: '上传送达凭证',
  waiveHandover: '豁免交接清单',
  remind: '发送提醒',
  consentLater: '同意调整最后工作日',
  resubmit: '重新提交',
  withdraw: '撤回申请',
  sign: '去签署',
  issue: '上传材料并发出',
  approve: '审批通过',
  return: '退回补充',
  escalate: 'HR 越级处理',
  confirm: 'HR确认',
  hrReturn: '退回补充',
  cancel: '撤销案件',
  nonCompete: '录入竞业限制决定',
  closeSeverance: '经济补偿：无须支付或已协议解决',
  markDisputed: '标记争议',
  unmarkDisputed: '取消争议标记',
  assignSuccessors: '指定交接人',
  close: '完成归档',
  purge: '清除个人信息',
};

/** Actions whose comment is required by the server (a return, a cancellation, an escalation). */
export const COMMENT_REQUIRED: ReadonlySet<CaseAction> = new Set<CaseAction>([
  'return',
  'hrReturn',
  'cancel',
  'escalate',
  'waiveHandover',
  'markDisputed',
  'unmarkDisputed',
]);

export interface ActionButton {
  action: CaseAction;
  label: string;
  theme: 'primary' | 'danger';
  variant: 'base' | 'outline';
  /** Why the server holds this back now ('' when it may be tapped). */
  reason: string;
}

/**
 * Sending a case back or cancelling it is drawn as a warning, a choice the employee rarely
 * needs as a secondary button, everything else as a step on.
 */
export function actionButton(action: CaseAction, reason = ''): ActionButton {
  const undoing =
    action === 'return' || action === 'hrReturn' || action === 'cancel' || action === 'purge';
  return {
    action,
    label: ACTION_LABELS[action],
    theme: undoing ? 'danger' : 'primary',
    variant:
      undoing ||
      action === 'consentLater' ||
      action === 'remind' ||
      action === 'markDisputed' ||
      action === 'unmarkDisputed'
        ? 'outline'
        : 'base',
    reason,
  };
}

/** Buttons in the order a page lists them: the employee's, the reviewer's, then HR's. */
const BUTTON_ORDER: readonly CaseAction[] = [
  'upload',
  'resubmit',
  'sign',
  'withdraw',
  'consentLater',
  'approve',
  'return',
  'assignSuccessors',
  'remind',
  'uploadDelivery',
  'waiveHandover',
  'escalate',
  'issue',
  'confirm',
  'hrReturn',
  'nonCompete',
  'closeSeverance',
  'close',
  'cancel',
  'markDisputed',
  'unmarkDisputed',
  'purge',
];

/** The button(s) each action the server offers is drawn as. */
function buttonsOf(offer: CaseActionView): CaseAction[] {
  switch (offer.action) {
    case 'case.attach':
      // The severance document is uploaded from the severance dialog, which explains it.
      if (offer.kind === 'severance_document') return [];
      return offer.kind === 'notice_delivery' ? ['uploadDelivery'] : ['upload'];
    case 'case.checklist':
      return offer.item === 'severance_paid' ? ['closeSeverance'] : ['waiveHandover'];
    case 'case.markDisputed':
      return offer.disputed === false ? ['unmarkDisputed'] : ['markDisputed'];
    case 'admin.purgeCase':
      return ['purge'];
    case 'case.review':
      return [offer.decision === 'approve' ? 'approve' : 'return'];
    case 'case.resubmit':
      return ['resubmit'];
    case 'case.sign':
      return ['sign'];
    case 'case.withdraw':
      return ['withdraw'];
    case 'case.consentLaterDay':
    case 'case.consentLastWorkingDay':
      return ['consentLater'];
    case 'case.remind':
      return ['remind'];
    case 'case.hrEscalate':
      return ['escalate'];
    case 'case.issue':
      return ['issue'];
    case 'case.hrConfirm':
      return ['confirm'];
    case 'case.hrReturn':
      return ['hrReturn'];
    case 'case.close':
      return ['close'];
    case 'case.hrCancel':
      return ['cancel'];
    case 'case.nonCompete':
      return ['nonCompete'];
    case 'case.assignSuccessors':
      return ['assignSuccessors'];
    case 'handover.confirm':
      // Drawn on each unconfirmed item of the handover section (确认 on the successor's behalf).
      return [];
  }
}

export interface Relation {
  isOwner: boolean;
  isManager: boolean;
  isHr: boolean;
}

export function relationTo(view: CaseView, session: Session | null): Relation {
  const me = session?.employee?.employeeNo;
  const roles: readonly Role[] = session?.roles ?? [];
  const isHr = roles.includes('hr') || roles.includes('admin');
  const isOwner = me !== undefined && me === view.case.employee.employeeNo;
  // A case without a manager is reviewed by HR (DESIGN §2).
  const isManager =
    (me !== undefined && view.case.managerNo === me) || (isHr && !view.case.managerNo);
  return { isOwner, isManager, isHr };
}

/** The evidence view is for the employee concerned and HR (the server refuses anyone else). */
export function mayViewEvidence(relation: Relation): boolean {
  return relation.isOwner || relation.isHr;
}

/**
 * The buttons for what the server offers this viewer (`allowedActions`), and, disabled with
 * the server's reason, what it holds back now (`blockedActions`). The rules are the server's.
 */
export function actionsFor(view: CaseView): ActionButton[] {
  const buttons = new Map<CaseAction, ActionButton>();
  for (const offer of view.allowedActions) {
    for (const action of buttonsOf(offer)) buttons.set(action, actionButton(action));
  }
  // Closing severance waits only for its document, which its dialog lets HR upload first.
  const severanceUpload = view.allowedActions.some(
    (offer) => offer.action === 'case.attach' && offer.kind === 'severance_document',
  );
  for (const held of view.blockedActions) {
    for (const action of buttonsOf(held)) {
      const reason = action === 'closeSeverance' && severanceUpload ? '' : held.reason;
      if (!buttons.has(action)) buttons.set(action, actionButton(action, reason));
    }
  }
  return BUTTON_ORDER.filter((action) => buttons.has(action)).map(
    (action) => buttons.get(action) as ActionButton,
  );
}

type RemindResult = ActionResult<'case.remind'>;

/**
 * What HR is told after 发送提醒: the manual message may be sent, held back by the
 * once-a-day rule, or refused by WeChat when the employee has no subscription left.
 */
export function remindOutcome(result: RemindResult): { text: string; success: boolean } {
  const manual = result.reminders.find((r) => r.slot.startsWith('manual-')) ?? result.reminders[0];
  switch (manual?.status) {
    case 'sent':
      return { text: '提醒已发送', success: true };
    case 'skipped':
      return { text: '员工今天已收到提醒，不再重复发送', success: false };
    case 'undeliverable':
      return { text: '员工未订阅消息，无法送达，请电话联系', success: false };
    default:
      return { text: '提醒未能发出，请查看提醒记录', success: false };
  }
}

export interface TimelineRow {
  seq: number;
  title: string;
  at: string;
  who: string;
  comment: string;
  /** `角色：意见` or just the role. */
  line: string;
}

export interface ReminderRow {
  id: string;
  title: string;
  statusText: string;
  statusTheme: TagTheme;
  due: string;
  sent: string;
  errCode: string;
  /** One line for the view: planned time, sent time, WeChat's error code. */
  line: string;
}

export interface CaseDetailView {
  caseId: string;
  title: string;
  reason: string;
  explanation: string;
  stateLabel: string;
  stateTheme: TagTheme;
  noticeReceivedAt: string;
  lastWorkingDay: string;
  legalLastWorkingDay: string;
  /** The raw `YYYY-MM-DD` days, for HR's date picker at confirmation. */
  lastWorkingDayValue: string;
  /** HR's non-compete decision in one line, '' before it is recorded. */
  nonCompete: string;
  legalLastWorkingDayValue: string;
  /** The later day the employee agreed to, formatted; '' when none. */
  consentToLaterDay: string;
  /** HR's cancellation: the bases this case allows (none for a draft). */
  cancelBases: CancelBasisOption[];
  /** The day the employee agreed to, earlier or later than the legal one (第36/37条). */
  consentedLastWorkingDay: string;
  needsCall: boolean;
  /** `url` and `contentType` open the file; '' when the server gave no URL (tap does nothing). */
  attachments: { key: string; label: string; at: string; url: string; contentType: string }[];
  /** Employee-side items HR waived before formalities (the vanished employee's handover list). */
  waivers: { key: string; label: string; at: string; note: string }[];
  checklist: ChecklistRowView[];
  reminders: ReminderRow[];
  timeline: TimelineRow[];
  /** Older records left out of `timeline` (the evidence page, or 查看全部, shows them). */
  timelineHidden: number;
  /** `仅显示最近30条`, '' when every record is shown. */
  timelineCut: string;
  /** HR only, terminations (第47条): `4 个月（2023年8月1日（周二）起的工作年限）`; '' otherwise. */
  severance: string;
  severanceCaveats: string[];
  /** A `severance_document` is on the case: severance may be closed without a payment. */
  hasSeveranceDocument: boolean;
}

/**
 * Shown newest first. The server keeps everything; the page shows the recent part so one
 * setData stays far below WeChat's size limit however long a case has run.
 */
export const TIMELINE_LIMIT = 30;
const REMINDER_LIMIT = 30;

function commentOf(payload: Record<string, unknown>): string {
  const text = payload.comment ?? payload.note;
  return typeof text === 'string' ? text : '';
}

/** `执行竞业限制 · 12 个月 · 每月 3000 元 · 下次支付 2027年4月30日`. */
export function nonCompeteText(decision: CaseView['case']['nonCompete']): string {
  if (!decision) return '';
  const parts = [NON_COMPETE_DECISION_LABELS[decision.decision]];
  if (decision.months !== undefined) parts.push(`${decision.months} 个月`);
  if (decision.monthlyCompensation !== undefined) {
    parts.push(`每月 ${decision.monthlyCompensation} 元`);
  }
  if (decision.nextCompensationDate) {
    parts.push(`下次支付 ${formatDate(decision.nextCompensationDate)}`);
  }
  return parts.join(' · ');
}

export function caseDetail(
  view: CaseView,
  relation: Relation,
  nowMs: number,
  timelineLimit = TIMELINE_LIMIT,
): CaseDetailView {
  const c = view.case;
  const actors: ChecklistActor[] = [];
  if (relation.isOwner) actors.push('employee');
  if (relation.isManager) actors.push('manager');
  if (relation.isHr) actors.push('hr');
  const viewer = {
    actors,
    mayWaive: relation.isHr,
    editable: c.state === 'formalities',
    today: beijingToday(nowMs),
  };
  return {
    caseId: c.caseId,
    title: `${c.employee.name}（${c.employee.employeeNo}）· ${c.employee.department}`,
    reason: REASON_LABELS[c.reason],
    explanation: c.explanation ?? '',
    // 民法典 第137条: an issued termination not yet delivered reads 待送达, its day 送达后30日.
    stateLabel: c.awaitingDelivery ? AWAITING_DELIVERY : STATE_LABELS[c.state],
    stateTheme: STATE_THEMES[c.state],
    noticeReceivedAt: formatInstant(c.noticeReceivedAt),
    lastWorkingDay: c.lastWorkingDay ? formatDate(c.lastWorkingDay) : c.lastWorkingDayText || '—',
    legalLastWorkingDay: formatDate(c.legalLastWorkingDay),
    lastWorkingDayValue: c.lastWorkingDay ?? '',
    cancelBases: cancelBases(c.kind, c.state),
    nonCompete: nonCompeteText(c.nonCompete),
    legalLastWorkingDayValue: c.legalLastWorkingDay ?? '',
    consentToLaterDay: c.consentToLaterDay ? formatDate(c.consentToLaterDay) : '',
    consentedLastWorkingDay: c.consentedLastWorkingDay ? formatDate(c.consentedLastWorkingDay) : '',
    needsCall: c.needsCall,
    attachments: c.attachments.map((a, i) => ({
      key: `${a.kind}-${i}`,
      label: ATTACHMENT_LABELS[a.kind],
      at: formatInstant(a.at),
      url: a.url ?? '',
      contentType: a.contentType,
    })),
    waivers: c.waivers.map((w, i) => ({
      key: `${w.item}-${i}`,
      label:
        w.item === 'handover_list'
          ? ATTACHMENT_LABELS.handover_checklist
          : (view.checklist.find((row) => row.item === w.item)?.label ?? w.item),
      at: formatInstant(w.at),
      note: w.note,
    })),
    checklist: view.checklist.map((row) => checklistRow(row, viewer)),
    severance: view.severance
      ? `${view.severance.months} 个月（按${formatDate(view.severance.serviceFrom)}至${formatDate(view.severance.serviceTo)}的工作年限）`
      : '',
    severanceCaveats: view.severance?.caveats ?? [],
    hasSeveranceDocument: c.attachments.some((a) => a.kind === 'severance_document'),
    reminders: view.reminders.slice(-REMINDER_LIMIT).map((r) => {
      const due = formatInstant(r.dueAt);
      const sent = r.sentAt ? formatInstant(r.sentAt) : '';
      const errCode = r.errCode !== undefined && r.errCode !== 0 ? String(r.errCode) : '';
      const parts = [`计划：${due}`];
      if (sent) parts.push(`发送：${sent}`);
      if (errCode) parts.push(`错误码 ${errCode}`);
      return {
        id: r.id,
        title: REMINDER_KIND_LABELS[r.kind],
        statusText: REMINDER_STATUS_LABELS[r.status],
        statusTheme: REMINDER_STATUS_THEMES[r.status],
        due,
        sent,
        errCode,
        line: parts.join(' · '),
      };
    }),
    ...timelineOf(view, timelineLimit),
  };
}

/**
 * The newest `limit` records, newest first, each naming what it acted on, and how many older
 * ones are left out.
 */
export function timelineOf(
  view: CaseView,
  limit = TIMELINE_LIMIT,
): Pick<CaseDetailView, 'timeline' | 'timelineHidden' | 'timelineCut'> {
  return {
    timelineHidden: Math.max(0, view.events.length - limit),
    timelineCut: view.events.length > limit ? `仅显示最近${limit}条` : '',
    timeline: view.events
      .slice(-limit)
      .reverse()
      .map((e) => {
        const who = e.actor.role === 'system' ? '系统' : ROLE_LABELS[e.actor.role];
        const comment = commentOf(e.payload);
        return {
          seq: e.seq,
          title: eventTitle(e.type, e.payload, view.checklist),
          at: formatInstant(e.at),
          who,
          comment,
          line: comment ? `${who}：${comment}` : who,
        };
      }),
  };
}

/**
 * HR's choice of last working day at confirmation (DESIGN §3 `hr.confirm`): a day before the
 * legal default needs to say who proposed the early release; the server checks the rest.
 */
export function confirmDayHint(chosen: string, legal: string): { early: boolean; hint: string } {
  if (!chosen || !legal || chosen === legal) return { early: false, hint: '' };
  if (chosen < legal) {
    return {
      early: true,
      hint: '早于法定最后工作日：须员工本人已同意该日期，并请选择由谁提出提前离职',
    };
  }
  return { early: false, hint: '晚于法定最后工作日：须已记录员工同意' };
}

/**
 * 第36/37条, said before the employee picks a day: the last working day is the legal one unless
 * they agree to another; a later day keeps them employed (and working, and paid) until then.
 */
export const CONSENT_EXPLANATION =
  '最后工作日默认按法定日期。你可以同意另一个日期：提前离职须与公司协商一致（第36条）；同意延后则劳动关系延续到所选日期，期间照常工作、计发工资（第37条）。不同意的，无需操作，按法定日期离职。';

/** What the chosen day means for the employee, before they agree to it. */
export function consentDayHint(chosen: string, legal: string): string {
  if (!chosen || !legal || chosen === legal) return '';
  const day = formatDate(chosen);
  if (chosen > legal) return `同意后劳动关系延续至${day}，期间照常工作、计发工资。`;
  return `同意后劳动合同于${day}解除，比法定日期提前；提前离职须与公司协商一致。`;
}

/**
 * What HR checks before a step that cannot be taken back: archiving makes the case read-only
 * evidence; cancelling ends it for good.
 */
export function finalSummary(action: CaseAction, detail: CaseDetailView): string[] {
  const who = detail.title;
  if (action === 'purge') {
    return [
      who,
      '将永久删除：员工姓名、工号、微信身份标识（OPENID）、签名图像、签署时的 IP 地址、辞职书和通知的文本、审批意见和备注、上传的全部材料及生成的 PDF、提醒记录。',
      '仅保留不含个人信息的办结记录：案件编号、办结和清除日期、证据链末端哈希。',
      '清除后不能恢复（个人信息保护法 第47条）。如案件涉及劳动争议，请取消操作，由 HR 标记争议后保留。',
    ];
  }
  if (action === 'markDisputed') {
    return [
      '标记为劳动争议的案件将作为仲裁或诉讼的证据保留：保存期满后也不能清除个人信息，直到 HR 取消标记。',
      '请在下方写明争议情况，如仲裁案号或受理机构。',
    ];
  }
  if (action === 'unmarkDisputed') {
    return ['取消标记后，案件在保存期满后可由管理员清除个人信息。请写明争议了结的情况。'];
  }
  if (action !== 'close' && action !== 'cancel') return [];
  if (action === 'cancel') {
    return [who, `当前状态：${detail.stateLabel}`, '撤销后案件结束，不能恢复。'];
  }
  const done = detail.checklist.filter((r) => r.status === 'done').length;
  const waived = detail.checklist.filter((r) => r.status === 'waived').length;
  return [
    who,
    `最后工作日：${detail.lastWorkingDay}`,
    `离职手续清单：${done} 项完成${waived > 0 ? `，${waived} 项豁免` : ''}`,
    '归档后案件只读，作为证据保存至少两年（第五十条），不能再修改。',
  ];
}

export interface CancelBasisOption {
  value: CancelBasis;
  label: string;
}

/**
 * The bases HR may cancel on (DESIGN §3 hr.cancel): HR never revokes a resignation alone; an
 * issued termination only with the employee's agreement; a draft needs none.
 */
export function cancelBases(kind: CaseKind, state: State): CancelBasisOption[] {
  if (state === 'draft') return [];
  if (kind === 'termination')
    return [{ value: 'employee_agreed', label: CANCEL_BASIS_LABELS.employee_agreed }];
  return [
    {
      value: 'employee_request',
      label: `${CANCEL_BASIS_LABELS.employee_request}（须先上传其书面申请）`,
    },
    { value: 'duplicate', label: CANCEL_BASIS_LABELS.duplicate },
    {
      value: 'entered_in_error',
      label: `${CANCEL_BASIS_LABELS.entered_in_error}（仅限经 OA 提交的案件）`,
    },
  ];
}
