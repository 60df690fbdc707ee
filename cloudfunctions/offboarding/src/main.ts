import { boardHandlers } from '../../../server/app/board';
import { documentHandlers } from '../../../server/app/case-documents';
import { caseReminderHandlers } from '../../../server/app/case-reminders';
import { purgeHandlers } from '../../../server/app/case-purge';
import { viewHandlers } from '../../../server/app/case-views';
import { certificateHandlers } from '../../../server/app/documents/certificate-actions';
import { documentsViewHandlers } from '../../../server/app/documents/documents-view';
import { verifyHandlers } from '../../../server/app/documents/verify-document';
import { handoverHandlers } from '../../../server/app/handover';
import { workflowHandlers } from '../../../server/app/case-workflow';
import { identityHandlers } from '../../../server/app/identity';
import { metaHandlers } from '../../../server/app/meta';
import { configAlertHandlers } from '../../../server/app/config-alerts';
import { exportHandlers } from '../../../server/app/data-export';
import { oaCallbackHandlers } from '../../../server/app/oa-callbacks';
import { reminderDelivery } from '../../../server/app/reminder-delivery';
import { privacyHandlers } from '../../../server/app/privacy-reports';
import { rosterHandlers } from '../../../server/app/roster';
import { createRpcHandler } from '../../../server/app/rpc-handler';
import { handoverTemplateHandlers } from '../../../server/app/handover-template';
import { historyImportHandlers } from '../../../server/app/history-import';
import { statsExportHandlers, statsHandlers } from '../../../server/app/stats';
import { trialSendHandlers } from '../../../server/app/trial-send';
import { exitInterviewHandlers } from '../../../server/app/exit-interview';
import { practiceHandlers } from '../../../server/app/practice';
import { proposalHandlers } from '../../../server/app/proposals';
import { trainingHandlers } from '../../../server/app/training';
import { trainingGate } from '../../../server/app/training-gate';
import { trainingStatsHandlers } from '../../../server/app/training-stats';
import { coursePushHandlers } from '../../../server/app/training-messages';
import { workshopHandlers } from '../../../server/app/workshops';
import { anchorMarkersRepository } from '../../../server/infra/anchor-markers.repository';
import { caseQueries } from '../../../server/infra/case-queries';
import { bindingsRepository } from '../../../server/infra/bindings.repository';
import { casesRepository } from '../../../server/infra/cases.repository';
import { cloudFileStore } from '../../../server/infra/cloud-file-store';
import { configAlertsRepository } from '../../../server/infra/config-alerts.repository';
import { databaseDump } from '../../../server/infra/database-dump.repository';
import { departureHistoryRepository } from '../../../server/infra/departure-history.repository';
import { employeesRepository } from '../../../server/infra/employees.repository';
import { exitInterviewsRepository } from '../../../server/infra/exit-interviews.repository';
import {
  adminOpenids,
  type CloudFunctionMain,
  type FunctionDeps,
} from '../../../server/infra/function-deps';
import { nodeCrypto } from '../../../server/infra/node-crypto';
import { nodeRandom } from '../../../server/infra/node-random';
import { oaCallbacksRepository } from '../../../server/infra/oa-callbacks.repository';
import { proposalsRepository } from '../../../server/infra/proposals.repository';
import { purgedCasesRepository } from '../../../server/infra/purged-cases.repository';
import { remindersRepository } from '../../../server/infra/reminders.repository';
import { defaultSettings, settingsRepository } from '../../../server/infra/settings.repository';
import { subscribeMessageNotifier } from '../../../server/infra/subscribe-message.notifier';
import { subscriptionsRepository } from '../../../server/infra/subscriptions.repository';
import { xlsxSpreadsheetWriter } from '../../../server/infra/xlsx.spreadsheet-writer';
import { trainingCoursesRepository } from '../../../server/infra/training-courses.repository';
import { trainingProgressRepository } from '../../../server/infra/training-progress.repository';
import { trainingStatsQueries } from '../../../server/infra/training-stats.queries';
import { trainingMessagesRepository } from '../../../server/infra/training-messages.repository';
import { workshopsRepository } from '../../../server/infra/workshops.repository';

export { adminOpenids };

/**
 * How long one `admin.export` call reads before writing its part: `EXPORT_BUDGET_MS`, default
 * 2000 for the 3 s default timeout (with the timeout raised to 20 s, 15000).
 */
export function exportBudgetMs(env: FunctionDeps['env']): number {
  const value = Number(env.EXPORT_BUDGET_MS);
  return Number.isFinite(value) && value > 0 ? value : 2000;
}

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
  const reminders = remindersRepository(db);
  const notifier = subscribeMessageNotifier(cloud);
  const purged = purgedCasesRepository(db);
  const history = departureHistoryRepository(db);
  const messages = trainingMessagesRepository(db);
  const workshops = workshopsRepository(db);
  const training = {
    courses: trainingCoursesRepository(db),
    progress: trainingProgressRepository(db),
    settings,
    files,
    crypto,
    random: nodeRandom,
  };
  const handle = createRpcHandler({
    employees,
    clock,
    adminOpenids: admins,
    gate: trainingGate(training),
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
          findClosedCases: (employeeNo, limit) => cases.findClosed(employeeNo, limit),
        },
        crypto,
        adminOpenids: admins,
      }),
      ...metaHandlers({ settings }),
      ...privacyHandlers({ configAlerts }),
      ...configAlertHandlers({ configAlerts, settings }),
      ...rosterHandlers({ employees, messages }),
      ...workflowHandlers({ cases, employees, settings, crypto }),
      ...handoverHandlers({ cases, employees, settings, crypto }),
      ...documentHandlers({ cases, settings, files, crypto }),
      ...viewHandlers({
        cases,
        reminders,
        purged,
        anchors: anchorMarkersRepository(db),
        files,
        settings,
        crypto,
        employees,
      }),
      ...purgeHandlers({ cases, purged, reminders, files, settings, crypto }),
      ...documentsViewHandlers({ cases, files }),
      ...certificateHandlers({ cases, settings, crypto }),
      ...verifyHandlers({
        cases,
        anchors: anchorMarkersRepository(db),
        files,
        crypto,
        purged,
      }),
      ...caseReminderHandlers({
        cases,
        employees,
        settings,
        delivery: reminderDelivery({ cases, reminders, notifier, configAlerts, crypto }),
      }),
      ...boardHandlers({ cases: queries, employees }),
      ...oaCallbackHandlers({ cases, outbox: oaCallbacksRepository(db) }),
      ...trialSendHandlers({ settings, notifier }),
      ...exportHandlers({
        dump: databaseDump(db),
        files,
        crypto,
        monotonic: () => performance.now(),
        budgetMs: exportBudgetMs(env),
      }),
      ...statsHandlers({ cases: queries, settings, history }),
      ...statsExportHandlers({
        cases: queries,
        settings,
        history,
        files,
        spreadsheets: xlsxSpreadsheetWriter,
      }),
      ...historyImportHandlers({ history, settings }),
      ...exitInterviewHandlers({ cases, interviews: exitInterviewsRepository(db), settings }),
      ...handoverTemplateHandlers({ files, spreadsheets: xlsxSpreadsheetWriter }),
      ...trainingHandlers(training),
      ...practiceHandlers(training),
      ...proposalHandlers({ ...training, proposals: proposalsRepository(db) }),
      ...trainingStatsHandlers({ ...training, workshops, queries: trainingStatsQueries(db) }),
      ...workshopHandlers({ ...training, workshops }),
      ...coursePushHandlers({ ...training, employees, messages }),
    },
  });
  return async (event) => {
    const { OPENID, CLIENTIP } = cloud.getWXContext();
    return handle(event, { openid: OPENID, clientIp: CLIENTIP });
  };
}
