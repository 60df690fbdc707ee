import { toast } from '../../../../services/feedback';
import { call } from '../../../../services/rpc';
import {
  editorQuestions,
  KIND_CHOICES,
  newQuestion,
  savePayload,
  type EditorQuestion,
} from '../../../../view-models/exit-interview';

type Phase = 'loading' | 'error' | 'ready';

/** HR edits the exit-interview questionnaire; each save is a new version. */
Component({
  data: {
    phase: 'loading' as Phase,
    errorMessage: '',
    version: 0,
    questions: [] as EditorQuestion[],
    kinds: KIND_CHOICES,
    busy: false,
    saveError: '',
  },
  methods: {
    onLoad() {
      void this.load();
    },
    async load() {
      this.setData({ phase: 'loading' });
      // The statistics answer the questionnaire as it stands, with its version.
      const reply = await call('admin.interviewStats', {});
      if (!reply.ok) return this.setData({ phase: 'error', errorMessage: reply.error.message });
      this.setData({
        phase: 'ready',
        version: reply.data.version,
        questions: editorQuestions(reply.data),
        saveError: '',
      });
    },
    onRetry() {
      void this.load();
    },
    onText(event: { currentTarget: { dataset: { index?: number } }; detail: { value: string } }) {
      const { index } = event.currentTarget.dataset;
      if (index === undefined) return;
      this.setData({ [`questions[${index}].text`]: event.detail.value, saveError: '' });
    },
    onOptions(event: {
      currentTarget: { dataset: { index?: number } };
      detail: { value: string };
    }) {
      const { index } = event.currentTarget.dataset;
      if (index === undefined) return;
      this.setData({ [`questions[${index}].optionsText`]: event.detail.value, saveError: '' });
    },
    onRemove(event: { currentTarget: { dataset: { index?: number } } }) {
      const { index } = event.currentTarget.dataset;
      if (index === undefined) return;
      this.setData({ questions: this.data.questions.filter((_, i) => i !== Number(index)) });
    },
    onAdd(event: { currentTarget: { dataset: { kind?: EditorQuestion['kind'] } } }) {
      const { kind } = event.currentTarget.dataset;
      if (!kind) return;
      this.setData({ questions: [...this.data.questions, newQuestion(kind, this.data.questions)] });
    },
    async onSave() {
      if (this.data.busy) return;
      this.setData({ busy: true, saveError: '' });
      const reply = await call(
        'admin.interviewQuestionsSave',
        savePayload(this.data.version, this.data.questions),
      );
      this.setData({ busy: false });
      // The server names the question and what is wrong (or that someone saved first).
      if (!reply.ok) return this.setData({ saveError: reply.error.message });
      toast(`已保存为第 ${reply.data.version} 版`, 'success');
      await this.load();
    },
  },
});
