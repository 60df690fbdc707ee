import type { Zippable } from 'fflate';
import type { ActionResult } from '../contract';
import { fail, ok } from './outcome';
import type { Crypto } from './ports/crypto.port';
import type { DatabaseDump, DumpedDocument } from './ports/database-dump.port';
import type { FileStore } from './ports/file-store.port';
import type { Handler } from './rpc-handler';

/**
 * Taking the data away and bringing it back (README "数据导出与恢复"): every collection and
 * every stored file the documents name, as ZIP archives in storage. One call writes one part
 * within its time budget; a company whose data does not fit in one call gets several parts,
 * each call continuing from the cursor the last one answered.
 */

/** Every collection the functions write (cloudfunctions/README.md "Collections"). */
export const EXPORTED_COLLECTIONS = [
  'employees',
  'openid_claims',
  'cases',
  'purged_cases',
  'case_locks',
  'reminders',
  'subscriptions',
  'settings',
  'config_alerts',
  'evidence_anchors',
  'oa_callbacks',
  'departure_history',
  'training_courses',
  'training_course_versions',
  'training_progress',
  'training_proposals',
  'interview_questions',
  'exit_interviews',
  'interview_notes',
  'workshops',
  'training_messages',
] as const;

/**
 * The ZIP codec, loaded on the first export: every cold instance of `offboarding` would
 * otherwise pay its start-up for an action admins use rarely.
 */
const loadZip = () => import('fflate');

export const EXPORT_FORMAT = 'lizhitong-export';
export const EXPORT_VERSION = 1;
/** Documents per database read. */
export const EXPORT_PAGE = 100;
/**
 * Bytes of documents and files one part holds at most (a function has 256 MB of memory by
 * default, and the archive is built in memory before its upload).
 */
export const EXPORT_PART_BYTES = 32 * 1024 * 1024;

export interface ExportManifest {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly exportId: string;
  readonly part: number;
  /** True in the last part: with it, the parts 1…part are the whole export. */
  readonly done: boolean;
  readonly createdAt: string;
  /** Documents of each collection in this part (`collections/<name>.jsonl`). */
  readonly collections: Readonly<Record<string, number>>;
  /** Files in this part (`files/<path>`). */
  readonly files: readonly { fileId: string; path: string; size: number; sha256: string }[];
  /** Files a document names that storage no longer has. */
  readonly missingFiles: readonly string[];
}

interface ExportPosition {
  readonly exportId: string;
  readonly part: number;
  /** Index into EXPORTED_COLLECTIONS. */
  readonly collection: number;
  readonly afterId: string | null;
}

/** The cursor a client sends back: the position, as URL-safe base64 of its JSON. */
function encodeCursor(position: ExportPosition): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

const EXPORT_ID = /^\d{8}T\d{6}Z-[0-9A-Z]{6}$/;

function decodeCursor(cursor: string): ExportPosition | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const p = value as Partial<ExportPosition> | null;
  if (
    typeof p !== 'object' ||
    p === null ||
    typeof p.exportId !== 'string' ||
    !EXPORT_ID.test(p.exportId) ||
    !Number.isInteger(p.part) ||
    (p.part ?? 0) < 2 ||
    !Number.isInteger(p.collection) ||
    (p.collection ?? -1) < 0 ||
    (p.collection ?? 0) > EXPORTED_COLLECTIONS.length ||
    !(p.afterId === null || (typeof p.afterId === 'string' && p.afterId.length <= 256))
  ) {
    return null;
  }
  return p as ExportPosition;
}

/** Every `cloud://` file id anywhere in a document. */
function collectFileIds(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.startsWith('cloud://')) into.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) collectFileIds(item, into);
  } else if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const item of Object.values(value)) collectFileIds(item, into);
  }
}

/** One document a line; a date (`db.serverDate()`) as `{ "$date": ISO }`, as MongoDB's own export. */
export function documentLine(doc: DumpedDocument): string {
  return JSON.stringify(doc, function (this: Record<string, unknown>, key, value: unknown) {
    const raw = this[key];
    return raw instanceof Date ? { $date: raw.toISOString() } : value;
  });
}

export function parseDocumentLine(line: string): DumpedDocument {
  return JSON.parse(line, (_key, value: unknown) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const date = (value as { $date?: unknown }).$date;
      if (keys.length === 1 && typeof date === 'string') return new Date(date);
    }
    return value;
  }) as DumpedDocument;
}

export interface ExportDeps {
  readonly dump: DatabaseDump;
  readonly files: FileStore;
  readonly crypto: Crypto;
  /** Milliseconds from a monotonic source (performance.now), never the wall clock. */
  readonly monotonic: () => number;
  /** How long one call may read before it writes its part (the rest goes to the next part). */
  readonly budgetMs: number;
}

/** `20270301T100000Z-7K3QDX`: when the export began, and a random tail. */
function newExportId(now: Date, crypto: Crypto): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `${stamp}-${crypto.randomCode(6)}`;
}

/** `admin.export` (admins only): the next part of the export, written to storage. */
export function exportHandlers(deps: ExportDeps): { 'admin.export': Handler<'admin.export'> } {
  return {
    async 'admin.export'({ now }, { cursor }) {
      const position: ExportPosition | null = cursor
        ? decodeCursor(cursor)
        : { exportId: newExportId(now, deps.crypto), part: 1, collection: 0, afterId: null };
      if (!position) {
        return fail('VALIDATION_FAILED', '导出进度无效，请重新开始导出', {
          field: 'cursor',
          issues: [{ field: 'cursor', message: '导出进度无效，请重新开始导出' }],
        });
      }
      const started = deps.monotonic();
      const entries: Zippable = {};
      const lines: Record<string, string[]> = {};
      const manifestFiles: ExportManifest['files'][number][] = [];
      const missingFiles: string[] = [];
      const packed = new Set<string>();
      let bytes = 0;
      let collection = position.collection;
      let afterId = position.afterId;

      // Checked before each page and each document; the first document always goes in, so
      // every call moves the export on. A call that stops inside a page resumes after the
      // last document it packed (re-reading the rest of that page).
      let first = true;
      const full = () =>
        !first && (bytes >= EXPORT_PART_BYTES || deps.monotonic() - started >= deps.budgetMs);
      reading: while (collection < EXPORTED_COLLECTIONS.length && !full()) {
        const name = EXPORTED_COLLECTIONS[collection] as string;
        const page = await deps.dump.page(name, afterId, EXPORT_PAGE);
        const list = (lines[name] ??= []);
        for (const doc of page) {
          if (full()) break reading;
          first = false;
          const line = documentLine(doc);
          list.push(line);
          bytes += line.length;
          const fileIds = new Set<string>();
          collectFileIds(doc, fileIds);
          for (const fileId of fileIds) {
            const path = deps.files.pathOf(fileId);
            if (!path || packed.has(fileId)) continue;
            const content = await deps.files.download(fileId);
            if (!content) {
              missingFiles.push(fileId);
              continue;
            }
            packed.add(fileId);
            // Already compressed (PDF, PNG, images): stored as they are.
            entries[`files/${path}`] = [content, { level: 0 }];
            manifestFiles.push({
              fileId,
              path,
              size: content.byteLength,
              sha256: deps.crypto.sha256(content),
            });
            bytes += content.byteLength;
          }
          afterId = doc._id;
        }
        if (page.length < EXPORT_PAGE) {
          collection += 1;
          afterId = null;
        }
      }

      const { strToU8, zipSync } = await loadZip();
      const done = collection >= EXPORTED_COLLECTIONS.length;
      const counts: Record<string, number> = {};
      for (const [name, list] of Object.entries(lines)) {
        if (list.length === 0) continue;
        counts[name] = list.length;
        entries[`collections/${name}.jsonl`] = strToU8(`${list.join('\n')}\n`);
      }
      const manifest: ExportManifest = {
        format: EXPORT_FORMAT,
        version: EXPORT_VERSION,
        exportId: position.exportId,
        part: position.part,
        done,
        createdAt: now.toISOString(),
        collections: counts,
        files: manifestFiles,
        missingFiles,
      };
      entries['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2));
      const archive = zipSync(entries, { level: 6 });
      const partName = `part-${String(position.part).padStart(3, '0')}.zip`;
      const fileId = await deps.files.upload(`exports/${position.exportId}/${partName}`, archive);
      const urls = await deps.files.temporaryUrls([fileId]);
      const result: ActionResult<'admin.export'> = {
        exportId: position.exportId,
        part: position.part,
        fileId,
        url: urls[fileId] ?? '',
        done,
        documents: Object.values(counts).reduce((sum, n) => sum + n, 0),
        files: manifestFiles.length,
        missingFiles: missingFiles.length,
        bytes: archive.byteLength,
        ...(done
          ? {}
          : {
              nextCursor: encodeCursor({
                exportId: position.exportId,
                part: position.part + 1,
                collection,
                afterId,
              }),
            }),
      };
      return ok(result);
    },
  };
}

/** One part read back: its manifest, documents by collection and files by path. */
export interface ExportPart {
  readonly manifest: ExportManifest;
  readonly documents: Readonly<Record<string, readonly DumpedDocument[]>>;
  readonly files: Readonly<Record<string, Uint8Array>>;
}

export async function readExportPart(archive: Uint8Array): Promise<ExportPart> {
  const { strFromU8, unzipSync } = await loadZip();
  const entries = unzipSync(archive);
  const manifestBytes = entries['manifest.json'];
  if (!manifestBytes) throw new Error('不是离职通的导出文件：缺少 manifest.json');
  const manifest = JSON.parse(strFromU8(manifestBytes)) as ExportManifest;
  if (manifest.format !== EXPORT_FORMAT || manifest.version !== EXPORT_VERSION) {
    throw new Error(`不认识的导出格式：${String(manifest.format)} ${String(manifest.version)}`);
  }
  const documents: Record<string, DumpedDocument[]> = {};
  for (const name of Object.keys(manifest.collections)) {
    const text = entries[`collections/${name}.jsonl`];
    if (!text) throw new Error(`导出文件不完整：缺少 collections/${name}.jsonl`);
    documents[name] = strFromU8(text)
      .split('\n')
      .filter((line) => line.length > 0)
      .map(parseDocumentLine);
  }
  const files: Record<string, Uint8Array> = {};
  for (const file of manifest.files) {
    const content = entries[`files/${file.path}`];
    if (!content) throw new Error(`导出文件不完整：缺少 files/${file.path}`);
    files[file.path] = content;
  }
  return { manifest, documents, files };
}

export interface RestoreReport {
  readonly exportId: string;
  readonly parts: number;
  readonly documents: Readonly<Record<string, number>>;
  readonly files: number;
  /** Files whose id in the new environment differs from the stored one (another env id). */
  readonly movedFiles: readonly { from: string; to: string }[];
}

/**
 * Restores every part of one export into an empty environment: files first (each checked
 * against its SHA-256), then the documents exactly as they were, so the audit chains, their
 * hashes and the anchors' file ids come back unchanged.
 */
export async function restoreExport(
  deps: { readonly dump: DatabaseDump; readonly files: FileStore; readonly crypto: Crypto },
  parts: readonly ExportPart[],
): Promise<RestoreReport> {
  const sorted = [...parts].sort((a, b) => a.manifest.part - b.manifest.part);
  const exportId = sorted[0]?.manifest.exportId;
  if (!exportId) throw new Error('没有要恢复的导出文件');
  sorted.forEach((part, index) => {
    if (part.manifest.exportId !== exportId) {
      throw new Error(`这些文件来自不同的导出：${exportId} 与 ${part.manifest.exportId}`);
    }
    if (part.manifest.part !== index + 1) {
      throw new Error(`导出 ${exportId} 缺少第 ${index + 1} 部分`);
    }
  });
  if (!sorted[sorted.length - 1]?.manifest.done) {
    throw new Error(`导出 ${exportId} 不完整：缺少最后一部分，请继续导出后再恢复`);
  }
  for (const name of EXPORTED_COLLECTIONS) {
    if (!(await deps.dump.isEmpty(name))) {
      throw new Error(`目标环境不是空的（集合 ${name} 已有数据）：只能恢复到空环境`);
    }
  }

  const movedFiles: { from: string; to: string }[] = [];
  let fileCount = 0;
  for (const part of sorted) {
    for (const file of part.manifest.files) {
      if (deps.files.pathOf(`cloud://restore/${file.path}`) !== file.path) {
        throw new Error(`导出文件中有无效的路径：${file.path}`);
      }
      const content = part.files[file.path] as Uint8Array;
      if (deps.crypto.sha256(content) !== file.sha256) {
        throw new Error(`导出文件已损坏：${file.path} 的 SHA-256 与记录不符`);
      }
      const fileId = await deps.files.upload(file.path, content);
      fileCount += 1;
      if (fileId !== file.fileId) movedFiles.push({ from: file.fileId, to: fileId });
    }
  }
  const documents: Record<string, number> = {};
  for (const part of sorted) {
    for (const [name, docs] of Object.entries(part.documents)) {
      for (const doc of docs) await deps.dump.insert(name, doc);
      documents[name] = (documents[name] ?? 0) + docs.length;
    }
  }
  return { exportId, parts: sorted.length, documents, files: fileCount, movedFiles };
}
