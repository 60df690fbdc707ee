/** A bare global `wx` for service unit tests (no simulator needed). */
export interface WxStub {
  callFunction: jest.Mock;
  uploadFile: jest.Mock;
  requestSubscribeMessage: jest.Mock;
  switchTab: jest.Mock;
}

export function installWx(): WxStub {
  const stub: WxStub = {
    callFunction: jest.fn(),
    uploadFile: jest.fn(),
    requestSubscribeMessage: jest.fn(),
    switchTab: jest.fn(),
  };
  const app = { globalData: { session: null } };
  Object.assign(globalThis, {
    wx: {
      cloud: { callFunction: stub.callFunction, uploadFile: stub.uploadFile },
      requestSubscribeMessage: stub.requestSubscribeMessage,
      switchTab: stub.switchTab,
    },
    getApp: () => app,
    getCurrentPages: () => [{ route: 'pages/me/index' }],
  });
  return stub;
}

export const answer = (result: unknown) => Promise.resolve({ result });
export const dropped = () => Promise.reject({ errMsg: 'cloud.callFunction:fail network error' });
