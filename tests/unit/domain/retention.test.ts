import { MIN_RETENTION_YEARS, retentionYears } from '../../../server/domain';

describe('retention of closed cases', () => {
  it('劳动合同法 第50条第3款: kept at least two years, longer when the company says so', () => {
    expect(MIN_RETENTION_YEARS).toBe(2);
    expect(retentionYears(undefined)).toBe(2);
    expect(retentionYears(1)).toBe(2);
    expect(retentionYears(-5)).toBe(2);
    expect(retentionYears('10')).toBe(2);
    expect(retentionYears(Number.NaN)).toBe(2);
    expect(retentionYears(5)).toBe(5);
    expect(retentionYears(3.7)).toBe(3);
  });
});
