/** A bare global `wx` for service unit tests (no simulator needed). */
export interface WxStub {
  callFunction: jest.Mock;
  uploadFile: jest.Mock;
  requestSubscribeMessage: jest.Mock;
  switchTab: jest.Mock;
  chooseMessageFile: jest.Mock;
  chooseMedia: jest.Mock;
  setClipboardData: jest.Mock;
  /** Answers "confirm" unless told otherwise. */
  showModal: jest.Mock;
}

export function installWx(): WxStub {
  const stub: WxStub = {
    callFunction: jest.fn(),
    uploadFile: jest.fn(),
    requestSubscribeMessage: jest.fn(),
    switchTab: jest.fn(),
    chooseMessageFile: jest.fn(),
    chooseMedia: jest.fn(),
    setClipboardData: jest.fn(),
    showModal: jest.fn((opts: { success?: (r: unknown) => void }) =>
      opts.success?.({ confirm: true, cancel: false }),
    ),
  };
  const app = { globalData: { session: null } };
  Object.assign(globalThis, {
    wx: {
      cloud: { callFunction: stub.callFunction, uploadFile: stub.uploadFile },
      requestSubscribeMessage: stub.requestSubscribeMessage,
      switchTab: stub.switchTab,
      chooseMessageFile: stub.chooseMessageFile,
      chooseMedia: stub.chooseMedia,
      setClipboardData: stub.setClipboardData,
      showModal: stub.showModal,
    },
    getApp: () => app,
    getCurrentPages: () => [{ route: 'pages/me/index' }],
  });
  return stub;
}

/** The upload tag the signed-in user's session carries (`me.get`). */
export const UPLOAD_TAG = '0123456789abcdef';

/** A signed-in employee's session on the app, as `me.get` answered it. */
export function signIn(): void {
  const app = (
    globalThis as unknown as { getApp(): { globalData: { session: unknown } } }
  ).getApp();
  app.globalData.session = {
    employee: null,
    roles: ['employee'],
    subscriptions: {},
    uploadTag: UPLOAD_TAG,
  };
}

export const answer = (result: unknown) => Promise.resolve({ result });
export const dropped = () => Promise.reject({ errMsg: 'cloud.callFunction:fail network error' });
