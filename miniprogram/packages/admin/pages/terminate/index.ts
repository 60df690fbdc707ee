import type { NoticeMode, UnionBody } from '../../../../../server/contract';
import { pickAndAttach } from '../../../../services/attachments';
import { scheduleLookup } from '../../../../services/employee-lookup';
import { toast, stopPullDownRefresh } from '../../../../services/feedback';
import { openPage, ROUTES } from '../../../../services/navigation';
import { randomId } from '../../../../services/random-id';
import { call } from '../../../../services/rpc';
import { beijingToday } from '../../../../view-models/beijing-time';
import {
  DOCUMENTS_HINT,
  DOCUMENT_SLOTS,
  DRAFT_LABEL,
  ISSUE_WARNING,
  NOTICE_MODE_OPTIONS,
  UNION_BODY_OPTIONS,
  UNION_EXPLANATION,
  documentRows,
  filledSlots,
  issueHint,
  issueReceipt,
  issueSummary,
  terminationProblem,
  unionProblem,
  unionRows,
  type DocumentRow,
  type IssueReceipt,
  type TerminationDocument,
} from '../../../../view-models/termination-form';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

type Phase = 'loading' | 'error' | 'form' | 'draft' | 'issued';

Component({
  data: {
    phase: 'form' as Phase,
    ...NO_FAILURE,
    today: '',
    modes: Object.values(NOTICE_MODE_OPTIONS),
    employeeNo: '',
    /** Whom the 工号 names (`张三 · 研发部`), or why it names no one, as HR types it. */
    employeeFound: '',
    employeeProblem: '',
    noticeMode: '' as NoticeMode | '',
    lastWorkingDay: '',
    explanation: '',
    formError: '',
    creating: false,
    /** Made once per form: re-sending after a network failure reuses it, so nothing doubles. */
    idempotencyKey: '',
    caseId: '',
    draftTitle: '',
    draftLabel: DRAFT_LABEL,
    documentsHint: DOCUMENTS_HINT,
    attached: [] as TerminationDocument[],
    documents: documentRows([]) as DocumentRow[],
    /** The server's reason it would refuse to issue now; '' when it would issue. */
    issueHint: '',
    unionBodies: UNION_BODY_OPTIONS,
    unionExplanation: UNION_EXPLANATION,
    unionBody: '' as UnionBody | '',
    unionNotifiedOn: '',
    unionObjection: false,
    unionDocuments: unionRows([], false) as DocumentRow[],
    uploading: '',
    attested: false,
    issuing: false,
    issueError: '',
    /** The summary read once more before the notice goes out; it cannot be taken back. */
    confirming: false,
    confirmLines: [] as string[],
    issueWarning: ISSUE_WARNING,
    receipt: null as IssueReceipt | null,
  },
  methods: {
    onLoad(query: { caseId?: string }) {
      const today = beijingToday(Date.now());
      // The union is usually told the day the notice goes out: today, unless HR picks another.
      this.setData({ today, unionNotifiedOn: today, idempotencyKey: randomId(32) });
      // Opened from a draft's detail page: continue with its documents and the issue.
      if (query.caseId) {
        this.setData({ caseId: query.caseId });
        void this.loadDraft();
      }
    },
    async loadDraft() {
      this.setData({ phase: 'loading' });
      const reply = await call('case.get', { caseId: this.data.caseId });
      if (!reply.ok) return this.setData({ phase: 'error', ...loadFailure(reply.error) });
      const c = reply.data.case;
      if (c.kind !== 'termination' || c.state !== 'draft') {
        return this.setData({
          phase: 'error',
          ...loadFailure({
            code: 'VALIDATION_FAILED',
            message: `该案件不是${DRAFT_LABEL}的解除通知`,
          }),
        });
      }
      this.showDraft(
        `${c.employee.name}（${c.employee.employeeNo}）· ${c.employee.department}`,
        filledSlots(c.attachments.map((a) => a.kind)),
      );
      this.setData({
        issueHint: issueHint(reply.data),
        noticeMode: c.noticeMode ?? '',
        lastWorkingDay: c.lastWorkingDay ?? '',
      });
    },
    /** Asks the server again whether it would issue, after the documents changed. */
    async refreshIssueHint() {
      const reply = await call('case.get', { caseId: this.data.caseId });
      if (!reply.ok) return;
      const e = reply.data.case.employee;
      this.setData({
        issueHint: issueHint(reply.data),
        draftTitle: `${e.name}（${e.employeeNo}）· ${e.department}`,
      });
    },
    showDraft(title: string, attached: TerminationDocument[]) {
      this.setData({ phase: 'draft', draftTitle: title });
      this.showDocuments(attached);
    },
    showDocuments(attached: TerminationDocument[]) {
      this.setData({
        attached,
        documents: documentRows(attached),
        unionDocuments: unionRows(attached, this.data.unionObjection),
      });
    },
    onUnionBody(event: { currentTarget: { dataset: { value?: UnionBody } } }) {
      const body = event.currentTarget.dataset.value;
      if (body) this.setData({ unionBody: body, issueError: '' });
    },
    onUnionDate(event: { detail: { value: string } }) {
      this.setData({ unionNotifiedOn: event.detail.value, issueError: '' });
    },
    onUnionObjection() {
      const unionObjection = !this.data.unionObjection;
      this.setData({
        unionObjection,
        unionDocuments: unionRows(this.data.attached, unionObjection),
        issueError: '',
      });
    },
    onEmployeeNo(event: { detail: { value: string } }) {
      const employeeNo = event.detail.value;
      this.setData({ employeeNo, formError: '', employeeFound: '', employeeProblem: '' });
      // HR sees whom the number names before the notice is drafted against it.
      scheduleLookup(
        this,
        employeeNo,
        () => this.data.employeeNo,
        (shown) => this.setData({ employeeFound: shown.found, employeeProblem: shown.problem }),
      );
    },
    onMode(event: { currentTarget: { dataset: { value?: NoticeMode } } }) {
      const mode = event.currentTarget.dataset.value;
      if (mode) this.setData({ noticeMode: mode, formError: '' });
    },
    onLastDay(event: { detail: { value: string } }) {
      this.setData({ lastWorkingDay: event.detail.value, formError: '' });
    },
    onExplanation(event: { detail: { value: string } }) {
      this.setData({ explanation: event.detail.value, formError: '' });
    },
    async onCreate() {
      if (this.data.creating) return;
      const { employeeNo, noticeMode, lastWorkingDay, explanation, today } = this.data;
      const problem = terminationProblem({
        employeeNo,
        noticeMode,
        lastWorkingDay,
        explanation,
        today,
      });
      if (problem || !noticeMode) return this.setData({ formError: problem });
      this.setData({ creating: true, formError: '' });
      const text = explanation.trim();
      const reply = await call('case.terminate', {
        employeeNo: employeeNo.trim(),
        reason: 'incompetence',
        noticeMode,
        // With 30 days' notice the server counts the day from the issue date.
        ...(noticeMode === 'payInLieu' ? { lastWorkingDay } : {}),
        ...(text ? { explanation: text } : {}),
        idempotencyKey: this.data.idempotencyKey,
      });
      if (!reply.ok) {
        const message =
          reply.error.code === 'NETWORK'
            ? `${reply.error.message}（重试不会重复创建）`
            : reply.error.message;
        return this.setData({ creating: false, formError: message });
      }
      this.setData({ creating: false, caseId: reply.data.caseId });
      this.showDraft(`员工 ${employeeNo.trim()}`, []);
      await this.refreshIssueHint();
    },
    async onAttach(event: { currentTarget: { dataset: { kind?: TerminationDocument } } }) {
      const kind = event.currentTarget.dataset.kind;
      if (!kind || this.data.uploading) return;
      this.setData({ uploading: kind, issueError: '' });
      const slot = DOCUMENT_SLOTS[kind];
      const outcome = await pickAndAttach(this.data.caseId, slot.kind);
      this.setData({ uploading: '' });
      if (outcome.status === 'failed') return this.setData({ issueError: outcome.message });
      if (outcome.status !== 'attached') return;
      this.showDocuments([...this.data.attached, kind]);
      toast(`${slot.label}已上传`, 'success');
      await this.refreshIssueHint();
    },
    onAttest() {
      this.setData({ attested: !this.data.attested, issueError: '' });
    },
    async onIssue() {
      if (this.data.issuing) return;
      if (!this.data.attested) {
        return this.setData({ issueError: '请先确认员工不存在第四十二条规定的不得解除情形' });
      }
      const { unionBody, unionNotifiedOn, unionObjection, attached, today } = this.data;
      const union = unionProblem({
        body: unionBody,
        notifiedOn: unionNotifiedOn,
        objection: unionObjection,
        attached,
        today,
      });
      if (union || !unionBody) return this.setData({ issueError: union });
      this.setData({
        issueError: '',
        confirming: true,
        confirmLines: issueSummary({
          employee: this.data.draftTitle,
          noticeMode: this.data.noticeMode,
          lastWorkingDay: this.data.lastWorkingDay,
          unionBody,
          unionNotifiedOn,
          unionObjection,
        }),
      });
    },
    onCancelIssue() {
      this.setData({ confirming: false });
    },
    /** Confirmed in the summary: the notice goes out. */
    async onConfirmIssue() {
      if (this.data.issuing) return;
      const { unionBody, unionNotifiedOn, unionObjection } = this.data;
      if (!unionBody) return this.setData({ confirming: false });
      this.setData({ issuing: true, issueError: '' });
      const reply = await call('case.issue', {
        caseId: this.data.caseId,
        noProtectedStatus: true,
        unionNotice: {
          notifiedOn: unionNotifiedOn,
          body: unionBody,
          ...(unionObjection ? { objection: true } : {}),
        },
      });
      if (!reply.ok) {
        return this.setData({ issuing: false, confirming: false, issueError: reply.error.message });
      }
      this.setData({
        issuing: false,
        confirming: false,
        phase: 'issued',
        receipt: issueReceipt(reply.data),
      });
    },
    onViewCase() {
      openPage(ROUTES.caseDetail, { caseId: this.data.caseId });
    },
    onPullDownRefresh() {
      // A form keeps what was typed: pull-down loads again only after a failed load.
      if (this.data.phase !== 'error') return stopPullDownRefresh();
      void this.loadDraft().then(stopPullDownRefresh);
    },
    onRetry() {
      void this.loadDraft();
    },
  },
});
