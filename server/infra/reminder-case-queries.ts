import type { StoredCase } from '../app/ports/cases.port';
import type { ReminderCaseQueries } from '../app/ports/reminder-case-queries.port';
import { withoutId } from './cloud-documents';

/**
 * States in which a case can have a reminder track open: drafts and withdrawn cases cannot; in
 * `hr_review` only the successors' (named at approval); a completed case only for an enforced
 * non-compete's monthly compensation (劳动合同法 第23条).
 */
const REMINDABLE_STATES = ['submitted', 'returned', 'hr_review', 'formalities', 'completed'];

/**
 * `cases` as the reminder sweep reads it. Due cases come from a range on the indexed
 * `nextReminderAt` (null for cases with nothing open, which a range on strings never matches),
 * paged by a (`nextReminderAt`, `_id`) cursor: the reads follow the due cases, not the open ones.
 */
export function reminderCaseQueries(db: WxServerSdk.Database): ReminderCaseQueries {
  const cases = () => db.collection('cases');
  const _ = db.command;
  return {
    async dueCases(now, after, limit) {
      const due = { nextReminderAt: _.lte(now), state: _.in(REMINDABLE_STATES) };
      const where = after
        ? _.and([
            due,
            { nextReminderAt: _.gte(after.at) },
            _.or([
              { nextReminderAt: _.gt(after.at) },
              { nextReminderAt: after.at, _id: _.gt(after.caseId) },
            ]),
          ])
        : due;
      const { data } = await cases()
        .where(where)
        .orderBy('nextReminderAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(limit)
        .get();
      return data.map((doc) => withoutId<StoredCase>(doc));
    },
    async changedSince(since, after, limit) {
      const changed = { updatedAt: _.gte(since) };
      const { data } = await cases()
        .where(after ? _.and([changed, { _id: _.gt(after) }]) : changed)
        .orderBy('_id', 'asc')
        .limit(limit)
        .field({ caseId: true, events: true })
        .get();
      return data.map((doc) => ({
        caseId: String(doc.caseId ?? doc._id),
        events: (doc.events ?? []) as StoredCase['events'],
      }));
    },
  };
}
