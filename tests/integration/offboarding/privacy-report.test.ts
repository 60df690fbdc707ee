/**
 * `privacy.report` (WeChat's 2023 privacy rules): when a private API fails with errno 112 (not
 * declared in 用户隐私保护指引), the client reports it and admins get one configuration alert
 * per API, however many people tap, naming the entry to declare.
 */
import { ADMIN_OPENID, CHINESE, type Company, startCompany } from './company-harness';

let company: Company;
beforeAll(async () => {
  company = await startCompany();
});
afterAll(() => company.dispose());

async function alerts(): Promise<Record<string, unknown>[]> {
  const { data } = await company.cloud.cloud.database().collection('config_alerts').get();
  return (data as Record<string, unknown>[]).filter((alert) => alert.source === 'privacy');
}

describe('privacy.report', () => {
  it('raises one alert per API, kept at the latest report', async () => {
    const first = company.person('D001').openid;
    const second = company.person('D002').openid;
    const now = company.cloud.clock.now().toISOString();

    for (const openid of [first, first, second]) {
      const answer = await company.call(openid, 'privacy.report', {
        api: 'chooseMessageFile',
        errno: 112,
      });
      expect(answer).toEqual({ ok: true, data: { recorded: true } });
    }
    await company.must(ADMIN_OPENID, 'privacy.report', { api: 'setClipboardData', errno: 112 });

    const stored = await alerts();
    expect(stored.map((alert) => alert._id).sort()).toEqual([
      'privacy:chooseMessageFile:112',
      'privacy:setClipboardData:112',
    ]);
    expect(stored.find((alert) => alert.api === 'chooseMessageFile')).toEqual({
      _id: 'privacy:chooseMessageFile:112',
      source: 'privacy',
      api: 'chooseMessageFile',
      errno: 112,
      declaration: '选中的文件',
      reportedBy: 'D002',
      at: now,
      resolved: false,
    });
    // An admin bound to no one is named by the OPENID.
    expect(stored.find((alert) => alert.api === 'setClipboardData')).toMatchObject({
      declaration: '剪切板',
      reportedBy: ADMIN_OPENID,
    });
  });

  it('takes only the three private APIs and errno 112, and a refusal writes nothing', async () => {
    const openid = company.person('D003').openid;
    for (const payload of [
      // 104 is the user refusing the pop-up: their choice, not a configuration fault.
      { api: 'chooseMedia', errno: 104 },
      { api: 'getLocation', errno: 112 },
      { api: 'chooseMedia', errno: 112, errMsg: 'chooseMedia:fail api scope is not declared' },
      { api: 'chooseMedia' },
    ]) {
      const before = company.cloud.stats();
      const answer = await company.call(openid, 'privacy.report', payload);
      expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(!answer.ok && answer.error.message).toMatch(CHINESE);
      expect(company.cloud.stats().writes).toBe(before.writes);
    }
  });
});
