import type { ActionPayload } from '../../../../../server/contract';
import { toast, stopPullDownRefresh } from '../../../../services/feedback';
import { randomId } from '../../../../services/random-id';
import { call } from '../../../../services/rpc';
import { type ProposalCard, proposalCards } from '../../../../view-models/training';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

type Phase = 'loading' | 'error' | 'ready';
type Decision = ActionPayload<'admin.proposalReview'>['decision'];

/**
 * 离职流程优化方案. An HR writes one (after the HR course) and revises it when it comes back;
 * with `mode=review` an admin accepts, returns with comments, or adopts.
 */
Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    review: false,
    cards: [] as ProposalCard[],
    /** The proposal being written: a new id, or the returned one being revised. */
    proposalId: '',
    title: '',
    text: '',
    comments: {} as Record<string, string>,
    busy: false,
  },
  methods: {
    onLoad(query: { mode?: string }) {
      this.setData({ review: query.mode === 'review', proposalId: `r${randomId(20)}` });
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
      const reply = await call('training.proposals', {});
      if (!reply.ok) return this.setData({ phase: 'error', ...loadFailure(reply.error) });
      this.setData({ phase: 'ready', cards: proposalCards(reply.data.proposals) });
    },
    onTitle(event: { detail: { value: string } }) {
      this.setData({ title: event.detail.value });
    },
    onText(event: { detail: { value: string } }) {
      this.setData({ text: event.detail.value });
    },
    onRevise(event: { currentTarget: { dataset: { id?: string } } }) {
      const card = this.data.cards.find((c) => c.proposalId === event.currentTarget.dataset.id);
      if (!card) return;
      this.setData({ proposalId: card.proposalId, title: card.title, text: card.text });
      toast('已填入原方案，请按意见修改后提交');
    },
    async onSubmit() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      const reply = await call('training.proposalSubmit', {
        proposalId: this.data.proposalId,
        title: this.data.title,
        text: this.data.text,
        attachments: [],
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        toast(reply.error.message);
        return;
      }
      toast(reply.data.round > 1 ? '已重新提交' : '已提交，等待评审', 'success');
      this.setData({ proposalId: `r${randomId(20)}`, title: '', text: '' });
      await this.load();
    },
    onComment(event: { currentTarget: { dataset: { id?: string } }; detail: { value: string } }) {
      const id = event.currentTarget.dataset.id;
      if (id) this.setData({ comments: { ...this.data.comments, [id]: event.detail.value } });
    },
    onAccept(event: { currentTarget: { dataset: { id?: string } } }) {
      void this.decide(event.currentTarget.dataset.id, 'accept');
    },
    onReturn(event: { currentTarget: { dataset: { id?: string } } }) {
      void this.decide(event.currentTarget.dataset.id, 'return');
    },
    onAdopt(event: { currentTarget: { dataset: { id?: string } } }) {
      void this.decide(event.currentTarget.dataset.id, 'adopt');
    },
    async decide(proposalId: string | undefined, decision: Decision) {
      if (!proposalId || this.data.busy) return;
      this.setData({ busy: true });
      const reply = await call('admin.proposalReview', {
        proposalId,
        decision,
        comment: this.data.comments[proposalId] ?? '',
      });
      this.setData({ busy: false });
      if (!reply.ok) {
        toast(reply.error.message);
        return;
      }
      toast('评审已记录', 'success');
      await this.load();
    },
  },
});
