import { type AttachmentKind } from './attachments';
import { type CaseKind } from './case-kinds';
import { VOCABULARY } from './vocabulary';

/**
 * Departure reasons: three for a resignation (第37条; 第38条 when the employer is at fault), one
 * for a termination (第40条(二)).
 */
export const REASONS = ['resignation', 'personal', 'incompetence', 'employer_fault'] as const;
export type Reason = (typeof REASONS)[number];

export const REASON_LABELS: Record<Reason, string> = VOCABULARY.reasons;

/**
 * What a reason requires before a case may advance. `attachmentsAllOf` lists kinds each
 * needed; every group in `attachmentsAnyOf` needs at least one of its kinds.
 */
export interface ReasonRule {
  readonly reason: Reason;
  readonly kind: CaseKind;
  readonly label: string;
  readonly enabled: boolean;
  readonly explanation: 'none' | 'optional' | 'required';
  readonly explanationMin: number;
  readonly explanationMax: number;
  readonly attachmentsAllOf: readonly AttachmentKind[];
  readonly attachmentsAnyOf: readonly (readonly AttachmentKind[])[];
}

export type ReasonsConfig = Readonly<Record<Reason, ReasonRule>>;

export const DEFAULT_REASONS: ReasonsConfig = {
  resignation: {
    reason: 'resignation',
    kind: 'resignation',
    label: REASON_LABELS.resignation,
    enabled: true,
    explanation: 'optional',
    explanationMin: 10,
    explanationMax: 500,
    attachmentsAllOf: [],
    attachmentsAnyOf: [],
  },
  personal: {
    reason: 'personal',
    kind: 'resignation',
    label: REASON_LABELS.personal,
    enabled: true,
    explanation: 'required',
    explanationMin: 10,
    explanationMax: 500,
    attachmentsAllOf: [],
    attachmentsAnyOf: [],
  },
  // 第40条(二): not competent, and still not after training or a change of post.
  incompetence: {
    reason: 'incompetence',
    kind: 'termination',
    label: REASON_LABELS.incompetence,
    enabled: true,
    explanation: 'optional',
    explanationMin: 10,
    explanationMax: 500,
    attachmentsAllOf: ['appraisal_record'],
    attachmentsAnyOf: [['training_certificate', 'position_change_record']],
  },
  // 第38条: the employee ends the contract for the employer's fault, naming the grounds.
  employer_fault: {
    reason: 'employer_fault',
    kind: 'resignation',
    label: REASON_LABELS.employer_fault,
    enabled: true,
    explanation: 'optional',
    explanationMin: 10,
    explanationMax: 500,
    attachmentsAllOf: [],
    attachmentsAnyOf: [],
  },
};

export function reasonsOfKind(config: ReasonsConfig, kind: CaseKind): Reason[] {
  return Object.values(config)
    .filter((rule) => rule.kind === kind && rule.enabled)
    .map((rule) => rule.reason);
}
