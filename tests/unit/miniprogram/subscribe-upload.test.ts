import { answer, installWx, signIn, UPLOAD_TAG } from './wx-stub';

/** The services' shapes as used here (their own types pull in the clashing wx typings). */
interface Subscribe {
  templatesToAsk(ids: Record<string, string>, kinds: readonly string[]): string[];
  requestSubscriptions(ids: readonly string[]): Promise<unknown>;
}
interface Upload {
  uploadCaseFile(caseId: string, folder: string, path: string): Promise<unknown>;
}

describe('subscriptions', () => {
  it('picks distinct template ids for the kinds asked, at most 3', () => {
    jest.resetModules();
    installWx();
    const { templatesToAsk } = jest.requireActual<Subscribe>(
      '../../../miniprogram/services/subscribe',
    );
    const ids = { notice: 'T1', daily: 'T2', gentle: 'T2', serious: 'T3', hr_alert: 'T4' };
    expect(templatesToAsk(ids, ['notice', 'daily', 'gentle', 'serious', 'hr_alert'])).toEqual([
      'T1',
      'T2',
      'T3',
    ]);
  });

  it('calls the popup synchronously and records the answers', async () => {
    jest.resetModules();
    const wx = installWx();
    const { requestSubscriptions } = jest.requireActual<Subscribe>(
      '../../../miniprogram/services/subscribe',
    );
    wx.requestSubscribeMessage.mockImplementation((opts: { success(r: unknown): void }) =>
      opts.success({ errMsg: 'requestSubscribeMessage:ok', T1: 'accept', T2: 'reject' }),
    );
    wx.callFunction.mockReturnValue(answer({ ok: true, data: { subscriptions: { notice: 1 } } }));
    const pending = requestSubscriptions(['T1', 'T2', 'T3', 'T4']);
    // Still inside the tap handler: the popup has already been asked for.
    expect(wx.requestSubscribeMessage).toHaveBeenCalledWith(
      expect.objectContaining({ tmplIds: ['T1', 'T2', 'T3'] }),
    );
    await expect(pending).resolves.toEqual({
      asked: true,
      results: { T1: 'accept', T2: 'reject' },
      accepted: 1,
      estimates: { notice: 1 },
    });
    expect(wx.callFunction.mock.calls[0]?.[0].data).toMatchObject({
      action: 'subscription.record',
      payload: { results: { T1: 'accept', T2: 'reject' } },
    });
  });
});

describe('upload', () => {
  it('uploads under cases/{caseId}/{kind}/ with the uploader tag, a random name and the file extension', async () => {
    jest.resetModules();
    const wx = installWx();
    signIn();
    wx.uploadFile.mockImplementation((opts: { cloudPath: string }) =>
      Promise.resolve({ fileID: `cloud://env/${opts.cloudPath}` }),
    );
    const { uploadCaseFile } = jest.requireActual<Upload>('../../../miniprogram/services/upload');
    const reply = await uploadCaseFile('c1', 'handover_checklist', 'wxfile://tmp/list.PDF');
    const [opts] = wx.uploadFile.mock.calls[0] as [{ cloudPath: string; filePath: string }];
    expect(opts.cloudPath).toMatch(
      new RegExp(`^cases/c1/handover_checklist/${UPLOAD_TAG}-[0-9a-z]{20}\\.pdf$`),
    );
    expect(opts.filePath).toBe('wxfile://tmp/list.PDF');
    expect(reply).toEqual({ ok: true, fileId: `cloud://env/${opts.cloudPath}` });
  });

  it('turns an upload failure into a Chinese message', async () => {
    jest.resetModules();
    const wx = installWx();
    wx.uploadFile.mockReturnValue(Promise.reject({ errMsg: 'uploadFile:fail' }));
    const { uploadCaseFile } = jest.requireActual<Upload>('../../../miniprogram/services/upload');
    await expect(uploadCaseFile('c1', 'signature', 'wxfile://tmp/s.png')).resolves.toEqual({
      ok: false,
      message: '文件上传失败，请检查网络后重试',
    });
  });
});
