import type { ActionResult } from '../../../../../server/contract';
import { toast } from '../../../../services/feedback';
import { call } from '../../../../services/rpc';
import { formatInstant } from '../../../../view-models/beijing-time';
import {
  draftOf,
  hrAnsweredText,
  questionForms,
  submission,
  submittedNote,
  withChoice,
  withText,
  type Draft,
  type QuestionFormView,
} from '../../../../view-models/exit-interview';

type Phase = 'loading' | 'error' | 'ready';
type Interview = ActionResult<'interview.get'>;

// The questionnaire as the server sent it and the employee's draft: outside setData, which
// carries only what the page shows.
const loaded = new WeakMap<object, { interview: Interview; draft: Draft }>();

/** 离职面谈（自愿）: the employee's own questionnaire; nothing here gates any step. */
Component({
  data: {
    phase: 'loading' as Phase,
    errorMessage: '',
    caseId: '',
    voluntary: '',
    canAnswer: false,
    submittedNote: '',
    questions: [] as QuestionFormView[],
    busy: false,
    submitError: '',
    /** HR's view: whether the employee answered, and the note of an in-person interview. */
    isHr: false,
    answeredText: '',
    note: '',
    notedAt: '',
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
      const reply = await call('interview.get', { caseId });
      if (!reply.ok) return this.setData({ phase: 'error', errorMessage: reply.error.message });
      const draft = draftOf(reply.data);
      loaded.set(this, { interview: reply.data, draft });
      const isHr = reply.data.answered !== undefined;
      this.setData({
        phase: 'ready',
        isHr,
        answeredText: hrAnsweredText(reply.data),
        note: reply.data.note?.text ?? '',
        notedAt: reply.data.note ? formatInstant(reply.data.note.at) : '',
        voluntary: reply.data.voluntary,
        canAnswer: reply.data.canAnswer,
        submittedNote: submittedNote(reply.data),
        questions: questionForms(reply.data, draft),
      });
    },
    onRetry() {
      void this.load();
    },
    redraw(draft: Draft) {
      const state = loaded.get(this);
      if (!state) return;
      loaded.set(this, { ...state, draft });
      this.setData({ questions: questionForms(state.interview, draft), submitError: '' });
    },
    onChoice(event: { currentTarget: { dataset: { questionId?: string; value?: string } } }) {
      const state = loaded.get(this);
      const { questionId, value } = event.currentTarget.dataset;
      if (!state || !questionId || value === undefined) return;
      this.redraw(withChoice(state.interview, state.draft, questionId, value));
    },
    onText(event: {
      currentTarget: { dataset: { questionId?: string } };
      detail: { value: string };
    }) {
      const state = loaded.get(this);
      const { questionId } = event.currentTarget.dataset;
      if (!state || !questionId) return;
      // Typing changes only the draft: re-rendering the field would move the cursor.
      loaded.set(this, { ...state, draft: withText(state.draft, questionId, event.detail.value) });
    },
    onNote(event: { detail: { value: string } }) {
      this.setData({ note: event.detail.value, submitError: '' });
    },
    /** HR keeps the note of an in-person interview (not part of the case's record). */
    async onSaveNote() {
      const note = this.data.note.trim();
      if (!note) return this.setData({ submitError: '请填写面谈要点' });
      if (this.data.busy) return;
      this.setData({ busy: true, submitError: '' });
      const reply = await call('case.interviewNote', { caseId: this.data.caseId, note });
      this.setData({ busy: false });
      if (!reply.ok) return this.setData({ submitError: reply.error.message });
      toast('面谈记录已保存', 'success');
      await this.load();
    },
    async onSubmit() {
      const state = loaded.get(this);
      if (!state || this.data.busy) return;
      const payload = submission(this.data.caseId, state.interview, state.draft);
      if (payload.answers.length === 0) {
        return this.setData({ submitError: '还没有回答任何问题；不想填写可以直接返回' });
      }
      this.setData({ busy: true, submitError: '' });
      const reply = await call('interview.submit', payload);
      this.setData({ busy: false });
      if (!reply.ok) return this.setData({ submitError: reply.error.message });
      toast('已提交，感谢你的反馈', 'success');
      await this.load();
    },
  },
});
