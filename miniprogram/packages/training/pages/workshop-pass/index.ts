import { call } from '../../../../services/rpc';
import { groupCode, passValidity } from '../../../../view-models/workshops';

type Phase = 'loading' | 'error' | 'ready';

/** A new pass a little before the old one expires (passes last 5 to 10 minutes). */
const REFRESH_MS = 4 * 60 * 1000;
const timers = new WeakMap<object, ReturnType<typeof setInterval>>();

/**
 * The attendee's pass: a QR code HR scans at the door, and the same 8 characters in large
 * type for HR to type when scanning fails. It changes every few minutes, so a screenshot
 * sent to someone else is soon useless.
 */
Component({
  data: {
    phase: 'loading' as Phase,
    errorMessage: '',
    workshopId: '',
    token: '',
    code: '',
    validity: '',
  },
  lifetimes: {
    detached() {
      const timer = timers.get(this);
      if (timer !== undefined) clearInterval(timer);
    },
  },
  methods: {
    onLoad(query: { workshopId?: string }) {
      this.setData({ workshopId: query.workshopId ?? '' });
      void this.load();
      timers.set(
        this,
        setInterval(() => void this.load(), REFRESH_MS),
      );
    },
    onUnload() {
      const timer = timers.get(this);
      if (timer !== undefined) clearInterval(timer);
    },
    onRefresh() {
      void this.load();
    },
    async load() {
      if (!this.data.workshopId) {
        return this.setData({ phase: 'error', errorMessage: '没有指定活动，请从活动列表进入' });
      }
      const reply = await call('training.workshopPass', { workshopId: this.data.workshopId });
      if (!reply.ok) return this.setData({ phase: 'error', errorMessage: reply.error.message });
      this.setData({
        phase: 'ready',
        token: reply.data.token,
        code: groupCode(reply.data.token),
        validity: passValidity(reply.data.expiresAt),
      });
    },
  },
});
