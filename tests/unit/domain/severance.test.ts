import { SEVERANCE_CAVEATS, severanceFor } from '../../../server/domain/severance';

const months = (from: string, last: string) => severanceFor(from, last).months;

describe('劳动合同法 第47条: months of severance by years of service', () => {
  it('第47条: counts service up to the last working day inclusive (2024-03-01 → 2027-08-31 is 4)', () => {
    expect(months('2024-03-01', '2027-08-31')).toBe(4);
    expect(severanceFor('2024-03-01', '2027-08-31')).toEqual({
      months: 4,
      serviceFrom: '2024-03-01',
      serviceTo: '2027-08-31',
    });
  });

  it('第47条 with 民法典 第1259条: six months exactly is "六个月以上" (2020-01-15 → 2020-07-14 is 1)', () => {
    expect(months('2020-01-15', '2020-07-14')).toBe(1);
    expect(months('2020-01-15', '2020-07-13')).toBe(0.5);
  });

  it('第47条: a remainder under six months is half a month, a full year with none is one', () => {
    expect(months('2020-01-15', '2021-01-14')).toBe(1);
    expect(months('2020-01-15', '2021-01-15')).toBe(1.5);
    expect(months('2020-01-15', '2020-01-15')).toBe(0.5);
    expect(months('2015-06-01', '2027-05-31')).toBe(12);
  });

  it("第47条: a start on the 31st completes a month on a shorter month's last day", () => {
    expect(months('2023-01-31', '2023-07-30')).toBe(1);
    expect(months('2023-01-31', '2023-07-29')).toBe(0.5);
  });

  it('第47条第二款 and 第97条第三款: the cap for high pay and service before 2008 are said in words', () => {
    expect(SEVERANCE_CAVEATS.join('')).toContain('三倍');
    expect(SEVERANCE_CAVEATS.join('')).toContain('十二年');
    expect(SEVERANCE_CAVEATS.join('')).toContain('2008年1月1日前');
  });
});
