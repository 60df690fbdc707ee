/** setClipboardData / getClipboardData: the browser's clipboard, and WeChat's "内容已复制" toast. */
import { showToast } from './feedback';
import { wxApi } from './wx-api';

let last = '';

export const setClipboardData = wxApi('setClipboardData', async (o: { data: string }) => {
  last = o.data;
  // The page may lack clipboard permission (headless): the copy is kept for getClipboardData.
  await navigator.clipboard?.writeText(o.data).catch(() => undefined);
  document.body.dataset.clipboard = o.data;
  void showToast({ title: '内容已复制', icon: 'none' });
  return {};
});

export const getClipboardData = wxApi('getClipboardData', () => ({ data: last }));
