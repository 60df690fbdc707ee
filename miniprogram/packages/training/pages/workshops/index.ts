import { stopPullDownRefresh, toast } from '../../../../services/feedback';
import { openPage, ROUTES } from '../../../../services/navigation';
import { call } from '../../../../services/rpc';
import { scanQrCode } from '../../../../services/scan';
import { requestSubscriptions } from '../../../../services/subscribe';
import { type WorkshopCard, workshopCards } from '../../../../view-models/workshops';

type Phase = 'loading' | 'error' | 'ready';
type Tap = { currentTarget: { dataset: { id?: string } } };

/**
 * 线下培训活动: the sessions of the person's audiences; enrol (asking for the reminder the day
 * before), cancel, show the pass HR scans, or scan the session's code at the door.
 */
Component({
  data: {
    phase: 'loading' as Phase,
    errorMessage: '',
    workshops: [] as WorkshopCard[],
    /** The template of the day-before reminder, asked for when enrolling. */
    reminderTemplate: '',
    /** The session whose code is being typed (when the camera cannot read it). */
    typingFor: '',
    typedCode: '',
    busy: false,
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onShow() {
      if (this.data.phase === 'ready') void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(stopPullDownRefresh);
    },
    onRetry() {
      void this.load();
    },
    async load() {
      if (this.data.workshops.length === 0) this.setData({ phase: 'loading' });
      const [reply, meta] = await Promise.all([
        call('training.workshops', {}),
        this.data.reminderTemplate ? null : call('meta.get', {}),
      ]);
      if (!reply.ok) return this.setData({ phase: 'error', errorMessage: reply.error.message });
      this.setData({
        phase: 'ready',
        workshops: workshopCards(reply.data.workshops, Date.now()),
        ...(meta?.ok ? { reminderTemplate: meta.data.templateIds.workshop ?? '' } : {}),
      });
    },
    onEnrol(event: Tap) {
      const { id } = event.currentTarget.dataset;
      if (!id || this.data.busy) return;
      // Inside the tap, before anything is awaited: WeChat shows the popup only then.
      const asked = requestSubscriptions(
        this.data.reminderTemplate ? [this.data.reminderTemplate] : [],
      );
      void asked.then(() =>
        this.change('training.workshopEnrol', id, '已报名，活动前一天会提醒你'),
      );
    },
    onCancel(event: Tap) {
      const { id } = event.currentTarget.dataset;
      if (id && !this.data.busy) void this.change('training.workshopCancel', id, '已取消报名');
    },
    async change(
      action: 'training.workshopEnrol' | 'training.workshopCancel',
      workshopId: string,
      done: string,
    ) {
      this.setData({ busy: true });
      const reply = await call(action, { workshopId });
      this.setData({ busy: false });
      toast(reply.ok ? done : reply.error.message, reply.ok ? 'success' : 'none');
      await this.load();
    },
    onPass(event: Tap) {
      const { id } = event.currentTarget.dataset;
      if (id) openPage(ROUTES.trainingWorkshopPass, { workshopId: id });
    },
    async onScan(event: Tap) {
      const { id } = event.currentTarget.dataset;
      if (!id || this.data.busy) return;
      const code = await scanQrCode();
      if (code === null) {
        // The camera could not read it (or the person went back): offer to type it.
        this.setData({ typingFor: id, typedCode: '' });
        return;
      }
      await this.checkIn(id, code);
    },
    onTypeCode(event: { detail: { value: string } }) {
      this.setData({ typedCode: event.detail.value });
    },
    onSubmitCode() {
      const { typingFor, typedCode } = this.data;
      if (!typedCode.trim()) return toast('请输入现场展示的 8 位签到码');
      if (typingFor) void this.checkIn(typingFor, typedCode.trim());
    },
    async checkIn(workshopId: string, code: string) {
      this.setData({ busy: true });
      const reply = await call('training.workshopCheckIn', { workshopId, code });
      this.setData({ busy: false });
      if (!reply.ok) return toast(reply.error.message);
      this.setData({ typingFor: '', typedCode: '' });
      toast(reply.data.already ? '已签到过了' : '签到成功', 'success');
      await this.load();
    },
  },
});
