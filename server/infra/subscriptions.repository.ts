import type { SubscriptionsRepository } from '../app/ports';
import { findById } from './cloud-documents';

interface StoredSubscriptions {
  readonly credits: Readonly<Record<string, number>>;
  readonly updatedAt: string;
}

/**
 * `subscriptions`: `_id` is the OPENID; the server's estimate of credits per template.
 * Only a hint for when to ask again: sends never depend on it (DESIGN §3).
 */
export function subscriptionsRepository(db: WxServerSdk.Database): SubscriptionsRepository {
  const subscriptions = () => db.collection('subscriptions');
  return {
    async get(openid) {
      return (await findById<StoredSubscriptions>(subscriptions(), openid))?.credits ?? {};
    },
    async add(openid, accepted, at) {
      const credits = { ...(await this.get(openid)) };
      for (const templateId of accepted) credits[templateId] = (credits[templateId] ?? 0) + 1;
      await subscriptions()
        .doc(openid)
        .set({ data: { credits, updatedAt: at } });
      return credits;
    },
  };
}
