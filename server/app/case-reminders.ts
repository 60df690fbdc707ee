import { inSendWindow, manualReminderSlot } from '../domain/reminder-policy';
import { hrActor, loadCase } from './case-access';
import { presentReminder } from '../contract';
import { FUNCTION_TIMEOUT_MAX_MS, type ReminderDelivery } from './reminder-delivery';
import type { Handler } from './rpc-handler';
import { guardFailed, ok } from './outcome';
import type { CasesRepository } from './ports/cases.port';
import type { EmployeesRepository } from './ports/employees.port';
import type { SettingsRepository } from './ports/settings.port';

export interface CaseRemindersDeps {
  readonly cases: CasesRepository;
  readonly employees: EmployeesRepository;
  readonly settings: SettingsRepository;
  readonly delivery: ReminderDelivery;
}

/**
 * `case.remind` (HR): one message to the employee about their open task, now, through the
 * timer's send path and log. The once-a-day rule still holds: when the employee already had a
 * message today the manual one is recorded `skipped`. Round trips: the entry's caller lookup,
 * the case, the employee's binding, the case's reminders, the add, the settle and the case
 * update — the send itself cannot be done in the usual four.
 */
export function caseReminderHandlers(deps: CaseRemindersDeps): {
  'case.remind': Handler<'case.remind'>;
} {
  return {
    async 'case.remind'({ caller, now }, { caseId, note }) {
      const loaded = await loadCase(deps.cases, caller, caseId);
      if (!loaded.ok) return loaded;
      const caseDoc = loaded.case;
      const settings = await deps.settings.get();
      const policy = settings.policy.reminders;
      const slot = manualReminderSlot(caseDoc, now, policy, note);
      if (!slot) {
        return guardFailed('employee_task_open', '员工当前没有待办事项，无需提醒');
      }
      if (!inSendWindow(now, policy)) {
        const { startHour, endHour } = policy.sendWindow;
        return guardFailed('send_window', `提醒只在每天 ${startHour}:00–${endHour}:00 发送`);
      }
      const employee = await deps.employees.get(caseDoc.employee.employeeNo);
      const result = await deps.delivery.visit(
        {
          settings,
          now,
          staleSendingMs: FUNCTION_TIMEOUT_MAX_MS,
          actor: hrActor(caller),
          raised: new Set(),
        },
        caseDoc,
        {
          employee: employee?.openid ?? caseDoc.employeeOpenid ?? null,
          manager: null,
          hr: caseDoc.hrOwner ? [caseDoc.hrOwner] : [],
        },
        { manual: slot },
      );
      return ok({ caseId, reminders: result.reminders.map(presentReminder) });
    },
  };
}
