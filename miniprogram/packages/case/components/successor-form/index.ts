import { assignSuccessors } from '../../../../services/handover';
import {
  MAX_SUCCESSORS,
  successorPayload,
  type SuccessorDraft,
} from '../../../../view-models/handover';

/**
 * The manager (or HR) names the colleagues who take over the leaver's work (交接人), by 工号,
 * each with the items of the handover list they receive, one a line. Naming again replaces the
 * earlier naming while nothing has been confirmed. Emits `saved` after the server accepted,
 * `cancel` on 取消.
 */
Component({
  properties: {
    caseId: { type: String, value: '' },
  },
  data: {
    drafts: [{ employeeNo: '', text: '' }] as SuccessorDraft[],
    max: MAX_SUCCESSORS,
    error: '',
    busy: false,
  },
  methods: {
    onEmployeeNo(event: {
      currentTarget: { dataset: { index?: number } };
      detail: { value: string };
    }) {
      const index = Number(event.currentTarget.dataset.index ?? 0);
      this.setData({ [`drafts[${index}].employeeNo`]: event.detail.value, error: '' });
    },
    onItems(event: { currentTarget: { dataset: { index?: number } }; detail: { value: string } }) {
      const index = Number(event.currentTarget.dataset.index ?? 0);
      this.setData({ [`drafts[${index}].text`]: event.detail.value, error: '' });
    },
    onAdd() {
      if (this.data.drafts.length >= MAX_SUCCESSORS) return;
      this.setData({ drafts: [...this.data.drafts, { employeeNo: '', text: '' }] });
    },
    onRemove(event: { currentTarget: { dataset: { index?: number } } }) {
      const index = Number(event.currentTarget.dataset.index ?? 0);
      this.setData({ drafts: this.data.drafts.filter((_, i) => i !== index), error: '' });
    },
    onCancel() {
      this.triggerEvent('cancel');
    },
    async onSave() {
      if (this.data.busy) return;
      const payload = successorPayload(this.data.drafts);
      if (!payload.ok) return this.setData({ error: payload.error });
      this.setData({ busy: true, error: '' });
      const outcome = await assignSuccessors(this.data.caseId, payload.successors);
      this.setData({ busy: false });
      if (!outcome.ok) return this.setData({ error: outcome.error.message });
      this.triggerEvent('saved', { count: payload.successors.length });
    },
  },
});
