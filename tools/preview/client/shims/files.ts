/**
 * chooseMessageFile / chooseMedia: the browser's file picker; the bytes become temporary
 * files that `wx.cloud.uploadFile` sends. Cancelling answers `fail cancel` as WeChat does.
 */
import { saveTempFile } from './temp-files';
import { WxFail, wxApi } from './wx-api';

function pick(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.id = 'wx-file-picker';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      input.remove();
      resolve(Array.from(input.files ?? []));
    });
    input.addEventListener('cancel', () => {
      input.remove();
      reject(new WxFail('cancel'));
    });
    document.body.append(input);
    input.click();
  });
}

export const chooseMessageFile = wxApi(
  'chooseMessageFile',
  async (o: { count?: number; type?: string; extension?: string[] }) => {
    const accept =
      o.type === 'image'
        ? 'image/*'
        : (o.extension?.map((e) => `.${e.replace(/^\./, '')}`).join(',') ?? '');
    const files = (await pick(accept, (o.count ?? 1) > 1)).slice(0, o.count ?? 1);
    if (files.length === 0) throw new WxFail('cancel');
    return {
      tempFiles: files.map((file) => ({
        path: saveTempFile(file, file.name),
        name: file.name,
        size: file.size,
        type: file.type.startsWith('image/') ? 'image' : 'file',
        time: Math.floor(file.lastModified / 1000),
      })),
    };
  },
);

export const chooseMedia = wxApi(
  'chooseMedia',
  async (o: { count?: number; mediaType?: string[] }) => {
    const video = o.mediaType?.includes('video');
    const image = !o.mediaType || o.mediaType.includes('image') || o.mediaType.includes('mix');
    const accept = [image ? 'image/*' : '', video ? 'video/*' : ''].filter(Boolean).join(',');
    const files = (await pick(accept, (o.count ?? 9) > 1)).slice(0, o.count ?? 9);
    if (files.length === 0) throw new WxFail('cancel');
    return {
      type: 'image',
      tempFiles: files.map((file) => ({
        tempFilePath: saveTempFile(file, file.name),
        size: file.size,
        fileType: file.type.startsWith('video/') ? 'video' : 'image',
      })),
    };
  },
);
