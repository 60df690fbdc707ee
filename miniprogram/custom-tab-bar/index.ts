import { currentSession, rolesOf, watchSession } from '../services/session';
import { switchTab, type TabRoute } from '../services/navigation';
import { tabItemsFor } from '../view-models/tab-items';

const unwatch = new WeakMap<object, () => void>();

/**
 * The role-aware tab bar (the native one cannot hide an item). Items follow the session;
 * the selected item is set by each tab page's onShow through `select`.
 */
Component({
  data: {
    items: tabItemsFor([]),
    selected: 'pages/home/index',
  },
  lifetimes: {
    attached() {
      this.setData({ items: tabItemsFor(rolesOf(currentSession())) });
      unwatch.set(
        this,
        watchSession((session) => this.setData({ items: tabItemsFor(rolesOf(session)) })),
      );
    },
    detached() {
      unwatch.get(this)?.();
      unwatch.delete(this);
    },
  },
  methods: {
    select(path: string) {
      if (path !== this.data.selected) this.setData({ selected: path });
    },
    onTap(event: { currentTarget: { dataset: { path?: string } } }) {
      const { path } = event.currentTarget.dataset;
      if (!path || path === this.data.selected) return;
      switchTab(`/${path}` as TabRoute);
    },
  },
});
