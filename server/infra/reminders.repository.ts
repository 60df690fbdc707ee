import type { ReminderRecord, RemindersRepository } from '../app/ports';
import { withoutId } from './cloud-documents';

/** `reminders`: `_id` is the reminder's deterministic id (case, track, slot). */
export function remindersRepository(db: WxServerSdk.Database): RemindersRepository {
  return {
    async listForCase(caseId) {
      const { data } = await db
        .collection('reminders')
        .where({ caseId })
        .orderBy('dueAt', 'asc')
        .limit(1000)
        .get();
      return data.map((doc) => withoutId<ReminderRecord>(doc));
    },
  };
}
