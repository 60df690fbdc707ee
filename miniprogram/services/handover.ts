import { call, type ClientError } from './rpc';

type Done = { ok: true } | { ok: false; error: ClientError };

const done = (reply: { ok: true } | { ok: false; error: ClientError }): Done =>
  reply.ok ? { ok: true } : { ok: false, error: reply.error };

/** The manager (or HR) names the successors and what each takes over. */
export async function assignSuccessors(
  caseId: string,
  successors: { employeeNo: string; items: string[] }[],
): Promise<Done> {
  return done(await call('case.assignSuccessors', { caseId, successors }));
}

/** The successor confirms an item received; the manager or HR pass a note to do it for them. */
export async function confirmHandoverItem(
  caseId: string,
  itemId: string,
  note?: string,
): Promise<Done> {
  return done(await call('handover.confirm', note ? { caseId, itemId, note } : { caseId, itemId }));
}

/** The successor disputes an item: what is missing or wrong. */
export async function disputeHandoverItem(
  caseId: string,
  itemId: string,
  comment: string,
): Promise<Done> {
  return done(await call('handover.dispute', { caseId, itemId, comment }));
}
