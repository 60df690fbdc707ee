import { stopPullDownRefresh, toast } from '../../../../services/feedback';
import { call } from '../../../../services/rpc';
import { configAlertRows, type ConfigAlertRow } from '../../../../view-models/config-alerts';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

type Phase = 'loading' | 'error' | 'ready';

/** What WeChat refused because of the configuration, with what to change; admins only. */
Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    rows: [] as ConfigAlertRow[],
    open: 0,
    /** The alert being marked fixed: its button shows a spinner and the others wait. */
    resolving: '',
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(stopPullDownRefresh);
    },
    onRetry() {
      void this.load();
    },
    async load() {
      if (this.data.rows.length === 0) this.setData({ phase: 'loading' });
      const reply = await call('admin.configAlerts', {});
      if (!reply.ok) return this.setData({ phase: 'error', ...loadFailure(reply.error) });
      this.setData({
        phase: 'ready',
        rows: configAlertRows(reply.data.alerts),
        open: reply.data.open,
      });
    },
    async onResolve(event: { currentTarget: { dataset: { id?: string } } }) {
      const { id } = event.currentTarget.dataset;
      if (!id || this.data.resolving) return;
      this.setData({ resolving: id });
      const reply = await call('admin.configAlertResolve', { id });
      this.setData({ resolving: '' });
      if (!reply.ok) {
        toast(reply.error.message);
        return;
      }
      toast('已标记为已处理');
      await this.load();
    },
  },
});
