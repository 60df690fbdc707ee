import type { ActionPayload, ActionResult, PracticeNode } from '../../../../../server/contract';
import { toast, stopPullDownRefresh } from '../../../../services/feedback';
import { call } from '../../../../services/rpc';
import { type DocumentSource, pickDocument, uploadCaseFile } from '../../../../services/upload';
import {
  PRACTICE_NEXT,
  practiceStepRows,
  type PracticeStepRow,
} from '../../../../view-models/training';
import { loadFailure, NO_FAILURE } from '../../../../view-models/load-failure';

type Phase = 'loading' | 'error' | 'ready';
type Practice = ActionResult<'training.practiceStart'>;

interface Pad {
  exportImage(): Promise<string>;
}

/**
 * 模拟离职流程: the learner submits, uploads a sample handover list and signs with the real
 * signature pad; the manager's and HR's steps are played by the server with an explanation at
 * each node. Nothing here reaches a real person.
 */
Component({
  data: {
    phase: 'loading' as Phase,
    ...NO_FAILURE,
    practiceId: '',
    node: 'start' as PracticeNode,
    next: '',
    steps: [] as PracticeStepRow[],
    letterText: '',
    letterHash: '',
    consent: false,
    padEmpty: true,
    busy: false,
    stepError: '',
  },
  methods: {
    onLoad() {
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
    async start() {
      this.setData({ phase: 'loading' });
      const reply = await call('training.practiceStart', {});
      if (!reply.ok) return this.setData({ phase: 'error', ...loadFailure(reply.error) });
      this.show(reply.data);
    },
    show(practice: Practice) {
      this.setData({
        phase: 'ready',
        practiceId: practice.practiceId,
        node: practice.node,
        next: PRACTICE_NEXT[practice.node],
        steps: practiceStepRows(practice.steps),
        letterText: practice.letter?.text ?? '',
        letterHash: practice.letter?.hash ?? '',
        stepError: '',
      });
    },
    async step(payload: ActionPayload<'training.practiceStep'>) {
      const reply = await call('training.practiceStep', payload);
      this.setData({ busy: false });
      if (!reply.ok) return this.setData({ stepError: reply.error.message });
      this.show(reply.data);
      if (reply.data.completed) toast('模拟离职已完成', 'success');
    },
    onSubmit() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      void this.step({ practiceId: this.data.practiceId, step: 'submit' });
    },
    onUploadChat() {
      void this.upload('chat');
    },
    onUploadPhoto() {
      void this.upload('photo');
    },
    async upload(source: DocumentSource) {
      if (this.data.busy) return;
      const picked = await pickDocument(source);
      if (picked.status === 'cancelled') return;
      if (picked.status === 'failed') return this.setData({ stepError: picked.message });
      const [file] = picked.files;
      if (!file) return;
      this.setData({ busy: true, stepError: '' });
      const practiceId = this.data.practiceId;
      const uploaded = await uploadCaseFile(practiceId, 'handover_checklist', file.path, file.name);
      if (!uploaded.ok) return this.setData({ busy: false, stepError: uploaded.message });
      await this.step({ practiceId, step: 'handover', fileId: uploaded.fileId });
    },
    onToggleConsent() {
      this.setData({ consent: !this.data.consent, stepError: '' });
    },
    onPadChange(event: { detail: { empty: boolean } }) {
      this.setData({ padEmpty: event.detail.empty, stepError: '' });
    },
    async onSign() {
      if (this.data.busy) return;
      // 电子签名法 第3条: as in the real signing, the signer's explicit agreement first.
      if (!this.data.consent) return this.setData({ stepError: '请先勾选同意以电子签名方式签署' });
      if (this.data.padEmpty) return this.setData({ stepError: '请先在签名区内签名' });
      const pad = this.selectComponent('#pad') as unknown as Pad | null;
      if (!pad) return;
      this.setData({ busy: true, stepError: '' });
      let image: string;
      try {
        image = await pad.exportImage();
      } catch (err) {
        return this.setData({ busy: false, stepError: (err as Error).message });
      }
      const practiceId = this.data.practiceId;
      const uploaded = await uploadCaseFile(practiceId, 'signature', image);
      if (!uploaded.ok) return this.setData({ busy: false, stepError: uploaded.message });
      await this.step({
        practiceId,
        step: 'sign',
        signatureFileId: uploaded.fileId,
        letterHash: this.data.letterHash,
        consent: true,
      });
    },
    onFinish() {
      if (this.data.busy) return;
      this.setData({ busy: true });
      void this.step({ practiceId: this.data.practiceId, step: 'finish' });
    },
  },
});
