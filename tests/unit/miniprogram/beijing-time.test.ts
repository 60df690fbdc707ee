import {
  beijingDateOf,
  beijingToday,
  daysBetween,
  formatDate,
  formatInstant,
} from '../../../miniprogram/view-models/beijing-time';

describe('Beijing time, whatever the device zone', () => {
  const originalTz = process.env.TZ;
  beforeAll(() => {
    // A phone abroad: the display must still be Beijing time.
    process.env.TZ = 'America/Los_Angeles';
  });
  afterAll(() => {
    process.env.TZ = originalTz;
  });

  it('formats instants in Beijing time from any offset', () => {
    expect(formatInstant('2027-03-01T02:05:00Z')).toBe('2027-03-01 10:05');
    expect(formatInstant('2027-03-01T10:05:00+08:00')).toBe('2027-03-01 10:05');
    // 23:30 UTC is already the next day in Beijing.
    expect(formatInstant('2027-02-28T23:30:00.000Z')).toBe('2027-03-01 07:30');
  });

  it('shows a dash for missing or malformed instants', () => {
    expect(formatInstant(undefined)).toBe('—');
    expect(formatInstant('not a time')).toBe('—');
  });

  it('takes the Beijing calendar date of an instant', () => {
    expect(beijingDateOf('2027-03-31T16:00:00Z')).toBe('2027-04-01');
    expect(beijingDateOf('2027-03-31T15:59:59Z')).toBe('2027-03-31');
    expect(beijingToday(Date.parse('2027-12-31T16:00:00Z'))).toBe('2028-01-01');
  });

  it('formats calendar dates with their weekday, never shifting the day', () => {
    expect(formatDate('2027-03-01')).toBe('2027年3月1日（周一）');
    expect(formatDate('2028-02-29')).toBe('2028年2月29日（周二）');
    expect(formatDate('2027-02-30')).toBe('—');
    expect(formatDate(null)).toBe('—');
  });

  it('counts calendar days between dates', () => {
    expect(daysBetween('2027-03-01', '2027-03-31')).toBe(30);
    expect(daysBetween('2027-03-31', '2027-03-01')).toBe(-30);
    expect(daysBetween('2027-03-01', 'x')).toBeNull();
  });
});
