import {
  distinctTemplateIds,
  nextToAsk,
  trialRows,
  trialSummary,
  type TrialResult,
} from '../../../miniprogram/view-models/trial-send';

const templateIds = {
  notice: 'T-EMPLOYEE-0123456789',
  daily: 'T-EMPLOYEE-0123456789',
  hr_alert: 'T-HR',
};
const result = (patch: Partial<TrialResult>): TrialResult => ({
  kind: 'notice',
  templateId: 'T-EMPLOYEE-0123456789',
  phrase: '办理通知',
  errCode: 0,
  errMsg: 'ok',
  ...patch,
});

describe('trial send: what the admin reads per template', () => {
  it('lists each configured template once, in the order of the kinds', () => {
    expect(distinctTemplateIds(templateIds)).toEqual(['T-EMPLOYEE-0123456789', 'T-HR']);
    expect(distinctTemplateIds({})).toEqual([]);
  });

  it('titles a row by the kinds that use the template and shortens the id', () => {
    const [row] = trialRows([result({})], templateIds);
    expect(row).toMatchObject({
      title: '办理通知 · 每日提醒',
      templateId: 'T-EMPLOYEE-0…',
      status: '成功',
      theme: 'success',
    });
  });

  it.each([
    [{ errCode: 47003, field: 'thing4' }, '被拒绝', ['thing4（事项或备注）', 'TEMPLATE_FIELDS']],
    [{ errCode: 47003, field: 'time2' }, '被拒绝', ['time2（时间）']],
    [{ errCode: 47003 }, '被拒绝', ['47003', 'TEMPLATE_FIELDS']],
    [{ errCode: 40037 }, '被拒绝', ['模板 ID 无效', 'TEMPLATE_IDS']],
    [{ errCode: 41030 }, '被拒绝', ['REMINDER_PAGE']],
    [{ errCode: 43101 }, '未允许', ['允许']],
    [{ errCode: -1 }, '发送失败', ['（-1）', '稍后再试']],
  ] as const)('%j → %s, saying what to fix', (patch, status, words) => {
    const [row] = trialRows([result(patch)], templateIds);
    expect(row?.status).toBe(status);
    for (const word of words) expect(row?.detail).toContain(word);
  });

  it('sums up, and asks for the templates not allowed first next time', () => {
    const results = [result({}), result({ templateId: 'T-HR', kind: 'hr_alert', errCode: 43101 })];
    expect(trialSummary(results)).toBe('2 个模板中 1 个发送成功，请按提示处理其余的');
    expect(trialSummary([result({})])).toBe('全部 1 个模板发送成功');
    expect(nextToAsk(results, ['T-EMPLOYEE-0123456789', 'T-HR'])).toEqual([
      'T-HR',
      'T-EMPLOYEE-0123456789',
    ]);
  });
});
