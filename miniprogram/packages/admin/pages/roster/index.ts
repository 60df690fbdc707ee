import { call } from '../../../../services/rpc';
import {
  ROSTER_COLUMNS,
  importFailure,
  parseRoster,
  rosterOutcome,
  rosterPreview,
  type RosterOutcome,
  type RosterPreview,
} from '../../../../view-models/roster-import';

/**
 * The pasted text stays out of `data`: up to 500 lines would travel to the view on every
 * keystroke, and the text box keeps its own copy anyway.
 */
const pasted = new WeakMap<object, string>();

Component({
  data: {
    columns: ROSTER_COLUMNS.map((c) => (c.required ? c.label : `${c.label}（选填）`)).join('，'),
    preview: rosterPreview(parseRoster('')) as RosterPreview,
    formError: '',
    sending: false,
    outcome: null as RosterOutcome | null,
  },
  methods: {
    onText(event: { detail: { value: string } }) {
      pasted.set(this, event.detail.value);
      this.setData({ preview: rosterPreview(parseRoster(event.detail.value)), formError: '' });
    },
    async onImport() {
      if (this.data.sending) return;
      const parsed = parseRoster(pasted.get(this) ?? '');
      const preview = rosterPreview(parsed);
      if (preview.blocker) return this.setData({ preview, formError: preview.blocker });
      this.setData({ sending: true, formError: '', outcome: null });
      const reply = await call('admin.import', { rows: parsed.rows });
      if (!reply.ok) {
        return this.setData({
          sending: false,
          formError: importFailure(reply.error, parsed.lines),
        });
      }
      this.setData({ sending: false, outcome: rosterOutcome(reply.data, parsed.lines) });
    },
  },
});
