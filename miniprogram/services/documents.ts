/**
 * Opens a case file from the temporary URL `case.get` hands out after its access check:
 * pictures in WeChat's image viewer, documents (PDF, Office) downloaded and opened with
 * `wx.openDocument`. Resolves with '' when it opened, else what to do, in Chinese.
 */

/** The file types `wx.openDocument` takes, by content type. */
const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

const RETRY = '文件打开失败，请检查网络后再点一次';

export function openCaseFile(url: string, contentType: string): Promise<string> {
  return new Promise((resolve) => {
    if (contentType.startsWith('image/')) {
      wx.previewImage({
        urls: [url],
        current: url,
        success: () => resolve(''),
        fail: () => resolve(RETRY),
      });
      return;
    }
    const fileType = DOCUMENT_TYPES[contentType];
    if (!fileType) return resolve('此类文件无法在微信中打开，请联系 HR 获取原件');
    wx.downloadFile({
      url,
      success: (res) => {
        if (res.statusCode !== 200) return resolve(RETRY);
        wx.openDocument({
          filePath: res.tempFilePath,
          fileType: fileType as 'pdf',
          showMenu: true,
          success: () => resolve(''),
          fail: () => resolve(RETRY),
        });
      },
      fail: () => resolve(RETRY),
    });
  });
}
