import { call } from '../../../../services/rpc';
import {
  HISTORY_COLUMNS,
  historyOutcome,
  historyPreview,
  parseHistory,
  type HistoryOutcome,
  type HistoryPreview,
} from '../../../../view-models/history-import';

/** The pasted text stays out of `data`: up to 500 lines on every keystroke is too much. */
const pasted = new WeakMap<object, string>();

Component({
  data: {
    columns: HISTORY_COLUMNS.map((c) => c.label).join('，'),
    preview: historyPreview(parseHistory('')) as HistoryPreview,
    formError: '',
    sending: false,
    outcome: null as HistoryOutcome | null,
  },
  methods: {
    onText(event: { detail: { value: string } }) {
      pasted.set(this, event.detail.value);
      this.setData({ preview: historyPreview(parseHistory(event.detail.value)), formError: '' });
    },
    async onImport() {
      if (this.data.sending) return;
      const parsed = parseHistory(pasted.get(this) ?? '');
      const preview = historyPreview(parsed);
      if (preview.blocker) return this.setData({ preview, formError: preview.blocker });
      this.setData({ sending: true, formError: '', outcome: null });
      const reply = await call('admin.importHistory', { rows: parsed.rows });
      if (!reply.ok) return this.setData({ sending: false, formError: reply.error.message });
      this.setData({ sending: false, outcome: historyOutcome(reply.data, parsed.lines) });
    },
  },
});
