/**
 * `wx.cloud`: callFunction → `POST /functions/:name` and uploadFile → `POST /storage/upload`
 * on the local cloud, as the chosen identity (`x-wx-openid`), with the client's error shapes.
 */
import { currentOpenid } from './identity';
import { readTempFile } from './temp-files';
import { WxFail, wxApi } from './wx-api';

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': currentOpenid() },
      body: JSON.stringify(body),
    });
  } catch {
    throw new WxFail('network error', { errCode: -1 });
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    throw new WxFail(String(json.errMsg ?? res.statusText), { errCode: json.errCode ?? -1 });
  }
  return json;
}

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

export const cloud = {
  init: () => undefined,
  callFunction: wxApi('cloud.callFunction', async (options: { name: string; data?: unknown }) => {
    const result = await post(`/functions/${encodeURIComponent(options.name)}`, options.data ?? {});
    return { result, requestID: Math.random().toString(36).slice(2) };
  }),
  uploadFile: wxApi(
    'cloud.uploadFile',
    async (options: { cloudPath: string; filePath: string }) => {
      const blob = readTempFile(options.filePath);
      if (!blob) throw new WxFail(`file not found: ${options.filePath}`);
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const { fileID } = await post('/storage/upload', {
        cloudPath: options.cloudPath,
        contentBase64: base64(bytes),
      });
      return { fileID: String(fileID), statusCode: 204 };
    },
  ),
  getTempFileURL: wxApi('cloud.getTempFileURL', (options: { fileList: string[] }) => ({
    fileList: options.fileList.map((fileID) => ({
      fileID,
      tempFileURL: `/storage/${encodeURIComponent(fileID)}`,
      status: 0,
    })),
  })),
  downloadFile: wxApi('cloud.downloadFile', (options: { fileID: string }) => ({
    tempFilePath: `/storage/${encodeURIComponent(options.fileID)}`,
    statusCode: 200,
  })),
};
