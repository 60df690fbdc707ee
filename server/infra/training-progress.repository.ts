import type {
  TrainingProgress,
  TrainingProgressRepository,
} from '../app/ports/training-progress.port';
import { addIfAbsent, findById, replacingPatch, withoutId } from './cloud-documents';

/** `training_progress` (`_id` = learner id): one document per person, version-checked. */
export function trainingProgressRepository(db: WxServerSdk.Database): TrainingProgressRepository {
  const progress = () => db.collection('training_progress');
  const _ = db.command;
  return {
    async list(limit) {
      const { data } = await progress().limit(limit).get();
      return data.map((doc) => withoutId<TrainingProgress>(doc));
    },
    get(learnerId) {
      return findById<TrainingProgress>(progress(), learnerId);
    },
    async save(record) {
      if (record.version === 0) {
        return addIfAbsent(progress(), record.learnerId, { ...record, version: 1 });
      }
      const { learnerId, version, ...fields } = record;
      const { stats } = await progress()
        .where({ _id: learnerId, version })
        .update({ data: { ...replacingPatch(_, fields), version: _.inc(1) } });
      return stats.updated === 1;
    },
  };
}
