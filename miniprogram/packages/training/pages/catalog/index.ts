import { stopPullDownRefresh } from '../../../../services/feedback';
import { openPage, ROUTES } from '../../../../services/navigation';
import { call } from '../../../../services/rpc';
import { type CourseCard, courseCards } from '../../../../view-models/training';

type Phase = 'loading' | 'error' | 'ready';

/** The courses of the person's audiences, with what they have learnt and their quiz results. */
Component({
  data: {
    phase: 'loading' as Phase,
    errorMessage: '',
    courses: [] as CourseCard[],
    mastered: false,
    /** The practice is a sandbox resignation: for those who take the employee courses. */
    canPractise: false,
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onShow() {
      // Back from a lesson or a quiz: show what changed.
      if (this.data.phase === 'ready') void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(stopPullDownRefresh);
    },
    onRetry() {
      void this.load();
    },
    async load() {
      if (this.data.courses.length === 0) this.setData({ phase: 'loading' });
      const reply = await call('training.catalog', {});
      if (!reply.ok) return this.setData({ phase: 'error', errorMessage: reply.error.message });
      this.setData({
        phase: 'ready',
        courses: courseCards(reply.data),
        mastered: reply.data.mastered,
        canPractise: reply.data.courses.some((course) => course.audience === 'employee'),
      });
    },
    onLesson(event: { currentTarget: { dataset: { course?: string; lesson?: string } } }) {
      const { course, lesson } = event.currentTarget.dataset;
      if (course && lesson) openPage(ROUTES.trainingLesson, { courseId: course, lessonId: lesson });
    },
    onPractice() {
      openPage(ROUTES.trainingPractice);
    },
    onQuiz(event: { currentTarget: { dataset: { course?: string } } }) {
      const { course } = event.currentTarget.dataset;
      if (course) openPage(ROUTES.trainingQuiz, { courseId: course });
    },
  },
});
