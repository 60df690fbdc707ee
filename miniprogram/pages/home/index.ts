import { call } from '../../services/rpc';
import { currentSession, loadSession, rolesOf } from '../../services/session';
import { stopPullDownRefresh } from '../../services/feedback';
import { openBoardOn, openPage, ROUTES } from '../../services/navigation';
import { syncTabBar } from '../../services/tab-bar';
import { caseSummary, pendingCount, type CaseSummary } from '../../view-models/case-summary';
import { pendingOverdue } from '../../view-models/board-rows';
import { departureRow, type DepartureRow } from '../../view-models/departure-records';
import { loadFailure, NO_FAILURE, type LoadFailure } from '../../view-models/load-failure';
import { openItemCount } from '../../view-models/handover';
import { canHandleCases } from '../../view-models/tab-items';

type Phase = 'loading' | 'error' | 'bind' | 'ready';

Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    employeeNo: '',
    code: '',
    binding: false,
    bindError: '',
    name: '',
    hasEmployee: false,
    summary: null as CaseSummary | null,
    /** No open case: the latest finished one stays on the home page (离职记录). */
    lastRecord: null as DepartureRow | null,
    /** 发起离职: not offered to someone whose departure is completed. */
    mayResign: true,
    caseError: '',
    handlesCases: false,
    /** Cases waiting on this person, and how many of them are overdue (-1: not known). */
    pending: -1,
    pendingOverdue: -1,
    /** Why the numbers are missing: never a made-up zero. */
    pendingError: null as LoadFailure | null,
    /** Handover items colleagues' managers assigned to the viewer, still to confirm. */
    handoverOpen: 0,
  },
  methods: {
    onLoad() {
      void this.load(false);
    },
    onShow() {
      syncTabBar(this, 'pages/home/index');
      // The first show follows onLoad; later shows refresh after the user acted elsewhere.
      if (this.data.phase === 'ready') void this.load(true);
    },
    onPullDownRefresh() {
      void this.load(true).then(stopPullDownRefresh);
    },
    async load(refresh: boolean) {
      if (this.data.phase !== 'ready') this.setData({ phase: 'loading' });
      const me = await loadSession({ refresh });
      if (!me.ok) {
        if (me.error.code === 'UNAUTHENTICATED') this.setData({ phase: 'bind' });
        else this.setData({ phase: 'error', ...loadFailure(me.error) });
        return;
      }
      const session = me.data;
      const handlesCases = canHandleCases(session.roles);
      const [view, board, handover] = await Promise.all([
        session.openCase ? call('case.get', { caseId: session.openCase.caseId }) : null,
        handlesCases ? call('admin.board', {}) : null,
        session.employee ? call('handover.mine', {}) : null,
      ]);
      const roles = rolesOf(currentSession());
      const latest = session.history?.[0];
      this.setData({
        phase: 'ready',
        ...NO_FAILURE,
        lastRecord: !session.openCase && latest ? departureRow(latest) : null,
        mayResign: latest?.state !== 'completed',
        name: session.employee?.name ?? '',
        hasEmployee: session.employee !== null,
        summary: view?.ok ? caseSummary(view.data) : null,
        caseError: view && !view.ok ? view.error.message : '',
        handlesCases,
        pending: board?.ok ? pendingCount(board.data.counts, roles) : -1,
        pendingOverdue: board?.ok ? (pendingOverdue(board.data, roles) ?? -1) : -1,
        pendingError: board && !board.ok ? loadFailure(board.error) : null,
        handoverOpen: handover?.ok ? openItemCount(handover.data) : 0,
      });
    },
    onEmployeeNoInput(event: { detail: { value: string } }) {
      this.setData({ employeeNo: event.detail.value, bindError: '' });
    },
    onCodeInput(event: { detail: { value: string } }) {
      this.setData({ code: event.detail.value, bindError: '' });
    },
    onPrivacy() {
      openPage(ROUTES.privacyGuide);
    },
    async onBind() {
      const employeeNo = this.data.employeeNo.trim();
      const code = this.data.code.trim();
      if (!employeeNo) return this.setData({ bindError: '请输入工号' });
      if (!code) return this.setData({ bindError: '请输入 HR 发放的绑定码' });
      this.setData({ binding: true, bindError: '' });
      const reply = await call('me.bind', { employeeNo, code });
      this.setData({ binding: false });
      if (!reply.ok) return this.setData({ bindError: reply.error.message });
      this.setData({ code: '' });
      await this.load(true);
    },
    onRetry() {
      void this.load(true);
    },
    onNextStep() {
      const summary = this.data.summary;
      if (!summary) return;
      if (summary.next.kind === 'sign') openPage(ROUTES.sign, { caseId: summary.caseId });
      else openPage(ROUTES.caseDetail, { caseId: summary.caseId });
    },
    onOpenCase() {
      const summary = this.data.summary;
      if (summary) openPage(ROUTES.caseDetail, { caseId: summary.caseId });
    },
    onOpenRecord() {
      const record = this.data.lastRecord;
      if (record) openPage(ROUTES.caseDetail, { caseId: record.caseId });
    },
    onResign() {
      openPage(ROUTES.resignSubmit);
    },
    /** 待你处理: the board on exactly those cases. */
    onPending() {
      openBoardOn('mine');
    },
    onHandover() {
      openPage(ROUTES.handoverMine);
    },
  },
});
