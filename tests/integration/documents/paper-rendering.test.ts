/**
 * Issue 13's quality bars, on the PDF itself: what `pdftotext` reads from the signed letter,
 * and the glyphs really drawn (page 1 rasterised by `pdftoppm`: the name's band has ink —
 * text extraction alone passes a broken CJK subset). Needs poppler-utils (jest.config.cjs leaves
 * this file out, loudly, without it; .ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NAME_BAND } from '../../../server/infra/pdf-document.renderer';
import { type Company, startCompany } from '../offboarding/company-harness';
import { COMPANY_NAME, RARE_NAME, renderDocuments, signedCase, today } from './paper-case';

let company: Company;
let dir: string;
beforeAll(async () => {
  company = await startCompany({ env: { COMPANY_NAME } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'paper-'));
}, 60_000);
afterAll(async () => {
  await company.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function signedLetterPdf(): Promise<{ file: string; bytes: Buffer; letterHash: string }> {
  const signed = await signedCase(company);
  await renderDocuments(company, signed.openid, signed.caseId);
  const { documents } = await company.must<{ documents: { fileId: string }[] }>(
    signed.openid,
    'case.documents',
    { caseId: signed.caseId },
  );
  const bytes = company.cloud.readFile(documents[0]?.fileId ?? '');
  if (!bytes) throw new Error('the PDF is not stored');
  const file = path.join(dir, `${signed.caseId}.pdf`);
  fs.writeFileSync(file, bytes);
  return { file, bytes, letterHash: signed.letterHash };
}

/** A binary PGM (P5) as width, height and grey values. */
function readPgm(file: string): { width: number; height: number; pixels: Buffer } {
  const data = fs.readFileSync(file);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.toString('latin1', 0, 64));
  if (!header?.[0]) throw new Error('not a binary PGM');
  return {
    width: Number(header[1]),
    height: Number(header[2]),
    pixels: data.subarray(header[0].length),
  };
}

describe('the signed letter PDF', () => {
  it('reads as text with the employee’s name, the company name and the letter hash', async () => {
    const { file, bytes, letterHash } = await signedLetterPdf();
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(RARE_NAME);
    expect(text).toContain(COMPANY_NAME);
    // A hash may wrap at the line's end: compare without white space.
    expect(text.replace(/\s/g, '')).toContain(letterHash);
    expect(text).toContain('审计追踪');
    expect(text).toContain('电子签名');
    // 300 KB with the subset font (issue 13's bar).
    expect(bytes.length).toBeLessThanOrEqual(300 * 1024);
  });

  it('draws the name’s glyphs: page 1’s name band is not blank when rasterised', async () => {
    const { file } = await signedLetterPdf();
    const prefix = path.join(dir, 'page');
    // 72 dpi: one pixel per point, so the band's coordinates are the renderer's.
    execFileSync('pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', file, prefix]);
    const page = fs.readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.pgm'));
    const { width, pixels } = readPgm(path.join(dir, page ?? ''));
    let dark = 0;
    let blankRows = 0;
    for (let y = NAME_BAND.top; y < NAME_BAND.top + NAME_BAND.height; y += 1) {
      let rowDark = 0;
      for (let x = 56; x < width - 56; x += 1)
        if ((pixels[y * width + x] ?? 255) < 128) rowDark += 1;
      dark += rowDark;
      if (rowDark === 0) blankRows += 1;
    }
    // Fourteen-point Chinese characters leave well over a hundred dark pixels.
    expect(dark).toBeGreaterThan(150);
    expect(blankRows).toBeLessThan(NAME_BAND.height);
  });
});

describe('the 离职证明 PDF (实施条例 第24条)', () => {
  it('holds the four statutory contents and nothing else from the case', async () => {
    const signed = await signedCase(company, RARE_NAME, { lastDayToday: true });
    const hr = company.person('H001').openid;
    await company.must(hr, 'case.issueCertificate', { caseId: signed.caseId });
    await renderDocuments(company, signed.openid, signed.caseId);
    const { documents } = await company.must<{ documents: { kind: string; fileId: string }[] }>(
      signed.openid,
      'case.documents',
      { caseId: signed.caseId },
    );
    const certificate = documents.find((d) => d.kind === 'certificate');
    const bytes = company.cloud.readFile(certificate?.fileId ?? '');
    if (!bytes) throw new Error('the certificate is not stored');
    expect(bytes.length).toBeLessThanOrEqual(300 * 1024);
    const file = path.join(dir, 'certificate.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const day = today(company);
    const [y, m, d] = day.split('-').map(Number);
    const chineseToday = `${y}年${m}月${d}日`;
    // The four contents: contract term, termination date, position, years of service.
    expect(text).toContain('劳动合同期限：2024年1月2日至2027年1月1日');
    expect(text).toContain(`解除（终止）劳动合同日期：${chineseToday}`);
    expect(text).toContain('工作岗位：高级工程师');
    expect(text).toMatch(/在本单位工作年限：\d+年(\d+个月)?/);
    expect(text).toContain(RARE_NAME);
    expect(text).toContain(COMPANY_NAME);
    // Nothing else of the case: no employee number, department, reason, letter or hashes.
    for (const other of [signed.employeeNo, '研发部', '原因', '辞职', signed.letterHash, '审计']) {
      expect(text).not.toContain(other);
    }
  });
});

describe('the non-compete decision on paper (劳动合同法 第23/24条)', () => {
  it('is on the employee’s signed copy and in its own 《竞业限制决定告知书》', async () => {
    const signed = await signedCase(company, RARE_NAME, { nonCompete: true });
    await renderDocuments(company, signed.openid, signed.caseId);
    const { documents } = await company.must<{ documents: { kind: string; fileId: string }[] }>(
      signed.openid,
      'case.documents',
      { caseId: signed.caseId },
    );
    const textOf = (kind: string): string => {
      const bytes = company.cloud.readFile(documents.find((d) => d.kind === kind)?.fileId ?? '');
      if (!bytes) throw new Error(`no ${kind} PDF`);
      const file = path.join(dir, `${signed.caseId}-${kind}.pdf`);
      fs.writeFileSync(file, bytes);
      return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
        /\s/g,
        '',
      );
    };
    expect(textOf('signed_letter')).toContain('执行竞业限制·12个月·每月5200元');
    const notice = textOf('non_compete_notice');
    expect(notice).toContain('竞业限制决定告知书');
    expect(notice).toContain(RARE_NAME);
    expect(notice).toContain('期限12个月');
    expect(notice).toContain('经济补偿5200元，共12期');
    expect(notice).toContain('连续三个月未支付经济补偿的，你可以请求解除竞业限制约定');
  });
});
