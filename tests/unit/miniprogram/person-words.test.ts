/**
 * What a person reads before acting and while waiting: the termination's summary, the binding
 * code's warning, the meaning of a later last day, why 确认签署 is held back, and the records
 * that name their item.
 */
import { bindingCodeSummary, employeeLine } from '../../../miniprogram/view-models/binding-code';
import { consentDayHint } from '../../../miniprogram/view-models/case-detail';
import { eventTitle } from '../../../miniprogram/view-models/event-titles';
import { signHeldBack } from '../../../miniprogram/view-models/signing';
import { issueSummary } from '../../../miniprogram/view-models/termination-form';

describe('the termination’s summary before 发出 (第40条(二), 第43条)', () => {
  const base = {
    employee: '周婷（D009）· 市场部',
    noticeMode: 'notice30' as const,
    lastWorkingDay: '',
    unionBody: 'local_federation' as const,
    unionNotifiedOn: '2027-03-08',
    unionObjection: false,
  };

  it('names the employee, the ground, the day and the union', () => {
    expect(issueSummary(base)).toEqual([
      '员工：周婷（D009）· 市场部',
      '解除理由：不能胜任工作（《劳动合同法》第四十条第二项）',
      '最后工作日：通知送达员工之日起第 30 日（提前三十日书面通知）',
      '工会（第四十三条）：2027年3月8日（周一）已事先通知当地总工会或街道工会',
    ]);
  });

  it('gives the chosen day when paying in lieu, and the union’s objection', () => {
    const lines = issueSummary({
      ...base,
      noticeMode: 'payInLieu',
      lastWorkingDay: '2027-03-31',
      unionObjection: true,
    });
    expect(lines[2]).toBe('最后工作日：2027年3月31日（周三）（额外支付一个月工资）');
    expect(lines[3]).toContain('工会提出异议，已上传公司的书面答复');
  });
});

describe('the binding code’s summary', () => {
  it('names whom the code is for, by name when the lookup found one', () => {
    expect(employeeLine({ name: '刘洋', department: '研发部' })).toBe('刘洋 · 研发部');
    expect(bindingCodeSummary('D004', '刘洋 · 研发部')[0]).toBe('员工：刘洋 · 研发部（D004）');
    expect(bindingCodeSummary('D004', '')[0]).toBe('员工：工号 D004');
  });
});

describe('the consent to another last day (第36/37条)', () => {
  it('says a later day keeps the employment, the work and the pay', () => {
    expect(consentDayHint('2027-04-10', '2027-03-31')).toBe(
      '同意后劳动关系延续至2027年4月10日（周六），期间照常工作、计发工资。',
    );
  });

  it('says an earlier day ends the contract sooner, by agreement', () => {
    expect(consentDayHint('2027-03-20', '2027-03-31')).toBe(
      '同意后劳动合同于2027年3月20日（周六）解除，比法定日期提前；提前离职须与公司协商一致。',
    );
  });

  it('says nothing for the legal day or none', () => {
    expect(consentDayHint('2027-03-31', '2027-03-31')).toBe('');
    expect(consentDayHint('', '2027-03-31')).toBe('');
  });
});

describe('确认签署 held back', () => {
  it.each([
    [false, true, '请先在签名区内签名，并勾选同意以电子签名方式签署'],
    [true, true, '请先在签名区内签名'],
    [false, false, '请先勾选同意以电子签名方式签署'],
    [true, false, ''],
  ])('consent %p, pad empty %p: %p', (consent, padEmpty, text) => {
    expect(signHeldBack(consent, padEmpty)).toBe(text);
  });
});

describe('records that name their item', () => {
  const labels = [{ item: 'asset:badge', label: '工卡' }];
  it.each([
    ['checklist.done', { item: 'asset:badge' }, '完成清单项：工卡'],
    ['checklist.undone', { item: 'asset:badge' }, '取消勾选清单项：工卡'],
    ['checklist.waive', { item: 'handover_list', note: '失联' }, '豁免清单项：工作交接清单'],
    ['checklist.waive', { item: 'asset:key' }, '豁免清单项：asset:key'],
    ['case.attach', { kind: 'notice_delivery', files: [] }, '上传材料：送达凭证'],
    ['review.approve', { comment: '同意' }, '部门审批通过'],
  ] as const)('%s %j → %s', (type, payload, title) => {
    expect(eventTitle(type, payload, labels)).toBe(title);
  });
});
