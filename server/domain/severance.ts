import { addDays, compareDates, type CalendarDate } from './beijing-calendar';

/** What the months of 第47条 leave out, said to HR beside the number. */
export const SEVERANCE_CAVEATS: readonly string[] = [
  '月工资高于用人单位所在地上年度职工月平均工资三倍的，按三倍的数额支付，年限最高不超过十二年（劳动合同法 第47条第二款）。',
  '2008年1月1日前的工作年限，按当时有关规定计算（劳动合同法 第97条第三款）。',
];

export interface Severance {
  /** Months of pay owed: each full year 1, a remainder of 6 months or more 1, less ½. */
  readonly months: number;
  readonly serviceFrom: CalendarDate;
  readonly serviceTo: CalendarDate;
}

function parts(date: CalendarDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 0, m ?? 1, d ?? 1];
}

/** `date` plus `months` calendar months, the day clamped to the month's end (1月31日 + 1 → 2月28日). */
function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * 劳动合同法 第47条: severance by years of service in this company, counted up to the last
 * working day inclusive (measured to the day after it). "六个月以上" includes six months
 * (民法典 第1259条: 以上 includes the number itself).
 */
export function severanceFor(serviceFrom: CalendarDate, lastWorkingDay: CalendarDate): Severance {
  const end = addDays(lastWorkingDay, 1);
  const [fy, fm] = parts(serviceFrom);
  const [ey, em] = parts(end);
  let months = Math.max(0, (ey - fy) * 12 + (em - fm));
  while (months > 0 && compareDates(addMonths(serviceFrom, months), end) > 0) months -= 1;
  const years = Math.floor(months / 12);
  const remainderMonths = months % 12;
  const remainderDays = compareDates(addMonths(serviceFrom, months), end) < 0;
  const extra = remainderMonths >= 6 ? 1 : remainderMonths > 0 || remainderDays ? 0.5 : 0;
  return { months: years + extra, serviceFrom, serviceTo: lastWorkingDay };
}
