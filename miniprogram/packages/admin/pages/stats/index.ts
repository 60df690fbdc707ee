import { stopPullDownRefresh } from '../../../../services/feedback';
import { call } from '../../../../services/rpc';
import {
  PERIOD_LABELS,
  statsPeriod,
  statsView,
  type PeriodChoice,
  type StatsView,
} from '../../../../view-models/admin-stats';

type Phase = 'loading' | 'error' | 'empty' | 'ready';

const CHOICES = (Object.keys(PERIOD_LABELS) as PeriodChoice[]).map((value) => ({
  value,
  label: PERIOD_LABELS[value],
}));

// A newer period makes an older answer stale; it is dropped.
let generation = 0;

Component({
  data: {
    phase: 'loading' as Phase,
    errorMessage: '',
    choices: CHOICES,
    choice: 'thisMonth' as PeriodChoice,
    from: '',
    to: '',
    stats: null as StatsView | null,
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(stopPullDownRefresh);
    },
    async load() {
      generation += 1;
      const mine = generation;
      const { from, to } = statsPeriod(this.data.choice, Date.now());
      this.setData({ phase: 'loading', from, to });
      const reply = await call('admin.stats', { from, to });
      if (mine !== generation) return;
      if (!reply.ok) return this.setData({ phase: 'error', errorMessage: reply.error.message });
      const stats = statsView(reply.data);
      this.setData({ phase: stats.total === 0 ? 'empty' : 'ready', stats });
    },
    onChoice(event: { currentTarget: { dataset: { value?: PeriodChoice } } }) {
      const { value } = event.currentTarget.dataset;
      if (!value || value === this.data.choice) return;
      this.setData({ choice: value });
      void this.load();
    },
    onRetry() {
      void this.load();
    },
  },
});
