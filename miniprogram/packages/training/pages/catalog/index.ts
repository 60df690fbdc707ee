import { stopPullDownRefresh } from '../../../../services/feedback';
import { openPage, ROUTES } from '../../../../services/navigation';
import { call } from '../../../../services/rpc';
import { loadSession } from '../../../../services/session';
import { type CourseCard, courseCards } from '../../../../view-models/training';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

type Phase = 'loading' | 'error' | 'ready';

/** The courses of the person's audiences, with what they have learnt and their quiz results. */
Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    courses: [] as CourseCard[],
    mastered: false,
    /** The practice is a sandbox resignation: for those who take the employee courses. */
    canPractise: false,
    /** HR write 离职流程优化方案; admins evaluate them. */
    canPropose: false,
    canReview: false,
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
      const [reply, session] = await Promise.all([call('training.catalog', {}), loadSession()]);
      if (!reply.ok) return this.setData({ phase: 'error', ...loadFailure(reply.error) });
      this.setData({
        phase: 'ready',
        courses: courseCards(reply.data),
        mastered: reply.data.mastered,
        canPractise: reply.data.courses.some((course) => course.audience === 'employee'),
        canPropose: reply.data.courses.some((course) => course.audience === 'hr'),
        canReview: session.ok && session.data.roles.includes('admin'),
      });
    },
    onLesson(event: { currentTarget: { dataset: { course?: string; lesson?: string } } }) {
      const { course, lesson } = event.currentTarget.dataset;
      if (course && lesson) openPage(ROUTES.trainingLesson, { courseId: course, lessonId: lesson });
    },
    onProposals() {
      openPage(ROUTES.trainingProposals);
    },
    onStats() {
      openPage(ROUTES.adminTrainingStats);
    },
    onReview() {
      openPage(ROUTES.trainingProposals, { mode: 'review' });
    },
    onWorkshops() {
      openPage(ROUTES.trainingWorkshops);
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
