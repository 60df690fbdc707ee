import type { StoredWorkshop, WorkshopsRepository } from '../app/ports/workshops.port';
import { addIfAbsent, findById, replacingPatch, withoutId } from './cloud-documents';

/**
 * `workshops` (`_id` = workshop id): each session with its seats. A seat is taken or given back
 * in one version-checked update of the session, so two people racing for the last seat cannot
 * both get it.
 */
export function workshopsRepository(db: WxServerSdk.Database): WorkshopsRepository {
  const workshops = () => db.collection('workshops');
  const _ = db.command;
  const read = async (query: WxServerSdk.Query) =>
    (await query.get()).data.map((doc) => withoutId<StoredWorkshop>(doc));
  return {
    get(workshopId) {
      return findById<StoredWorkshop>(workshops(), workshopId);
    },
    create(workshop) {
      return addIfAbsent(workshops(), workshop.workshopId, { ...workshop });
    },
    async save(workshop, baseVersion) {
      const { workshopId: _unchanged, ...fields } = workshop;
      const { stats } = await workshops()
        .where({ _id: workshop.workshopId, version: baseVersion })
        .update({ data: replacingPatch(_, { ...fields, version: baseVersion + 1 }) });
      return stats.updated === 1;
    },
    endingSince(since, limit) {
      return read(
        workshops()
          .where({ endsAt: _.gte(since) })
          .orderBy('startsAt', 'asc')
          .limit(limit),
      );
    },
    startedBetween(from, to, limit) {
      return read(
        workshops()
          .where({ startsAt: _.gte(from).and(_.lte(to)) })
          .orderBy('startsAt', 'desc')
          .limit(limit),
      );
    },
    dueReminders(now, limit) {
      return read(
        workshops()
          .where({ remindAt: _.lte(now) })
          .orderBy('remindAt', 'asc')
          .limit(limit),
      );
    },
  };
}
