import { stopPullDownRefresh } from '../../../../services/feedback';
import { call } from '../../../../services/rpc';
import { type TrainingStatsView, trainingStatsView } from '../../../../view-models/training';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

type Phase = 'loading' | 'error' | 'ready';

/** 培训效果: mastery, quiz results, and trained against untrained on the company's own cases. */
Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    view: null as TrainingStatsView | null,
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
      if (!this.data.view) this.setData({ phase: 'loading' });
      const reply = await call('admin.trainingStats', {});
      if (!reply.ok) return this.setData({ phase: 'error', ...loadFailure(reply.error) });
      this.setData({ phase: 'ready', view: trainingStatsView(reply.data) });
    },
  },
});
