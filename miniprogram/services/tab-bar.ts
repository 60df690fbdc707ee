/** What the custom tab bar exposes to tab pages. */
interface TabBarInstance {
  select(path: string): void;
}

/** Called from each tab page's onShow so the bar highlights the page being shown. */
export function syncTabBar(page: WechatMiniprogram.Component.TrivialInstance, path: string): void {
  const getTabBar = (page as { getTabBar?: () => unknown }).getTabBar;
  if (typeof getTabBar !== 'function') return;
  const bar = getTabBar.call(page) as TabBarInstance | undefined;
  bar?.select(path);
}
