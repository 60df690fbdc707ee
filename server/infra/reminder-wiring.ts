import { reminderDelivery } from '../app/reminder-delivery';
import { casesRepository } from './cases.repository';
import { configAlertsRepository } from './config-alerts.repository';
import { nodeCrypto } from './node-crypto';
import { remindersRepository } from './reminders.repository';
import { subscribeMessageNotifier } from './subscribe-message.notifier';

/** The reminder send path on the cloud: shared by the timer and `case.remind`. */
export function cloudReminderDelivery(cloud: WxServerSdk.Cloud) {
  const db = cloud.database();
  return reminderDelivery({
    cases: casesRepository(db),
    reminders: remindersRepository(db),
    sender: subscribeMessageNotifier(cloud),
    configAlerts: configAlertsRepository(db),
    crypto: nodeCrypto,
  });
}
