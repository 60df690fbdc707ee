/** Short confirmations and hints over the page (WeChat's toast). */
export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  wx.showToast({ title, icon });
}

/** Ends the pull-down spinner once the refreshed data is shown. */
export function stopPullDownRefresh(): void {
  wx.stopPullDownRefresh();
}
