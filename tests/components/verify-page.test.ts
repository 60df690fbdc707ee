/** @jest-environment jsdom */
import { createHash } from 'node:crypto';
import {
  allText,
  lifecycle,
  render,
  settle,
  setUp,
  tapButton,
  textOf,
  type WxMocks,
} from './harness';

const PDF = Buffer.from('%PDF-1.7\n% a certificate\n%%EOF\n');
const PDF_HASH = createHash('sha256').update(PDF).digest('hex');
const CODE = 'c0123456789abcdef01234567-C';

describe('verify page (issue 13)', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    const g = globalThis as unknown as { wx: Record<string, unknown> };
    g.wx.getFileSystemManager = () => ({
      readFile: (opts: { success: (r: { data: ArrayBuffer }) => void }) =>
        opts.success({
          data: PDF.buffer.slice(PDF.byteOffset, PDF.byteOffset + PDF.byteLength),
        }),
    });
    wx.chooseMessageFile.mockImplementation(
      (opts: { success: (r: { tempFiles: { path: string; name: string }[] }) => void }) =>
        opts.success({ tempFiles: [{ path: 'wxfile://tmp/cert.pdf', name: 'cert.pdf' }] }),
    );
  });

  it('checks the document its QR code names, and a PDF the person holds by its hash only', async () => {
    wx.answer('document.verify', (payload: { sha256?: string }) => ({
      kind: 'certificate',
      label: '离职证明',
      valid: true,
      ...(payload.sha256 ? { heldMatches: payload.sha256 === PDF_HASH } : {}),
    }));
    const page = render(simulate, 'packages/verify/pages/verify/index');
    await lifecycle(simulate, page, 'onLoad', { scene: encodeURIComponent(CODE) });
    await settle(simulate);
    expect(wx.calls.find((c) => c.action === 'document.verify')?.payload).toEqual({ code: CODE });
    expect(textOf(page, '#verdict')).toBe('离职证明真实有效：与系统记录一致，未被改动');
    // A new employer learns nothing else: no rows of the case.
    expect(allText(page)).not.toContain('签署人');

    tapButton(page, '#pick');
    await settle(simulate, 10);
    const last = wx.calls.filter((c) => c.action === 'document.verify').pop();
    expect(last?.payload).toEqual({ code: CODE, sha256: PDF_HASH });
    expect(textOf(page, '#held')).toBe('你选择的文件与系统记录的原件完全一致。');
  });

  it('shows the employee who signed what and when, and a failed check', async () => {
    wx.answer('document.verify', {
      kind: 'signed_letter',
      label: '已签署的辞职书',
      valid: false,
      details: {
        caseId: 'c0123456789abcdef01234567',
        employeeName: '欧阳翀喆',
        sha256: 'a'.repeat(64),
        createdAt: '2027-03-05T02:00:00.000Z',
        checks: { file: false, chain: true, anchors: true },
        signedBy: '欧阳翀喆',
        signedAt: '2027-03-05T02:00:00.000Z',
        letterHash: 'b'.repeat(64),
        letterTitle: '辞职书',
      },
    });
    const page = render(simulate, 'packages/verify/pages/verify/index');
    await lifecycle(simulate, page, 'onLoad', { code: 'c0123456789abcdef01234567-L' });
    await settle(simulate);
    expect(textOf(page, '#verdict')).toBe(
      '已签署的辞职书核验未通过：存档文件或记录已被改动，请联系公司人事部门',
    );
    const text = allText(page);
    expect(text).toContain('签署人');
    expect(text).toContain('《辞职书》');
    expect(text).toContain('2027-03-05 10:00');
    expect(text).toContain('b'.repeat(64));
    expect(text).toContain('未通过');
  });

  it('says what to do when the code names nothing', async () => {
    wx.fail('document.verify', 'NOT_FOUND', '没有找到该文书：请核对核验码，或确认文书已经生成');
    const page = render(simulate, 'packages/verify/pages/verify/index');
    await lifecycle(simulate, page, 'onLoad', {});
    tapButton(page, '#verify');
    await settle(simulate);
    expect(textOf(page, '#error')).toBe('请输入文书上的核验码');
  });
});
