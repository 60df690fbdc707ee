import type { Audience } from '../../../../../server/contract';
import { stopPullDownRefresh, toast } from '../../../../services/feedback';
import { call } from '../../../../services/rpc';
import { scanQrCode } from '../../../../services/scan';
import { AUDIENCE_LABELS } from '../../../../view-models/training';
import {
  type WorkshopCard,
  workshopCards,
  workshopDraft,
  type WorkshopForm,
} from '../../../../view-models/workshops';

type Phase = 'loading' | 'error' | 'ready';
type Tap = { currentTarget: { dataset: { id?: string } } };
type Change = { detail: { value: string } };

const AUDIENCES: readonly Audience[] = ['employee', 'manager', 'hr'];

const EMPTY_FORM: WorkshopForm = {
  title: '',
  date: '',
  startTime: '14:00',
  endTime: '16:00',
  place: '',
  audience: 'employee',
  capacity: '30',
  courseId: '',
};

/**
 * HR's workshops: schedule a session, show its check-in code for attendees to scan, check
 * people in by scanning their pass (or typing it), and push a course to a department.
 */
Component({
  data: {
    phase: 'loading' as Phase,
    errorMessage: '',
    workshops: [] as WorkshopCard[],
    form: { ...EMPTY_FORM },
    formError: '',
    audienceLabels: AUDIENCES.map((audience) => AUDIENCE_LABELS[audience]),
    audienceIndex: 0,
    courses: [] as { courseId: string; title: string }[],
    courseTitles: [] as string[],
    pushIndex: 0,
    pushDepartment: '',
    /** The session whose code is shown large (for attendees to scan). */
    shownCode: '',
    /** The session HR is typing a pass for. */
    typingFor: '',
    typedPass: '',
    lastCheckIn: '',
    busy: false,
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(stopPullDownRefresh);
    },
    onRetry() {
      void this.load();
    },
    async load() {
      if (this.data.workshops.length === 0) this.setData({ phase: 'loading' });
      const [reply, catalog] = await Promise.all([
        call('training.workshops', {}),
        this.data.courses.length > 0 ? null : call('training.catalog', {}),
      ]);
      if (!reply.ok) return this.setData({ phase: 'error', errorMessage: reply.error.message });
      const courses = catalog?.ok
        ? catalog.data.courses.map(({ courseId, title }) => ({ courseId, title }))
        : this.data.courses;
      this.setData({
        phase: 'ready',
        workshops: workshopCards(reply.data.workshops, Date.now()),
        courses,
        courseTitles: courses.map((course) => course.title),
      });
    },
    onField(event: Change & { currentTarget: { dataset: { field?: keyof WorkshopForm } } }) {
      const { field } = event.currentTarget.dataset;
      if (field) this.setData({ [`form.${field}`]: event.detail.value, formError: '' });
    },
    onAudience(event: Change) {
      const index = Number(event.detail.value);
      this.setData({ audienceIndex: index, 'form.audience': AUDIENCES[index] ?? 'employee' });
    },
    async onSave() {
      const draft = workshopDraft(this.data.form);
      if (!draft.ok) return this.setData({ formError: draft.message });
      this.setData({ busy: true });
      const reply = await call('admin.workshopSave', draft.payload);
      this.setData({ busy: false });
      if (!reply.ok) return this.setData({ formError: reply.error.message });
      toast('已安排', 'success');
      this.setData({ form: { ...EMPTY_FORM }, audienceIndex: 0, formError: '' });
      await this.load();
    },
    onShowCode(event: Tap) {
      const { id } = event.currentTarget.dataset;
      this.setData({ shownCode: id && id !== this.data.shownCode ? id : '' });
    },
    async onScanPass(event: Tap) {
      const { id } = event.currentTarget.dataset;
      if (!id || this.data.busy) return;
      const token = await scanQrCode();
      if (token === null) {
        this.setData({ typingFor: id, typedPass: '' });
        return;
      }
      await this.checkIn(id, token);
    },
    onTypePass(event: Change) {
      this.setData({ typedPass: event.detail.value });
    },
    onSubmitPass() {
      const { typingFor, typedPass } = this.data;
      if (!typedPass.trim()) return toast('请输入参加者出示的 8 位签到码');
      if (typingFor) void this.checkIn(typingFor, typedPass.trim());
    },
    onTypeInstead(event: Tap) {
      const { id } = event.currentTarget.dataset;
      if (id) this.setData({ typingFor: id, typedPass: '' });
    },
    async checkIn(workshopId: string, token: string) {
      this.setData({ busy: true });
      const reply = await call('admin.workshopCheckIn', { workshopId, token });
      this.setData({ busy: false });
      if (!reply.ok) return toast(reply.error.message);
      const { name, already } = reply.data;
      this.setData({
        typedPass: '',
        lastCheckIn: already ? `${name} 已签到过` : `${name} 签到成功`,
      });
      toast(already ? '已签到过' : '签到成功', 'success');
      await this.load();
    },
    onPushCourse(event: Change) {
      this.setData({ pushIndex: Number(event.detail.value) });
    },
    onPushDepartment(event: Change) {
      this.setData({ pushDepartment: event.detail.value });
    },
    async onPush() {
      const course = this.data.courses[this.data.pushIndex];
      const department = this.data.pushDepartment.trim();
      if (!course) return toast('请选择课程');
      if (!department) return toast('请填写部门（与花名册一致）');
      this.setData({ busy: true });
      const reply = await call('admin.coursePush', { courseId: course.courseId, department });
      this.setData({ busy: false });
      if (!reply.ok) return toast(reply.error.message);
      toast(
        reply.data.queued > 0
          ? `已推送 ${reply.data.queued} 人，订阅后即收到`
          : '这个部门的人都已推送过',
        reply.data.queued > 0 ? 'success' : 'none',
      );
    },
  },
});
