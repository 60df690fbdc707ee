/**
 * How every wx.* API answers: `success`/`fail`/`complete` callbacks when given, else a promise;
 * results carry `errMsg: '<name>:ok'`, failures `'<name>:fail …'` as on the client.
 */
export interface Callbacks {
  success?: (result: never) => void;
  fail?: (error: never) => void;
  complete?: (result: never) => void;
}

export class WxFail extends Error {
  constructor(
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type Fn = (result: unknown) => void;

export function wxApi<O extends object, R extends object>(
  name: string,
  run: (options: O) => R | Promise<R>,
): (options?: O & Callbacks) => Promise<R & { errMsg: string }> | undefined {
  return (options = {} as O & Callbacks) => {
    const answer = Promise.resolve()
      .then(() => run(options))
      .then(
        (result) => ({ errMsg: `${name}:ok`, ...result }),
        (error: unknown) => {
          const reason = error instanceof WxFail ? error : new WxFail(String(error));
          throw { errMsg: `${name}:fail ${reason.message}`, ...reason.extra };
        },
      );
    const { success, fail, complete } = options as { success?: Fn; fail?: Fn; complete?: Fn };
    if (!success && !fail && !complete) return answer;
    answer.then(
      (result) => {
        success?.(result);
        complete?.(result);
      },
      (error: unknown) => {
        fail?.(error);
        complete?.(error);
      },
    );
    return undefined;
  };
}
