/** downloadFile: fetches the URL (the local cloud's temporary URLs) into a temporary file. */
import { saveTempFile } from './temp-files';
import { WxFail, wxApi } from './wx-api';

export const downloadFile = wxApi('downloadFile', async (o: { url: string }) => {
  const response = await fetch(o.url).catch(() => {
    throw new WxFail('network error');
  });
  const name = decodeURIComponent(new URL(o.url, location.href).pathname.split('/').pop() ?? '');
  return {
    tempFilePath: saveTempFile(await response.blob(), name),
    statusCode: response.status,
  };
});
