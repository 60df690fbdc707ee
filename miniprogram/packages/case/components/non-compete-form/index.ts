import { recordNonCompete } from '../../../../services/case-actions';
import {
  NON_COMPETE_DECISION_LABELS,
  NON_COMPETE_GUIDANCE,
  type NonCompeteDecision,
} from '../../../../view-models/labels';

/** A yuan amount typed by HR, or undefined when the field is left empty. */
function amount(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/**
 * HR's non-compete decision at exit (劳动合同法 第23/24条): enforced with its months and
 * monthly compensation, or released. The server checks every figure; this form only shows the
 * guidance and sends what HR typed. Emits `saved` after the server accepted, `cancel` on 取消.
 */
Component({
  properties: {
    caseId: { type: String, value: '' },
  },
  data: {
    choices: (['enforced', 'released'] as const).map((decision) => ({
      decision,
      label: NON_COMPETE_DECISION_LABELS[decision],
    })),
    guidance: NON_COMPETE_GUIDANCE,
    decision: '' as '' | NonCompeteDecision,
    months: '',
    compensation: '',
    averageWage: '',
    minimumWage: '',
    error: '',
    busy: false,
  },
  methods: {
    onDecision(event: { currentTarget: { dataset: { decision?: NonCompeteDecision } } }) {
      this.setData({ decision: event.currentTarget.dataset.decision ?? '', error: '' });
    },
    onMonths(event: { detail: { value: string } }) {
      this.setData({ months: event.detail.value, error: '' });
    },
    onCompensation(event: { detail: { value: string } }) {
      this.setData({ compensation: event.detail.value, error: '' });
    },
    onAverageWage(event: { detail: { value: string } }) {
      this.setData({ averageWage: event.detail.value, error: '' });
    },
    onMinimumWage(event: { detail: { value: string } }) {
      this.setData({ minimumWage: event.detail.value, error: '' });
    },
    onCancel() {
      this.triggerEvent('cancel');
    },
    async onSave() {
      const { decision, months, compensation, averageWage, minimumWage, busy } = this.data;
      if (busy) return;
      if (!decision) return this.setData({ error: '请选择执行或不执行竞业限制' });
      this.setData({ busy: true, error: '' });
      const outcome = await recordNonCompete(
        this.data.caseId,
        decision === 'released'
          ? { decision }
          : {
              decision,
              months: amount(months),
              monthlyCompensation: amount(compensation),
              averageMonthlyWage: amount(averageWage),
              minimumWage: amount(minimumWage),
            },
      );
      this.setData({ busy: false });
      if (!outcome.ok) return this.setData({ error: outcome.error.message });
      this.triggerEvent('saved', { decision });
    },
  },
});
