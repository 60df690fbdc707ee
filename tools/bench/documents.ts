/**
 * What the documents function costs: its bundle, the build's GBK font, and rendering a signed
 * letter with its audit trail (a short case and a long one) — the first render of an instance
 * (font read, harfbuzz loaded) and the median of the next ones — with the PDF's size.
 * Issue 13's bars: a PDF ≤ 300 KB, one render ≤ 1 s.
 *
 * `npm run bench -- documents [renders]`
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { StoredCase } from '../../server/app/ports/cases.port';
import { signedLetterPaper } from '../../server/app/documents/paper-content';
import type { AuditEvent } from '../../server/domain/event-chain';
import { pdfDocumentRenderer } from '../../server/infra/pdf-document.renderer';
import { PNG_BYTES } from '../demo/demo-company';
import { buildGbkFont, GBK_FONT } from '../build/gbk-font';
import { bundleFunctions } from '../build';
import { patternPng } from '../local-cloud/wxacode';

const root = join(__dirname, '..', '..');
const renders = Number(process.argv[2] ?? 10);
const hash = (n: number) => n.toString(16).padStart(64, 'a');

function letterCase(events: number): StoredCase {
  const text = [
    '辞职书',
    '',
    '示例科技（苏州）有限公司：',
    '',
    '本人欧阳翀喆（工号：D001），现任研发部高级工程师。因辞职，本人依据《中华人民共和国劳动合同法》第三十七条，以本书面形式提前30日通知公司解除劳动合同。',
    '',
    '本通知于2027年3月1日送达公司，本人的最后工作日为2027年3月31日。在此之前，本人将按公司要求完成工作交接。',
    '',
    '辞职人：欧阳翀喆',
    '日期：2027年3月1日',
  ].join('\n');
  const log: AuditEvent[] = Array.from({ length: events }, (_, i) => ({
    caseId: 'c0123456789abcdef01234567',
    seq: i + 1,
    type: i === events - 1 ? 'case.sign' : i === 0 ? 'case.submit' : 'reminder.decision',
    actor: { openid: i % 3 === 0 ? 'o-employee' : 'o-hr', role: i % 3 === 0 ? 'employee' : 'hr' },
    at: new Date(Date.UTC(2027, 2, 1, 2) + i * 3_600_000).toISOString(),
    payload: i === events - 1 ? { clientIp: '203.0.113.7' } : {},
    prevHash: i === 0 ? null : hash(i),
    hash: hash(i + 1),
  }));
  return {
    caseId: 'c0123456789abcdef01234567',
    employee: { employeeNo: 'D001', name: '欧阳翀喆' },
    employeeOpenid: 'o-employee',
    attachments: [{ kind: 'handover_checklist', sha256: hash(99) }],
    signature: {
      hash: hash(7),
      letterHash: hash(8),
      letterText: text,
      openid: 'o-employee',
      at: '2027-03-05T02:00:00.000Z',
      clientIp: '203.0.113.7',
    },
    documents: [{ kind: 'signed_letter', forSeq: events, requestedAt: '', status: 'pending' }],
    seq: events,
    events: log,
  } as unknown as StoredCase;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function main(): Promise<void> {
  await bundleFunctions();
  await buildGbkFont();
  const bundle = readFileSync(join(root, 'cloudfunctions', 'documents', 'index.js'));
  console.log(
    `documents bundle ${(bundle.length / 1024).toFixed(0)} KB (gzip ${(gzipSync(bundle).length / 1024).toFixed(0)} KB); ` +
      `external at run time: wx-server-sdk, subset-font (${(statSync(join(root, 'node_modules', 'harfbuzzjs', 'dist', 'harfbuzz-subset.wasm')).size / 1024).toFixed(0)} KB wasm)`,
  );
  console.log(
    `GBK font ${(statSync(GBK_FONT).size / 1e6).toFixed(2)} MB (${GBK_FONT.replace(`${root}/`, '')})`,
  );
  const names = new Map([
    ['o-employee', '欧阳翀喆'],
    ['o-hr', '孙丽'],
  ]);
  const qr = { contentType: 'image/png', bytes: patternPng('bench', 280) };
  for (const events of [6, 60]) {
    const started = performance.now();
    const renderer = pdfDocumentRenderer(readFileSync(GBK_FONT));
    const paper = signedLetterPaper(
      letterCase(events),
      'signed_letter',
      PNG_BYTES,
      names,
      '示例科技（苏州）有限公司',
      qr,
    );
    const first = await renderer.render(paper);
    const firstMs = performance.now() - started;
    const times: number[] = [];
    let size = first.length;
    for (let i = 0; i < renders; i += 1) {
      const t = performance.now();
      size = (await renderer.render(paper)).length;
      times.push(performance.now() - t);
    }
    console.log(
      `signed letter, ${String(events).padStart(2)} events: PDF ${(size / 1024).toFixed(1)} KB; ` +
        `first render ${firstMs.toFixed(0)} ms (font read, harfbuzz loaded), then median ${median(times).toFixed(0)} ms over ${renders}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
