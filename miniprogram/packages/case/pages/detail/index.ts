import type { ActionResult } from '../../../../../server/contract';
import { pickAndAttach } from '../../../../services/attachments';
import {
  changeChecklistItem,
  runCaseAction,
  type ActionOutcome,
  type ChecklistChange,
  type CommentedAction,
  type ConfirmOptions,
} from '../../../../services/case-actions';
import { openCaseFile, openPdf, requestDocuments } from '../../../../services/documents';
import { confirmHandoverItem } from '../../../../services/handover';
import { openHandoverTemplate } from '../../../../services/spreadsheet';
import { chooseUploadSource } from '../../../../services/upload';
import { toast, stopPullDownRefresh } from '../../../../services/feedback';
import { openPage, ROUTES } from '../../../../services/navigation';
import { phoneEmployee } from '../../../../services/phone';
import { call } from '../../../../services/rpc';
import { loadSession } from '../../../../services/session';
import {
  ACTION_LABELS,
  COMMENT_REQUIRED,
  actionsFor,
  caseDetail,
  confirmDayHint,
  consentDayHint,
  CONSENT_EXPLANATION,
  finalSummary,
  mayViewEvidence,
  relationTo,
  remindOutcome,
  TIMELINE_LIMIT,
  timelineOf,
  type ActionButton,
  type CancelBasisOption,
  type CaseAction,
  type CaseDetailView,
} from '../../../../view-models/case-detail';
import { documentsView, type DocumentsView } from '../../../../view-models/documents';
import { INTERVIEW_CARD, offersInterview } from '../../../../view-models/exit-interview';
import { successorBlocks, type SuccessorBlock } from '../../../../view-models/handover';

import { progressView, type ProgressView } from '../../../../view-models/case-progress';
import { nextStepFor, type NextStep } from '../../../../view-models/case-summary';
import {
  REHIRE_LABELS,
  SEVERANCE_CLOSING_LABELS,
  type RehireChoice,
  type SeveranceClosing,
} from '../../../../view-models/labels';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

/** `purged`: the case's personal information was deleted after its retention period. */
type Phase = 'loading' | 'error' | 'ready' | 'purged';

/** The last answer of `case.get` per page, to show more of its records without asking again. */
const lastViews = new WeakMap<object, ActionResult<'case.get'>>();

/** The action or checklist change waiting for its comment in the panel. */
interface Pending {
  kind: 'case' | 'checklist' | 'handover';
  action: string;
  item: string;
  title: string;
  required: boolean;
  /** For a step that cannot be taken back: what it acts on, checked before 确定. */
  summary: string[];
}

const CHECKLIST_TITLES: Record<ChecklistChange, string> = {
  tick: '标记完成',
  untick: '取消勾选',
  waive: '豁免此项（须说明原因）',
};

Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    caseId: '',
    detail: null as CaseDetailView | null,
    progress: null as ProgressView | null,
    next: null as NextStep | null,
    /** The routine steps, in one row. */
    actions: [] as ActionButton[],
    /** 第36/37条: the consent to another last day, apart from the routine steps, explained. */
    consent: null as ActionButton | null,
    consentExplanation: CONSENT_EXPLANATION,
    consentHint: '',
    /** The employee may hand in the list: the blank template is offered beside the button. */
    offersTemplate: false,
    canViewEvidence: false,
    /** How many of the newest records the timeline shows. */
    timelineLimit: TIMELINE_LIMIT,
    pending: null as Pending | null,
    comment: '',
    busy: false,
    actionError: '',
    /** HR's confirmation: the chosen last working day and, when earlier, who proposed it. */
    confirmDay: '',
    confirmHint: '',
    confirmEarly: false,
    proposedBy: '' as '' | 'employee' | 'company',
    /** HR's cancellation: the bases this case allows and the one chosen. */
    cancelBases: [] as CancelBasisOption[],
    cancelBasis: '',
    /** The case's PDFs; null when they could not be listed (the rest of the page stands). */
    documents: null as DocumentsView | null,
    isOwner: false,
    /** HR compares a printed PDF by its hash; the employee's way stays free of hashes. */
    showHashes: false,
    /** HR may issue the 离职证明 from a case in formalities (on or after the last day). */
    mayIssueCertificate: false,
    nonCompeteOpen: false,
    /** 离职面谈（自愿）: the employee's card, never a step of the case. */
    interviewCard: false,
    interviewTitle: INTERVIEW_CARD.title,
    interviewVoluntary: INTERVIEW_CARD.voluntary,
    /** HR: whether the employee answered, and the note of an in-person interview. */
    interviewNotes: false,
    /** HR may add a short note (≤ 20 characters) to a manual reminder. */
    remindWithNote: false,
    /** HR and the manager: the employee's mobile from the roster, to tap ('' when none). */
    mobile: '',
    /** The successors named (交接人) and the state of each of their items. */
    successors: [] as SuccessorBlock[],
    /** The manager or HR may confirm an item on a successor's behalf, with a note. */
    mayConfirmOnBehalf: false,
    successorFormOpen: false,
    rehire: '' as '' | RehireChoice,
    rehireChoices: (Object.keys(REHIRE_LABELS) as RehireChoice[]).map((choice) => ({
      choice,
      label: REHIRE_LABELS[choice],
    })),
    /** 解释(一) 第35条: how severance is closed without a payment, and the one chosen. */
    closeAs: '' as '' | SeveranceClosing,
    severanceClosings: (Object.keys(SEVERANCE_CLOSING_LABELS) as SeveranceClosing[]).map(
      (value) => ({ value, label: SEVERANCE_CLOSING_LABELS[value] }),
    ),
  },
  methods: {
    onLoad(query: { caseId?: string }) {
      this.setData({ caseId: query.caseId ?? '' });
      void this.load();
    },
    async load() {
      const { caseId } = this.data;
      if (!caseId) {
        const missing = { code: 'VALIDATION_FAILED', message: '缺少案件编号' };
        return this.setData({ phase: 'error', ...loadFailure(missing) });
      }
      if (!this.data.detail) this.setData({ phase: 'loading' });
      const [me, view, documents] = await Promise.all([
        loadSession(),
        call('case.get', { caseId }),
        call('case.documents', { caseId }),
      ]);
      if (!view.ok) {
        if (view.error.code === 'NOT_FOUND' && view.error.details?.purged) {
          return this.setData({ phase: 'purged', errorMessage: view.error.message, pending: null });
        }
        return this.setData({ phase: 'error', ...loadFailure(view.error) });
      }
      const relation = relationTo(view.data, me.ok ? me.data : null);
      const buttons = actionsFor(view.data);
      lastViews.set(this, view.data);
      this.setData({
        phase: 'ready',
        detail: caseDetail(view.data, relation, Date.now(), this.data.timelineLimit),
        progress: progressView(view.data),
        next: view.data.nextStep ? nextStepFor(view.data) : null,
        actions: buttons.filter((b) => b.action !== 'consentLater'),
        consent: buttons.find((b) => b.action === 'consentLater') ?? null,
        offersTemplate: buttons.some((b) => b.action === 'upload' && !b.reason),
        canViewEvidence: mayViewEvidence(relation),
        documents: documents.ok ? documentsView(documents.data) : null,
        isOwner: relation.isOwner,
        showHashes: relation.isHr && !relation.isOwner,
        successors: successorBlocks(view.data.case.handover),
        mayConfirmOnBehalf: view.data.allowedActions.some((a) => a.action === 'handover.confirm'),
        mayIssueCertificate:
          relation.isHr && !relation.isOwner && view.data.case.state === 'formalities',
        interviewCard: offersInterview(view.data, relation.isOwner),
        interviewNotes: relation.isHr && !relation.isOwner && view.data.case.state !== 'draft',
        remindWithNote: actionsFor(view.data).some((b) => b.action === 'remind' && !b.reason),
        mobile: view.data.contact?.mobile ?? '',
      });
    },
    async onAction(event: { currentTarget: { dataset: { action?: CaseAction } } }) {
      const action = event.currentTarget.dataset.action;
      if (!action || this.data.busy) return;
      // Held back by the server: the reason is shown under the buttons.
      const held = [...this.data.actions, ...(this.data.consent ? [this.data.consent] : [])];
      if (held.some((b) => b.action === action && b.reason)) return;
      if (action === 'sign') return openPage(ROUTES.sign, { caseId: this.data.caseId });
      if (action === 'issue') return openPage(ROUTES.adminTerminate, { caseId: this.data.caseId });
      if (action === 'remind') return this.remind();
      if (action === 'nonCompete') return this.setData({ nonCompeteOpen: true, actionError: '' });
      if (action === 'assignSuccessors') {
        return this.setData({ successorFormOpen: true, actionError: '' });
      }
      if (action === 'upload' || action === 'uploadDelivery') {
        const kind = action === 'uploadDelivery' ? 'notice_delivery' : 'handover_checklist';
        // 拍照, 相册 or 聊天文件: the person says which, so each is one tap away.
        const source = await chooseUploadSource();
        if (!source) return;
        this.setData({ busy: true, actionError: '' });
        const outcome = await pickAndAttach(this.data.caseId, kind, source);
        this.setData({ busy: false });
        if (outcome.status === 'failed') return this.setData({ actionError: outcome.message });
        if (outcome.status === 'attached') {
          toast(kind === 'handover_checklist' ? '交接清单已上传' : '送达凭证已上传', 'success');
          await this.load();
        }
        return;
      }
      this.setData({
        pending: {
          kind: 'case',
          action,
          item: '',
          title: ACTION_LABELS[action],
          required: COMMENT_REQUIRED.has(action),
          summary: this.data.detail ? finalSummary(action, this.data.detail) : [],
        },
        comment: '',
        actionError: '',
        confirmDay: this.data.detail?.lastWorkingDayValue ?? '',
        confirmHint: '',
        confirmEarly: false,
        proposedBy: '',
        consentHint: '',
        cancelBases: this.data.detail?.cancelBases ?? [],
        cancelBasis: '',
        rehire: '',
        closeAs: '',
      });
    },
    onCloseAs(event: { currentTarget: { dataset: { value?: SeveranceClosing } } }) {
      this.setData({ closeAs: event.currentTarget.dataset.value ?? '', actionError: '' });
    },
    /** The severance dialog's upload: the agreement, or why nothing is owed. */
    async onUploadSeverance() {
      if (this.data.busy) return;
      this.setData({ busy: true, actionError: '' });
      const outcome = await pickAndAttach(this.data.caseId, 'severance_document', 'chat');
      this.setData({ busy: false });
      if (outcome.status === 'failed') return this.setData({ actionError: outcome.message });
      if (outcome.status === 'attached') {
        toast('经济补偿文件已上传', 'success');
        await this.load();
      }
    },
    onCancelBasis(event: { currentTarget: { dataset: { basis?: string } } }) {
      this.setData({ cancelBasis: event.currentTarget.dataset.basis ?? '', actionError: '' });
    },
    onRehire(event: { currentTarget: { dataset: { choice?: RehireChoice } } }) {
      const choice = event.currentTarget.dataset.choice ?? '';
      // A second tap on the chosen flag clears it: the flag is optional.
      this.setData({ rehire: choice === this.data.rehire ? '' : choice });
    },
    async onNonCompeteSaved() {
      this.setData({ nonCompeteOpen: false });
      toast('竞业限制决定已保存', 'success');
      await this.load();
    },
    /** 发送带附言的提醒: the same reminder with HR's short note (the message's note line). */
    onRemindWithNote() {
      this.setData({
        pending: {
          kind: 'case',
          action: 'remind',
          item: '',
          title: '发送带附言的提醒',
          required: true,
          summary: [],
        },
        comment: '',
        actionError: '',
      });
    },
    onInterview() {
      openPage(ROUTES.caseInterview, { caseId: this.data.caseId });
    },
    /** HR or the manager phones the employee; the call is recorded on the case. */
    async onCall() {
      if (!this.data.mobile) return;
      const outcome = await phoneEmployee(this.data.caseId, this.data.mobile);
      if (outcome.status === 'failed') return this.setData({ actionError: outcome.message });
      if (outcome.status === 'recorded') {
        toast('已在案件中记录本次电话联系');
        await this.load();
      }
    },
    onNonCompeteCancel() {
      this.setData({ nonCompeteOpen: false });
    },
    async onSuccessorsSaved() {
      this.setData({ successorFormOpen: false });
      toast('已指定交接人，将通知交接人确认', 'success');
      await this.load();
    },
    onSuccessorsCancel() {
      this.setData({ successorFormOpen: false });
    },
    /** 代为确认: the manager or HR confirms a successor's item, saying why in the note. */
    onConfirmOnBehalf(event: { currentTarget: { dataset: { itemId?: string } } }) {
      const { itemId } = event.currentTarget.dataset;
      if (!itemId || this.data.busy) return;
      this.setData({
        pending: {
          kind: 'handover',
          action: 'confirm',
          item: itemId,
          title: '代交接人确认接收（须填写备注，如已当面交接）',
          required: true,
          summary: [],
        },
        comment: '',
        actionError: '',
      });
    },
    /** HR's 发送提醒: no comment to write, so it goes out at once. */
    async remind(note?: string) {
      this.setData({ busy: true, actionError: '' });
      const reply = await call('case.remind', {
        caseId: this.data.caseId,
        ...(note ? { note } : {}),
      });
      this.setData({ busy: false });
      // Outside 09:00–21:00 or with nothing left to do, the server says why in its own words.
      if (!reply.ok) return this.setData({ actionError: reply.error.message });
      const outcome = remindOutcome(reply.data);
      toast(outcome.text, outcome.success ? 'success' : 'none');
      await this.load();
    },
    onConfirmDay(event: { detail: { value: string } }) {
      const legal = this.data.detail?.legalLastWorkingDayValue ?? '';
      const { early, hint } = confirmDayHint(event.detail.value, legal);
      this.setData({
        confirmDay: event.detail.value,
        confirmEarly: early,
        confirmHint: hint,
        consentHint: consentDayHint(event.detail.value, legal),
        actionError: '',
      });
    },
    /** The blank 工作交接清单, to fill in on a computer and upload back. */
    async onHandoverTemplate() {
      if (this.data.busy) return;
      this.setData({ busy: true, actionError: '' });
      const opened = await openHandoverTemplate();
      this.setData({ busy: false });
      if (!opened.ok) this.setData({ actionError: opened.message });
    },
    onProposedBy(event: { currentTarget: { dataset: { by?: 'employee' | 'company' } } }) {
      this.setData({ proposedBy: event.currentTarget.dataset.by ?? '', actionError: '' });
    },
    confirmOptions(): ConfirmOptions | string {
      const { confirmDay, confirmEarly, proposedBy, detail } = this.data;
      if (!confirmDay || confirmDay === detail?.lastWorkingDayValue) return {};
      if (confirmEarly && !proposedBy) return '请选择由谁提出提前离职';
      return {
        lastWorkingDay: confirmDay,
        ...(confirmEarly && proposedBy ? { earlyReleaseProposedBy: proposedBy } : {}),
      };
    },
    /** Severance closed without a payment needs the way and its document (解释(一) 第35条). */
    severanceOptions(): ConfirmOptions | string {
      if (!this.data.closeAs) return '请选择办结方式';
      if (!this.data.detail?.hasSeveranceDocument) {
        return '请先上传经济补偿文件（和解协议或无须支付的说明）';
      }
      return { closeAs: this.data.closeAs };
    },
    /** The employee's consent names a day other than the legal one (第36/37条). */
    consentOptions(): ConfirmOptions | string {
      const { confirmDay, detail } = this.data;
      if (!confirmDay || confirmDay === (detail?.legalLastWorkingDayValue ?? '')) {
        return '请选择与法定最后工作日不同的日期';
      }
      return { lastWorkingDay: confirmDay };
    },
    onChecklist(event: {
      currentTarget: { dataset: { item?: string; change?: ChecklistChange } };
    }) {
      const { item, change } = event.currentTarget.dataset;
      if (!item || !change || this.data.busy) return;
      this.setData({
        pending: {
          kind: 'checklist',
          action: change,
          item,
          title: CHECKLIST_TITLES[change],
          required: change === 'waive',
          summary: [],
        },
        comment: '',
        actionError: '',
      });
    },
    onComment(event: { detail: { value: string } }) {
      this.setData({ comment: event.detail.value, actionError: '' });
    },
    onCancelPending() {
      this.setData({ pending: null, comment: '', actionError: '' });
    },
    async onConfirmPending() {
      const pending = this.data.pending;
      const detail = this.data.detail;
      if (!pending || !detail || this.data.busy) return;
      if (pending.required && !this.data.comment.trim()) {
        return this.setData({ actionError: '请填写说明' });
      }
      if (pending.action === 'remind') {
        const note = this.data.comment.trim();
        // A thing field of the subscription message holds 20 characters.
        if (Array.from(note).length > 20) {
          return this.setData({ actionError: '附言最多 20 个字' });
        }
        this.setData({ pending: null, comment: '' });
        return this.remind(note);
      }
      const confirm =
        pending.action === 'confirm'
          ? this.confirmOptions()
          : pending.action === 'consentLater'
            ? this.consentOptions()
            : pending.action === 'close' && this.data.rehire
              ? { rehire: this.data.rehire }
              : pending.action === 'closeSeverance'
                ? this.severanceOptions()
                : {};
      if (typeof confirm === 'string') return this.setData({ actionError: confirm });
      if (
        pending.action === 'cancel' &&
        this.data.cancelBases.length > 0 &&
        !this.data.cancelBasis
      ) {
        return this.setData({ actionError: '请选择撤销依据：HR 不能单方撤销' });
      }
      this.setData({ busy: true, actionError: '' });
      let outcome: ActionOutcome;
      if (pending.kind === 'case') {
        outcome = await runCaseAction(
          this.data.caseId,
          pending.action as CommentedAction,
          this.data.comment,
          confirm,
          pending.action === 'cancel' ? this.data.cancelBasis : '',
        );
      } else if (pending.kind === 'handover') {
        outcome = await confirmHandoverItem(
          this.data.caseId,
          pending.item,
          this.data.comment.trim(),
        );
      } else {
        const row = detail.checklist.find((r) => r.item === pending.item);
        if (!row) return this.setData({ busy: false, pending: null });
        outcome = await changeChecklistItem(
          this.data.caseId,
          row.item,
          pending.action as ChecklistChange,
          this.data.comment,
        );
      }
      this.setData({ busy: false });
      if (!outcome.ok) return this.setData({ actionError: outcome.error.message });
      this.setData({ pending: null, comment: '' });
      toast(pending.action === 'purge' ? '个人信息已清除' : '已完成', 'success');
      await this.load();
    },
    /** The next-step card's button does what the matching action button does. */
    onNextStep() {
      const kind = this.data.next?.kind;
      const action: CaseAction | undefined =
        kind === 'upload'
          ? 'upload'
          : kind === 'sign'
            ? 'sign'
            : kind === 'resubmit'
              ? 'resubmit'
              : undefined;
      if (action) void this.onAction({ currentTarget: { dataset: { action } } });
    },
    /** The manager opens the handover list they approve; HR the documents they file. */
    async onOpenAttachment(event: { currentTarget: { dataset: { index?: number } } }) {
      const row = this.data.detail?.attachments[Number(event.currentTarget.dataset.index)];
      if (!row?.url) return;
      const problem = await openCaseFile(row.url, row.contentType);
      if (problem) toast(problem);
    },
    onEvidence() {
      openPage(ROUTES.caseEvidence, { caseId: this.data.caseId });
    },
    /**
     * 查看全部: the evidence page holds every record, newest first, for those who may see it;
     * anyone else (the manager) sees the next older records here.
     */
    onTimelineAll() {
      if (this.data.canViewEvidence) return this.onEvidence();
      const view = lastViews.get(this);
      if (!view || !this.data.detail) return;
      const timelineLimit = this.data.timelineLimit + TIMELINE_LIMIT;
      const more = timelineOf(view, timelineLimit);
      this.setData({
        timelineLimit,
        'detail.timeline': more.timeline,
        'detail.timelineHidden': more.timelineHidden,
        'detail.timelineCut': more.timelineCut,
      });
    },
    async onOpenDocument(event: { currentTarget: { dataset: { url?: string } } }) {
      const url = event.currentTarget.dataset.url;
      if (!url) return;
      try {
        await openPdf(url);
      } catch (error) {
        this.setData({ actionError: (error as Error).message });
      }
    },
    /** 劳部发〔1996〕354号 第15条: the employee decides whether the 离职证明 states the reason. */
    async onCertificateReason(event: { currentTarget: { dataset: { states?: string } } }) {
      if (this.data.busy) return;
      const statesReason = event.currentTarget.dataset.states === 'yes';
      this.setData({ busy: true, actionError: '' });
      const reply = await call('case.certificateReason', {
        caseId: this.data.caseId,
        statesReason,
      });
      this.setData({ busy: false });
      if (!reply.ok) return this.setData({ actionError: reply.error.message });
      toast('已记录你的选择', 'success');
      await this.load();
    },
    async onIssueCertificate() {
      if (this.data.busy) return;
      this.setData({ busy: true, actionError: '' });
      const reply = await call('case.issueCertificate', { caseId: this.data.caseId });
      if (!reply.ok) {
        this.setData({ busy: false });
        return this.setData({ actionError: reply.error.message });
      }
      await requestDocuments(this.data.caseId);
      this.setData({ busy: false });
      toast('离职证明已出具', 'success');
      await this.load();
    },
    onPullDownRefresh() {
      void this.load().then(stopPullDownRefresh);
    },
    onRetry() {
      void this.load();
    },
  },
});
