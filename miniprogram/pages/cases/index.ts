import type { ActionPayload, State } from '../../../server/contract';
import { loadFailure, NO_FAILURE } from '../../view-models/load-failure';
import { REHIRE_LABELS, type RehireChoice } from '../../view-models/labels';
import { stopPullDownRefresh, toast } from '../../services/feedback';
import { call } from '../../services/rpc';
import { openPage, ROUTES, takeRequestedBoardTab } from '../../services/navigation';
import { phoneEmployee } from '../../services/phone';
import { currentSession, rolesOf, watchSession } from '../../services/session';
import { syncTabBar } from '../../services/tab-bar';
import {
  adminLinksFor,
  withConfigAlertCount,
  type AdminLink,
  type AdminPage,
} from '../../view-models/admin-entry';
import {
  boardRow,
  emptyText,
  filterTabs,
  finishedNote,
  pendingStates,
  tabPayload,
  type BoardRowView,
  type BoardTab,
  type FilterTab,
} from '../../view-models/board-rows';

type Phase = 'loading' | 'error' | 'ready';

/** The board opens on what is urgent (已逾期), unless another page asked for a tab. */
const FIRST_TAB: BoardTab = 'overdue';

const ADMIN_ROUTES: Record<AdminPage, string> = {
  stats: ROUTES.adminStats,
  terminate: ROUTES.adminTerminate,
  employee: ROUTES.adminEmployee,
  roster: ROUTES.adminRoster,
  workshops: ROUTES.adminWorkshops,
  'trial-send': ROUTES.adminTrialSend,
  'config-alerts': ROUTES.adminConfigAlerts,
};

const unwatch = new WeakMap<object, () => void>();

// A newer query (filter, search, refresh) makes older answers stale; they are dropped.
let generation = 0;

Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    tabs: filterTabs(null) as FilterTab[],
    filter: FIRST_TAB as BoardTab,
    /** The states waiting on this person (待你处理), by role. */
    mine: [] as State[],
    emptyText: '',
    query: '',
    rows: [] as BoardRowView[],
    nextCursor: '',
    loadingMore: false,
    moreError: '',
    /** HR's own pages; the session arrives at launch and may change after binding. */
    adminLinks: [] as AdminLink[],
    /** Under 完成归档 / 已撤回: since when the count runs. */
    finishedNote: '',
    /** HR filters former employees (完成归档) by 可再次录用. */
    isHr: false,
    rehire: '' as '' | RehireChoice,
    rehireChoices: (Object.keys(REHIRE_LABELS) as RehireChoice[]).map((choice) => ({
      choice,
      label: REHIRE_LABELS[choice],
    })),
  },
  lifetimes: {
    attached() {
      const roles = rolesOf(currentSession());
      const mine = pendingStates(roles);
      this.setData({
        adminLinks: adminLinksFor(roles),
        isHr: roles.includes('hr') || roles.includes('admin'),
        mine,
        tabs: filterTabs(null, mine),
      });
      unwatch.set(
        this,
        watchSession((session) => this.setData({ adminLinks: adminLinksFor(rolesOf(session)) })),
      );
    },
    detached() {
      unwatch.get(this)?.();
      unwatch.delete(this);
    },
  },
  methods: {
    onLoad() {
      const asked = takeRequestedBoardTab();
      if (asked) this.setData({ filter: asked, rehire: '' });
      void this.reload();
    },
    onShow() {
      syncTabBar(this, 'pages/cases/index');
      // Opened again from the home card (待你处理): that tab, fresh.
      const asked = takeRequestedBoardTab();
      if (asked && asked !== this.data.filter) {
        this.setData({ filter: asked, rehire: '' });
        void this.reload();
      }
      void this.countConfigAlerts();
    },
    /** An admin sees on the tab how many configuration alerts are still open. */
    async countConfigAlerts() {
      if (!this.data.adminLinks.some((link) => link.page === 'config-alerts')) return;
      const reply = await call('admin.configAlerts', {});
      // Without an answer the link keeps its plain label; the alerts page shows the error.
      if (reply.ok) {
        this.setData({ adminLinks: withConfigAlertCount(this.data.adminLinks, reply.data.open) });
      }
    },
    onPullDownRefresh() {
      void this.reload().then(stopPullDownRefresh);
    },
    onReachBottom() {
      void this.loadMore();
    },
    payload(cursor?: string): ActionPayload<'admin.board'> {
      const out: ActionPayload<'admin.board'> = tabPayload(this.data.filter, this.data.mine);
      if (this.data.filter === 'completed' && this.data.rehire) out.rehire = this.data.rehire;
      if (this.data.query.trim()) out.q = this.data.query.trim();
      if (cursor) out.cursor = cursor;
      return out;
    },
    async reload() {
      generation += 1;
      const mine = generation;
      this.setData({ phase: 'loading', rows: [], nextCursor: '', moreError: '' });
      const reply = await call('admin.board', this.payload());
      if (mine !== generation) return;
      // No numbers without an answer: the tabs lose theirs rather than show zeros.
      if (!reply.ok) {
        return this.setData({
          phase: 'error',
          ...loadFailure(reply.error),
          tabs: filterTabs(null, this.data.mine),
        });
      }
      this.setData({
        phase: 'ready',
        ...NO_FAILURE,
        tabs: filterTabs(reply.data, this.data.mine),
        emptyText: emptyText(this.data.filter, this.data.query.trim() !== ''),
        finishedNote: finishedNote(this.data.filter, reply.data.finishedSince),
        rows: reply.data.rows.map(boardRow),
        nextCursor: reply.data.nextCursor ?? '',
      });
    },
    async loadMore() {
      const cursor = this.data.nextCursor;
      if (!cursor || this.data.loadingMore || this.data.phase !== 'ready') return;
      const mine = generation;
      this.setData({ loadingMore: true, moreError: '' });
      const reply = await call('admin.board', this.payload(cursor));
      if (mine !== generation) return;
      if (!reply.ok) return this.setData({ loadingMore: false, moreError: reply.error.message });
      // Only the new rows travel to the view: setData stays small however long the list gets.
      const start = this.data.rows.length;
      const update: Record<string, unknown> = {
        loadingMore: false,
        nextCursor: reply.data.nextCursor ?? '',
      };
      reply.data.rows.forEach((row, i) => {
        update[`rows[${start + i}]`] = boardRow(row);
      });
      this.setData(update);
    },
    onFilter(event: { detail: { value: BoardTab } }) {
      if (event.detail.value === this.data.filter) return;
      this.setData({ filter: event.detail.value, rehire: '' });
      void this.reload();
    },
    onRehire(event: { currentTarget: { dataset: { choice?: RehireChoice } } }) {
      const choice = event.currentTarget.dataset.choice ?? '';
      this.setData({ rehire: choice === this.data.rehire ? '' : choice });
      void this.reload();
    },
    onQueryInput(event: { detail: { value: string } }) {
      this.setData({ query: event.detail.value });
    },
    onSearch() {
      void this.reload();
    },
    onClearSearch() {
      this.setData({ query: '' });
      void this.reload();
    },
    onRetry() {
      void this.reload();
    },
    onAdminLink(event: { currentTarget: { dataset: { page?: AdminPage } } }) {
      const { page } = event.currentTarget.dataset;
      if (page) openPage(ADMIN_ROUTES[page]);
    },
    /** 未绑定小程序: the binding-code page, the employee's number filled in. */
    onBindingCode(event: { currentTarget: { dataset: { employeeNo?: string } } }) {
      const { employeeNo } = event.currentTarget.dataset;
      if (employeeNo) openPage(ROUTES.adminEmployee, { employeeNo });
    },
    /** 同步失败: the OA callbacks go again at the next run of the oa-webhook timer. */
    // The mark stays until the OA has the changes: the board shows what is true.
    async onOaRetry(event: { currentTarget: { dataset: { caseId?: string } } }) {
      const { caseId } = event.currentTarget.dataset;
      if (!caseId) return;
      const reply = await call('case.oaRetry', { caseId });
      toast(reply.ok ? '已重新排队，10 分钟内同步' : reply.error.message);
    },
    /** 需电话联系: dial the employee's mobile; the call is recorded on the case. */
    async onCall(event: { currentTarget: { dataset: { caseId?: string; mobile?: string } } }) {
      const { caseId, mobile } = event.currentTarget.dataset;
      if (!caseId || !mobile) return;
      const outcome = await phoneEmployee(caseId, mobile);
      if (outcome.status === 'recorded') toast('已在案件中记录本次电话联系');
      if (outcome.status === 'failed') toast(outcome.message);
    },
    onOpen(event: { currentTarget: { dataset: { caseId?: string } } }) {
      const { caseId } = event.currentTarget.dataset;
      if (caseId) openPage(ROUTES.caseDetail, { caseId });
    },
  },
});
