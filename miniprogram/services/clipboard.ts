/**
 * Copies text to the system clipboard. WeChat shows its own "内容已复制" toast on success, so
 * only the outcome is reported back.
 */
export function copyText(text: string): Promise<boolean> {
  return new Promise((resolve) => {
    wx.setClipboardData({
      data: text,
      success: () => resolve(true),
      fail: () => resolve(false),
    });
  });
}
