/** @jest-environment jsdom */
import { drawStroke, fakeCanvas, giveCanvas } from './fixtures/canvas';
import { formalitiesCase, submittedCase } from './fixtures/case-view';
import { openPage } from './fixtures/page';
import { allText, settle, setUp, tapButton, textOf, type Comp, type WxMocks } from './harness';

const signed = {
  caseId: 'case-1',
  state: 'formalities',
  version: 6,
  letterHash: 'c'.repeat(64),
  signatureHash: 'd'.repeat(64),
  chainHead: 'f'.repeat(64),
};

describe('sign page', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    wx.answer('me.get', { employee: null, roles: ['employee'], subscriptions: {} });
  });

  const open = (): Promise<Comp> =>
    openPage(simulate, 'packages/sign/pages/sign/index', { caseId: 'case-1' });

  /** Makes the pad drawable (no canvas in the simulator) and signs on it. */
  async function signOnPad(page: Comp) {
    const pad = page.querySelector('#pad');
    if (!pad) throw new Error('no pad');
    giveCanvas(pad, fakeCanvas());
    pad.triggerLifeTime('ready');
    await settle(simulate);
    drawStroke(pad, [10, 10], [60, 40]);
    await settle(simulate);
  }

  function signDialog(page: Comp): Comp {
    const dialog = page.querySelector('#sign-dialog');
    if (!dialog) throw new Error('no sign dialog');
    return dialog;
  }

  it('shows the letter before signing, without hashes on the signer’s path', async () => {
    wx.answer('case.get', formalitiesCase());
    const page = await open();
    const text = allText(page);
    expect(text).toContain('辞职书');
    expect(text).toContain('本人张三因个人原因辞去研发部工程师职务');
    expect(text).not.toContain('SHA-256');
    expect(text).not.toContain('c'.repeat(64));
    expect(text).toContain('《电子签名法》第三条');
    expect(wx.calls[0]).toEqual({ action: 'case.get', payload: { caseId: 'case-1' } });
  });

  it('says why 确认签署 is disabled until the signature and the consent are there', async () => {
    wx.answer('case.get', formalitiesCase());
    const page = await open();
    expect(page.querySelector('#sign')?.data.disabled).toBe(true);
    expect(textOf(page, '#sign-held-back')).toBe(
      '请先在签名区内签名，并勾选同意以电子签名方式签署',
    );
    page.querySelector('#consent')?.dispatchEvent('tap');
    await settle(simulate);
    expect(textOf(page, '#sign-held-back')).toBe('请先在签名区内签名');
    // The pad reports its first stroke.
    (page.instance as unknown as { onPadChange(e: unknown): void }).onPadChange({
      detail: { empty: false },
    });
    await settle(simulate);
    expect(page.querySelector('#sign-held-back')).toBeUndefined();
    expect(page.querySelector('#sign')?.data.disabled).toBe(false);
    page.querySelector('#consent')?.dispatchEvent('tap');
    await settle(simulate);
    expect(textOf(page, '#sign-held-back')).toBe('请先勾选同意以电子签名方式签署');
  });

  it('will not sign without consent or a signature', async () => {
    wx.answer('case.get', formalitiesCase());
    const page = await open();
    (page.instance as unknown as { onSign(): Promise<void> }).onSign();
    await settle(simulate);
    expect(allText(page)).toContain('请先勾选同意以电子签名方式签署');
    page.querySelector('#consent')?.dispatchEvent('tap');
    await settle(simulate);
    tapButton(page, '#sign');
    await settle(simulate);
    expect(wx.calls.some((c) => c.action === 'case.sign')).toBe(false);
    expect(wx.uploadFile).not.toHaveBeenCalled();
  });

  it('asks once more with the letter and 签署后不可撤回; 再看看 signs nothing', async () => {
    wx.answer('case.get', formalitiesCase());
    const page = await open();
    await signOnPad(page);
    page.querySelector('#consent')?.dispatchEvent('tap');
    await settle(simulate);
    tapButton(page, '#sign');
    await settle(simulate);
    const dialog = textOf(page, '#sign-dialog');
    expect(dialog).toContain('签署后不可撤回');
    expect(dialog).toContain('本人张三因个人原因辞去研发部工程师职务');
    tapButton(signDialog(page), '#dialog-cancel');
    await settle(simulate);
    expect(textOf(page, '#sign-dialog')).toBe('');
    expect(wx.uploadFile).not.toHaveBeenCalled();
    expect(wx.calls.some((c) => c.action === 'case.sign')).toBe(false);
  });

  it('uploads the signature to the case folder, signs with consent and the letter hash, and says what comes next', async () => {
    wx.answer('case.get', formalitiesCase());
    wx.answer('case.sign', signed);
    const page = await open();
    await signOnPad(page);
    page.querySelector('#consent')?.dispatchEvent('tap');
    await settle(simulate);
    tapButton(page, '#sign');
    await settle(simulate);
    tapButton(signDialog(page), '#dialog-confirm');
    await settle(simulate, 10);
    const [upload] = wx.uploadFile.mock.calls[0] as [{ cloudPath: string; filePath: string }];
    expect(upload.cloudPath).toMatch(/^cases\/case-1\/signature\/[0-9a-z]{20}\.png$/);
    expect(upload.filePath).toBe('wxfile://tmp/signature.png');
    expect(wx.calls.find((c) => c.action === 'case.sign')?.payload).toEqual({
      caseId: 'case-1',
      signatureFileId: `cloud://test.env/${upload.cloudPath}`,
      letterHash: 'c'.repeat(64),
      consent: true,
    });
    expect(allText(page)).toContain('签署完成');
    expect(allText(page)).toContain('下一步：HR 办理离职手续');
    expect(allText(page)).not.toContain('f'.repeat(64));
    // The letter can be read again; the hashes are one tap away on the evidence page.
    tapButton(page, '#read-letter');
    await settle(simulate);
    expect(allText(page)).toContain('本人张三因个人原因辞去研发部工程师职务');
    tapButton(page, '#evidence');
    await settle(simulate);
    expect(wx.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/packages/case/pages/evidence/index?caseId=case-1' }),
    );
    // The signed PDF is asked of the documents function right after, not inside case.sign.
    const render = wx.callFunction.mock.calls.find(
      ([opts]) => (opts as { name: string }).name === 'documents',
    );
    expect(render?.[0]).toMatchObject({
      name: 'documents',
      data: { action: 'documents.render', payload: { caseId: 'case-1' } },
    });
  });

  it('shows the server’s refusal and lets the user try again', async () => {
    wx.answer('case.get', formalitiesCase());
    wx.fail('case.sign', 'CONFLICT', '案件已被他人更新，请刷新后重试');
    const page = await open();
    await signOnPad(page);
    page.querySelector('#consent')?.dispatchEvent('tap');
    await settle(simulate);
    tapButton(page, '#sign');
    await settle(simulate);
    tapButton(signDialog(page), '#dialog-confirm');
    await settle(simulate, 10);
    expect(allText(page)).toContain('案件已被他人更新，请刷新后重试');
    expect(allText(page)).toContain('确认签署');
  });

  it('says when there is nothing to sign yet', async () => {
    wx.answer('case.get', submittedCase());
    const page = await open();
    expect(allText(page)).toContain('当前没有需要你签署的文书');
  });

  it('shows an earlier signature instead of the pad', async () => {
    const view = formalitiesCase();
    view.case.signature = {
      hash: 'd'.repeat(64),
      letterHash: 'c'.repeat(64),
      at: '2027-03-06T01:00:00Z',
    };
    wx.answer('case.get', view);
    const page = await open();
    expect(allText(page)).toContain('辞职书已签署');
    expect(allText(page)).toContain('签署时间：2027-03-06 09:00');
    expect(page.querySelector('#pad')).toBeUndefined();
    // The letter is shown at once: it is what the person came back to read.
    expect(allText(page)).toContain('本人张三因个人原因辞去研发部工程师职务');
    expect(allText(page)).toContain('下一步：');
    tapButton(page, '#read-letter');
    await settle(simulate);
    expect(allText(page)).not.toContain('本人张三因个人原因辞去研发部工程师职务');
  });

  it('shows a load error with retry', async () => {
    wx.fail('case.get', 'NOT_FOUND', '案件不存在');
    const page = await open();
    expect(allText(page)).toContain('案件不存在');
  });
});
