import { beijingDate, type CalendarDate, compareDates, type Instant } from './beijing-calendar';

/**
 * 劳动合同法 第38条: the employer's faults that let the employee end the contract without a
 * notice period. 第一款 needs a written notice (the submission is that notice, effective on
 * receipt); 第二款 lets the employee leave at once without telling the employer beforehand.
 */
export const FAULT_GROUNDS = [
  'unpaid_wages',
  'no_social_insurance',
  'no_protection',
  'unlawful_rules',
  'invalid_contract',
  'other_statutory',
  'coercion',
  'unsafe_orders',
] as const;
export type FaultGround = (typeof FAULT_GROUNDS)[number];

/** 第38条第一款 or 第二款. */
export type FaultParagraph = 1 | 2;

export interface FaultGroundRule {
  readonly paragraph: FaultParagraph;
  /** As the law words it (and the letter names it). */
  readonly label: string;
  /** What it means, in plain words for the employee choosing it. */
  readonly explanation: string;
}

export const FAULT_GROUND_RULES: Record<FaultGround, FaultGroundRule> = {
  unpaid_wages: {
    paragraph: 1,
    label: '未及时足额支付劳动报酬',
    explanation: '公司拖欠工资、克扣工资，或者没有按约定足额发放加班费等劳动报酬。',
  },
  no_social_insurance: {
    paragraph: 1,
    label: '未依法为劳动者缴纳社会保险费',
    explanation: '公司没有为你缴纳社保，或者少缴、断缴。',
  },
  no_protection: {
    paragraph: 1,
    label: '未按照劳动合同约定提供劳动保护或者劳动条件',
    explanation: '公司没有提供合同约定的劳动保护用品、安全设施或工作条件。',
  },
  unlawful_rules: {
    paragraph: 1,
    label: '用人单位的规章制度违反法律、法规的规定，损害劳动者权益',
    explanation: '公司的规章制度违法，并且已经损害了你的权益（例如违法罚款、强制无偿加班）。',
  },
  invalid_contract: {
    paragraph: 1,
    label: '以欺诈、胁迫的手段或者乘人之危订立或者变更劳动合同，致使劳动合同无效',
    explanation: '公司用欺骗、威胁或趁你困难时让你签订或修改劳动合同，使合同无效。',
  },
  other_statutory: {
    paragraph: 1,
    label: '法律、行政法规规定劳动者可以解除劳动合同的其他情形',
    explanation: '法律、行政法规规定的其他可以解除劳动合同的情形。',
  },
  coercion: {
    paragraph: 2,
    label: '以暴力、威胁或者非法限制人身自由的手段强迫劳动',
    explanation:
      '公司用暴力、威胁或限制人身自由的方式强迫你劳动。你可以立即离开，不需要事先告知公司。',
  },
  unsafe_orders: {
    paragraph: 2,
    label: '违章指挥、强令冒险作业危及劳动者人身安全',
    explanation:
      '公司违反安全规定指挥、强迫你冒险作业，危及人身安全。你可以立即离开，不需要事先告知公司。',
  },
};

/** Whether any ground lets the employee leave at once (第38条第二款). */
export function leavesAtOnce(grounds: readonly FaultGround[]): boolean {
  return grounds.some((g) => FAULT_GROUND_RULES[g].paragraph === 2);
}

export function isFaultGround(value: unknown): value is FaultGround {
  return typeof value === 'string' && (FAULT_GROUNDS as readonly string[]).includes(value);
}

/**
 * 第38条: no notice period. The contract ends on the day the notice is received, or on a later
 * day the employee names in it; undefined when the named day lies before the receipt.
 */
export function faultLastWorkingDay(
  receivedAt: Instant | Date,
  named: CalendarDate | undefined,
): CalendarDate | undefined {
  const received = beijingDate(receivedAt);
  if (named === undefined) return received;
  return compareDates(named, received) >= 0 ? named : undefined;
}
