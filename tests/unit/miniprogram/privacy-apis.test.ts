/**
 * WeChat's 2023 privacy rules in the services: picking a document and copying to the
 * clipboard tell a cancel (nothing to say) from a refused privacy pop-up (errno 104: offer to
 * ask again) and from an API missing in 用户隐私保护指引 (errno 112: the user cannot fix it;
 * tell them whom to ask and report it with `privacy.report`).
 */
import { answer, installWx, signIn, UPLOAD_TAG, type WxStub } from './wx-stub';

/** The services' shapes as used here (their own types pull in the clashing wx typings). */
type Outcome = { status: string; message?: string };
interface Attachments {
  pickAndAttach(caseId: string, kind: string, source?: 'chat' | 'photo'): Promise<Outcome>;
}
interface Clipboard {
  copyText(text: string): Promise<{ ok: boolean; message?: string }>;
}

const CANCEL = { errMsg: 'chooseMessageFile:fail cancel' };
const REFUSED = {
  errMsg: 'chooseMessageFile:fail privacy permission is not authorized',
  errno: 104,
};
const UNDECLARED = {
  errMsg: 'chooseMessageFile:fail api scope is not declared in the privacy agreement',
  errno: 112,
};

type Callbacks = { success(res: unknown): void; fail(err: unknown): void };
const fails = (err: unknown) => (opts: Callbacks) => opts.fail(err);
const picks = (name: string) => (opts: Callbacks) =>
  opts.success({ tempFiles: [{ path: `wxfile://tmp/${name}`, name, size: 1 }] });

let wx: WxStub;
let attachments: Attachments;

/** RPCs the service made, in order. */
function rpcs(): { action: string; payload: unknown }[] {
  return wx.callFunction.mock.calls.map(([opts]) => {
    const { action, payload } = (opts as { data: { action: string; payload: unknown } }).data;
    return { action, payload };
  });
}

beforeEach(() => {
  jest.resetModules();
  wx = installWx();
  signIn();
  wx.uploadFile.mockImplementation((opts: { cloudPath: string }) =>
    Promise.resolve({ fileID: `cloud://env/${opts.cloudPath}` }),
  );
  wx.callFunction.mockImplementation(() =>
    answer({ ok: true, data: { caseId: 'c1', state: 'submitted', version: 2, attachments: [] } }),
  );
  attachments = jest.requireActual<Attachments>('../../../miniprogram/services/attachments');
});

describe('picking the handover list from a chat', () => {
  it('a cancel says nothing and calls nobody', async () => {
    wx.chooseMessageFile.mockImplementation(fails(CANCEL));

    await expect(attachments.pickAndAttach('c1', 'handover_checklist')).resolves.toEqual({
      status: 'cancelled',
    });
    expect(wx.showModal).not.toHaveBeenCalled();
    expect(wx.uploadFile).not.toHaveBeenCalled();
    expect(rpcs()).toEqual([]);
  });

  it('a refused privacy pop-up (104) is explained and asked again; agreeing goes on', async () => {
    wx.chooseMessageFile
      .mockImplementationOnce(fails(REFUSED))
      .mockImplementationOnce(picks('清单.pdf'));

    await expect(attachments.pickAndAttach('c1', 'handover_checklist')).resolves.toEqual({
      status: 'attached',
    });
    expect(wx.showModal).toHaveBeenCalledTimes(1);
    expect(wx.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        content: expect.stringContaining('你未同意《用户隐私保护指引》中的“选中的文件”'),
        confirmText: '重新授权',
      }),
    );
    expect(wx.chooseMessageFile).toHaveBeenCalledTimes(2);
    expect(rpcs().map((c) => c.action)).toEqual(['case.attach']);
  });

  it('104 again, or "暂不": a refusal message, asked once per tap, nothing reported', async () => {
    wx.chooseMessageFile.mockImplementation(fails(REFUSED));

    const outcome = await attachments.pickAndAttach('c1', 'handover_checklist');

    expect(outcome).toEqual({
      status: 'failed',
      message: '未获得“选中的文件”授权，无法选择文件。需要时请再次点击上传并选择同意。',
    });
    expect(wx.showModal).toHaveBeenCalledTimes(1);
    expect(wx.chooseMessageFile).toHaveBeenCalledTimes(2);

    wx.showModal.mockImplementation((opts: Callbacks) => opts.success({ confirm: false }));
    await expect(attachments.pickAndAttach('c1', 'handover_checklist')).resolves.toMatchObject({
      status: 'failed',
      message: expect.stringContaining('未获得“选中的文件”授权'),
    });
    expect(wx.chooseMessageFile).toHaveBeenCalledTimes(3);
    expect(rpcs()).toEqual([]);
  });

  it('not declared (112): contact HR, and the admins are told once', async () => {
    wx.chooseMessageFile.mockImplementation(fails(UNDECLARED));
    wx.callFunction.mockImplementation(() => answer({ ok: true, data: { recorded: true } }));

    const outcome = await attachments.pickAndAttach('c1', 'handover_checklist');
    await attachments.pickAndAttach('c1', 'handover_checklist');

    expect(outcome).toEqual({
      status: 'failed',
      message:
        '小程序的《用户隐私保护指引》尚未声明“选中的文件”，暂时无法选择文件，你无法自行解决。请联系 HR 处理。',
    });
    expect(wx.showModal).not.toHaveBeenCalled();
    expect(rpcs()).toEqual([
      { action: 'privacy.report', payload: { api: 'chooseMessageFile', errno: 112 } },
    ]);
  });

  it('a report that did not get through is tried again at the next failure', async () => {
    wx.chooseMessageFile.mockImplementation(fails({ errMsg: UNDECLARED.errMsg }));
    wx.callFunction
      .mockImplementationOnce(() => Promise.reject({ errMsg: 'cloud.callFunction:fail timeout' }))
      .mockImplementation(() => answer({ ok: true, data: { recorded: true } }));

    // Older base libraries give no errno: errMsg says the same.
    await expect(attachments.pickAndAttach('c1', 'handover_checklist')).resolves.toMatchObject({
      message: expect.stringContaining('请联系 HR'),
    });
    await attachments.pickAndAttach('c1', 'handover_checklist');

    expect(rpcs().map((c) => c.action)).toEqual(['privacy.report', 'privacy.report']);
  });

  it('any other failure: a message with what to do', async () => {
    wx.chooseMessageFile.mockImplementation(
      fails({ errMsg: 'chooseMessageFile:fail system error' }),
    );
    await expect(attachments.pickAndAttach('c1', 'handover_checklist')).resolves.toEqual({
      status: 'failed',
      message: '选择文件失败，请稍后重试；如一直失败，请联系 HR。',
    });
  });
});

describe('photos of a paper list', () => {
  it('asks for images from the album or the camera and attaches every page in one call', async () => {
    wx.chooseMedia.mockImplementation((opts: Callbacks) =>
      opts.success({
        type: 'image',
        tempFiles: [
          { tempFilePath: 'wxfile://tmp/page1.jpg', size: 1, fileType: 'image' },
          { tempFilePath: 'wxfile://tmp/page2.jpg', size: 1, fileType: 'image' },
        ],
      }),
    );

    await expect(attachments.pickAndAttach('c1', 'handover_checklist', 'photo')).resolves.toEqual({
      status: 'attached',
    });

    expect(wx.chooseMedia).toHaveBeenCalledWith(
      expect.objectContaining({ count: 9, mediaType: ['image'], sourceType: ['album', 'camera'] }),
    );
    expect(wx.chooseMessageFile).not.toHaveBeenCalled();
    const paths = wx.uploadFile.mock.calls.map(
      ([opts]) => (opts as { cloudPath: string }).cloudPath,
    );
    // Named with the uploader's tag, so the server knows the files are the caller's own.
    const own = new RegExp(`^cases/c1/handover_checklist/${UPLOAD_TAG}-[0-9a-z]{20}\\.jpg$`);
    expect(paths).toEqual([expect.stringMatching(own), expect.stringMatching(own)]);
    expect(rpcs()).toEqual([
      {
        action: 'case.attach',
        payload: {
          caseId: 'c1',
          kind: 'handover_checklist',
          fileIds: paths.map((path) => `cloud://env/${path}`),
        },
      },
    ]);
  });

  it('tells the outcomes apart as the chat picker does, naming the photo declaration', async () => {
    wx.chooseMedia.mockImplementationOnce(fails({ errMsg: 'chooseMedia:fail cancel' }));
    await expect(attachments.pickAndAttach('c1', 'handover_checklist', 'photo')).resolves.toEqual({
      status: 'cancelled',
    });

    wx.callFunction.mockImplementation(() => answer({ ok: true, data: { recorded: true } }));
    wx.chooseMedia.mockImplementation(
      fails({
        errMsg: 'chooseMedia:fail api scope is not declared in the privacy agreement',
        errno: 112,
      }),
    );
    await expect(
      attachments.pickAndAttach('c1', 'handover_checklist', 'photo'),
    ).resolves.toMatchObject({ message: expect.stringContaining('“选中的照片或视频信息”') });
    expect(rpcs()).toEqual([
      { action: 'privacy.report', payload: { api: 'chooseMedia', errno: 112 } },
    ]);
  });
});

describe('copying to the clipboard', () => {
  let clipboard: Clipboard;
  beforeEach(() => {
    clipboard = jest.requireActual<Clipboard>('../../../miniprogram/services/clipboard');
  });

  it('copies', async () => {
    wx.setClipboardData.mockImplementation((opts: Callbacks) => opts.success({}));
    await expect(clipboard.copyText('ABCDE-12345')).resolves.toEqual({ ok: true });
    expect(wx.setClipboardData).toHaveBeenCalledWith(
      expect.objectContaining({ data: 'ABCDE-12345' }),
    );
  });

  it('104: asks again once, then says to copy by hand', async () => {
    wx.setClipboardData.mockImplementation(
      fails({ errMsg: 'setClipboardData:fail privacy permission is not authorized', errno: 104 }),
    );
    await expect(clipboard.copyText('ABCDE-12345')).resolves.toEqual({
      ok: false,
      message: '未获得“剪切板”授权，无法复制，请手动抄写。',
    });
    expect(wx.showModal).toHaveBeenCalledTimes(1);
    expect(wx.setClipboardData).toHaveBeenCalledTimes(2);
    expect(rpcs()).toEqual([]);
  });

  it('112: copy by hand, ask the admin, and report it', async () => {
    wx.callFunction.mockImplementation(() => answer({ ok: true, data: { recorded: true } }));
    wx.setClipboardData.mockImplementation(
      fails({
        errMsg: 'setClipboardData:fail api scope is not declared in the privacy agreement',
        errno: 112,
      }),
    );
    await expect(clipboard.copyText('ABCDE-12345')).resolves.toEqual({
      ok: false,
      message:
        '小程序的《用户隐私保护指引》尚未声明“剪切板”，暂时无法复制，请手动抄写，并联系小程序管理员补充声明。',
    });
    expect(rpcs()).toEqual([
      { action: 'privacy.report', payload: { api: 'setClipboardData', errno: 112 } },
    ]);
  });
});
