/** A failed answer as the client holds it: the server's code, or `NETWORK` for no answer. */
export interface FailedAnswer {
  readonly code: string;
  readonly message: string;
}

/** What a page shows when its load failed: the message, what to do, and whether 重试 helps. */
export interface LoadFailure {
  errorMessage: string;
  /** What to do instead of retrying ('' when retrying is the thing to do). */
  errorHint: string;
  /** 重试 and pull-to-refresh only help when the failure may pass (network, busy server). */
  canRetry: boolean;
}

/**
 * Failures a second try cannot fix: the caller may not see this (FORBIDDEN), it does not exist
 * for them (NOT_FOUND), the request itself is out of range (VALIDATION_FAILED), or they are not
 * bound yet (UNAUTHENTICATED). Each says what to do instead.
 */
const NO_RETRY_HINTS: Readonly<Record<string, string>> = {
  FORBIDDEN: '你没有查看权限，如需查看请联系HR',
  NOT_FOUND: '请返回首页查看你的案件；如有疑问请联系HR',
  VALIDATION_FAILED: '请返回上一页重新进入；如仍不行请联系HR',
  UNAUTHENTICATED: '请先在首页绑定员工身份',
};

/**
 * The one place that decides whether a failed load offers 重试 (every page uses it). A page
 * that knows better what to do instead (pick another period) passes its own `hint`.
 */
export function loadFailure(error: FailedAnswer, hint?: string): LoadFailure {
  const instead = NO_RETRY_HINTS[error.code];
  if (instead !== undefined) {
    return { errorMessage: error.message, errorHint: hint ?? instead, canRetry: false };
  }
  return { errorMessage: error.message, errorHint: '', canRetry: true };
}

/** The failure of a page that loaded nothing wrong: the error state cleared. */
export const NO_FAILURE: LoadFailure = { errorMessage: '', errorHint: '', canRetry: false };
