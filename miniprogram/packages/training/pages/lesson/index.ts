import type { ActionResult } from '../../../../../server/contract';
import { toast, stopPullDownRefresh } from '../../../../services/feedback';
import { call } from '../../../../services/rpc';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

type Phase = 'loading' | 'error' | 'ready';
type Block = ActionResult<'training.lesson'>['lesson']['blocks'][number];

/** One lesson: paragraphs, pictures and videos, and 学完了 to record it. */
Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    courseId: '',
    lessonId: '',
    title: '',
    blocks: [] as Block[],
    done: false,
    saving: false,
  },
  methods: {
    onLoad(query: { courseId?: string; lessonId?: string }) {
      this.setData({ courseId: query.courseId ?? '', lessonId: query.lessonId ?? '' });
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(stopPullDownRefresh);
    },
    onRetry() {
      void this.load();
    },
    async load() {
      this.setData({ phase: 'loading' });
      const { courseId, lessonId } = this.data;
      const reply = await call('training.lesson', { courseId, lessonId });
      if (!reply.ok) return this.setData({ phase: 'error', ...loadFailure(reply.error) });
      this.setData({
        phase: 'ready',
        title: reply.data.lesson.title,
        blocks: reply.data.lesson.blocks,
        done: reply.data.done,
      });
    },
    async onComplete() {
      if (this.data.saving) return;
      this.setData({ saving: true });
      const { courseId, lessonId } = this.data;
      const reply = await call('training.complete', { courseId, lessonId });
      this.setData({ saving: false });
      if (!reply.ok) {
        toast(reply.error.message);
        return;
      }
      this.setData({ done: true });
      toast('已记录学完', 'success');
    },
  },
});
