import type { ActionPayload } from '../../../../../server/contract';
import { copyText } from '../../../../services/clipboard';
import { ask, stopPullDownRefresh, toast } from '../../../../services/feedback';
import { openPage, ROUTES } from '../../../../services/navigation';
import { call } from '../../../../services/rpc';
import { openSpreadsheet } from '../../../../services/spreadsheet';
import {
  PERIOD_LABELS,
  rangeProblem,
  statsPeriod,
  statsView,
  type PeriodChoice,
  type StatsView,
} from '../../../../view-models/admin-stats';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

type Phase = 'loading' | 'error' | 'empty' | 'ready';
type Table = ActionPayload<'admin.statsExport'>['table'];
/** A quick choice, or `custom` once HR picks the dates. */
type Choice = PeriodChoice | 'custom';

const CHOICES = (Object.keys(PERIOD_LABELS) as PeriodChoice[]).map((value) => ({
  value,
  label: PERIOD_LABELS[value],
}));

// A newer period makes an older answer stale; it is dropped.
let generation = 0;

Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    choices: CHOICES,
    choice: 'thisMonth' as Choice,
    from: '',
    to: '',
    stats: null as StatsView | null,
    /** The table being exported, while its workbook is made and opened. */
    exporting: '' as Table | '',
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
      const { choice } = this.data;
      const { from, to } =
        choice === 'custom'
          ? { from: this.data.from, to: this.data.to }
          : statsPeriod(choice, Date.now());
      const problem = rangeProblem({ from, to });
      if (problem) {
        const failure = loadFailure(
          { code: 'VALIDATION_FAILED', message: problem },
          '请在上方重新选择统计区间',
        );
        return this.setData({ phase: 'error', ...failure, from, to });
      }
      this.setData({ phase: 'loading', from, to });
      const reply = await call('admin.stats', { from, to });
      if (mine !== generation) return;
      if (!reply.ok) return this.setData({ phase: 'error', ...loadFailure(reply.error) });
      const stats = statsView(reply.data);
      this.setData({ phase: stats.total === 0 ? 'empty' : 'ready', stats });
    },
    onChoice(event: { currentTarget: { dataset: { value?: PeriodChoice } } }) {
      const { value } = event.currentTarget.dataset;
      if (!value || value === this.data.choice) return;
      this.setData({ choice: value });
      void this.load();
    },
    onFrom(event: { detail: { value: string } }) {
      this.setData({ choice: 'custom', from: event.detail.value });
      void this.load();
    },
    onTo(event: { detail: { value: string } }) {
      this.setData({ choice: 'custom', to: event.detail.value });
      void this.load();
    },
    onRetry() {
      void this.load();
    },
    onHistoryImport() {
      openPage(ROUTES.adminHistoryImport);
    },
    /** The exit interviews' answers of the same period. */
    onInterviewStats() {
      openPage(ROUTES.adminInterviewStats, { from: this.data.from, to: this.data.to });
    },
    /** 导出: the table as an .xlsx made by the server, opened so HR can forward it. */
    async onExport(event: { currentTarget: { dataset: { table?: Table } } }) {
      const { table } = event.currentTarget.dataset;
      const { from, to, exporting } = this.data;
      if (!table || exporting) return;
      this.setData({ exporting: table });
      const reply = await call('admin.statsExport', { from, to, table });
      if (!reply.ok) {
        this.setData({ exporting: '' });
        return toast(reply.error.message);
      }
      const opened = await openSpreadsheet(reply.data.url);
      this.setData({ exporting: '' });
      if (opened.ok) return;
      if (await ask('无法打开表格', opened.message, '复制链接')) {
        const copied = await copyText(reply.data.url);
        if (!copied.ok) toast(copied.message);
      }
    },
  },
});
