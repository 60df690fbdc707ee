import type { DatabaseDump, DumpedDocument } from '../app/ports/database-dump.port';

/** WeChat answers a query on a collection nobody created with -502005 (集合不存在). */
function isMissingCollection(error: unknown): boolean {
  const { errCode, errMsg } = (error ?? {}) as { errCode?: unknown; errMsg?: unknown };
  return errCode === -502005 || /COLLECTION_NOT_EXIST|collection not exist/i.test(String(errMsg));
}

/** Collections page by page on `_id` through the SDK: every read is indexed and bounded. */
export function databaseDump(db: WxServerSdk.Database): DatabaseDump {
  const _ = db.command;
  return {
    async page(collection, afterId, limit) {
      const query =
        afterId === null
          ? db.collection(collection)
          : db.collection(collection).where({ _id: _.gt(afterId) });
      try {
        const { data } = await query.orderBy('_id', 'asc').limit(limit).get();
        return data as DumpedDocument[];
      } catch (error) {
        if (isMissingCollection(error)) return [];
        throw error;
      }
    },
    async isEmpty(collection) {
      try {
        const { total } = await db.collection(collection).count();
        return total === 0;
      } catch (error) {
        if (isMissingCollection(error)) return true;
        throw error;
      }
    },
    async insert(collection, doc) {
      await db.collection(collection).add({ data: { ...doc } });
    },
  };
}
