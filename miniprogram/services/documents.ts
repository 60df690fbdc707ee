import { DOCUMENTS_FUNCTION } from '../config/cloud';
import { sha256Hex } from '../view-models/sha256';
import { callPrivateApi, type PrivateCall } from './privacy';

/**
 * Opens a case file from the temporary URL `case.get` hands out after its access check:
 * pictures in WeChat's image viewer, documents (PDF, Office) downloaded and opened with
 * `wx.openDocument`. Resolves with '' when it opened, else what to do, in Chinese.
 */

/** The file types `wx.openDocument` takes, by content type. */
const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'application/msword': 'doc',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.ms-powerpoint': 'ppt',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

const RETRY = '文件打开失败，请检查网络后再点一次';

export function openCaseFile(url: string, contentType: string): Promise<string> {
  return new Promise((resolve) => {
    if (contentType.startsWith('image/')) {
      wx.previewImage({
        urls: [url],
        current: url,
        success: () => resolve(''),
        fail: () => resolve(RETRY),
      });
      return;
    }
    const fileType = DOCUMENT_TYPES[contentType];
    if (!fileType) return resolve('此类文件无法在微信中打开，请联系 HR 获取原件');
    wx.downloadFile({
      url,
      success: (res) => {
        if (res.statusCode !== 200) return resolve(RETRY);
        wx.openDocument({
          filePath: res.tempFilePath,
          fileType: fileType as 'pdf',
          showMenu: true,
          success: () => resolve(''),
          fail: () => resolve(RETRY),
        });
      },
      fail: () => resolve(RETRY),
    });
  });
}

/**
 * Asks the documents function to render the case's pending PDFs, right after the action that
 * needs them (signing, issuing a 离职证明). Best effort: its timer renders whatever is left.
 */
export async function requestDocuments(caseId: string): Promise<void> {
  try {
    await wx.cloud.callFunction({
      name: DOCUMENTS_FUNCTION,
      data: { action: 'documents.render', payload: { caseId } },
    });
  } catch {
    // The documents timer renders it overnight.
  }
}

/** Opens a PDF from its temporary URL; `showMenu` lets the person forward it. */
export function openPdf(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    wx.downloadFile({
      url,
      success: ({ tempFilePath, statusCode }) => {
        if (statusCode !== 200) return reject(new Error('文件下载失败，请稍后重试'));
        wx.openDocument({
          filePath: tempFilePath,
          fileType: 'pdf',
          showMenu: true,
          success: () => resolve(),
          fail: () => reject(new Error('无法打开该文件')),
        });
      },
      fail: () => reject(new Error('文件下载失败，请检查网络后重试')),
    });
  });
}

function pickPdf(): Promise<string | null> {
  return new Promise((resolve, reject) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['pdf'],
      success: (res) => resolve(res.tempFiles[0]?.path ?? null),
      fail: reject,
    });
  });
}

function readBytes(path: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    wx.getFileSystemManager().readFile({
      filePath: path,
      success: ({ data }) => resolve(new Uint8Array(data as ArrayBuffer)),
      fail: reject,
    });
  });
}

/**
 * The SHA-256 of a PDF the person picks from a chat, computed on the phone: only the hash
 * leaves it. A private API (选中的文件): refusals come back as a Chinese message.
 */
export async function hashHeldPdf(): Promise<PrivateCall<string | null>> {
  const picked = await callPrivateApi('chooseMessageFile', pickPdf);
  if (picked.status !== 'ok') return picked;
  if (!picked.value) return { status: 'cancelled' };
  try {
    return { status: 'ok', value: sha256Hex(await readBytes(picked.value)) };
  } catch {
    return { status: 'failed', message: '无法读取该文件，请重新选择' };
  }
}
