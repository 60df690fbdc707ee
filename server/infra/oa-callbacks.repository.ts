import type { OaCallbackEntry, OaOutboxRepository } from '../app/oa-callbacks';
import { withoutId } from './cloud-documents';

export const OA_CALLBACKS = 'oa_callbacks';

/** An outbox entry as stored: `_id` = `<caseId>:<eventSeq, 6 digits>`, so `_id` order is case then sequence. */
export function outboxDocument(entry: OaCallbackEntry): WxServerSdk.Doc {
  const { id, ...rest } = entry;
  return { _id: id, ...rest };
}

function entryOf(doc: WxServerSdk.Doc): OaCallbackEntry {
  return { id: String(doc._id), ...withoutId<Omit<OaCallbackEntry, 'id'>>(doc) };
}

/** `oa_callbacks` (indexed on `status`) and the case's 同步失败 mark (`cases.oaSyncFailed`). */
export function oaCallbacksRepository(db: WxServerSdk.Database): OaOutboxRepository {
  const outbox = () => db.collection(OA_CALLBACKS);
  const _ = db.command;
  return {
    async pending(limit) {
      const { data } = await outbox()
        .where({ status: 'pending' })
        .orderBy('_id', 'asc')
        .limit(limit)
        .get();
      return data.map(entryOf);
    },
    async stopped(caseIds) {
      const { data } = await outbox()
        .where({ caseId: _.in([...caseIds]), status: 'failed' })
        .field({ caseId: true })
        .limit(1000)
        .get();
      return new Set(data.map((doc) => String(doc.caseId)));
    },
    async delivered(id, at) {
      await outbox()
        .doc(id)
        .update({ data: { status: 'delivered', deliveredAt: at, lastError: _.remove() } });
    },
    async attemptFailed(id, attempts, nextAttemptAt, error) {
      await outbox()
        .doc(id)
        .update({ data: { attempts, nextAttemptAt, lastError: error.slice(0, 200) } });
    },
    async giveUp(caseId, error) {
      await outbox()
        .where({ caseId, status: 'pending' })
        .update({ data: { status: 'failed', lastError: error.slice(0, 200) } });
    },
    async requeue(caseId, at) {
      const { stats } = await outbox()
        .where({ caseId, status: _.in(['pending', 'failed']) })
        .update({ data: { status: 'pending', windowStart: at, nextAttemptAt: at } });
      return stats.updated;
    },
    async markCase(caseId, failing) {
      await db
        .collection('cases')
        .doc(caseId)
        .update({ data: { oaSyncFailed: failing ? true : _.remove() } });
    },
  };
}
