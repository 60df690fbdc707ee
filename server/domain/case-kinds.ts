import { VOCABULARY } from './vocabulary';

/** The two kinds of departure (DESIGN §3): one state machine serves both. */
export const CASE_KINDS = ['resignation', 'termination'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** How a termination for incompetence ends the notice period (劳动合同法 第40条). */
export const NOTICE_MODES = ['notice30', 'payInLieu'] as const;
export type NoticeMode = (typeof NOTICE_MODES)[number];

/** Who asked for a last working day earlier than the legal default (第36/46条). */
export const EARLY_RELEASE_PROPOSERS = ['employee', 'company'] as const;
export type EarlyReleaseProposer = (typeof EARLY_RELEASE_PROPOSERS)[number];

/**
 * Whom the company told before a termination (劳动合同法 第43条): its union, or where it has
 * none the local federation / street union or the employee representatives (江苏条例 第31条).
 */
export const UNION_BODIES = [
  'company_union',
  'local_federation',
  'employee_representatives',
] as const;
export type UnionBody = (typeof UNION_BODIES)[number];

export const UNION_BODY_LABELS: Record<UnionBody, string> = VOCABULARY.unionBodies;

/** 第43条: the union notified before the issue, and the company's reply when it objected. */
export interface UnionNotice {
  readonly notifiedOn: string;
  readonly body: UnionBody;
  readonly objection?: boolean;
}

/** How HR delivered a termination notice (民法典 第137条: it takes effect on delivery). */
export const DELIVERY_METHODS = ['in_person', 'ems', 'email', 'other'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

/** `mini_program`: the employee opened the notice in the mini program (logged by the server). */
export type DeliveryChannel = DeliveryMethod | 'mini_program';

export const DELIVERY_CHANNEL_LABELS: Record<DeliveryChannel, string> = VOCABULARY.deliveryChannels;

/**
 * Why HR cancels a case (DESIGN §3 `hr.cancel`): HR never revokes a resignation alone. The
 * employee's written request (民法典 第141条: once the notice arrived, withdrawing it takes the
 * company's consent, which this is), a duplicate, or an OA entry made in error; a delivered
 * termination only with the employee's agreement.
 */
export const CANCEL_BASES = [
  'employee_request',
  'duplicate',
  'entered_in_error',
  'employee_agreed',
] as const;
export type CancelBasis = (typeof CANCEL_BASES)[number];

export const CANCEL_BASIS_LABELS: Record<CancelBasis, string> = VOCABULARY.cancelBases;

export function isCancelBasis(value: string): value is CancelBasis {
  return (CANCEL_BASES as readonly string[]).includes(value);
}
