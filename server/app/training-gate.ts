import type { ActionName } from '../contract';
import { trainingPolicyOf } from '../domain/policy';
import type { Caller } from './caller';
import { type Failure, guardFailed } from './outcome';
import type { SettingsRepository } from './ports/settings.port';
import type { TrainingProgressRepository } from './ports/training-progress.port';
import { learnerIdOf } from './training';

/**
 * What managers and HR do for others: approving, the HR steps, terminations, closing, the
 * roster. Never anything an employee does for their own departure: a resignation is a right
 * (第37条) and no training setting ever stands in its way.
 */
export const GATED_ACTIONS: ReadonlySet<ActionName> = new Set<ActionName>([
  'case.review',
  'case.hrEscalate',
  'case.hrConfirm',
  'case.hrReturn',
  'case.hrCancel',
  'case.terminate',
  'case.issue',
  'case.close',
  'case.remind',
  'admin.import',
  'admin.bindingCode',
]);

/** The course list page, for the client to link to (the message names it too). */
export const TRAINING_PAGE = '/packages/training/pages/catalog/index';

/**
 * The optional gate (`policy.training.gateReviewersOnMastery`, off by default): with it on, a
 * manager or HR who is not 已掌握 is asked to finish the training before their approval and
 * admin actions. Admins from ADMIN_OPENIDS, bound to no one, are how the first accounts are
 * made and are not gated. Costs one read, and only when the setting is on.
 */
export function trainingGate(deps: {
  readonly settings: SettingsRepository;
  readonly progress: TrainingProgressRepository;
}): (caller: Caller, action: ActionName) => Promise<Failure | null> {
  return async (caller, action) => {
    if (!GATED_ACTIONS.has(action) || !caller.employee) return null;
    const { policy } = await deps.settings.get();
    if (!trainingPolicyOf(policy).gateReviewersOnMastery) return null;
    const progress = await deps.progress.get(learnerIdOf(caller));
    if (progress?.mastered) return null;
    const failure = guardFailed(
      'training_mastered',
      '公司要求经理和 HR 先完成离职办理培训：请在「我的 → 离职办理培训」学完课程、通过测验并完成模拟离职流程后再办理',
    );
    return {
      ...failure,
      error: { ...failure.error, details: { ...failure.error.details, page: TRAINING_PAGE } },
    };
  };
}
