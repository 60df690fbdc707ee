import { call } from '../../../../services/rpc';
import { toast, stopPullDownRefresh } from '../../../../services/feedback';
import { requestSubscriptions } from '../../../../services/subscribe';
import {
  distinctTemplateIds,
  nextToAsk,
  trialRows,
  trialSummary,
  type TemplateIds,
  type TrialRow,
} from '../../../../view-models/trial-send';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

type Phase = 'loading' | 'error' | 'ready';

Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    templateIds: {} as TemplateIds,
    /** Held ready before the tap: the popup must be requested without awaiting anything. */
    tmplIds: [] as string[],
    sending: false,
    sendError: '',
    rows: [] as TrialRow[],
    summary: '',
  },
  methods: {
    onLoad() {
      void this.load();
    },
    async load() {
      this.setData({ phase: 'loading' });
      const reply = await call('meta.get', {});
      if (!reply.ok) return this.setData({ phase: 'error', ...loadFailure(reply.error) });
      const { templateIds } = reply.data;
      this.setData({ phase: 'ready', templateIds, tmplIds: distinctTemplateIds(templateIds) });
    },
    onTrialSend() {
      if (this.data.sending) return;
      if (this.data.tmplIds.length === 0) {
        toast('尚未配置订阅消息模板');
        return;
      }
      // First thing after the checks, synchronously: WeChat shows the popup only in the tap.
      // Each "allow" is the credit for one trial message; the trial is no reminder to count.
      const asked = requestSubscriptions(this.data.tmplIds, { report: false });
      this.setData({ sending: true, sendError: '' });
      void asked.then(async (outcome) => {
        if (!outcome.asked) toast('未能打开订阅弹窗，按已有的额度发送');
        const reply = await call('admin.trialSend', {});
        if (!reply.ok) return this.setData({ sending: false, sendError: reply.error.message });
        const { results } = reply.data;
        this.setData({
          sending: false,
          rows: trialRows(results, this.data.templateIds),
          summary: trialSummary(results),
          tmplIds: nextToAsk(results, this.data.tmplIds),
        });
      });
    },
    onPullDownRefresh() {
      // A form keeps what was typed: pull-down loads again only after a failed load.
      if (this.data.phase !== 'error') return stopPullDownRefresh();
      void this.load().then(stopPullDownRefresh);
    },
    onRetry() {
      void this.load();
    },
  },
});
