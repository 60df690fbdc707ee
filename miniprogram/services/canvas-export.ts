/** The canvas's CSS size in px, as the selector query measured it. */
export interface CanvasSize {
  width: number;
  height: number;
}

/**
 * Writes a 2D canvas to a temporary PNG file (a side effect, hence here and not in the pad).
 * The output is the canvas's CSS size: left out, WeChat multiplies it by the device pixel
 * ratio, and on a dpr-3 phone the signature could pass the server's 200 KB limit.
 */
export function exportCanvasPng(
  canvas: WechatMiniprogram.Canvas,
  size: CanvasSize,
): Promise<string> {
  return new Promise((resolve, reject) => {
    wx.canvasToTempFilePath({
      canvas,
      fileType: 'png',
      destWidth: Math.round(size.width),
      destHeight: Math.round(size.height),
      success: (res) => resolve(res.tempFilePath),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
}
