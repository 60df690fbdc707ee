import type { ReminderKind } from '../../../server/contract';
import { call } from '../../services/rpc';
import { loadSession } from '../../services/session';
import { requestSubscriptions, templatesToAsk } from '../../services/subscribe';
import { stopPullDownRefresh, toast } from '../../services/feedback';
import { syncTabBar } from '../../services/tab-bar';
import { openPage, ROUTES } from '../../services/navigation';
import { trainingSummary } from '../../view-models/training';
import { departureRows, type DepartureRow } from '../../view-models/departure-records';
import { loadFailure, NO_FAILURE } from '../../view-models/load-failure';
import { rolesText } from '../../view-models/labels';
import {
  needsSubscription,
  subscriptionKindsFor,
  subscriptionRows,
  type SubscriptionRow,
} from '../../view-models/subscriptions';

type Phase = 'loading' | 'error' | 'unbound' | 'ready';

Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    /** 离职记录: the person's finished cases, newest first. */
    records: [] as DepartureRow[],
    name: '',
    employeeNo: '',
    department: '',
    roles: '',
    kinds: [] as ReminderKind[],
    rows: [] as SubscriptionRow[],
    needsSubscription: false,
    /** The per-kind credits are detail: folded away until asked for. */
    showCredits: false,
    tmplIds: [] as string[],
    subscribing: false,
    /** 已学 3/8 课时 · 测验通过 1/4, or 已掌握. */
    training: '',
  },
  methods: {
    onLoad() {
      void this.load(false);
    },
    onToggleCredits() {
      this.setData({ showCredits: !this.data.showCredits });
    },
    onPrivacy() {
      openPage(ROUTES.privacyGuide);
    },
    onShow() {
      syncTabBar(this, 'pages/me/index');
    },
    onPullDownRefresh() {
      void this.load(true).then(stopPullDownRefresh);
    },
    /** A finished case opens on the case page, which offers nothing to do on it any more. */
    onRecord(event: { currentTarget: { dataset: { caseId?: string } } }) {
      const { caseId } = event.currentTarget.dataset;
      if (caseId) openPage(ROUTES.caseDetail, { caseId });
    },
    async load(refresh: boolean) {
      this.setData({ phase: 'loading' });
      const [me, meta, catalog] = await Promise.all([
        loadSession({ refresh }),
        call('meta.get', {}),
        call('training.catalog', {}),
      ]);
      if (!me.ok) {
        if (me.error.code === 'UNAUTHENTICATED') return this.setData({ phase: 'unbound' });
        return this.setData({ phase: 'error', ...loadFailure(me.error) });
      }
      const { employee, roles, subscriptions } = me.data;
      const kinds = subscriptionKindsFor(roles, employee !== null);
      this.setData({
        phase: 'ready',
        ...NO_FAILURE,
        records: departureRows(me.data.history),
        name: employee?.name ?? '管理员',
        employeeNo: employee?.employeeNo ?? '—',
        department: employee ? `${employee.department} · ${employee.position}` : '—',
        roles: rolesText(roles),
        kinds,
        rows: subscriptionRows(kinds, subscriptions),
        needsSubscription: needsSubscription(kinds, subscriptions),
        // Held ready before the tap: the popup must be requested without awaiting anything.
        tmplIds: meta.ok ? templatesToAsk(meta.data.templateIds, kinds) : [],
        training: catalog.ok ? trainingSummary(catalog.data) : '学习进度暂时无法读取，点此进入课程',
      });
    },
    onSubscribe() {
      // First thing in the tap handler, synchronously: WeChat shows the popup only here.
      const pending = requestSubscriptions(this.data.tmplIds);
      if (this.data.tmplIds.length === 0) {
        toast('提醒模板尚未配置，请联系 HR');
        return;
      }
      this.setData({ subscribing: true });
      void pending.then((outcome) => {
        const update: Record<string, unknown> = { subscribing: false };
        if (outcome.estimates) {
          update.rows = subscriptionRows(this.data.kinds, outcome.estimates);
          update.needsSubscription = needsSubscription(this.data.kinds, outcome.estimates);
        }
        this.setData(update);
        if (!outcome.asked) toast('未能打开订阅，请在设置中允许接收订阅消息');
        else if (outcome.accepted > 0) toast(`已开启 ${outcome.accepted} 项提醒`, 'success');
        else toast('你未允许接收提醒，重要通知可能无法送达');
      });
    },
    onRetry() {
      void this.load(true);
    },
    onTraining() {
      openPage(ROUTES.trainingCatalog);
    },
  },
});
