import type { FileStore } from '../app/ports/file-store.port';

/** `cloud://<env>.<bucket>/<path>` → `<path>`. */
export function pathOfFileId(fileId: string): string | null {
  const match = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  const path = match?.[1];
  if (!path || path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    return null;
  }
  return path;
}

/** Storage answers a missing file with -503003 (STORAGE_FILE_NONEXIST). */
function isMissingFile(error: unknown): boolean {
  const { errCode, errMsg } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown };
  return errCode === -503003 || /NONEXIST|not exist/i.test(String(errMsg ?? ''));
}

/** Cloud storage through the SDK; a missing file reads as null. */
export function cloudFileStore(cloud: WxServerSdk.Cloud): FileStore {
  return {
    pathOf: pathOfFileId,
    async download(fileId) {
      try {
        return (await cloud.downloadFile({ fileID: fileId })).fileContent;
      } catch (error) {
        if (isMissingFile(error)) return null;
        throw error;
      }
    },
    async upload(path, content) {
      // The SDK takes only a Buffer (or a ReadStream): a plain Uint8Array is refused with -1.
      const fileContent = Buffer.isBuffer(content)
        ? content
        : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
      return (await cloud.uploadFile({ cloudPath: path, fileContent })).fileID;
    },
    async temporaryUrls(fileIds) {
      const urls: Record<string, string> = {};
      // getTempFileURL takes at most 50 ids a call.
      for (let i = 0; i < fileIds.length; i += 50) {
        const { fileList } = await cloud.getTempFileURL({ fileList: fileIds.slice(i, i + 50) });
        for (const file of fileList) if (file.status === 0) urls[file.fileID] = file.tempFileURL;
      }
      return urls;
    },
    async remove(fileIds) {
      let removed = 0;
      // deleteFile, like getTempFileURL, takes at most 50 ids a call.
      for (let i = 0; i < fileIds.length; i += 50) {
        const { fileList } = await cloud.deleteFile({ fileList: fileIds.slice(i, i + 50) });
        removed += fileList.filter((file) => file.status === 0).length;
      }
      return removed;
    },
  };
}
