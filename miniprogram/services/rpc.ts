import type { ActionName, ActionPayload, ActionResult, RpcError } from '../../server/contract';
import { RPC_FUNCTION } from '../config/cloud';
import { randomId } from './random-id';

/** The server's error, or `NETWORK` when the call never got an answer. */
export type ClientError = RpcError | { code: 'NETWORK'; message: string };

/** The server's envelope, typed per action, plus the client's own transport failure. */
export type Reply<A extends ActionName> =
  { ok: true; data: ActionResult<A> } | { ok: false; error: ClientError };

/** Reads are safe to repeat; every other action changes something and is never re-sent here. */
export function isReadAction(action: ActionName): boolean {
  return action.endsWith('.get') || action === 'admin.board' || action === 'admin.stats';
}

type UnauthenticatedListener = () => void;
let onUnauthenticated: UnauthenticatedListener | null = null;

/** The session service registers here: any UNAUTHENTICATED answer sends the user to binding. */
export function setUnauthenticatedListener(listener: UnauthenticatedListener | null): void {
  onUnauthenticated = listener;
}

function transportMessage(errMsg: string): string {
  if (/timeout|timed out|超时/i.test(errMsg)) return '请求超时，请检查网络后重试';
  return '网络连接失败，请检查网络后重试';
}

function isEnvelope(value: unknown): value is { ok: boolean; data?: unknown; error?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

async function send<A extends ActionName>(
  action: A,
  payload: ActionPayload<A>,
): Promise<Reply<A> | { transport: string }> {
  let raw: unknown;
  try {
    const res = await wx.cloud.callFunction({
      name: RPC_FUNCTION,
      data: { action, payload, requestId: randomId(24) },
    });
    raw = res.result;
  } catch (err) {
    const errMsg = (err as { errMsg?: unknown } | null)?.errMsg;
    return { transport: typeof errMsg === 'string' ? errMsg : '' };
  }
  if (!isEnvelope(raw)) {
    return { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' } };
  }
  return raw as Reply<A>;
}

/**
 * Calls one action of the offboarding function. Never throws: expected failures come back as
 * `{ ok: false, error }` with a Chinese message for the user. A transport failure is retried
 * once for read actions only; a mutating action is left to the user's retry, which is safe
 * because it carries the same idempotency key.
 */
export async function call<A extends ActionName>(
  action: A,
  payload: ActionPayload<A>,
): Promise<Reply<A>> {
  let reply = await send(action, payload);
  if ('transport' in reply && isReadAction(action)) reply = await send(action, payload);
  if ('transport' in reply) {
    return { ok: false, error: { code: 'NETWORK', message: transportMessage(reply.transport) } };
  }
  if (!reply.ok && reply.error.code === 'UNAUTHENTICATED' && action !== 'me.bind') {
    onUnauthenticated?.();
  }
  return reply;
}
