import { performance } from 'node:perf_hooks';
import { reminderDelivery } from '../../../server/app/reminder-delivery';
import { anchorPreviousDay } from '../../../server/app/evidence-anchor';
import { runReminderSweep } from '../../../server/app/reminder-sweep';
import { sendTrainingMessages } from '../../../server/app/training-messages';
import { casesRepository } from '../../../server/infra/cases.repository';
import { configAlertsRepository } from '../../../server/infra/config-alerts.repository';
import { remindersRepository } from '../../../server/infra/reminders.repository';
import { subscribeMessageNotifier } from '../../../server/infra/subscribe-message.notifier';
import { anchorMarkersRepository } from '../../../server/infra/anchor-markers.repository';
import { cloudFileStore } from '../../../server/infra/cloud-file-store';
import { employeesRepository } from '../../../server/infra/employees.repository';
import type { CloudFunctionMain, FunctionDeps } from '../../../server/infra/function-deps';
import { nodeCrypto } from '../../../server/infra/node-crypto';
import { reminderCaseQueries } from '../../../server/infra/reminder-case-queries';
import { defaultSettings, settingsRepository } from '../../../server/infra/settings.repository';
import { subscriptionsRepository } from '../../../server/infra/subscriptions.repository';
import { trainingMessagesRepository } from '../../../server/infra/training-messages.repository';
import { workshopsRepository } from '../../../server/infra/workshops.repository';

/** WeChat's default function timeout is 3 s: keep half a second for start-up and the answer. */
export const DEFAULT_SWEEP_BUDGET_MS = 2500;

export function sweepBudgetMs(env: FunctionDeps['env']): number {
  const value = Number(env.SWEEP_BUDGET_MS);
  return Number.isFinite(value) && value > 0 ? value : DEFAULT_SWEEP_BUDGET_MS;
}

/**
 * The timer function (every 30 minutes, config.json): the daily evidence anchor when a new
 * Beijing day has begun, then the reminder sweep within the time budget.
 */
export function createMain({ cloud, clock, env }: FunctionDeps): CloudFunctionMain {
  const db = cloud.database();
  const queries = reminderCaseQueries(db);
  const settings = settingsRepository(db, defaultSettings(env), clock);
  const employees = employeesRepository(db);
  // The send path the timer shares with `case.remind` (the offboarding function wires the same).
  const delivery = reminderDelivery({
    cases: casesRepository(db),
    reminders: remindersRepository(db),
    notifier: subscribeMessageNotifier(cloud),
    configAlerts: configAlertsRepository(db),
    crypto: nodeCrypto,
  });
  const files = cloudFileStore(cloud);
  const trainingSend = {
    messages: trainingMessagesRepository(db),
    workshops: workshopsRepository(db),
    employees,
    subscriptions: subscriptionsRepository(db),
    notifier: subscribeMessageNotifier(cloud),
  };
  const budgetMs = sweepBudgetMs(env);
  // A warm instance remembers the last anchored day and skips the marker read.
  const anchorMemo: { lastDone?: string } = {};

  return async () => {
    // Only the timer runs the sweep: a client may call any function by name on WeChat.
    if (cloud.getWXContext().SOURCE !== 'wx_trigger') {
      return { ok: false, error: { code: 'FORBIDDEN', message: '提醒任务只由定时触发器运行' } };
    }
    const started = performance.now();
    const now = clock.now();
    // The anchor runs apart: nothing it does (a refused upload, a storage outage) may skip the
    // sweep, or one fault would silence every reminder.
    let anchor: Awaited<ReturnType<typeof anchorPreviousDay>> | { failed: true };
    try {
      anchor = await anchorPreviousDay(
        { markers: anchorMarkersRepository(db), queries, files, crypto: nodeCrypto },
        now,
        anchorMemo,
      );
    } catch (error) {
      // Logged on WeChat; the next run writes the missing anchor.
      console.error('reminders: evidence anchor failed:', error);
      anchor = { failed: true };
    }
    try {
      const sweep = await runReminderSweep(
        { queries, employees, settings, delivery },
        {
          now,
          budgetMs: Math.max(0, budgetMs - (performance.now() - started)),
          monotonic: () => performance.now(),
        },
      );
      // Training messages after the cases: a reminder about a departure matters more.
      let training: Awaited<ReturnType<typeof sendTrainingMessages>> | { failed: true };
      try {
        // What the sweep left of the budget, keeping the same reserve for the answer.
        const reserve = Math.min(1000, budgetMs / 4);
        training = await sendTrainingMessages(
          trainingSend,
          await settings.get(),
          now,
          () => performance.now() - started < budgetMs - reserve,
        );
      } catch (error) {
        console.error('reminders: training messages failed:', error);
        training = { failed: true };
      }
      return { ok: true, data: { anchor, sweep, training } };
    } catch (error) {
      // A failed run is only logged on WeChat; the next run (30 minutes later) goes on.
      console.error('reminders:', error);
      return { ok: false, error: { code: 'INTERNAL', message: '提醒任务失败，下次运行将继续' } };
    }
  };
}
