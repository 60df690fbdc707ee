import { initCloud } from './services/cloud';
import { loadSession } from './services/session';

App<IAppOption>({
  globalData: { session: null },
  onLaunch() {
    initCloud();
    // Warm the session so the tab bar and the home page have roles on first show.
    void loadSession();
  },
});
