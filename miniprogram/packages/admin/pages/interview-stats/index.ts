import type { ActionPayload } from '../../../../../server/contract';
import { stopPullDownRefresh } from '../../../../services/feedback';
import { openPage, ROUTES } from '../../../../services/navigation';
import { call } from '../../../../services/rpc';
import {
  interviewStatsView,
  type InterviewStatsView,
} from '../../../../view-models/exit-interview';

type Phase = 'loading' | 'error' | 'ready';

// A newer filter makes an older answer stale; it is dropped.
let generation = 0;

/** 离职面谈统计: the answers counted by period and department; HR's page. */
Component({
  data: {
    phase: 'loading' as Phase,
    errorMessage: '',
    from: '',
    to: '',
    department: '',
    view: null as InterviewStatsView | null,
    empty: false,
  },
  methods: {
    onLoad(query: { from?: string; to?: string }) {
      this.setData({ from: query.from ?? '', to: query.to ?? '' });
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(stopPullDownRefresh);
    },
    async load() {
      generation += 1;
      const mine = generation;
      const { from, to, department } = this.data;
      if (from && to && to < from) {
        return this.setData({ phase: 'error', errorMessage: '结束日期不能早于开始日期' });
      }
      this.setData({ phase: 'loading' });
      const payload: ActionPayload<'admin.interviewStats'> = {};
      if (from) payload.from = from;
      if (to) payload.to = to;
      if (department) payload.department = department;
      const reply = await call('admin.interviewStats', payload);
      if (mine !== generation) return;
      if (!reply.ok) return this.setData({ phase: 'error', errorMessage: reply.error.message });
      this.setData({
        phase: 'ready',
        view: interviewStatsView(reply.data),
        empty: reply.data.respondents === 0,
      });
    },
    onFrom(event: { detail: { value: string } }) {
      this.setData({ from: event.detail.value });
      void this.load();
    },
    onTo(event: { detail: { value: string } }) {
      this.setData({ to: event.detail.value });
      void this.load();
    },
    /** A department's chip narrows to it; tapped again, every department. */
    onDepartment(event: { currentTarget: { dataset: { department?: string } } }) {
      const chosen = event.currentTarget.dataset.department ?? '';
      this.setData({ department: chosen === this.data.department ? '' : chosen });
      void this.load();
    },
    onRetry() {
      void this.load();
    },
    onEdit() {
      openPage(ROUTES.adminInterviewQuestions);
    },
  },
});
