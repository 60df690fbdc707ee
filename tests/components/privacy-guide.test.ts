/** @jest-environment jsdom */
import { openPage } from './fixtures/page';
import { allText, setUp, type WxMocks } from './harness';

describe('隐私保护指引 (个保法 第17条)', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
  });

  const open = () => openPage(simulate, 'packages/privacy/pages/guide/index', {}, 4);

  it('个保法 第17条: names the handler and contact, what is collected, why, how long and who sees it', async () => {
    wx.answer('privacy.get', {
      handler: '示例科技有限公司',
      contact: 'privacy@example.com',
      retentionYears: 3,
    });
    const page = await open();
    const text = allText(page);
    expect(text).toContain('处理者：示例科技有限公司');
    expect(text).toContain('联系方式：privacy@example.com');
    for (const collected of [
      '姓名',
      '工号',
      'OPENID',
      '电子签名图像',
      '客户端 IP',
      '上传的文件',
      '手机号',
      '离职面谈问卷',
    ]) {
      expect(text).toContain(collected);
    }
    expect(text).toContain('保存 3 年');
    expect(text).toContain('腾讯云作为受托处理者');
    expect(text).toContain('第四十五条');
    expect(text).toContain('第四十七条');
  });

  it('still shows the guide when the company is not configured or the server cannot be reached', async () => {
    wx.dropNext('privacy.get');
    const page = await open();
    const text = allText(page);
    expect(text).toContain('处理者：本公司（你的用人单位）');
    expect(text).toContain('保存 2 年');
  });
});
