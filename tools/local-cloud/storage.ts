import fs from 'node:fs';
import path from 'node:path';
import { CloudSdkError, ErrCode, invalidParam } from './cloud-error';
import type { DocumentStore } from './document-store';
import { currentInvocation } from './invocation-context';

/** `getTempFileURL` takes at most 50 file ids per call (Cloud.getTempFileURL docs). */
export const TEMP_URL_MAX_FILES = 50;
const FILES_COLLECTION = '__local_files';

export interface StoredFileInfo {
  fileID: string;
  cloudPath: string;
  /** OPENID of the uploader (absent for uploads by a timer or by the server itself). */
  openid?: string;
  size: number;
  uploadedAt: Date;
}

/**
 * Cloud storage: files under `<dataDir>/files/<cloudPath>`, ids `cloud://local.<env>/<cloudPath>`,
 * metadata (uploader, size) in the journal. Uploading to an existing path overwrites it, as on
 * WeChat.
 */
export class LocalStorage {
  readonly root: string;
  private readonly prefix: string;

  constructor(
    dataDir: string,
    env: string,
    private readonly store: DocumentStore,
    private readonly now: () => Date,
    /** Base of temporary URLs, e.g. `http://127.0.0.1:3000` once the HTTP server listens. */
    private readonly baseUrl: () => string,
  ) {
    this.root = path.join(dataDir, 'files');
    this.prefix = `cloud://local.${env}/`;
  }

  fileIdOf(cloudPath: string): string {
    return this.prefix + cloudPath;
  }

  /** The cloud path of a file id of this environment, or null. */
  cloudPathOf(fileID: unknown): string | null {
    if (typeof fileID !== 'string' || !fileID.startsWith(this.prefix)) return null;
    const cloudPath = fileID.slice(this.prefix.length);
    return validCloudPath(cloudPath) ? cloudPath : null;
  }

  /** Writes a file durably, then records its metadata; `openid` defaults to the current caller. */
  upload(cloudPath: unknown, content: Uint8Array, openid?: string): StoredFileInfo {
    const api = 'uploadFile';
    if (!validCloudPath(cloudPath)) {
      throw invalidParam(api, `cloudPath 无效: ${String(cloudPath)} (invalid cloudPath)`);
    }
    // ArrayBuffer.isView, not instanceof: a Buffer from another realm (a test's sandbox) counts too.
    if (!ArrayBuffer.isView(content)) {
      throw invalidParam(api, 'fileContent 必须是 Buffer (fileContent must be a Buffer)');
    }
    const target = path.join(this.root, cloudPath);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.uploading`;
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    const uploader = openid ?? currentInvocation()?.wxContext.OPENID;
    const info: StoredFileInfo = {
      fileID: this.fileIdOf(cloudPath),
      cloudPath,
      size: content.byteLength,
      uploadedAt: this.now(),
      ...(uploader ? { openid: uploader } : {}),
    };
    this.store.commit([{ t: 'put', c: FILES_COLLECTION, d: { _id: cloudPath, ...info } }]);
    return info;
  }

  info(fileID: unknown): StoredFileInfo | null {
    const cloudPath = this.cloudPathOf(fileID);
    if (cloudPath === null) return null;
    const doc = this.store.collection(FILES_COLLECTION).docs.get(cloudPath);
    if (!doc) return null;
    const info: Record<string, unknown> = { ...doc };
    delete info._id;
    return info as unknown as StoredFileInfo;
  }

  read(fileID: unknown): Buffer | null {
    const info = this.info(fileID);
    return info ? fs.readFileSync(path.join(this.root, info.cloudPath)) : null;
  }

  remove(fileID: unknown): boolean {
    const info = this.info(fileID);
    if (!info) return false;
    this.store.commit([{ t: 'del', c: FILES_COLLECTION, id: info.cloudPath }]);
    fs.rmSync(path.join(this.root, info.cloudPath), { force: true });
    return true;
  }

  /** Removes every file (reset). */
  clear(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  /** The storage half of the `WxServerSdk.Cloud` surface. */
  api(): Pick<WxServerSdk.Cloud, 'uploadFile' | 'downloadFile' | 'getTempFileURL' | 'deleteFile'> {
    return {
      uploadFile: async (options) => {
        const content =
          typeof options?.fileContent === 'string'
            ? Buffer.from(options.fileContent)
            : options?.fileContent;
        const info = this.upload(options?.cloudPath, content as Uint8Array);
        return { fileID: info.fileID, statusCode: 200, errMsg: 'uploadFile:ok' } as {
          fileID: string;
        };
      },
      downloadFile: async (options) => {
        const content = this.read(options?.fileID);
        if (!content) {
          throw new CloudSdkError(
            ErrCode.STORAGE_FILE_NONEXIST,
            `downloadFile:fail ${ErrCode.STORAGE_FILE_NONEXIST} storage file not exists: ${String(options?.fileID)}`,
          );
        }
        return { fileContent: content, statusCode: 200, errMsg: 'downloadFile:ok' } as {
          fileContent: Uint8Array;
        };
      },
      getTempFileURL: async (options) => {
        const list = fileList('getTempFileURL', options?.fileList);
        if (list.length > TEMP_URL_MAX_FILES) {
          throw invalidParam(
            'getTempFileURL',
            `一次最多 ${TEMP_URL_MAX_FILES} 个文件 (at most ${TEMP_URL_MAX_FILES} file ids per call)`,
          );
        }
        return {
          fileList: list.map((fileID) =>
            this.info(fileID)
              ? {
                  fileID,
                  tempFileURL: `${this.baseUrl()}/storage/${encodeURIComponent(fileID)}`,
                  status: 0,
                  errMsg: 'ok',
                }
              : { fileID, tempFileURL: '', status: -1, errMsg: 'STORAGE_FILE_NONEXIST' },
          ),
          errMsg: 'getTempFileURL:ok',
        };
      },
      deleteFile: async (options) => {
        const list = fileList('deleteFile', options?.fileList);
        return {
          fileList: list.map((fileID) =>
            this.remove(fileID)
              ? { fileID, status: 0, errMsg: 'ok' }
              : { fileID, status: -1, errMsg: 'STORAGE_FILE_NONEXIST' },
          ),
          errMsg: 'deleteFile:ok',
        };
      },
    };
  }
}

/** Accepts ids as strings or `{ fileID, maxAge }`, as the SDK does. */
function fileList(api: string, list: unknown): string[] {
  if (!Array.isArray(list) || list.length === 0) {
    throw invalidParam(api, 'fileList 必须是非空数组 (fileList must be a non-empty array)');
  }
  return list.map((item: unknown) => {
    const id =
      typeof item === 'object' && item !== null ? (item as { fileID?: unknown }).fileID : item;
    if (typeof id !== 'string' || id === '')
      throw invalidParam(api, `fileID 无效: ${String(id)} (invalid fileID)`);
    return id;
  });
}

/** A relative path without `..`, empty segments or control characters: it becomes a file name. */
export function validCloudPath(cloudPath: unknown): cloudPath is string {
  if (typeof cloudPath !== 'string' || cloudPath.length === 0 || cloudPath.length > 1024)
    return false;
  if (
    cloudPath.startsWith('/') ||
    cloudPath.includes('\\') ||
    [...cloudPath].some((c) => c.charCodeAt(0) < 0x20)
  )
    return false;
  return cloudPath
    .split('/')
    .every(
      (segment) =>
        segment !== '' && segment !== '.' && segment !== '..' && !segment.endsWith('.uploading'),
    );
}
