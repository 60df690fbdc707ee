/** openDocument: a new tab, for the types WeChat opens (doc/docx/xls/xlsx/ppt/pptx/pdf) only. */
import { readTempFile } from './temp-files';
import { WxFail, wxApi } from './wx-api';
import { showToast } from './feedback';

const OPENS = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'];

export const openDocument = wxApi(
  'openDocument',
  (o: { filePath: string; fileType?: string; showMenu?: boolean }) => {
    const type = (o.fileType ?? /\.([a-z0-9]+)(?:$|\?)/i.exec(o.filePath)?.[1] ?? '').toLowerCase();
    if (!OPENS.includes(type)) throw new WxFail('filetype not supported');
    const blob = readTempFile(o.filePath);
    const url = blob ? URL.createObjectURL(blob) : o.filePath;
    const tab = window.open(url, '_blank');
    if (!tab) throw new WxFail('open document failed');
    // showMenu lets the user forward the file: the preview says so, as WeChat shows "…".
    if (o.showMenu) void showToast({ title: '右上角菜单可转发', icon: 'none' });
    return {};
  },
);

/** previewImage: the picture in a new tab, as WeChat's full-screen viewer. */
export const previewImage = wxApi('previewImage', (o: { urls: string[]; current?: string }) => {
  const url = o.current ?? o.urls[0];
  if (!url || !window.open(url, '_blank')) throw new WxFail('preview image failed');
  return {};
});
