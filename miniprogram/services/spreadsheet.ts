import { call } from './rpc';

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

/**
 * The blank 工作交接清单 (`case.handoverTemplate`), opened in WeChat's viewer: its menu forwards
 * it to a chat or a computer, where it is filled in and sent back to be uploaded.
 */
export async function openHandoverTemplate(): Promise<OpenResult> {
  const reply = await call('case.handoverTemplate', {});
  if (!reply.ok) return { ok: false, message: reply.error.message };
  const opened = await openSpreadsheet(reply.data.url);
  // No link to copy here: the employee can ask HR for the template instead.
  return opened.ok ? opened : { ok: false, message: '模板未能打开，请稍后重试，或向 HR 索取模板' };
}
