import { DOCUMENTS_FUNCTION } from '../config/cloud';
import { sha256Hex } from '../view-models/sha256';
import { callPrivateApi, type PrivateCall } from './privacy';

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
