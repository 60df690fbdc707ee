import * as z from 'zod/mini';

/** Stable error codes of the RPC envelope (DESIGN §4), in the order checks run. */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'INVALID_TRANSITION',
  'PRECONDITION_FAILED',
  'CONFLICT',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RpcError {
  readonly code: ErrorCode;
  /** Chinese, for people. */
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: RpcError };

export const rpcErrorSchema = z.strictObject({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.optional(z.record(z.string(), z.unknown())),
});

/**
 * The request the function receives; `action` is checked against ACTIONS separately. Not
 * strict: WeChat adds `userInfo` to every cloud function event.
 */
export const rpcRequestSchema = z.object({
  action: z.string().check(z.minLength(1, { error: '必填' }), z.maxLength(64)),
  payload: z.optional(z.unknown()),
  requestId: z.optional(z.string().check(z.maxLength(64))),
});
