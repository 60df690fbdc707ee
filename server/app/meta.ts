import { STATE_LABELS } from '../domain/case-states';
import { assetItemId, CHECKLIST_ITEM_LABELS, FIXED_CHECKLIST_ITEM_IDS } from '../domain/checklist';
import { FAULT_GROUND_RULES, FAULT_GROUNDS } from '../domain/employer-fault';
import { retentionYears } from '../domain/retention';
import type { Handler } from './rpc-handler';
import { ok } from './outcome';
import type { SettingsRepository } from './ports/settings.port';

/** `meta.get`: what the pages need to label and explain things, from the company settings. */
export function metaHandlers(deps: { readonly settings: SettingsRepository }): {
  'meta.get': Handler<'meta.get'>;
  'privacy.get': Handler<'privacy.get'>;
} {
  return {
    // 个保法 第17条: what the privacy guide names; anyone with an OPENID may read it, before
    // binding gives the company anything.
    async 'privacy.get'() {
      const settings = await deps.settings.get();
      return ok({
        handler: settings.companyName ?? null,
        contact: settings.privacyContact ?? null,
        retentionYears: retentionYears(settings.retentionYears),
      });
    },
    async 'meta.get'() {
      const { policy, templateIds } = await deps.settings.get();
      return ok({
        reasons: Object.values(policy.reasons).map((rule) => ({
          ...rule,
          attachmentsAllOf: [...rule.attachmentsAllOf],
          attachmentsAnyOf: rule.attachmentsAnyOf.map((group) => [...group]),
        })),
        states: STATE_LABELS,
        checklistItems: [
          ...FIXED_CHECKLIST_ITEM_IDS.map((item) => ({ item, label: CHECKLIST_ITEM_LABELS[item] })),
          ...policy.assets.map((asset) => ({ item: assetItemId(asset.id), label: asset.label })),
        ],
        policy: {
          employeeMayWithdrawBeforeReview: policy.employeeMayWithdrawBeforeReview,
          escalateAfterDays: policy.escalateAfterDays,
          assets: [...policy.assets],
          reminders: {
            sendWindow: { ...policy.reminders.sendWindow },
            employeeTask: {
              ...policy.reminders.employeeTask,
              dailyDays: [...policy.reminders.employeeTask.dailyDays],
            },
            managerReview: { ...policy.reminders.managerReview },
            legalDeadline: {
              daysBeforeLastDay: [...policy.reminders.legalDeadline.daysBeforeLastDay],
              transferDaysAfterLastDay: [
                ...policy.reminders.legalDeadline.transferDaysAfterLastDay,
              ],
            },
          },
        },
        templateIds,
        faultGrounds: FAULT_GROUNDS.map((ground) => ({ ground, ...FAULT_GROUND_RULES[ground] })),
      });
    },
  };
}
