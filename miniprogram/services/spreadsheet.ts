export type OpenResult = { ok: true } | { ok: false; message: string };

/**
 * Downloads a workbook from a temporary URL and opens it in WeChat's viewer, whose menu lets
 * HR forward it to a chat or open it in another app. A failure says what to do next.
 */
export function openSpreadsheet(url: string): Promise<OpenResult> {
  return new Promise((resolve) => {
    const failed = () =>
      resolve({ ok: false, message: '文件未能打开，可复制下载链接到浏览器中下载' });
    wx.downloadFile({
      url,
      success: ({ tempFilePath, statusCode }) => {
        if (statusCode !== 200) return failed();
        wx.openDocument({
          filePath: tempFilePath,
          fileType: 'xlsx',
          showMenu: true,
          success: () => resolve({ ok: true }),
          fail: failed,
        });
      },
      fail: failed,
    });
  });
}
