import type { ActionResult } from '../../../../../server/contract';
import { call } from '../../../../services/rpc';
import { evidenceView, type EvidenceView } from '../../../../view-models/evidence';

type Phase = 'loading' | 'error' | 'ready';
type ChecklistLabels = ActionResult<'meta.get'>['checklistItems'];

// Item labels for waivers; they change only with the settings, so one fetch per launch.
let checklistLabels: ChecklistLabels | null = null;

Component({
  data: {
    phase: 'loading' as Phase,
    errorMessage: '',
    caseId: '',
    evidence: null as EvidenceView | null,
  },
  methods: {
    onLoad(query: { caseId?: string }) {
      this.setData({ caseId: query.caseId ?? '' });
      void this.load();
    },
    async load() {
      const { caseId } = this.data;
      if (!caseId) return this.setData({ phase: 'error', errorMessage: '缺少案件编号' });
      this.setData({ phase: 'loading' });
      const [evidence, meta] = await Promise.all([
        call('case.evidence', { caseId }),
        checklistLabels ? null : call('meta.get', {}),
      ]);
      if (meta?.ok) checklistLabels = meta.data.checklistItems;
      if (!evidence.ok) {
        return this.setData({ phase: 'error', errorMessage: evidence.error.message });
      }
      this.setData({
        phase: 'ready',
        evidence: evidenceView(evidence.data, checklistLabels ?? []),
      });
    },
    onRetry() {
      void this.load();
    },
  },
});
