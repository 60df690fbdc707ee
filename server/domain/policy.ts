import { type Asset, DEFAULT_ASSETS } from './checklist';
import { DEFAULT_REASONS, type ReasonsConfig } from './reasons';

/**
 * Company settings the domain decides with. They are passed in as data (the app layer reads
 * them from the `settings` collection); the defaults are those of DESIGN §3.
 */
export interface ReminderPolicy {
  /** Sends happen in [startHour, endHour) Beijing; a slot due at night waits for startHour. */
  readonly sendWindow: { readonly startHour: number; readonly endHour: number };
  readonly employeeTask: {
    readonly dailyDays: readonly number[];
    readonly gentleDay: number;
    readonly seriousFromDay: number;
    readonly hrAlertDay: number;
  };
  readonly managerReview: {
    /** Reminders start once the case has waited this many days after the handover list. */
    readonly afterDays: number;
    readonly hrAlertDay: number;
  };
  readonly legalDeadline: {
    /** Days before the last working day (0 = on it) for final pay and the certificate. */
    readonly daysBeforeLastDay: readonly number[];
    /** Days after the last working day for the transfers (第50条: within 15 days). */
    readonly transferDaysAfterLastDay: readonly number[];
  };
}

export interface Policy {
  readonly employeeMayWithdrawBeforeReview: boolean;
  /** Days the manager may take before HR may escalate (DESIGN: waiting > 3 days). */
  readonly escalateAfterDays: number;
  readonly reasons: ReasonsConfig;
  readonly assets: readonly Asset[];
  readonly reminders: ReminderPolicy;
  readonly training: TrainingPolicy;
}

/** Training (courses and quiz): the quiz's pass mark, and the optional mastery gate. */
export interface TrainingPolicy {
  /** Percent of questions answered right that passes a quiz. */
  readonly passMark: number;
  /**
   * Off by default. Never gates a resignation (第37条: notice is the employee's right); when on,
   * it asks managers and HR to be 已掌握 before their approval and admin actions.
   */
  readonly gateReviewersOnMastery: boolean;
}

export const DEFAULT_TRAINING_POLICY: TrainingPolicy = {
  passMark: 80,
  gateReviewersOnMastery: false,
};

/**
 * The training policy from the stored settings, field by field: the settings document may
 * carry only part of it (or a value of the wrong type, which falls back to the default).
 */
export function trainingPolicyOf(policy: Pick<Policy, 'training'>): TrainingPolicy {
  const stored: Partial<Record<keyof TrainingPolicy, unknown>> = policy.training ?? {};
  const passMark = stored.passMark;
  return {
    passMark:
      typeof passMark === 'number' && Number.isInteger(passMark) && passMark >= 0 && passMark <= 100
        ? passMark
        : DEFAULT_TRAINING_POLICY.passMark,
    gateReviewersOnMastery: stored.gateReviewersOnMastery === true,
  };
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  sendWindow: { startHour: 9, endHour: 21 },
  employeeTask: { dailyDays: [1, 2, 4, 5, 6], gentleDay: 3, seriousFromDay: 7, hrAlertDay: 7 },
  managerReview: { afterDays: 2, hrAlertDay: 4 },
  legalDeadline: { daysBeforeLastDay: [3, 0], transferDaysAfterLastDay: [10, 14] },
};

export const DEFAULT_POLICY: Policy = {
  employeeMayWithdrawBeforeReview: true,
  escalateAfterDays: 3,
  reasons: DEFAULT_REASONS,
  assets: DEFAULT_ASSETS,
  reminders: DEFAULT_REMINDER_POLICY,
  training: DEFAULT_TRAINING_POLICY,
};
