/**
 * The non-compete decision as a case stores it, apart from the rules in non-compete.ts so the
 * case record can name it without a cycle.
 */
/** HR's decision at exit on a contract's non-compete clause (劳动合同法 第23/24条). */
export const NON_COMPETE_DECISIONS = ['enforced', 'released'] as const;
export type NonCompeteDecisionKind = (typeof NON_COMPETE_DECISIONS)[number];

/** What HR records; the amounts are in yuan. */
export interface NonCompeteInput {
  readonly decision: NonCompeteDecisionKind;
  readonly months?: number;
  readonly monthlyCompensation?: number;
  readonly averageMonthlyWage?: number;
  readonly minimumWage?: number;
}

/** The decision as stored on the case. */
export interface NonCompeteDecision extends NonCompeteInput {
  readonly decidedAt: string;
  readonly decidedBy: string;
}
