import { hashHeldPdf } from '../../../../services/documents';
import { call } from '../../../../services/rpc';
import { codeFromQuery, verifyView, type VerifyView } from '../../../../view-models/verify';

type Phase = 'idle' | 'loading' | 'ready';

/**
 * The verify page (issue 13): opened by a document's QR code (`scene`) or with a typed code;
 * anyone may check a 离职证明, the employee and HR also their signed letters.
 */
Component({
  data: {
    phase: 'idle' as Phase,
    code: '',
    errorMessage: '',
    view: null as VerifyView | null,
  },
  methods: {
    onLoad(query: { scene?: string; code?: string }) {
      const code = codeFromQuery(query);
      this.setData({ code });
      if (code) void this.verify();
    },
    onCodeChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ code: e.detail.value.trim() });
    },
    onVerify() {
      void this.verify();
    },
    async verify(sha256?: string) {
      const { code } = this.data;
      if (!code) return this.setData({ errorMessage: '请输入文书上的核验码' });
      this.setData({ phase: 'loading', errorMessage: '' });
      const reply = await call('document.verify', sha256 ? { code, sha256 } : { code });
      if (!reply.ok) {
        return this.setData({ phase: 'idle', view: null, errorMessage: reply.error.message });
      }
      this.setData({ phase: 'ready', view: verifyView(reply.data) });
    },
    async onPickPdf() {
      const hashed = await hashHeldPdf();
      if (hashed.status === 'failed') return this.setData({ errorMessage: hashed.message });
      if (hashed.status !== 'ok' || !hashed.value) return;
      await this.verify(hashed.value);
    },
  },
});
