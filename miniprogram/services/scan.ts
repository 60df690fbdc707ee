/**
 * WeChat's own scanner (wx.scanCode): QR codes from the camera only, so a screenshot of
 * someone else's code is not picked from the album. Resolves the text read, or null when the
 * person cancelled or nothing was read.
 */
export function scanQrCode(): Promise<string | null> {
  return new Promise((resolve) => {
    wx.scanCode({
      onlyFromCamera: true,
      scanType: ['qrCode'],
      success: (res) => resolve(typeof res.result === 'string' && res.result ? res.result : null),
      fail: () => resolve(null),
    });
  });
}
