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
import { toast } from '../../../../services/feedback';
import { openPage, ROUTES } from '../../../../services/navigation';
import { call } from '../../../../services/rpc';
import { loadSession } from '../../../../services/session';
import {
  ACTION_LABELS,
  COMMENT_REQUIRED,
  actionsFor,
  caseDetail,
  confirmDayHint,
  finalSummary,
  mayViewEvidence,
  relationTo,
  remindOutcome,
  type ActionButton,
  type CancelBasisOption,
  type CaseAction,
  type CaseDetailView,
} from '../../../../view-models/case-detail';
import { documentsView, type DocumentsView } from '../../../../view-models/documents';
import { successorBlocks, type SuccessorBlock } from '../../../../view-models/handover';

import { progressView, type ProgressView } from '../../../../view-models/case-progress';
import { nextStepFor, type NextStep } from '../../../../view-models/case-summary';
import { REHIRE_LABELS, type RehireChoice } from '../../../../view-models/labels';

type Phase = 'loading' | 'error' | 'ready';

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
    errorMessage: '',
    caseId: '',
    detail: null as CaseDetailView | null,
    progress: null as ProgressView | null,
    next: null as NextStep | null,
    actions: [] as ActionButton[],
    canViewEvidence: false,
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
    /** HR may issue the 离职证明 from a case in formalities (on or after the last day). */
    mayIssueCertificate: false,
    nonCompeteOpen: false,
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
  },
  methods: {
    onLoad(query: { caseId?: string }) {
      this.setData({ caseId: query.caseId ?? '' });
      void this.load();
    },
    async load() {
      const { caseId } = this.data;
      if (!caseId) return this.setData({ phase: 'error', errorMessage: '缺少案件编号' });
      if (!this.data.detail) this.setData({ phase: 'loading' });
      const [me, view, documents] = await Promise.all([
        loadSession(),
        call('case.get', { caseId }),
        call('case.documents', { caseId }),
      ]);
      if (!view.ok) return this.setData({ phase: 'error', errorMessage: view.error.message });
      const relation = relationTo(view.data, me.ok ? me.data : null);
      this.setData({
        phase: 'ready',
        detail: caseDetail(view.data, relation, Date.now()),
        progress: progressView(view.data),
        next: view.data.nextStep ? nextStepFor(view.data) : null,
        actions: actionsFor(view.data),
        canViewEvidence: mayViewEvidence(relation),
        documents: documents.ok ? documentsView(documents.data) : null,
        isOwner: relation.isOwner,
        successors: successorBlocks(view.data.case.handover),
        mayConfirmOnBehalf: view.data.allowedActions.some((a) => a.action === 'handover.confirm'),
        mayIssueCertificate:
          relation.isHr && !relation.isOwner && view.data.case.state === 'formalities',
      });
    },
    async onAction(event: { currentTarget: { dataset: { action?: CaseAction } } }) {
      const action = event.currentTarget.dataset.action;
      if (!action || this.data.busy) return;
      // Held back by the server: the reason is shown under the buttons.
      if (this.data.actions.some((b) => b.action === action && b.reason)) return;
      if (action === 'sign') return openPage(ROUTES.sign, { caseId: this.data.caseId });
      if (action === 'issue') return openPage(ROUTES.adminTerminate, { caseId: this.data.caseId });
      if (action === 'remind') return this.remind();
      if (action === 'nonCompete') return this.setData({ nonCompeteOpen: true, actionError: '' });
      if (action === 'assignSuccessors') {
        return this.setData({ successorFormOpen: true, actionError: '' });
      }
      if (action === 'upload' || action === 'uploadPhoto' || action === 'uploadDelivery') {
        const kind = action === 'uploadDelivery' ? 'notice_delivery' : 'handover_checklist';
        this.setData({ busy: true, actionError: '' });
        const outcome = await pickAndAttach(
          this.data.caseId,
          kind,
          action === 'uploadPhoto' ? 'photo' : 'chat',
        );
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
        cancelBases: this.data.detail?.cancelBases ?? [],
        cancelBasis: '',
        rehire: '',
      });
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
    async remind() {
      this.setData({ busy: true, actionError: '' });
      const reply = await call('case.remind', { caseId: this.data.caseId });
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
        actionError: '',
      });
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
      const confirm =
        pending.action === 'confirm'
          ? this.confirmOptions()
          : pending.action === 'consentLater'
            ? this.consentOptions()
            : pending.action === 'close' && this.data.rehire
              ? { rehire: this.data.rehire }
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
      toast('已完成', 'success');
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
    onRetry() {
      void this.load();
    },
  },
});
