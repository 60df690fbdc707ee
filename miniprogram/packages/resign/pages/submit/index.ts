import type { ActionResult, FaultGround, Reason } from '../../../../../server/contract';
import { pickAndAttach } from '../../../../services/attachments';
import { toast, stopPullDownRefresh } from '../../../../services/feedback';
import { openPage, ROUTES } from '../../../../services/navigation';
import { randomId } from '../../../../services/random-id';
import { call } from '../../../../services/rpc';
import { loadSession } from '../../../../services/session';
import { requestSubscriptions, templatesToAsk } from '../../../../services/subscribe';
import { openHandoverTemplate } from '../../../../services/spreadsheet';
import { chooseUploadSource, type DocumentSource } from '../../../../services/upload';
import {
  EMPLOYER_FAULT,
  explanationCounter,
  explanationRule,
  faultGroundOptions,
  type FaultGroundOption,
  formProblem,
  toggleGround,
  receiptOf,
  resignationReasons,
  submitConfirmation,
  type ExplanationRule,
  type Receipt,
  type ReasonOption,
} from '../../../../view-models/resign-form';
import { reminderKindsFor } from '../../../../view-models/subscriptions';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

type Phase = 'loading' | 'error' | 'form' | 'submitted';
type Reasons = ActionResult<'meta.get'>['reasons'];
type FaultGrounds = ActionResult<'meta.get'>['faultGrounds'];

// The reasons' rules stay off `data`: only what the view shows is sent to it.
let reasonRules: Reasons = [];
let groundRules: FaultGrounds = [];

Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    options: [] as ReasonOption[],
    reason: '' as Reason | '',
    explanation: '',
    rule: { shown: false, required: false, min: 0, max: 0 } as ExplanationRule,
    counter: '',
    /** 第38条: the employer's faults chosen, and the list with their explanations. */
    grounds: [] as FaultGround[],
    groundOptions: [] as FaultGroundOption[],
    /** 第38条: a later last working day the employee names ('' = the day of receipt). */
    faultLastDay: '',
    formError: '',
    submitting: false,
    /** Made once per form: re-sending after a network failure reuses it, so nothing doubles. */
    idempotencyKey: '',
    receipt: null as Receipt | null,
    /** The confirmation before the notice goes out: the projected last day, and that it is final. */
    confirming: false,
    confirmLines: [] as string[],
    projectedLines: [] as string[],
    /** Reminder templates, held ready so the tap can ask for them before anything is awaited. */
    tmplIds: [] as string[],
    askedSubscriptions: false,
    /** The source being uploaded from, '' when idle. */
    uploading: '' as DocumentSource | '',
    uploaded: false,
    uploadError: '',
  },
  methods: {
    onLoad() {
      void this.load();
    },
    async load() {
      this.setData({ phase: 'loading' });
      const [meta, me] = await Promise.all([call('meta.get', {}), loadSession()]);
      if (!meta.ok) return this.setData({ phase: 'error', ...loadFailure(meta.error) });
      reasonRules = meta.data.reasons;
      groundRules = meta.data.faultGrounds ?? [];
      this.setData({
        phase: 'form',
        projectedLines: submitConfirmation(me.ok ? me.data.resignationPreview : undefined),
        options: resignationReasons(reasonRules),
        groundOptions: faultGroundOptions(groundRules, this.data.grounds),
        idempotencyKey: this.data.idempotencyKey || randomId(32),
        tmplIds: templatesToAsk(meta.data.templateIds, reminderKindsFor([], true)),
      });
    },
    onReason(event: { currentTarget: { dataset: { value?: Reason } } }) {
      const reason = event.currentTarget.dataset.value;
      if (!reason) return;
      const rule = explanationRule(reasonRules, reason);
      this.setData({
        reason,
        rule,
        counter: explanationCounter(rule, this.data.explanation),
        formError: '',
      });
    },
    onGround(event: { currentTarget: { dataset: { value?: FaultGround } } }) {
      const ground = event.currentTarget.dataset.value;
      if (!ground) return;
      const grounds = toggleGround(this.data.grounds, ground);
      this.setData({
        grounds,
        groundOptions: faultGroundOptions(groundRules, grounds),
        formError: '',
      });
    },
    onFaultLastDay(event: { detail: { value: string } }) {
      this.setData({ faultLastDay: event.detail.value, formError: '' });
    },
    onExplanation(event: { detail: { value: string } }) {
      this.setData({
        explanation: event.detail.value,
        counter: explanationCounter(this.data.rule, event.detail.value),
        formError: '',
      });
    },
    /** Checks the form, then asks to confirm: the notice is delivered the moment it is sent. */
    onSubmit() {
      if (this.data.submitting) return;
      const { reason, rule, explanation, grounds } = this.data;
      const problem = formProblem(rule, reason, explanation, grounds);
      if (problem || !reason) return this.setData({ formError: problem });
      this.setData({ confirming: true, confirmLines: this.data.projectedLines, formError: '' });
    },
    onCancelSubmit() {
      this.setData({ confirming: false });
    },
    async onConfirmSubmit() {
      if (this.data.submitting) return;
      const { reason, rule, explanation, grounds, faultLastDay } = this.data;
      if (!reason) return this.setData({ confirming: false });
      // Reminders start with the notice: ask for them now, still synchronously inside the tap
      // (WeChat shows the popup nowhere else), once per form.
      if (!this.data.askedSubscriptions && this.data.tmplIds.length > 0) {
        void requestSubscriptions(this.data.tmplIds);
        this.setData({ askedSubscriptions: true });
      }
      this.setData({ submitting: true, formError: '' });
      const text = explanation.trim();
      const reply = await call('case.submit', {
        reason,
        ...(rule.shown && text ? { explanation: text } : {}),
        ...(reason === EMPLOYER_FAULT
          ? { faultGrounds: grounds, ...(faultLastDay ? { lastWorkingDay: faultLastDay } : {}) }
          : {}),
        idempotencyKey: this.data.idempotencyKey,
      });
      if (!reply.ok) {
        const message =
          reply.error.code === 'NETWORK'
            ? `${reply.error.message}（重试不会重复提交）`
            : reply.error.message;
        return this.setData({ submitting: false, confirming: false, formError: message });
      }
      this.setData({
        submitting: false,
        confirming: false,
        phase: 'submitted',
        receipt: receiptOf(reply.data),
      });
      // The home page and tab bar show the new case from the refreshed session.
      void loadSession({ refresh: true });
    },
    /** 拍照, 相册 or 聊天文件: the person picks from a sheet, each one tap away. */
    async onUpload() {
      if (this.data.uploading) return;
      const source = await chooseUploadSource();
      if (source) await this.upload(source);
    },
    /** The blank 工作交接清单, to fill in (on a computer, after forwarding it) and upload. */
    async onTemplate() {
      this.setData({ uploadError: '' });
      const opened = await openHandoverTemplate();
      if (!opened.ok) this.setData({ uploadError: opened.message });
    },
    async upload(source: DocumentSource) {
      const receipt = this.data.receipt;
      if (!receipt || this.data.uploading) return;
      this.setData({ uploading: source, uploadError: '' });
      const outcome = await pickAndAttach(receipt.caseId, 'handover_checklist', source);
      if (outcome.status === 'failed') {
        return this.setData({ uploading: '', uploadError: outcome.message });
      }
      this.setData({ uploading: '', uploaded: outcome.status === 'attached' });
      if (outcome.status === 'attached') toast('交接清单已上传', 'success');
    },
    onViewCase() {
      const receipt = this.data.receipt;
      if (receipt) openPage(ROUTES.caseDetail, { caseId: receipt.caseId });
    },
    onPullDownRefresh() {
      // A form keeps what was typed: pull-down loads again only after a failed load.
      if (this.data.phase !== 'error') return stopPullDownRefresh();
      void this.load().then(stopPullDownRefresh);
    },
    onRetry() {
      void this.load();
    },
  },
});
