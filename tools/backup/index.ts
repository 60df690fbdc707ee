/**
 * `npm run backup` / `npm run restore` on the local cloud (README "数据导出与恢复").
 *
 *   npm run backup [-- <folder>]      every part of a new export → <folder>/<exportId>/part-NNN.zip
 *   npm run restore -- <export folder or part files…>   into an empty data folder
 *
 * The backup is the admins' own `admin.export`, called until the export is done: over HTTP when
 * `npm start` is running (http://127.0.0.1:PORT), otherwise on the data folder opened here. The
 * restore writes through the SDK (database and storage), never the local cloud's files, into
 * `LOCAL_CLOUD_DIR` (default `.local-cloud`), which must be empty: stop `npm start` first, or
 * restore into another folder and start on it (`LOCAL_CLOUD_DIR=… npm start`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readExportPart, restoreExport } from '../../server/app/data-export';
import { cloudFileStore } from '../../server/infra/cloud-file-store';
import { databaseDump } from '../../server/infra/database-dump.repository';
import { nodeCrypto } from '../../server/infra/node-crypto';
import { createLocalCloud, type LocalCloud } from '../local-cloud';

const repo = join(__dirname, '..', '..');
const dataDir = process.env.LOCAL_CLOUD_DIR ?? join(repo, '.local-cloud');
const port = Number(process.env.PORT ?? 3000);
const adminOpenid =
  (process.env.ADMIN_OPENIDS ?? 'demo-admin').split(',')[0]?.trim() || 'demo-admin';

interface ExportAnswer {
  exportId: string;
  part: number;
  fileId: string;
  url: string;
  done: boolean;
  nextCursor?: string;
  documents: number;
  files: number;
  missingFiles: number;
}

/** How the backup reaches the local cloud: its HTTP port, or the data folder opened here. */
interface Reach {
  exportPart(cursor: string | undefined): Promise<ExportAnswer>;
  download(answer: ExportAnswer): Promise<Uint8Array>;
  close(): Promise<void>;
}

function answerData(answer: unknown): ExportAnswer {
  const envelope = answer as { ok?: boolean; data?: ExportAnswer; error?: { message?: string } };
  if (!envelope.ok || !envelope.data) {
    throw new Error(`导出失败：${envelope.error?.message ?? JSON.stringify(answer)}`);
  }
  return envelope.data;
}

async function overHttp(): Promise<Reach | null> {
  const base = `http://127.0.0.1:${port}`;
  try {
    await fetch(`${base}/__admin/outbox`, { signal: AbortSignal.timeout(1000) });
  } catch {
    return null;
  }
  return {
    async exportPart(cursor) {
      const response = await fetch(`${base}/functions/offboarding`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wx-openid': adminOpenid },
        body: JSON.stringify({ action: 'admin.export', payload: cursor ? { cursor } : {} }),
      });
      return answerData(await response.json());
    },
    async download(answer) {
      const response = await fetch(`${base}/storage/${encodeURIComponent(answer.fileId)}`);
      if (!response.ok) throw new Error(`下载 ${answer.fileId} 失败：HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    },
    close: async () => {},
  };
}

async function openFolder(): Promise<LocalCloud> {
  return createLocalCloud({
    dataDir,
    env: { ...process.env, ADMIN_OPENIDS: adminOpenid },
    realTimeTimers: false,
  });
}

async function inFolder(): Promise<Reach> {
  if (!existsSync(dataDir)) throw new Error(`没有本地云数据目录 ${dataDir}：请先运行 npm start`);
  const cloud = await openFolder();
  return {
    async exportPart(cursor) {
      const event = { action: 'admin.export', payload: cursor ? { cursor } : {} };
      return answerData(await cloud.invoke('offboarding', event, { openid: adminOpenid }));
    },
    async download(answer) {
      const content = cloud.readFile(answer.fileId);
      if (!content) throw new Error(`存储中没有 ${answer.fileId}`);
      return content;
    },
    close: () => cloud.close(),
  };
}

async function backup(outDir: string): Promise<void> {
  const reach = (await overHttp()) ?? (await inFolder());
  try {
    let cursor: string | undefined;
    let exportDir = '';
    do {
      const answer = await reach.exportPart(cursor);
      exportDir = join(outDir, answer.exportId);
      mkdirSync(exportDir, { recursive: true });
      const file = join(exportDir, `part-${String(answer.part).padStart(3, '0')}.zip`);
      writeFileSync(file, await reach.download(answer));
      console.log(
        `${file}: ${answer.documents} 条记录，${answer.files} 个文件` +
          (answer.missingFiles > 0 ? `，${answer.missingFiles} 个文件已不在存储中` : ''),
      );
      cursor = answer.nextCursor;
    } while (cursor);
    console.log(`备份完成：${exportDir}`);
  } finally {
    await reach.close();
  }
}

/** The part files named: a folder's `part-*.zip`, or the files themselves. */
function partFiles(args: readonly string[]): string[] {
  return args.flatMap((arg) =>
    statSync(arg).isDirectory()
      ? readdirSync(arg)
          .filter((name) => /^part-\d+\.zip$/.test(name))
          .sort()
          .map((name) => join(arg, name))
      : [arg],
  );
}

async function restore(args: readonly string[]): Promise<void> {
  const files = partFiles(args);
  if (files.length === 0) throw new Error('请指定备份目录或 part-NNN.zip 文件');
  const parts = await Promise.all(files.map((file) => readExportPart(readFileSync(file))));
  if (await overHttp()) {
    console.warn(
      `提示：127.0.0.1:${port} 上有本地云在运行；恢复写入 ${dataDir}，请确认不是它的目录`,
    );
  }
  const cloud = await openFolder();
  try {
    const db = cloud.cloud.database();
    const report = await restoreExport(
      { dump: databaseDump(db), files: cloudFileStore(cloud.cloud), crypto: nodeCrypto },
      parts,
    );
    for (const [name, count] of Object.entries(report.documents)) {
      console.log(`  ${name.padEnd(18)} ${count} 条`);
    }
    console.log(
      `已恢复导出 ${report.exportId}（${report.parts} 部分，${report.files} 个文件）到 ${dataDir}`,
    );
    if (report.movedFiles.length > 0) {
      console.warn(
        `注意：${report.movedFiles.length} 个文件的 fileID 与原环境不同（环境 ID 不同）`,
      );
    }
  } finally {
    await cloud.close();
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'backup') return backup(resolve(args[0] ?? join(repo, 'backups')));
  if (command === 'restore') return restore(args.map((arg) => resolve(arg)));
  throw new Error('用法：npm run backup [-- 目录] 或 npm run restore -- <备份目录或 part 文件>');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
