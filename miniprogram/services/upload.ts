import type { AttachmentKind } from '../../server/contract';
import { randomId } from './random-id';

/** Upload folders under `cases/{caseId}/`: the attachment kinds, and the signature image. */
export type UploadFolder = AttachmentKind | 'signature';

export type UploadResult = { ok: true; fileId: string } | { ok: false; message: string };

function extensionOf(path: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(path);
  return match?.[1] ? match[1].toLowerCase() : 'bin';
}

/**
 * Uploads a local temporary file to `cases/{caseId}/{folder}/{random}.{ext}`: the only path
 * the server accepts for that case (DESIGN §4 "Files"); the random name keeps an upload from
 * overwriting an earlier one.
 */
export async function uploadCaseFile(
  caseId: string,
  folder: UploadFolder,
  localPath: string,
  /** The original name, when the temporary path lost the extension (chat files). */
  fileName?: string,
): Promise<UploadResult> {
  const ext = extensionOf(fileName ?? localPath);
  const cloudPath = `cases/${caseId}/${folder}/${randomId(20)}.${ext}`;
  try {
    const res = await wx.cloud.uploadFile({ cloudPath, filePath: localPath });
    return { ok: true, fileId: res.fileID };
  } catch {
    return { ok: false, message: '文件上传失败，请检查网络后重试' };
  }
}

export interface PickedFile {
  path: string;
  name: string;
}

/**
 * Lets the user pick the handover list from a chat (documents) or the album (photos of a
 * paper list). Resolves null when the user cancels.
 */
export function pickDocument(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'all',
      success: (res) => {
        const file = res.tempFiles[0];
        resolve(file ? { path: file.path, name: file.name } : null);
      },
      fail: () => resolve(null),
    });
  });
}
