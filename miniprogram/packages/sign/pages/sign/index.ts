import { stopPullDownRefresh } from '../../../../services/feedback';
import { openPage, ROUTES } from '../../../../services/navigation';
import { requestDocuments } from '../../../../services/documents';
import { call } from '../../../../services/rpc';
import { loadSession } from '../../../../services/session';
import { uploadCaseFile } from '../../../../services/upload';
import {
  signHeldBack,
  signReceipt,
  signView,
  type SignReceipt,
  type SignView,
} from '../../../../view-models/signing';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

type Phase = 'loading' | 'error' | 'ready';

interface Pad {
  exportImage(): Promise<string>;
}

Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    caseId: '',
    view: null as SignView | null,
    consent: false,
    padEmpty: true,
    /** Why 确认签署 is disabled, shown beside it. */
    heldBack: signHeldBack(false, true),
    signing: false,
    signError: '',
    receipt: null as SignReceipt | null,
    /** The last look before signing: the letter again and that a signature is final. */
    confirming: false,
    signLines: ['请再读一遍文书，确认无误后签署：'],
    /** The signed letter, opened again from the receipt or the signed view. */
    showLetter: false,
  },
  methods: {
    onLoad(query: { caseId?: string }) {
      const caseId = query.caseId ?? '';
      this.setData({ caseId });
      void this.load();
    },
    async load() {
      if (!this.data.caseId) {
        return this.setData({
          phase: 'error',
          ...loadFailure({ code: 'VALIDATION_FAILED', message: '缺少案件编号，请从首页进入' }),
        });
      }
      this.setData({ phase: 'loading' });
      const reply = await call('case.get', { caseId: this.data.caseId });
      if (!reply.ok) return this.setData({ phase: 'error', ...loadFailure(reply.error) });
      const view = signView(reply.data);
      // Already signed: the letter is what the person came back for, so it is shown open.
      this.setData({ phase: 'ready', view, showLetter: view.stage === 'signed' });
    },
    onToggleConsent() {
      const consent = !this.data.consent;
      this.setData({ consent, signError: '', heldBack: signHeldBack(consent, this.data.padEmpty) });
    },
    onPadChange(event: { detail: { empty: boolean } }) {
      const padEmpty = event.detail.empty;
      this.setData({
        padEmpty,
        signError: '',
        heldBack: signHeldBack(this.data.consent, padEmpty),
      });
    },
    onSign() {
      const view = this.data.view;
      if (!view || view.stage !== 'ready' || this.data.signing) return;
      // 电子签名法 第3条: signing electronically needs the signer's explicit agreement.
      if (!this.data.consent) return this.setData({ signError: '请先勾选同意以电子签名方式签署' });
      if (this.data.padEmpty) return this.setData({ signError: '请先在签名区内签名' });
      this.setData({ confirming: true, signError: '' });
    },
    onCancelSign() {
      this.setData({ confirming: false });
    },
    async onConfirmSign() {
      const view = this.data.view;
      if (!view || view.stage !== 'ready' || this.data.signing) return;
      const pad = this.selectComponent('#pad') as unknown as Pad | null;
      if (!pad) return;
      this.setData({ signing: true, signError: '' });
      let image: string;
      try {
        image = await pad.exportImage();
      } catch (err) {
        return this.setData({
          signing: false,
          confirming: false,
          signError: (err as Error).message,
        });
      }
      const uploaded = await uploadCaseFile(this.data.caseId, 'signature', image);
      if (!uploaded.ok) {
        return this.setData({ signing: false, confirming: false, signError: uploaded.message });
      }
      const reply = await call('case.sign', {
        caseId: this.data.caseId,
        signatureFileId: uploaded.fileId,
        letterHash: view.letterHash,
        consent: true,
      });
      if (!reply.ok) {
        return this.setData({ signing: false, confirming: false, signError: reply.error.message });
      }
      this.setData({ signing: false, confirming: false, receipt: signReceipt(reply.data) });
      // The signed PDF with its audit trail is rendered apart, right now (or by the timer).
      void requestDocuments(this.data.caseId);
      void loadSession({ refresh: true });
    },
    onToggleLetter() {
      this.setData({ showLetter: !this.data.showLetter });
    },
    /** The hashes and the audit chain live on the evidence page, not on the signer's path. */
    onEvidence() {
      openPage(ROUTES.caseEvidence, { caseId: this.data.caseId });
    },
    onCase() {
      openPage(ROUTES.caseDetail, { caseId: this.data.caseId });
    },
    onPullDownRefresh() {
      // A form keeps what was typed: pull-down loads again only after a failed load.
      if (this.data.phase !== 'error') return stopPullDownRefresh();
      void this.load().then(stopPullDownRefresh);
    },
    onRetry() {
      void this.load();
    },
  },
});
