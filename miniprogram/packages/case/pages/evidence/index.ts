import { stopPullDownRefresh } from '../../../../services/feedback';
import type { ActionResult } from '../../../../../server/contract';
import { call } from '../../../../services/rpc';
import {
  evidenceView,
  purgedView,
  type EvidenceEventRow,
  type EvidenceView,
  type PurgedView,
} from '../../../../view-models/evidence';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

/** `purged`: deleted after its retention period; the tombstone is all there is to show. */
type Phase = 'loading' | 'error' | 'ready' | 'purged';
type ChecklistLabels = ActionResult<'meta.get'>['checklistItems'];

// Item labels for waivers; they change only with the settings, so one fetch per launch.
let checklistLabels: ChecklistLabels | null = null;

/** Records go to the view 20 at a time, so no setData grows with the length of the log. */
const PAGE_SIZE = 20;
let allRows: EvidenceEventRow[] = [];

Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    caseId: '',
    evidence: null as EvidenceView | null,
    purged: null as PurgedView | null,
    eventCount: 0,
    hasMore: false,
  },
  methods: {
    onLoad(query: { caseId?: string }) {
      this.setData({ caseId: query.caseId ?? '' });
      void this.load();
    },
    async load() {
      const { caseId } = this.data;
      if (!caseId) {
        const missing = { code: 'VALIDATION_FAILED', message: '缺少案件编号' };
        return this.setData({ phase: 'error', ...loadFailure(missing) });
      }
      this.setData({ phase: 'loading' });
      const [evidence, meta] = await Promise.all([
        call('case.evidence', { caseId }),
        checklistLabels ? null : call('meta.get', {}),
      ]);
      if (meta?.ok) checklistLabels = meta.data.checklistItems;
      if (!evidence.ok) {
        const purged = purgedView(evidence.error);
        if (purged) return this.setData({ phase: 'purged', purged });
        return this.setData({ phase: 'error', ...loadFailure(evidence.error) });
      }
      const view = evidenceView(evidence.data, checklistLabels ?? []);
      // Newest first: a person opens the log to see what just happened.
      allRows = view.events.slice().reverse();
      this.setData({
        phase: 'ready',
        evidence: { ...view, events: allRows.slice(0, PAGE_SIZE) },
        eventCount: allRows.length,
        hasMore: allRows.length > PAGE_SIZE,
      });
    },
    onReachBottom() {
      const shown = this.data.evidence?.events.length ?? 0;
      if (this.data.phase !== 'ready' || shown >= allRows.length) return;
      const update: Record<string, unknown> = {};
      allRows.slice(shown, shown + PAGE_SIZE).forEach((row, i) => {
        update[`evidence.events[${shown + i}]`] = row;
      });
      update.hasMore = shown + PAGE_SIZE < allRows.length;
      this.setData(update);
    },
    onPullDownRefresh() {
      void this.load().then(stopPullDownRefresh);
    },
    onRetry() {
      void this.load();
    },
  },
});
