/**
 * An error as the platform's servers answer it on the SDK's wire: `{ code, message }`, where
 * `code` is a TCB code (`INVALID_PARAM`, `DATABASE_TRANSACTION_CONFLICT`, …). The real SDK turns
 * it into its own `{ errCode, errMsg }` (e.g. INVALID_PARAM → -501007), so functions see exactly
 * what they would see on WeChat.
 */
export class TcbError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TcbError';
  }
}

/**
 * The SDK's numbers for the TCB codes the local cloud answers (wx-server-sdk's TCB_ERR_CODE);
 * a code missing here becomes -501001 in the SDK, as it does on the platform.
 */
const SDK_ERR_CODES: Readonly<Record<string, number>> = {
  INVALID_PARAM: -501007,
  DATABASE_REQUEST_FAILED: -502001,
  STORAGE_FILE_NONEXIST: -503003,
};

/** The errCode the SDK shows for a TCB code. */
export function sdkErrCode(code: string): number {
  return SDK_ERR_CODES[code] ?? -501001;
}

export class UnknownFunctionError extends Error {
  constructor(readonly functionName: string) {
    super(`云函数不存在 (function not found): ${functionName}`);
  }
}
