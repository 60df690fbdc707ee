import { boardHandlers } from '../../../server/app/board';
import { documentHandlers } from '../../../server/app/case-documents';
import { caseReminderHandlers } from '../../../server/app/case-reminders';
import { viewHandlers } from '../../../server/app/case-views';
import { certificateHandlers } from '../../../server/app/documents/certificate-actions';
import { documentsViewHandlers } from '../../../server/app/documents/documents-view';
import { verifyHandlers } from '../../../server/app/documents/verify-document';
import { workflowHandlers } from '../../../server/app/case-workflow';
import { identityHandlers } from '../../../server/app/identity';
import { metaHandlers } from '../../../server/app/meta';
import { configAlertHandlers } from '../../../server/app/config-alerts';
import { oaCallbackHandlers } from '../../../server/app/oa-callbacks';
import { privacyHandlers } from '../../../server/app/privacy-reports';
import { rosterHandlers } from '../../../server/app/roster';
import { createRpcHandler } from '../../../server/app/rpc-handler';
import { statsHandlers } from '../../../server/app/stats';
import { trialSendHandlers } from '../../../server/app/trial-send';
import { anchorMarkersRepository } from '../../../server/infra/anchor-markers.repository';
import { caseQueries } from '../../../server/infra/case-queries';
import { bindingsRepository } from '../../../server/infra/bindings.repository';
import { casesRepository } from '../../../server/infra/cases.repository';
import { cloudFileStore } from '../../../server/infra/cloud-file-store';
import { configAlertsRepository } from '../../../server/infra/config-alerts.repository';
import { employeesRepository } from '../../../server/infra/employees.repository';
import {
  adminOpenids,
  type CloudFunctionMain,
  type FunctionDeps,
} from '../../../server/infra/function-deps';
import { nodeCrypto } from '../../../server/infra/node-crypto';
import { oaCallbacksRepository } from '../../../server/infra/oa-callbacks.repository';
import { cloudReminderDelivery } from '../../../server/infra/reminder-wiring';
import { remindersRepository } from '../../../server/infra/reminders.repository';
import { defaultSettings, settingsRepository } from '../../../server/infra/settings.repository';
import { subscribeMessageNotifier } from '../../../server/infra/subscribe-message.notifier';
import { subscriptionsRepository } from '../../../server/infra/subscriptions.repository';

export { adminOpenids };

/** The RPC function every page calls: wires the cloud adapters into the use cases. */
export function createMain({ cloud, clock, env }: FunctionDeps): CloudFunctionMain {
  const db = cloud.database();
  const admins = adminOpenids(env);
  const employees = employeesRepository(db);
  const cases = casesRepository(db);
  const settings = settingsRepository(db, defaultSettings(env), clock);
  const crypto = nodeCrypto;
  const queries = caseQueries(db);
  const files = cloudFileStore(cloud);
  const configAlerts = configAlertsRepository(db);
  const handle = createRpcHandler({
    employees,
    clock,
    adminOpenids: admins,
    logError: (error) => console.error('offboarding:', error),
    handlers: {
      ...identityHandlers({
        employees,
        bindings: bindingsRepository(db),
        settings,
        subscriptions: subscriptionsRepository(db),
        openCases: {
          async findOpenCase(employeeNo) {
            const open = await cases.findOpen(employeeNo);
            return (
              open && {
                caseId: open.caseId,
                kind: open.kind,
                state: open.state,
                version: open.version,
              }
            );
          },
        },
        crypto,
        adminOpenids: admins,
      }),
      ...metaHandlers({ settings }),
      ...privacyHandlers({ configAlerts }),
      ...configAlertHandlers({ configAlerts, settings }),
      ...rosterHandlers({ employees }),
      ...workflowHandlers({ cases, employees, settings, crypto }),
      ...documentHandlers({ cases, settings, files, crypto }),
      ...viewHandlers({
        cases,
        reminders: remindersRepository(db),
        anchors: anchorMarkersRepository(db),
        files,
        settings,
        crypto,
      }),
      ...documentsViewHandlers({ cases, files }),
      ...certificateHandlers({ cases, settings, crypto }),
      ...verifyHandlers({
        cases,
        anchors: anchorMarkersRepository(db),
        files,
        crypto,
      }),
      ...caseReminderHandlers({
        cases,
        employees,
        settings,
        delivery: cloudReminderDelivery(cloud),
      }),
      ...boardHandlers({ cases: queries, employees }),
      ...oaCallbackHandlers({ cases, outbox: oaCallbacksRepository(db) }),
      ...statsHandlers({ cases: queries, settings }),
      ...trialSendHandlers({ settings, sender: subscribeMessageNotifier(cloud) }),
    },
  });
  return async (event) => {
    const { OPENID, CLIENTIP } = cloud.getWXContext();
    return handle(event, { openid: OPENID, clientIp: CLIENTIP });
  };
}
