import type { AttachmentKind } from '../../server/contract';
import { callPrivateApi } from './privacy';
import { randomId } from './random-id';
import { loadSession } from './session';

/** Upload folders under `cases/{caseId}/`: the attachment kinds, and the signature image. */
export type UploadFolder = AttachmentKind | 'signature';

export type UploadResult = { ok: true; fileId: string } | { ok: false; message: string };

function extensionOf(path: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(path);
  return match?.[1] ? match[1].toLowerCase() : 'bin';
}

/**
 * Uploads a local temporary file to `cases/{caseId}/{folder}/{uploadTag}-{random}.{ext}`: the
 * only path the server accepts for that case (DESIGN §4 "Files"). The tag (from `me.get`) tells
 * the server the file is the caller's own; the random name keeps an upload from overwriting an
 * earlier one.
 */
export async function uploadCaseFile(
  caseId: string,
  folder: UploadFolder,
  localPath: string,
  /** The original name, when the temporary path lost the extension (chat files). */
  fileName?: string,
): Promise<UploadResult> {
  const ext = extensionOf(fileName ?? localPath);
  const session = await loadSession();
  const tag = session.ok ? session.data.uploadTag : undefined;
  const cloudPath = `cases/${caseId}/${folder}/${tag ? `${tag}-` : ''}${randomId(20)}.${ext}`;
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

/** What the person picked, or why nothing: cancelled (say nothing) or failed (say this). */
export type PickResult =
  | { status: 'picked'; files: PickedFile[] }
  | { status: 'cancelled' }
  | { status: 'failed'; message: string };

/**
 * Where a document comes from: a file sent in a chat, or photos of a paper document taken now
 * (`camera`), picked from the album (`album`), or either (`photo`, WeChat asks which).
 */
export type DocumentSource = 'chat' | 'camera' | 'album' | 'photo';

/** The three ways a person hands in a document, as the action sheet lists them. */
export const UPLOAD_CHOICES: readonly { source: DocumentSource; label: string }[] = [
  { source: 'camera', label: '拍照（纸质清单，最多 9 张）' },
  { source: 'album', label: '从相册选择照片' },
  { source: 'chat', label: '从聊天记录选择文件（PDF、Word、Excel）' },
];

/** Asks how the document comes in; null when the person closed the sheet. */
export function chooseUploadSource(): Promise<DocumentSource | null> {
  return new Promise((resolve) => {
    wx.showActionSheet({
      itemList: UPLOAD_CHOICES.map((choice) => choice.label),
      success: ({ tapIndex }) => resolve(UPLOAD_CHOICES[tapIndex]?.source ?? null),
      fail: () => resolve(null),
    });
  });
}

/** As many photos as `case.attach` takes at once: a paper list may run to several pages. */
export const MAX_PHOTOS = 9;

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function chooseMessageFile(): Promise<PickedFile[]> {
  return new Promise((resolve, reject) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'all',
      success: (res) =>
        resolve(res.tempFiles.map((file) => ({ path: file.path, name: file.name }))),
      fail: reject,
    });
  });
}

function choosePhotos(sourceType: ('album' | 'camera')[]): Promise<PickedFile[]> {
  return new Promise((resolve, reject) => {
    wx.chooseMedia({
      count: MAX_PHOTOS,
      mediaType: ['image'],
      sourceType,
      sizeType: ['compressed'],
      success: (res) =>
        resolve(
          res.tempFiles.map((file) => ({
            path: file.tempFilePath,
            name: lastSegment(file.tempFilePath),
          })),
        ),
      fail: reject,
    });
  });
}

/**
 * Lets the person pick a document: one file from a chat (`wx.chooseMessageFile`), or up to
 * nine photos of a paper document from the album or the camera (`wx.chooseMedia`). Both are
 * private APIs: a refusal or a missing declaration comes back as a Chinese message (services/privacy).
 */
export async function pickDocument(source: DocumentSource = 'chat'): Promise<PickResult> {
  const outcome =
    source === 'chat'
      ? await callPrivateApi('chooseMessageFile', chooseMessageFile)
      : await callPrivateApi('chooseMedia', () =>
          choosePhotos(
            source === 'camera' ? ['camera'] : source === 'album' ? ['album'] : ['album', 'camera'],
          ),
        );
  if (outcome.status !== 'ok') return outcome;
  return outcome.value.length > 0
    ? { status: 'picked', files: outcome.value }
    : { status: 'cancelled' };
}
