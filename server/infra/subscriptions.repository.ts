import type { SubscriptionsRepository } from '../app/ports/subscriptions.port';
import { findById } from './cloud-documents';

interface StoredSubscriptions {
  /** Credits per template as of `updatedAt`. */
  readonly credits: Readonly<Record<string, number>>;
  readonly updatedAt: string;
}

/** More distinct templates than any company configures. */
const MAX_TEMPLATES = 50;

/**
 * `subscriptions`: `_id` is the OPENID; the server's estimate of credits per template, only a
 * hint for when the client should ask again (sends never depend on it, DESIGN §3).
 *
 * The estimate is what the client reported minus the messages WeChat accepted since, counted
 * from the `reminders` records (`touser`, `templateId`, `sentAt`, indexed on `touser`). Deriving
 * the spend keeps the sweep at three writes per reminder instead of a fourth decrement.
 */
export function subscriptionsRepository(db: WxServerSdk.Database): SubscriptionsRepository {
  const subscriptions = () => db.collection('subscriptions');
  const _ = db.command;

  async function spentSince(openid: string, since: string): Promise<Record<string, number>> {
    const { list } = await db
      .collection('reminders')
      .aggregate()
      .match({ touser: openid, status: 'sent', sentAt: _.gt(since) })
      .group({ _id: '$templateId', count: _.aggregate.sum(1) })
      .limit(MAX_TEMPLATES)
      .end();
    const spent: Record<string, number> = {};
    for (const row of list) spent[String(row._id)] = Number(row.count ?? 0);
    return spent;
  }

  async function estimate(openid: string): Promise<Record<string, number>> {
    const stored = await findById<StoredSubscriptions>(subscriptions(), openid);
    if (!stored) return {};
    const spent = await spentSince(openid, stored.updatedAt);
    const credits: Record<string, number> = {};
    for (const [templateId, count] of Object.entries(stored.credits)) {
      credits[templateId] = Math.max(0, count - (spent[templateId] ?? 0));
    }
    return credits;
  }

  return {
    get: estimate,
    async add(openid, accepted, at) {
      const credits = await estimate(openid);
      for (const templateId of accepted) credits[templateId] = (credits[templateId] ?? 0) + 1;
      await subscriptions()
        .doc(openid)
        .set({ data: { credits, updatedAt: at } });
      return credits;
    },
  };
}
