import fs from 'node:fs';
import path from 'node:path';
import { TcbError } from './cloud-error';
import type { DocumentStore } from './document-store';

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
    /** The URL the SDK PUTs an upload's bytes to. */
    private readonly putUrl: (cloudPath: string) => string,
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

  /** Writes a file durably, then records its metadata; `openid` is the uploader, if a user. */
  upload(cloudPath: unknown, content: Uint8Array, openid?: string): StoredFileInfo {
    if (!validCloudPath(cloudPath)) {
      throw new TcbError(
        'INVALID_PARAM',
        `cloudPath 无效: ${String(cloudPath)} (invalid cloudPath)`,
      );
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
    const info: StoredFileInfo = {
      fileID: this.fileIdOf(cloudPath),
      cloudPath,
      size: content.byteLength,
      uploadedAt: this.now(),
      ...(openid ? { openid } : {}),
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

  /**
   * The storage actions of the SDK's wire protocol. An upload is two steps, as on the platform:
   * `storage.getUploadMetadata` answers a COS-style URL, then the SDK PUTs the bytes there
   * (`putUrl(cloudPath)`, served by the wire layer, which calls `upload`).
   */
  handle(
    action: StorageAction,
    params: Readonly<Record<string, unknown>>,
  ): Record<string, unknown> {
    switch (action) {
      case 'storage.getUploadMetadata': {
        if (!validCloudPath(params.path)) {
          throw new TcbError(
            'INVALID_PARAM',
            `cloudPath 无效: ${String(params.path)} (invalid cloudPath)`,
          );
        }
        const fileId = this.fileIdOf(params.path);
        return {
          data: {
            url: this.putUrl(params.path),
            token: 'local',
            authorization: 'local',
            fileId,
            cosFileId: params.path,
            download_url: this.tempUrl(fileId),
          },
        };
      }
      case 'storage.batchGetDownloadUrl': {
        const list = fileIds(params.file_list, (item) => (item as { fileid?: unknown })?.fileid);
        if (list.length > TEMP_URL_MAX_FILES) {
          throw new TcbError(
            'INVALID_PARAM',
            `一次最多 ${TEMP_URL_MAX_FILES} 个文件 (at most ${TEMP_URL_MAX_FILES} file ids per call)`,
          );
        }
        return {
          data: {
            download_list: list.map((fileID) =>
              this.info(fileID)
                ? { fileID, tempFileURL: this.tempUrl(fileID), code: 'SUCCESS', maxAge: 600 }
                : {
                    fileID,
                    tempFileURL: '',
                    code: 'STORAGE_FILE_NONEXIST',
                    message: 'storage file not exists',
                  },
            ),
          },
        };
      }
      case 'storage.batchDeleteFile': {
        const list = fileIds(params.fileid_list, (item) => item);
        return {
          data: {
            delete_list: list.map((fileID) =>
              this.remove(fileID)
                ? { fileID, code: 'SUCCESS' }
                : { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' },
            ),
          },
        };
      }
    }
  }

  /**
   * Where a file can be fetched: the HTTP interface's `GET /storage/:fileID`, the id left as it
   * is, as COS URLs are plain paths (the SDK `encodeURI`s a temporary URL before fetching it).
   */
  tempUrl(fileID: string): string {
    return `${this.baseUrl()}/storage/${fileID}`;
  }
}

export const STORAGE_ACTIONS = [
  'storage.getUploadMetadata',
  'storage.batchGetDownloadUrl',
  'storage.batchDeleteFile',
] as const;
export type StorageAction = (typeof STORAGE_ACTIONS)[number];

export function isStorageAction(action: unknown): action is StorageAction {
  return STORAGE_ACTIONS.includes(action as StorageAction);
}

function fileIds(list: unknown, idOf: (item: unknown) => unknown): string[] {
  if (!Array.isArray(list) || list.length === 0) {
    throw new TcbError(
      'INVALID_PARAM',
      'fileList 必须是非空数组 (fileList must be a non-empty array)',
    );
  }
  return list.map((item: unknown) => {
    const id = idOf(item);
    if (typeof id !== 'string' || id === '')
      throw new TcbError('INVALID_PARAM', `fileID 无效: ${String(id)} (invalid fileID)`);
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
