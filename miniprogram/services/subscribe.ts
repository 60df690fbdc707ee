import type { ReminderKind } from '../../server/contract';
import { call } from './rpc';

/** Older base libraries accept at most 3 template ids per request (TOOLCHAIN). */
export const MAX_TEMPLATES_PER_REQUEST = 3;

export type SubscribeDecision = 'accept' | 'reject' | 'ban' | 'filter';

export interface SubscribeOutcome {
  /** Whether the popup ran at all (it fails outside a tap or when the user turned it off). */
  asked: boolean;
  results: Record<string, SubscribeDecision>;
  accepted: number;
  /** The server's new estimate of remaining messages per kind, when the report got through. */
  estimates?: Partial<Record<ReminderKind, number>>;
}

/**
 * Which template ids to ask for: the employee's own reminder kinds first, de-duplicated
 * (kinds may share a template), capped at the per-request limit.
 */
export function templatesToAsk(
  templateIds: Partial<Record<ReminderKind, string>>,
  kinds: readonly ReminderKind[],
): string[] {
  const ids: string[] = [];
  for (const kind of kinds) {
    const id = templateIds[kind];
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids.slice(0, MAX_TEMPLATES_PER_REQUEST);
}

const DECISIONS: readonly string[] = ['accept', 'reject', 'ban', 'filter'];

/**
 * Shows WeChat's subscription popup and reports the answers with `subscription.record`.
 *
 * WeChat only shows the popup when `wx.requestSubscribeMessage` runs synchronously inside a
 * tap handler, so this calls it before anything is awaited: call `requestSubscriptions`
 * first thing in the handler with template ids the page already holds.
 */
export function requestSubscriptions(
  tmplIds: readonly string[],
  /** `report: false` for an admin's trial send: its message is not a reminder credit to count. */
  { report = true }: { report?: boolean } = {},
): Promise<SubscribeOutcome> {
  const ids = tmplIds.slice(0, MAX_TEMPLATES_PER_REQUEST);
  const asked = new Promise<SubscribeOutcome>((resolve) => {
    if (ids.length === 0) {
      resolve({ asked: false, results: {}, accepted: 0 });
      return;
    }
    wx.requestSubscribeMessage({
      tmplIds: ids,
      success: (res) => {
        const results: Record<string, SubscribeDecision> = {};
        for (const id of ids) {
          const value = (res as unknown as Record<string, unknown>)[id];
          if (typeof value === 'string' && DECISIONS.includes(value)) {
            results[id] = value as SubscribeDecision;
          }
        }
        const accepted = Object.values(results).filter((v) => v === 'accept').length;
        resolve({ asked: true, results, accepted });
      },
      fail: () => resolve({ asked: false, results: {}, accepted: 0 }),
    });
  });
  return asked.then(async (outcome) => {
    // The server keeps only an estimate of credits from these reports; a lost report is
    // harmless (it never skips a send because of it), so its failure is not shown.
    if (!report || Object.keys(outcome.results).length === 0) return outcome;
    const reply = await call('subscription.record', { results: outcome.results });
    return reply.ok ? { ...outcome, estimates: reply.data.subscriptions } : outcome;
  });
}
