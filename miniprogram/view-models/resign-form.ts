import type { ActionResult, FaultGround, Reason } from '../../server/contract';
import { formatDate, formatInstant } from './beijing-time';

type ReasonView = ActionResult<'meta.get'>['reasons'][number];

export interface ReasonOption {
  value: Reason;
  label: string;
}

/** Reasons an employee may choose: resignation reasons switched on in the settings. */
export function resignationReasons(reasons: readonly ReasonView[]): ReasonOption[] {
  return reasons
    .filter((r) => r.kind === 'resignation' && r.enabled)
    .map((r) => ({ value: r.reason, label: r.label }));
}

type FaultGroundView = ActionResult<'meta.get'>['faultGrounds'][number];

/** The reason that needs the employer's faults named (第38条). */
export const EMPLOYER_FAULT: Reason = 'employer_fault';

export interface FaultGroundOption {
  value: FaultGround;
  label: string;
  explanation: string;
  /** 第38条第二款: the employee may leave at once, without telling the company first. */
  atOnce: boolean;
  checked: boolean;
}

/** The grounds as the page lists them, each with its plain explanation and whether chosen. */
export function faultGroundOptions(
  grounds: readonly FaultGroundView[],
  chosen: readonly FaultGround[],
): FaultGroundOption[] {
  return grounds.map((g) => ({
    value: g.ground,
    label: g.label,
    explanation: g.explanation,
    atOnce: g.paragraph === 2,
    checked: chosen.includes(g.ground),
  }));
}

/** Chooses a ground, or un-chooses it when chosen. */
export function toggleGround(chosen: readonly FaultGround[], ground: FaultGround): FaultGround[] {
  return chosen.includes(ground) ? chosen.filter((g) => g !== ground) : [...chosen, ground];
}

export interface ExplanationRule {
  shown: boolean;
  required: boolean;
  min: number;
  max: number;
}

export function explanationRule(
  reasons: readonly ReasonView[],
  reason: Reason | '',
): ExplanationRule {
  const rule = reasons.find((r) => r.reason === reason);
  if (!rule || rule.explanation === 'none')
    return { shown: false, required: false, min: 0, max: 0 };
  return {
    shown: true,
    required: rule.explanation === 'required',
    min: rule.explanationMin,
    max: rule.explanationMax,
  };
}

/** Counts as the server's check does (length after trimming), so both agree on the limit. */
export function charCount(text: string): number {
  return text.trim().length;
}

export function explanationCounter(rule: ExplanationRule, text: string): string {
  const n = charCount(text);
  if (!rule.shown) return '';
  const floor = rule.required ? `，至少 ${rule.min} 字` : '';
  return `${n}/${rule.max} 字${floor}`;
}

/** The first problem with the form, in Chinese, or '' when it may be sent. */
export function formProblem(
  rule: ExplanationRule,
  reason: Reason | '',
  text: string,
  grounds: readonly FaultGround[] = [],
): string {
  if (!reason) return '请选择离职原因';
  if (reason === EMPLOYER_FAULT && grounds.length === 0) {
    return '请至少选择一项用人单位的过错情形';
  }
  const n = charCount(text);
  if (rule.required && n < rule.min) return `请填写说明，至少 ${rule.min} 字`;
  if (rule.shown && n > rule.max) return `说明最多 ${rule.max} 字`;
  if (rule.shown && !rule.required && n > 0 && n < rule.min) {
    return `说明至少 ${rule.min} 字，或留空`;
  }
  return '';
}

export interface Receipt {
  caseId: string;
  noticeReceivedAt: string;
  lastWorkingDay: string;
  noticeTextHash: string;
}

export function receiptOf(result: ActionResult<'case.submit'>): Receipt {
  return {
    caseId: result.caseId,
    noticeReceivedAt: formatInstant(result.noticeReceivedAt),
    lastWorkingDay: formatDate(result.lastWorkingDay),
    noticeTextHash: result.noticeTextHash,
  };
}

type ResignationPreview = ActionResult<'me.get'>['resignationPreview'];

/** What the employee checks before the notice goes out: the last day it would set. */
export function submitConfirmation(preview: ResignationPreview): string[] {
  if (!preview) return ['最后工作日以提交后的回执为准。'];
  return [
    `预计最后工作日：${formatDate(preview.lastWorkingDay)}`,
    `即送达次日起 ${preview.noticeDays} 日（《劳动合同法》第三十七条），以回执为准。`,
  ];
}
