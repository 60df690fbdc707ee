/**
 * Issue 13: the signed letter becomes a PDF in the documents function (never inside the
 * offboarding call), listed by `case.documents`, its SHA-256 recorded as an event, and the
 * evidence fails when the stored PDF or its recorded hash changes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { type Company, startCompany } from '../offboarding/company-harness';
import { COMPANY_NAME, renderDocuments, signedCase } from './paper-case';

interface DocumentsView {
  documents: { kind: string; fileId: string; url: string; sha256: string; createdAt: string }[];
  pending: string[];
}
interface Evidence {
  valid: boolean;
  mismatches: { field: string; stored: unknown; replayed: unknown }[];
  checks: { chain: boolean; fields: boolean; anchors: boolean; files: boolean };
  letters: {
    submitted: { text: string; sha256: string; matches: boolean } | null;
    signed: { text: string; sha256: string; matches: boolean } | null;
  };
  events: { seq: number; type: string; payload: Record<string, unknown> }[];
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

let company: Company;
beforeAll(async () => {
  company = await startCompany({ env: { COMPANY_NAME } });
}, 60_000);
afterAll(() => company.dispose());

const hr = () => company.person('H001').openid;
const cases = () => company.cloud.cloud.database().collection('cases');

describe('the signed letter as a PDF', () => {
  it('is pending after signing, rendered by the documents function, and listed with its hash', async () => {
    const signed = await signedCase(company);
    const before = await company.must<DocumentsView>(signed.openid, 'case.documents', {
      caseId: signed.caseId,
    });
    expect(before).toEqual({
      documents: [],
      pending: ['signed_letter'],
      certificateStatesReason: null,
    });

    const answer = await renderDocuments(company, signed.openid, signed.caseId);
    expect(answer).toEqual({
      ok: true,
      data: { caseId: signed.caseId, rendered: ['signed_letter'], pending: [] },
    });

    for (const who of [signed.openid, company.person('M001').openid, hr()]) {
      const listed = await company.must<DocumentsView>(who, 'case.documents', {
        caseId: signed.caseId,
      });
      expect(listed.pending).toEqual([]);
      expect(listed.documents).toHaveLength(1);
      const [doc] = listed.documents;
      expect(doc).toMatchObject({ kind: 'signed_letter' });
      expect(doc?.url).toMatch(/^http/);
      const bytes = company.cloud.readFile(doc?.fileId ?? '');
      expect(bytes?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(sha256(bytes ?? '')).toBe(doc?.sha256);
      expect(company.cloud.fileInfo(doc?.fileId ?? '')).toBeTruthy();
      expect(doc?.fileId).toContain(`/evidence/${signed.caseId}/documents/`);
    }

    // The PDF's hash is an event of the chain.
    const evidence = await company.must<Evidence>(hr(), 'case.evidence', { caseId: signed.caseId });
    const generated = evidence.events.find((e) => e.type === 'document.generated');
    const listed = await company.must<DocumentsView>(hr(), 'case.documents', {
      caseId: signed.caseId,
    });
    expect(generated?.payload).toMatchObject({
      kind: 'signed_letter',
      sha256: listed.documents[0]?.sha256,
      fileId: listed.documents[0]?.fileId,
    });
    expect(evidence.valid).toBe(true);
  });

  it('is not shown to another employee, and a repeat renders nothing twice', async () => {
    const signed = await signedCase(company);
    const other = company.person('D009').openid;
    expect((await renderDocuments(company, other, signed.caseId)).error?.code).toBe('FORBIDDEN');
    expect((await company.call(other, 'case.documents', { caseId: signed.caseId })).ok).toBe(false);
    await renderDocuments(company, signed.openid, signed.caseId);
    const again = await renderDocuments(company, signed.openid, signed.caseId);
    expect(again.data).toEqual({ caseId: signed.caseId, rendered: [], pending: [] });
    const { data } = await cases().doc(signed.caseId).get();
    const types = (data as { events: { type: string }[] }).events.map((e) => e.type);
    expect(types.filter((t) => t === 'document.generated')).toHaveLength(1);
  });

  it('left pending by the client is rendered by the timer', async () => {
    const signed = await signedCase(company);
    await company.cloud.fireTrigger('documents');
    const listed = await company.must<DocumentsView>(signed.openid, 'case.documents', {
      caseId: signed.caseId,
    });
    expect(listed.pending).toEqual([]);
    expect(listed.documents.map((d) => d.kind)).toEqual(['signed_letter']);
  });

  it('refuses a client that names no case', async () => {
    const signed = await signedCase(company);
    const answer = (await company.cloud.invoke(
      'documents',
      { action: 'documents.render', payload: { caseId: signed.caseId, extra: 1 } },
      { openid: signed.openid },
    )) as { ok: boolean; error?: { code: string } };
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('case.evidence and the PDF', () => {
  async function rendered(): Promise<{ caseId: string; fileId: string; sha: string }> {
    const signed = await signedCase(company);
    await renderDocuments(company, signed.openid, signed.caseId);
    const { documents } = await company.must<DocumentsView>(hr(), 'case.documents', {
      caseId: signed.caseId,
    });
    return {
      caseId: signed.caseId,
      fileId: documents[0]?.fileId ?? '',
      sha: documents[0]?.sha256 ?? '',
    };
  }

  it('fails when the stored PDF is replaced', async () => {
    const { caseId, fileId, sha } = await rendered();
    const path = fileId.replace(/^cloud:\/\/[^/]+\//, '');
    await company.cloud.upload(path, Buffer.from('%PDF-1.7\n% a different letter\n%%EOF\n'));
    const verdict = await company.must<Evidence>(hr(), 'case.evidence', { caseId });
    expect(verdict.valid).toBe(false);
    expect(verdict.checks.files).toBe(false);
    expect(verdict.mismatches).toContainEqual(
      expect.objectContaining({ field: 'documents.signed_letter.file', stored: sha }),
    );
  });

  it('fails when the recorded hash is changed on the case', async () => {
    const { caseId, sha } = await rendered();
    const { data } = await cases().doc(caseId).get();
    const documents = (data as { documents: { sha256: string }[] }).documents.map((d) => ({
      ...d,
      sha256: 'f'.repeat(64),
    }));
    await cases().doc(caseId).update({ data: { documents } });
    const verdict = await company.must<Evidence>(hr(), 'case.evidence', { caseId });
    expect(verdict.valid).toBe(false);
    expect(verdict.mismatches).toContainEqual({
      field: 'documents.signed_letter.sha256',
      stored: 'f'.repeat(64),
      replayed: sha,
    });
  });

  it('fails when the recorded hash is changed in its event', async () => {
    const { caseId } = await rendered();
    const { data } = await cases().doc(caseId).get();
    const events = (data as { events: { type: string; payload: object }[] }).events.map((e) =>
      e.type === 'document.generated'
        ? { ...e, payload: { ...e.payload, sha256: 'e'.repeat(64) } }
        : e,
    );
    await cases().doc(caseId).update({ data: { events } });
    const verdict = await company.must<Evidence>(hr(), 'case.evidence', { caseId });
    expect(verdict.valid).toBe(false);
    expect(verdict.checks.chain).toBe(false);
  });
});

describe('letters kept as given (issue 11 item 10)', () => {
  it('stores the exact submitted and signed texts with their SHA-256, with the company name', async () => {
    const signed = await signedCase(company);
    const { data } = await cases().doc(signed.caseId).get();
    const stored = data as {
      noticeText: string;
      noticeTextHash: string;
      signature: { letterText: string; letterHash: string };
    };
    expect(stored.noticeText).toContain(`${COMPANY_NAME}：`);
    expect(sha256(stored.noticeText)).toBe(stored.noticeTextHash);
    expect(stored.signature.letterText).toBe(signed.letterText);
    expect(sha256(stored.signature.letterText)).toBe(signed.letterHash);

    const evidence = await company.must<Evidence>(signed.openid, 'case.evidence', {
      caseId: signed.caseId,
    });
    expect(evidence.letters).toEqual({
      submitted: { text: stored.noticeText, sha256: stored.noticeTextHash, matches: true },
      signed: { text: signed.letterText, sha256: signed.letterHash, matches: true },
    });
  });

  it('names a stored signed text edited in the database', async () => {
    const signed = await signedCase(company);
    const edited = signed.letterText.replace('高级工程师', '实习生');
    await cases()
      .doc(signed.caseId)
      .update({ data: { 'signature.letterText': edited } });
    const evidence = await company.must<Evidence>(hr(), 'case.evidence', {
      caseId: signed.caseId,
    });
    expect(evidence.valid).toBe(false);
    expect(evidence.mismatches).toContainEqual({
      field: 'signature.letterText',
      stored: edited,
      replayed: signed.letterText,
    });
    expect(evidence.letters.signed).toEqual({
      text: edited,
      sha256: signed.letterHash,
      matches: false,
    });
  });
});

describe('离职证明 (劳动合同法 第50条, 实施条例 第24条)', () => {
  interface Issued {
    caseId: string;
    state: string;
    text: string;
    pending: string[];
  }
  interface CaseView {
    checklist: { item: string; done: boolean; note?: string }[];
  }

  it('is refused before the last working day (第50条: when the contract ends)', async () => {
    const signed = await signedCase(company);
    const answer = await company.call(hr(), 'case.issueCertificate', { caseId: signed.caseId });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', details: { guard: 'certificate_on_last_day' } },
    });
  });

  it('states the reason only when the employee asked for it (劳部发〔1996〕354号 第15条)', async () => {
    const silent = await signedCase(company, undefined, { lastDayToday: true });
    const plain = await company.must<Issued>(hr(), 'case.issueCertificate', {
      caseId: silent.caseId,
    });
    expect(plain.text).not.toContain('原因');

    const asked = await signedCase(company, undefined, { lastDayToday: true });
    // Only the employee chooses; the choice is recorded as an event of the case.
    expect(
      (
        await company.call(hr(), 'case.certificateReason', {
          caseId: asked.caseId,
          statesReason: true,
        })
      ).ok,
    ).toBe(false);
    await company.must(asked.openid, 'case.certificateReason', {
      caseId: asked.caseId,
      statesReason: true,
    });
    const withReason = await company.must<Issued>(hr(), 'case.issueCertificate', {
      caseId: asked.caseId,
    });
    expect(withReason.text).toContain(
      '解除（终止）劳动合同原因：劳动者依据《中华人民共和国劳动合同法》第三十七条提出解除劳动合同',
    );
    const evidence = await company.must<Evidence>(asked.openid, 'case.evidence', {
      caseId: asked.caseId,
    });
    expect(evidence.valid).toBe(true);
    expect(evidence.events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['certificate.reasonChoice', 'certificate.issue']),
    );
  });

  it('ticks certificate_issued, renders the PDF, and the employee sees it listed', async () => {
    const signed = await signedCase(company, undefined, { lastDayToday: true });
    const issued = await company.must<Issued>(hr(), 'case.issueCertificate', {
      caseId: signed.caseId,
    });
    expect(issued.pending).toEqual(expect.arrayContaining(['certificate']));
    const view = await company.must<CaseView>(signed.openid, 'case.get', { caseId: signed.caseId });
    expect(view.checklist.find((r) => r.item === 'certificate_issued')).toMatchObject({
      done: true,
      note: '已出具电子离职证明（PDF）',
    });
    await renderDocuments(company, signed.openid, signed.caseId);
    const listed = await company.must<DocumentsView>(signed.openid, 'case.documents', {
      caseId: signed.caseId,
    });
    expect(listed.documents.map((d) => d.kind).sort()).toEqual(['certificate', 'signed_letter']);
    const evidence = await company.must<Evidence>(hr(), 'case.evidence', { caseId: signed.caseId });
    expect(evidence.valid).toBe(true);
  });
});

describe('document.verify (the verify page)', () => {
  interface Verdict {
    kind: string;
    label: string;
    valid: boolean;
    heldMatches?: boolean;
    details?: {
      employeeName: string;
      sha256: string;
      checks: { file: boolean; chain: boolean; anchors: boolean };
      signedBy?: string;
      signedAt?: string;
      letterHash?: string;
      letterTitle?: string;
    };
  }
  const stranger = 'someone-at-a-new-employer';

  async function withCertificate() {
    const signed = await signedCase(company, undefined, { lastDayToday: true });
    await company.must(hr(), 'case.issueCertificate', { caseId: signed.caseId });
    await renderDocuments(company, signed.openid, signed.caseId);
    const { documents } = await company.must<DocumentsView>(hr(), 'case.documents', {
      caseId: signed.caseId,
    });
    const file = (kind: string) => documents.find((d) => d.kind === kind);
    return { signed, letter: file('signed_letter'), certificate: file('certificate') };
  }

  it('tells the employee and HR who signed what and when', async () => {
    const { signed, letter } = await withCertificate();
    for (const who of [signed.openid, hr()]) {
      const verdict = await company.must<Verdict>(who, 'document.verify', {
        code: `${signed.caseId}-L`,
      });
      expect(verdict).toMatchObject({
        kind: 'signed_letter',
        valid: true,
        details: {
          signedBy: '欧阳翀喆',
          letterHash: signed.letterHash,
          letterTitle: '辞职书',
          sha256: letter?.sha256,
          checks: { file: true, chain: true, anchors: true },
        },
      });
    }
    const refused = await company.call(stranger, 'document.verify', { code: `${signed.caseId}-L` });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('tells anyone holding a 离职证明 only whether it is genuine and unchanged', async () => {
    const { signed, certificate } = await withCertificate();
    const code = `${signed.caseId}-C`;
    expect(await company.must<Verdict>(stranger, 'document.verify', { code })).toEqual({
      kind: 'certificate',
      label: '离职证明',
      valid: true,
    });
    const held = company.cloud.readFile(certificate?.fileId ?? '') ?? Buffer.alloc(0);
    expect(
      await company.must<Verdict>(stranger, 'document.verify', { code, sha256: sha256(held) }),
    ).toEqual({ kind: 'certificate', label: '离职证明', valid: true, heldMatches: true });
    const forged = Buffer.concat([held, Buffer.from('\n% edited')]);
    expect(
      (await company.must<Verdict>(stranger, 'document.verify', { code, sha256: sha256(forged) }))
        .heldMatches,
    ).toBe(false);
  });

  it('fails when the stored PDF or one stored event is changed', async () => {
    const { signed, certificate } = await withCertificate();
    const code = `${signed.caseId}-C`;
    const path = (certificate?.fileId ?? '').replace(/^cloud:\/\/[^/]+\//, '');
    const original = company.cloud.readFile(certificate?.fileId ?? '') ?? Buffer.alloc(0);
    await company.cloud.upload(path, Buffer.concat([original, Buffer.from('\n% edited')]));
    expect((await company.must<Verdict>(stranger, 'document.verify', { code })).valid).toBe(false);
    await company.cloud.upload(path, original);
    expect((await company.must<Verdict>(stranger, 'document.verify', { code })).valid).toBe(true);

    const { data } = await cases().doc(signed.caseId).get();
    const events = (data as { events: { type: string; payload: object }[] }).events.map((e) =>
      e.type === 'case.submit' ? { ...e, payload: { ...e.payload, reason: 'personal' } } : e,
    );
    await cases().doc(signed.caseId).update({ data: { events } });
    const broken = await company.must<Verdict>(signed.openid, 'document.verify', {
      code: `${signed.caseId}-L`,
    });
    expect(broken.valid).toBe(false);
    expect(broken.details?.checks.chain).toBe(false);
  });

  it('answers a code that names nothing with NOT_FOUND', async () => {
    const answer = await company.call(stranger, 'document.verify', {
      code: 'c000000000000000000000000-C',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('the ZIP for arbitration', () => {
  it('holds the PDFs, the originals, the chain and a README; its hashes recompute with sha256sum', async () => {
    const signed = await signedCase(company, undefined, { lastDayToday: true });
    await company.must(hr(), 'case.issueCertificate', { caseId: signed.caseId });
    await renderDocuments(company, signed.openid, signed.caseId);
    const exportOf = (openid: string) =>
      company.cloud.invoke(
        'documents',
        { action: 'documents.export', payload: { caseId: signed.caseId } },
        { openid },
      ) as Promise<{
        ok: boolean;
        data?: { fileId: string; url: string; sha256: string; files: { path: string }[] };
        error?: { code: string };
      }>;
    expect((await exportOf(signed.openid)).error?.code).toBe('FORBIDDEN');
    const answer = await exportOf(hr());
    expect(answer.ok).toBe(true);
    const zip = company.cloud.readFile(answer.data?.fileId ?? '');
    expect(sha256(zip ?? '')).toBe(answer.data?.sha256);
    const files = unzipSync(new Uint8Array(zip ?? Buffer.alloc(0)));
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining([
        'README.txt',
        'SHA256SUMS',
        'events.json',
        'verify-chain.js',
        'documents/signed_letter.pdf',
        'documents/certificate.pdf',
        'signature/signature.png',
        'attachments/01-handover_checklist.pdf',
      ]),
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'arbitration-'));
    try {
      for (const [name, bytes] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), bytes);
      }
      const readme = fs.readFileSync(path.join(dir, 'README.txt'), 'utf8');
      expect(readme).toContain('sha256sum -c SHA256SUMS');
      // Standard tools, without this product.
      const checked = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(checked).toContain('documents/signed_letter.pdf: OK');
      const chain = execFileSync(process.execPath, ['verify-chain.js', 'events.json'], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(chain).toContain('记录链完整');

      // An edited PDF no longer matches.
      fs.appendFileSync(path.join(dir, 'documents/certificate.pdf'), '% edited');
      expect(() =>
        execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir, stdio: 'pipe' }),
      ).toThrow();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
