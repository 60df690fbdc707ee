import { stopPullDownRefresh, toast } from '../../../../services/feedback';
import { confirmHandoverItem, disputeHandoverItem } from '../../../../services/handover';
import { call } from '../../../../services/rpc';
import { handoverCards, type HandoverCard } from '../../../../view-models/handover';

type Phase = 'loading' | 'error' | 'ready';

/**
 * The handover items colleagues' managers assigned to the viewer (交接人): each confirmed
 * received, or disputed with what is missing. Nothing else of those cases is shown.
 */
Component({
  data: {
    phase: 'loading' as Phase,
    errorMessage: '',
    cards: [] as HandoverCard[],
    /** The item being answered: its buttons spin and the others wait. */
    busy: '',
    /** The item whose dispute is being written, and what is written. */
    disputing: '',
    disputeCaseId: '',
    comment: '',
    formError: '',
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
      if (this.data.cards.length === 0) this.setData({ phase: 'loading' });
      const reply = await call('handover.mine', {});
      if (!reply.ok) return this.setData({ phase: 'error', errorMessage: reply.error.message });
      this.setData({ phase: 'ready', cards: handoverCards(reply.data) });
    },
    async onConfirm(event: { currentTarget: { dataset: { caseId?: string; itemId?: string } } }) {
      const { caseId, itemId } = event.currentTarget.dataset;
      if (!caseId || !itemId || this.data.busy) return;
      this.setData({ busy: itemId });
      const outcome = await confirmHandoverItem(caseId, itemId);
      this.setData({ busy: '' });
      if (!outcome.ok) return toast(outcome.error.message);
      toast('已确认接收', 'success');
      await this.load();
    },
    onDispute(event: { currentTarget: { dataset: { caseId?: string; itemId?: string } } }) {
      const { caseId, itemId } = event.currentTarget.dataset;
      if (!caseId || !itemId) return;
      this.setData({ disputing: itemId, disputeCaseId: caseId, comment: '', formError: '' });
    },
    onComment(event: { detail: { value: string } }) {
      this.setData({ comment: event.detail.value, formError: '' });
    },
    onCancelDispute() {
      this.setData({ disputing: '', disputeCaseId: '', comment: '', formError: '' });
    },
    async onSubmitDispute() {
      const { disputing, disputeCaseId, comment, busy } = this.data;
      if (!disputing || busy) return;
      if (!comment.trim()) return this.setData({ formError: '请说明缺少什么或哪里不对' });
      this.setData({ busy: disputing });
      const outcome = await disputeHandoverItem(disputeCaseId, disputing, comment.trim());
      this.setData({ busy: '' });
      if (!outcome.ok) return this.setData({ formError: outcome.error.message });
      this.setData({ disputing: '', disputeCaseId: '', comment: '' });
      toast('异议已提交，经理会跟进', 'success');
      await this.load();
    },
  },
});
