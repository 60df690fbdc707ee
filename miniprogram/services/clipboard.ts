import { callPrivateApi } from './privacy';

export type CopyResult = { ok: true } | { ok: false; message: string };

/**
 * Copies text to the system clipboard. WeChat shows its own "内容已复制" toast on success, so
 * only a failure is described, in Chinese with what to do (a private API: services/privacy).
 */
export async function copyText(text: string): Promise<CopyResult> {
  const outcome = await callPrivateApi(
    'setClipboardData',
    () =>
      new Promise<void>((resolve, reject) => {
        wx.setClipboardData({ data: text, success: () => resolve(), fail: reject });
      }),
  );
  // Nothing to cancel here; a cancel would mean nothing was copied all the same.
  if (outcome.status === 'ok') return { ok: true };
  return {
    ok: false,
    message: outcome.status === 'failed' ? outcome.message : '未复制，请手动抄写',
  };
}
