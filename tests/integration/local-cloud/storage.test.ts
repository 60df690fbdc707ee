import { TEMP_URL_MAX_FILES } from '../../../tools/local-cloud';
import { rejectionOf, startHarness, type Harness } from './local-cloud-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.dispose());

describe('storage', () => {
  it('uploads under cloud://local.<env>/<path> and keeps the uploader OPENID', async () => {
    const info = await h.cloud.upload('cases/c1/signature/a.png', Buffer.from('png!'), 'user-1');
    expect(info.fileID).toBe('cloud://local.lizhitong/cases/c1/signature/a.png');
    expect(h.cloud.fileInfo(info.fileID)).toMatchObject({ openid: 'user-1', size: 4 });
    const { fileContent } = await h.cloud.cloud.downloadFile({ fileID: info.fileID });
    expect(Buffer.from(fileContent).toString()).toBe('png!');
  });

  it('records no user as uploader when a function uploads (server side, 管理端)', async () => {
    const { fileID } = (await h.cloud.invoke(
      'probe',
      { op: 'upload', cloudPath: 'cases/c1/other/x.txt', text: 'x' },
      { openid: 'caller-7' },
    )) as { fileID: string };
    expect(h.cloud.readFile(fileID)?.toString()).toBe('x');
    expect(h.cloud.fileInfo(fileID)?.openid).toBeUndefined();
    const direct = await h.cloud.cloud.uploadFile({
      cloudPath: 'evidence/c1/x.txt',
      fileContent: Buffer.from('x'),
    });
    expect(h.cloud.fileInfo(direct.fileID)?.openid).toBeUndefined();
  });

  it("refuses a Uint8Array upload with the real SDK's message, as WeChat does", async () => {
    const error = await rejectionOf(
      h.cloud.cloud.uploadFile({
        cloudPath: 'anchors/2027-03-01.json',
        fileContent: new TextEncoder().encode('{}') as Buffer,
      }),
    );
    expect(error.errMsg).toBe(
      'uploadFile:fail [node-sdk] fileContent should be instance of fs.ReadStream or Buffer',
    );
    expect(h.cloud.fileInfo('cloud://local.lizhitong/anchors/2027-03-01.json')).toBeNull();
  });

  it('overwrites on upload to an existing path', async () => {
    await h.cloud.upload('a/b.txt', Buffer.from('one'), 'u1');
    const again = await h.cloud.upload('a/b.txt', Buffer.from('two!'), 'u2');
    expect(h.cloud.readFile(again.fileID)?.toString()).toBe('two!');
    expect(h.cloud.fileInfo(again.fileID)).toMatchObject({ openid: 'u2', size: 4 });
  });

  it('getTempFileURL: at most 50 ids per call, status per file', async () => {
    const { fileID } = await h.cloud.upload('a/b.txt', Buffer.from('x'), 'u1');
    const { fileList } = await h.cloud.cloud.getTempFileURL({
      fileList: [fileID, 'cloud://local.lizhitong/none'],
    });
    expect(fileList[0]).toMatchObject({ fileID, status: 0, errMsg: 'ok' });
    expect(fileList[0]?.tempFileURL).toBe(`${h.cloud.url}/storage/${fileID}`);
    expect(fileList[1]).toMatchObject({ status: -503003, tempFileURL: '' });
    const tooMany = Array.from({ length: TEMP_URL_MAX_FILES + 1 }, () => fileID);
    const error = await rejectionOf(h.cloud.cloud.getTempFileURL({ fileList: tooMany }));
    expect(error.errMsg).toMatch(/^getTempFileURL:fail .*50/);
  });

  it('deleteFile removes files and reports missing ones', async () => {
    const { fileID } = await h.cloud.upload('a/b.txt', Buffer.from('x'), 'u1');
    const { fileList } = await h.cloud.cloud.deleteFile({ fileList: [fileID, fileID] });
    expect(fileList.map((f) => f.status)).toEqual([0, -503003]);
    const error = await rejectionOf(h.cloud.cloud.downloadFile({ fileID }));
    expect(error.errMsg).toMatch(/^downloadFile:fail/);
  });

  it('refuses paths that could leave the data folder', async () => {
    for (const bad of ['../x', 'a/../../x', '/abs', 'a//b', 'a\\b', '']) {
      await expect(h.cloud.upload(bad, Buffer.from('x'))).rejects.toMatchObject({
        code: 'INVALID_PARAM',
      });
    }
  });
});
