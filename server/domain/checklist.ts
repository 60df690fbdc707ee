/** Checklist vocabulary (DESIGN §3 "Checklist"); rules about items live in checklist-rules.ts. */
import { VOCABULARY } from './vocabulary';

export const FIXED_CHECKLIST_ITEM_IDS = [
  // Employee-side, before formalities: the handover list HR may waive for a vanished employee.
  'handover_list',
  'sign_letter',
  'sign_receipt',
  'handover_confirmed',
  'final_pay',
  'certificate_issued',
  'social_insurance_stop',
  'housing_fund_seal',
  'file_transfer',
  'severance_paid',
  'pay_in_lieu',
  'severance_review',
  'non_compete_decided',
] as const;
/**
 * Items no longer put on a checklist but still found on cases made before: `union_notified`
 * (第43条 is now checked when the termination is issued). Read, shown and ticked as stored.
 */
export const RETIRED_CHECKLIST_ITEM_IDS = ['union_notified'] as const;
export type RetiredChecklistItemId = (typeof RETIRED_CHECKLIST_ITEM_IDS)[number];

export type FixedChecklistItemId =
  (typeof FIXED_CHECKLIST_ITEM_IDS)[number] | RetiredChecklistItemId;

/** Every named item a stored case may carry, current or retired. */
export const KNOWN_CHECKLIST_ITEM_IDS: readonly FixedChecklistItemId[] = [
  ...FIXED_CHECKLIST_ITEM_IDS,
  ...RETIRED_CHECKLIST_ITEM_IDS,
];

/** One item per returned asset, e.g. `asset:badge`; the asset list is a setting. */
export type AssetItemId = `asset:${string}`;
export type ChecklistItemId = FixedChecklistItemId | AssetItemId;

export const ASSET_ID_PATTERN = /^[a-z0-9_-]{1,32}$/;
export const ASSET_ITEM_PATTERN = /^asset:[a-z0-9_-]{1,32}$/;

export function assetItemId(assetId: string): AssetItemId {
  return `asset:${assetId}`;
}

export function isChecklistItemId(value: unknown): value is ChecklistItemId {
  return (
    typeof value === 'string' &&
    ((KNOWN_CHECKLIST_ITEM_IDS as readonly string[]).includes(value) ||
      ASSET_ITEM_PATTERN.test(value))
  );
}

export const CHECKLIST_ITEM_LABELS: Record<FixedChecklistItemId, string> = {
  handover_list: '上传工作交接清单',
  sign_letter: '签署《辞职书》',
  sign_receipt: '签收《解除劳动合同通知书》',
  handover_confirmed: '确认工作交接',
  final_pay: '结清工资',
  certificate_issued: '出具离职证明',
  social_insurance_stop: '社保减员',
  housing_fund_seal: '公积金封存',
  file_transfer: '档案转移',
  union_notified: '通知工会',
  severance_paid: '支付经济补偿',
  pay_in_lieu: '支付代通知金',
  severance_review: '经济补偿审核',
  non_compete_decided: '竞业限制决定',
};

/** An asset the employee returns (工卡, 电脑 by default; HR edits the list at confirmation). */
export interface Asset {
  readonly id: string;
  readonly label: string;
}

export const DEFAULT_ASSETS: readonly Asset[] = [
  { id: 'badge', label: '工卡' },
  { id: 'laptop', label: '电脑' },
];

/** Who may tick an item. */
export const CHECKLIST_ACTORS = ['employee', 'manager', 'hr'] as const;
export type ChecklistActor = (typeof CHECKLIST_ACTORS)[number];

/**
 * How `severance_paid` is closed other than by paying (解释(一) 第35条), each with a document
 * on the case: none is owed (e.g. the employee resigned under 第37条 on their own), or the two
 * sides settled it by an agreement. Never waived.
 */
export const SEVERANCE_CLOSINGS = ['not_owed', 'settled'] as const;
export type SeveranceClosing = (typeof SEVERANCE_CLOSINGS)[number];

export const SEVERANCE_CLOSING_LABELS: Record<SeveranceClosing, string> =
  VOCABULARY.severanceClosings;
