/**
 * 劳动合同法 第50条第3款: the employer keeps the text of an ended contract at least two years.
 * The company may keep its cases longer (`settings.retentionYears`), never shorter.
 */
export const MIN_RETENTION_YEARS = 2;

/** The retention the company configured, raised to the legal minimum; whole years. */
export function retentionYears(configured: unknown): number {
  if (typeof configured !== 'number' || !Number.isFinite(configured)) return MIN_RETENTION_YEARS;
  return Math.max(MIN_RETENTION_YEARS, Math.floor(configured));
}
