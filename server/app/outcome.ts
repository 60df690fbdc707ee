import type { ErrorCode, RpcError } from '../contract';
import type { GuardName } from '../domain/case-guards';

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

/**
 * Preconditions only the app can check: the open-case lock, the reminder window, binding,
 * training (the mastery gate, quiz attempts).
 */
type AppGuard =
  | 'one_open_case'
  | 'employee_task_open'
  | 'send_window'
  | 'openid_bound_elsewhere'
  | 'binding_code'
  | 'binding_code_used'
  | 'binding_code_expired'
  | 'binding_locked'
  | 'binding_rate_limited'
  | 'training_mastered'
  | 'quiz_exists'
  | 'attempts_left'
  | 'attempt_open'
  | 'workshop_full'
  | 'enrolment_closed'
  | 'cancel_closed'
  | 'not_enrolled'
  | 'check_in_window'
  | 'already_attended'
  | 'pass_valid'
  | 'session_code';

/** Holds only lower-case codes: clients read `details.guard` in one casing, snake_case. */
type OneCasing<T extends Lowercase<string>> = T;

/** Every code `details.guard` of PRECONDITION_FAILED can carry. */
export type GuardCode = OneCasing<GuardName | AppGuard>;

/** PRECONDITION_FAILED naming the guard that stopped the action. */
export function guardFailed(guard: GuardCode, message: string): Failure {
  return fail('PRECONDITION_FAILED', message, { guard });
}
