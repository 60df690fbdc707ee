import { stopPullDownRefresh } from '../../../../services/feedback';
import { call } from '../../../../services/rpc';
import { type TrainingStatsView, trainingStatsView } from '../../../../view-models/training';

type Phase = 'loading' | 'error' | 'ready';

/** 培训效果: mastery, quiz results, and trained against untrained on the company's own cases. */
Component({
  data: {
    phase: 'loading' as Phase,
    errorMessage: '',
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
      if (!reply.ok) return this.setData({ phase: 'error', errorMessage: reply.error.message });
      this.setData({ phase: 'ready', view: trainingStatsView(reply.data) });
    },
  },
});
