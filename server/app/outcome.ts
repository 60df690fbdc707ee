import type { ErrorCode, RpcError } from '../contract';

/** An action's answer: data, or an expected failure as a value with a stable code. */
export type Outcome<T> = { ok: true; data: T } | Failure;

export function ok<T>(data: T): Outcome<T> {
  return { ok: true, data };
}

export type Failure = { ok: false; error: RpcError };

export function fail(
  code: ErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Failure {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/** PRECONDITION_FAILED naming the guard that stopped the action. */
export function guardFailed(guard: string, message: string): Failure {
  return fail('PRECONDITION_FAILED', message, { guard });
}
