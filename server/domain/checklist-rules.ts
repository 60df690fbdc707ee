import { addDays, beijingDate, type CalendarDate, type Instant } from './beijing-calendar';
import { type CaseKind, type EarlyReleaseProposer, type NoticeMode } from './case-kinds';
import { type ChecklistEntry } from './case-record';
import {
  type Asset,
  assetItemId,
  type ChecklistActor,
  CHECKLIST_ITEM_LABELS,
  type ChecklistItemId,
  type FixedChecklistItemId,
} from './checklist';
import { certificateDue, finalPayDue, transferDue } from './notice-period';

/** Days the employee has to sign once formalities start (DESIGN §3 "Checklist"). */
export const SIGN_WITHIN_DAYS = 3;

/** Items only the employee can complete; HR may waive them only after the last working day. */
export const EMPLOYEE_SIDE_ITEMS: readonly ChecklistItemId[] = [
  'handover_list',
  'sign_letter',
  'sign_receipt',
];

export const SIGN_ITEMS: readonly ChecklistItemId[] = ['sign_letter', 'sign_receipt'];
export const PAY_AND_CERTIFICATE_ITEMS: readonly ChecklistItemId[] = [
  'final_pay',
  'certificate_issued',
];
export const TRANSFER_ITEMS: readonly ChecklistItemId[] = [
  'social_insurance_stop',
  'housing_fund_seal',
  'file_transfer',
];

/**
 * The employer's statutory duties: done (with a note), never waived. Final pay (工资支付暂行规定
 * 第9条), the certificate and the transfers (劳动合同法 第50条; the housing fund's deadline is
 * 30 days, 住房公积金管理条例 第15条), and severance (第46/47条).
 */
export const STATUTORY_DUTIES: readonly ChecklistItemId[] = [
  ...PAY_AND_CERTIFICATE_ITEMS,
  ...TRANSFER_ITEMS,
  'severance_paid',
  // 第23/24条: whether the non-compete applies is decided and recorded, never waived.
  'non_compete_decided',
];

/** The sign item's label when the letter is a 《被迫解除劳动合同通知书》 (第38条). */
export const FAULT_SIGN_LABEL = '签署《被迫解除劳动合同通知书》';
/** Items ticked only by their own action, never by `case.checklist`. */
export const DECISION_ITEMS: readonly ChecklistItemId[] = ['non_compete_decided'];

export function isEmployeeSideItem(item: ChecklistItemId): boolean {
  return EMPLOYEE_SIDE_ITEMS.includes(item);
}

export function signItemOf(kind: CaseKind): FixedChecklistItemId {
  return kind === 'resignation' ? 'sign_letter' : 'sign_receipt';
}

export interface ChecklistPlan {
  readonly kind: CaseKind;
  readonly formalitiesStart: Instant | Date;
  readonly lastWorkingDay: CalendarDate;
  readonly hasManager: boolean;
  readonly assets: readonly Asset[];
  readonly noticeMode?: NoticeMode;
  readonly earlyReleaseProposedBy?: EarlyReleaseProposer;
  /** 第38条: the employee ended the contract for the employer's fault. */
  readonly employerFault?: boolean;
  /** The contract has a non-compete clause (第23条). */
  readonly nonCompete?: boolean;
}

function entry(
  item: FixedChecklistItemId,
  by: readonly ChecklistActor[],
  due: CalendarDate,
): ChecklistEntry {
  return { item, label: CHECKLIST_ITEM_LABELS[item], by, due, done: false };
}

/** The formalities checklist of DESIGN §3, with who may tick each item and its due date. */
export function buildChecklist(plan: ChecklistPlan): ChecklistEntry[] {
  const last = plan.lastWorkingDay;
  const sign = entry(
    signItemOf(plan.kind),
    ['employee'],
    addDays(beijingDate(plan.formalitiesStart), SIGN_WITHIN_DAYS),
  );
  const items: ChecklistEntry[] = [
    plan.employerFault ? { ...sign, label: FAULT_SIGN_LABEL } : sign,
    entry('handover_confirmed', plan.hasManager ? ['manager'] : ['hr'], last),
  ];
  for (const asset of plan.assets) {
    items.push({
      item: assetItemId(asset.id),
      label: `归还${asset.label}`,
      by: ['hr', 'manager'],
      due: last,
      done: false,
    });
  }
  // 工资支付暂行规定 第9条 (final pay) and 第50条 (certificate): on the last working day.
  items.push(entry('final_pay', ['hr'], finalPayDue(last)));
  items.push(entry('certificate_issued', ['hr'], certificateDue(last)));
  // 第50条: social insurance and the file within 15 days; the housing fund's legal deadline is
  // 30 days (住房公积金管理条例 第15条), 15 kept as the internal target.
  for (const item of ['social_insurance_stop', 'housing_fund_seal', 'file_transfer'] as const) {
    items.push(entry(item, ['hr'], transferDue(last)));
  }
  if (plan.kind === 'termination') {
    items.push(entry('severance_paid', ['hr'], last)); // 第47条
    if (plan.noticeMode === 'payInLieu') items.push(entry('pay_in_lieu', ['hr'], last)); // 第40条
  }
  // 第38条 → 第46条(一): severance is owed when the employer's fault is made out; HR reviews
  // the grounds and pays it (or closes it as not owed, with the document).
  if (plan.employerFault) items.push(entry('severance_paid', ['hr'], last)); // 第47条
  // 第46条(一) for the employer's fault, 第46条(二) for a company-proposed early release (第36条).
  if (plan.employerFault || plan.earlyReleaseProposedBy === 'company') {
    items.push(entry('severance_review', ['hr'], last));
  }
  // 第23/24条: HR decides at exit whether the non-compete applies (case.nonCompete).
  if (plan.nonCompete === true) items.push(entry('non_compete_decided', ['hr'], last));
  return items;
}

export function isSettled(entryValue: ChecklistEntry): boolean {
  return entryValue.done || entryValue.waived === true;
}

export function openItems(checklist: readonly ChecklistEntry[]): ChecklistEntry[] {
  return checklist.filter((item) => !isSettled(item));
}
