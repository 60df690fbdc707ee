import { call } from '../../services/rpc';
import { currentSession, loadSession, rolesOf } from '../../services/session';
import { openPage, ROUTES, switchTab } from '../../services/navigation';
import { syncTabBar } from '../../services/tab-bar';
import { caseSummary, pendingCount, type CaseSummary } from '../../view-models/case-summary';
import { openItemCount } from '../../view-models/handover';
import { canHandleCases } from '../../view-models/tab-items';

type Phase = 'loading' | 'error' | 'bind' | 'ready';

Component({
  data: {
    phase: 'loading' as Phase,
    errorMessage: '',
    employeeNo: '',
    code: '',
    binding: false,
    bindError: '',
    name: '',
    hasEmployee: false,
    summary: null as CaseSummary | null,
    caseError: '',
    handlesCases: false,
    pending: -1,
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
    async load(refresh: boolean) {
      if (this.data.phase !== 'ready') this.setData({ phase: 'loading' });
      const me = await loadSession({ refresh });
      if (!me.ok) {
        if (me.error.code === 'UNAUTHENTICATED') this.setData({ phase: 'bind' });
        else this.setData({ phase: 'error', errorMessage: me.error.message });
        return;
      }
      const session = me.data;
      const handlesCases = canHandleCases(session.roles);
      const [view, board, handover] = await Promise.all([
        session.openCase ? call('case.get', { caseId: session.openCase.caseId }) : null,
        handlesCases ? call('admin.board', {}) : null,
        session.employee ? call('handover.mine', {}) : null,
      ]);
      this.setData({
        phase: 'ready',
        name: session.employee?.name ?? '',
        hasEmployee: session.employee !== null,
        summary: view?.ok ? caseSummary(view.data) : null,
        caseError: view && !view.ok ? view.error.message : '',
        handlesCases,
        pending: board?.ok ? pendingCount(board.data.counts, rolesOf(currentSession())) : -1,
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
    onResign() {
      openPage(ROUTES.resignSubmit);
    },
    onPending() {
      switchTab(ROUTES.cases);
    },
    onHandover() {
      openPage(ROUTES.handoverMine);
    },
  },
});
