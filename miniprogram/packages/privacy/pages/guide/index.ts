import { call } from '../../../../services/rpc';
import { privacyHandler, type PrivacyHandler } from '../../../../view-models/privacy-guide';

/**
 * 隐私保护指引 (个人信息保护法 第17条): who handles what, why, how long, who sees it, and how to
 * exercise one's rights (第44–47条). Readable before binding; without the server it still
 * shows the guide, naming the company generically.
 */
Component({
  data: {
    loading: true,
    who: privacyHandler(null) as PrivacyHandler,
  },
  methods: {
    onLoad() {
      void this.load();
    },
    async load() {
      const reply = await call('privacy.get', {});
      this.setData({ loading: false, who: privacyHandler(reply.ok ? reply.data : null) });
    },
  },
});
