import { beijingDate } from '../../domain/beijing-calendar';
import { anchorPath } from '../evidence-anchor';
import type { AnchorMarkersRepository } from '../ports/anchor-markers.port';
import type { ArchiveEntry, ArchiveWriter } from '../ports/archive-writer.port';
import type { StoredCase } from '../ports/cases.port';
import type { Crypto } from '../ports/crypto.port';
import type { FileStore } from '../ports/file-store.port';

export interface ExportDeps {
  readonly files: FileStore;
  readonly anchors: AnchorMarkersRepository;
  readonly crypto: Crypto;
  readonly archive: ArchiveWriter;
}

/** Recomputes every event's hash and link from events.json (Node ≥ 16, no packages). */
export const VERIFY_SCRIPT = `// 用法：node verify-chain.js events.json
// 按 RFC 8785（JSON 规范化）重新计算每条事件的 SHA-256，并核对前后链接。
const crypto = require('crypto');
const fs = require('fs');
function canon(v) {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return '[' + v.map(canon).join(',') + ']';
  return '{' + Object.keys(v).filter((k) => v[k] !== undefined).sort().map((k) => JSON.stringify(k) + ':' + canon(v[k])).join(',') + '}';
}
const events = JSON.parse(fs.readFileSync(process.argv[2] || 'events.json', 'utf8'));
let prev = null;
let ok = true;
for (const e of events) {
  const { hash, ...rest } = e;
  const again = crypto.createHash('sha256').update(canon(rest), 'utf8').digest('hex');
  const linked = e.prevHash === prev;
  if (again !== hash || !linked) { ok = false; console.log('第 ' + e.seq + ' 条事件不符：' + (linked ? '哈希不符' : '链接不符')); }
  prev = hash;
}
console.log(ok ? '记录链完整：共 ' + events.length + ' 条，链头 ' + prev : '记录链校验失败');
process.exitCode = ok ? 0 : 1;
`;

function readme(caseDoc: StoredCase, companyName: string, exportedAt: string): string {
  return [
    `离职案件证据包 · 案件编号 ${caseDoc.caseId}`,
    `用人单位：${companyName}    员工：${caseDoc.employee.name}（${caseDoc.employee.employeeNo}）`,
    `导出时间（北京时间）：${exportedAt}`,
    '',
    '本证据包不依赖「离职通」即可核验。内容：',
    '  documents/    系统生成的 PDF（已签署的辞职书或解除通知签收件、离职证明），每份末页为审计追踪；',
    '  attachments/  员工和 HR 上传材料的原件（服务器保管的副本）；',
    '  signature/    员工手写签名图像；',
    '  events.json   案件全部事件（记录链），每条含上一条的哈希；',
    '  anchors/      每日存证锚点文件（当日所有变更案件的链头，存于云存储、数据库之外）；',
    '  SHA256SUMS    上述每个文件在系统中记录的 SHA-256（取自记录链中的事件，而非导出时计算；',
    '                events.json 本身的哈希为导出时计算）；',
    '  verify-chain.js  重新计算记录链的脚本。',
    '',
    '一、核对文件未被改动（Linux / macOS，Windows 可用 Git Bash 或 WSL）：',
    '    sha256sum -c SHA256SUMS',
    '  每行显示「成功 / OK」即该文件与系统记录的哈希一致。',
    '  Windows PowerShell 也可逐个计算：Get-FileHash -Algorithm SHA256 documents\\signed_letter.pdf',
    '',
    '二、核对记录链（需 Node.js）：',
    '    node verify-chain.js events.json',
    '  每条事件的 hash = SHA-256（RFC 8785 规范化 JSON（该事件去掉 hash 字段）），prevHash 为上一条的 hash。',
    '  脚本输出的链头应与 PDF 审计追踪页、以及 anchors/ 中锚点文件记录的链头一致。',
    '',
    '三、核对文书原文：events.json 中 case.submit 事件的 noticeText 与 noticeTextHash、case.sign 事件的',
    '  letterText 与 letterHash：把原文（UTF-8，不加换行）另存为文本文件后用 sha256sum 计算，应与记录的哈希相同。',
    '',
    '依据：《中华人民共和国电子签名法》第十三、十四条；《劳动合同法》第五十条。',
  ].join('\r\n');
}

function extensionOf(contentType: string): string {
  if (contentType === 'application/pdf') return 'pdf';
  if (contentType === 'image/png') return 'png';
  if (contentType === 'image/jpeg') return 'jpg';
  return 'bin';
}

/**
 * One ZIP per case for arbitration (issue 13): the PDFs, the original attachments, the
 * signature, `events.json` (the chain), the anchors that cover it, SHA256SUMS with the hashes
 * the log recorded, a README.txt in Chinese and a short script — so that the evidence stands
 * without this product.
 */
export async function exportCase(
  deps: ExportDeps,
  caseDoc: StoredCase,
  companyName: string,
  exportedAt: string,
): Promise<{ bytes: Uint8Array; files: { path: string; sha256: string }[] }> {
  const entries: ArchiveEntry[] = [];
  const sums: { path: string; sha256: string }[] = [];
  const add = async (path: string, fileId: string, recorded: string) => {
    const bytes = await deps.files.download(fileId);
    if (!bytes) return;
    entries.push({ path, bytes });
    sums.push({ path, sha256: recorded });
  };
  for (const d of caseDoc.documents ?? []) {
    if (d.status === 'ready' && d.fileId && d.sha256) {
      await add(`documents/${d.kind}.pdf`, d.fileId, d.sha256);
    }
  }
  for (const [i, a] of caseDoc.attachments.entries()) {
    await add(
      `attachments/${String(i + 1).padStart(2, '0')}-${a.kind}.${extensionOf(a.contentType)}`,
      a.evidenceFileId,
      a.sha256,
    );
  }
  if (caseDoc.signature?.evidenceFileId) {
    await add('signature/signature.png', caseDoc.signature.evidenceFileId, caseDoc.signature.hash);
  }
  const text = (s: string) => new TextEncoder().encode(s);
  const events = text(`${JSON.stringify(caseDoc.events, null, 2)}\n`);
  entries.push({ path: 'events.json', bytes: events });
  sums.push({ path: 'events.json', sha256: deps.crypto.sha256(events) });
  const dates = [...new Set(caseDoc.events.map((e) => beijingDate(e.at)))];
  for (const marker of dates.length > 0 ? await deps.anchors.listDone(dates) : []) {
    if (!marker.fileId) continue;
    const bytes = await deps.files.download(marker.fileId);
    if (bytes) entries.push({ path: anchorPath(marker.date), bytes });
  }
  entries.push({ path: 'verify-chain.js', bytes: text(VERIFY_SCRIPT) });
  entries.push({ path: 'README.txt', bytes: text(readme(caseDoc, companyName, exportedAt)) });
  // sha256sum's own format: hash, two spaces, path.
  entries.push({
    path: 'SHA256SUMS',
    bytes: text(sums.map((s) => `${s.sha256}  ${s.path}\n`).join('')),
  });
  return { bytes: deps.archive.zip(entries), files: sums };
}
