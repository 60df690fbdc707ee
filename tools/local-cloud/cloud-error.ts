/**
 * Errors shaped like the wx-server-sdk's: an Error carrying `errCode` and `errMsg`
 * (`<api>:fail <reason>`), so code that inspects `err.errCode` behaves the same here and on WeChat.
 */
export class CloudSdkError extends Error {
  readonly errCode: number;
  readonly errMsg: string;

  constructor(errCode: number, errMsg: string) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`);
    this.name = 'CloudSdkError';
    this.errCode = errCode;
    this.errMsg = errMsg;
  }

  toJSON(): { errCode: number; errMsg: string } {
    return { errCode: this.errCode, errMsg: this.errMsg };
  }
}

/** Error codes of the cloud database and storage that the local cloud reproduces. */
export const ErrCode = {
  /** Generic SDK failure: the SDK uses -1 for e.g. "document.get:fail … does not exist". */
  SDK_FAIL: -1,
  /** Invalid parameters (bad operator, bad limit, undefined in a query …). */
  INVALID_PARAM: -501007,
  /** Database request failed on the server side, e.g. a duplicate `_id` (E11000). */
  DATABASE_REQUEST_FAILED: -502001,
  /** Transaction conflict after the allowed retries. */
  TRANSACTION_CONFLICT: -502008,
  /** The function threw or timed out. */
  FUNCTION_EXECUTE_FAIL: -504002,
  /** Storage: the file does not exist. */
  STORAGE_FILE_NONEXIST: -503003,
} as const;

export function invalidParam(api: string, reason: string): CloudSdkError {
  return new CloudSdkError(ErrCode.INVALID_PARAM, `${api}:fail ${ErrCode.INVALID_PARAM} ${reason}`);
}
