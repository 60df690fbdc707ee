import type {
  TrainingMessage,
  TrainingMessagesRepository,
} from '../app/ports/training-messages.port';
import { addIfAbsent, isDuplicateKey, replacingPatch, withoutId } from './cloud-documents';

const stored = (message: TrainingMessage) => {
  const { id, ...fields } = message;
  return { ...fields, _id: id };
};

/**
 * `training_messages`: the outbox of 培训通知 and workshop reminders. Each `_id` names the
 * message's subject and person, so a message is added once; the add (or the move from
 * `queued` to `sending`) is the claim a run must win before it sends.
 */
export function trainingMessagesRepository(db: WxServerSdk.Database): TrainingMessagesRepository {
  const messages = () => db.collection('training_messages');
  const _ = db.command;
  const fromDoc = (doc: WxServerSdk.Doc): TrainingMessage => ({
    ...withoutId<Omit<TrainingMessage, 'id'>>(doc),
    id: String(doc._id),
  });
  return {
    async existing(ids) {
      if (ids.length === 0) return new Set();
      const { data } = await messages()
        .where({ _id: _.in([...ids]) })
        .field({ _id: true })
        .limit(1000)
        .get();
      return new Set(data.map((doc) => String(doc._id)));
    },
    async enqueue(list) {
      if (list.length === 0) return true;
      try {
        await messages().add({ data: list.map(stored) });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    },
    claim(message) {
      const { _id, ...fields } = stored(message);
      return addIfAbsent(messages(), _id, fields);
    },
    async queuedDue(now, limit) {
      const { data } = await messages()
        .where({ status: 'queued', checkAt: _.lte(now) })
        .orderBy('checkAt', 'asc')
        .limit(limit)
        .get();
      return data.map(fromDoc);
    },
    async transition(id, from, patch) {
      const { id: _ignored, ...fields } = patch;
      const { stats } = await messages()
        .where({ _id: id, status: from })
        .update({ data: replacingPatch(_, fields) });
      return stats.updated === 1;
    },
  };
}
