/** Short confirmations and hints over the page (WeChat's toast). */
export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  wx.showToast({ title, icon });
}

/** Ends the pull-down spinner once the refreshed data is shown. */
export function stopPullDownRefresh(): void {
  wx.stopPullDownRefresh();
}

/** A yes/no question in WeChat's modal; resolves true when the person confirms. */
export function ask(title: string, content: string, confirmText: string): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
      cancelText: '暂不',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
}
