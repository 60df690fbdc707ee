import type { ReminderRecord, RemindersRepository } from '../app/ports/reminders.port';
import { addIfAbsent, replacingPatch, withoutId } from './cloud-documents';

/**
 * `reminders`: `_id` is the reminder's deterministic id (case, track, slot). The add before a
 * send is the at-most-once guarantee: a second run's add of the same id fails.
 */
export function remindersRepository(db: WxServerSdk.Database): RemindersRepository {
  const reminders = () => db.collection('reminders');
  return {
    async listForCase(caseId) {
      const { data } = await reminders()
        .where({ caseId })
        .orderBy('dueAt', 'asc')
        .limit(1000)
        .get();
      return data.map((doc) => withoutId<ReminderRecord>(doc));
    },
    async removeForCase(caseId) {
      await reminders().where({ caseId }).remove();
    },
    claim(record) {
      return addIfAbsent(reminders(), record.id, { ...record });
    },
    async transition(id, from, patch) {
      const { stats } = await reminders()
        .where({ _id: id, status: from.status, attempts: from.attempts })
        .update({ data: replacingPatch(db.command, patch) });
      return stats.updated === 1;
    },
  };
}
