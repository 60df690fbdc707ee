import { type ActionName, type ActionPayload } from './actions';

/** `{ action, payload?, requestId? }`, typed per action for callers. */
export type RpcRequest<A extends ActionName = ActionName> = {
  [K in A]: { action: K; payload?: ActionPayload<K>; requestId?: string };
}[A];
