import type { ActionResult, QuestionKind } from '../../../../../server/contract';
import { toast, stopPullDownRefresh } from '../../../../services/feedback';
import { call } from '../../../../services/rpc';
import {
  type Choices,
  choose,
  gradeHeadline,
  questionRows,
  type QuestionRow,
  resultRows,
  type ResultRow,
  unansweredCount,
} from '../../../../view-models/training';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

type Phase = 'loading' | 'error' | 'answering' | 'result';
type Question = ActionResult<'training.quizStart'>['questions'][number];

/** A quiz attempt: questions in this attempt's order; the key and explanations come after 提交. */
Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    courseId: '',
    attemptId: '',
    questions: [] as Question[],
    choices: {} as Choices,
    rows: [] as QuestionRow[],
    submitting: false,
    passed: false,
    headline: '',
    results: [] as ResultRow[],
  },
  methods: {
    onLoad(query: { courseId?: string }) {
      this.setData({ courseId: query.courseId ?? '' });
      void this.start();
    },
    onPullDownRefresh() {
      // A form keeps what was typed: pull-down loads again only after a failed load.
      if (this.data.phase !== 'error') return stopPullDownRefresh();
      void this.start().then(stopPullDownRefresh);
    },
    onRetry() {
      void this.start();
    },
    /** A new attempt: the server draws a new order each time. */
    async start() {
      this.setData({ phase: 'loading' });
      const reply = await call('training.quizStart', { courseId: this.data.courseId });
      if (!reply.ok) return this.setData({ phase: 'error', ...loadFailure(reply.error) });
      this.setData({
        phase: 'answering',
        attemptId: reply.data.attemptId,
        questions: reply.data.questions,
        choices: {},
        rows: questionRows(reply.data.questions, {}),
        results: [],
      });
    },
    onPick(event: {
      currentTarget: { dataset: { question?: string; option?: string; kind?: QuestionKind } };
    }) {
      const { question, option, kind } = event.currentTarget.dataset;
      if (!question || !option || !kind || this.data.phase !== 'answering') return;
      const choices = choose(this.data.choices, kind, question, option);
      this.setData({ choices, rows: questionRows(this.data.questions, choices) });
    },
    async onSubmit() {
      if (this.data.submitting) return;
      const missing = unansweredCount(this.data.questions, this.data.choices);
      if (missing > 0) {
        toast(`还有 ${missing} 题未作答，请答完再提交`);
        return;
      }
      this.setData({ submitting: true });
      const reply = await call('training.quizSubmit', {
        attemptId: this.data.attemptId,
        answers: this.data.questions.map((question) => ({
          questionId: question.questionId,
          optionIds: this.data.choices[question.questionId] ?? [],
        })),
      });
      this.setData({ submitting: false });
      if (!reply.ok) {
        toast(reply.error.message);
        return;
      }
      this.setData({
        phase: 'result',
        passed: reply.data.passed,
        headline: gradeHeadline(reply.data),
        results: resultRows(this.data.questions, reply.data),
      });
    },
  },
});
