import { answer, dropped, installWx, type WxStub } from './wx-stub';

/**
 * The services' shapes as the tests use them. Declared here instead of importing the modules'
 * types: those pull in the mini program typings, which clash with Node's in this project.
 */
type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
interface Rpc {
  call(action: string, payload: unknown): Promise<Reply>;
  isReadAction(action: string): boolean;
  setUnauthenticatedListener(listener: (() => void) | null): void;
}
interface Session {
  loadSession(options?: { refresh?: boolean }): Promise<Reply>;
  currentSession(): unknown;
}

describe('rpc.call', () => {
  let wx: WxStub;
  let rpc: Rpc;

  beforeEach(() => {
    jest.resetModules();
    wx = installWx();
    rpc = jest.requireActual<Rpc>('../../../miniprogram/services/rpc');
  });

  it('sends action, payload and a request id to the offboarding function', async () => {
    wx.callFunction.mockReturnValue(answer({ ok: true, data: { counts: {}, rows: [] } }));
    const reply = await rpc.call('admin.board', { state: 'submitted' });
    expect(reply).toEqual({ ok: true, data: { counts: {}, rows: [] } });
    const [opts] = wx.callFunction.mock.calls[0] as [
      { name: string; data: Record<string, unknown> },
    ];
    expect(opts.name).toBe('offboarding');
    expect(opts.data).toMatchObject({ action: 'admin.board', payload: { state: 'submitted' } });
    expect(opts.data.requestId).toEqual(expect.any(String));
  });

  it('returns the server error as a value, never throwing', async () => {
    wx.callFunction.mockReturnValue(
      answer({ ok: false, error: { code: 'FORBIDDEN', message: '无权操作' } }),
    );
    await expect(rpc.call('case.close', { caseId: 'c1' })).resolves.toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '无权操作' },
    });
  });

  it('retries a read once after a transport failure', async () => {
    wx.callFunction
      .mockReturnValueOnce(dropped())
      .mockReturnValueOnce(answer({ ok: true, data: 1 }));
    const reply = await rpc.call('case.get', { caseId: 'c1' });
    expect(reply.ok).toBe(true);
    expect(wx.callFunction).toHaveBeenCalledTimes(2);
  });

  it('never re-sends a mutating action, and says the network failed in Chinese', async () => {
    wx.callFunction.mockReturnValue(dropped());
    const reply = await rpc.call('case.submit', {
      reason: 'resignation',
      idempotencyKey: 'k-12345678',
    });
    expect(wx.callFunction).toHaveBeenCalledTimes(1);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'NETWORK', message: '网络连接失败，请检查网络后重试' },
    });
  });

  it('gives up on a read after the single retry', async () => {
    wx.callFunction.mockReturnValue(
      Promise.reject({ errMsg: 'cloud.callFunction:fail request timeout' }),
    );
    const reply = await rpc.call('me.get', {});
    expect(wx.callFunction).toHaveBeenCalledTimes(2);
    expect(reply).toEqual({
      ok: false,
      error: { code: 'NETWORK', message: '请求超时，请检查网络后重试' },
    });
  });

  it('treats a malformed answer as a server failure', async () => {
    wx.callFunction.mockReturnValue(answer(undefined));
    const reply = await rpc.call('meta.get', {});
    expect(reply).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后再试' },
    });
  });

  it('reports UNAUTHENTICATED to the listener, except for binding itself', async () => {
    const listener = jest.fn();
    rpc.setUnauthenticatedListener(listener);
    wx.callFunction.mockReturnValue(
      answer({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先绑定' } }),
    );
    await rpc.call('case.get', { caseId: 'c1' });
    expect(listener).toHaveBeenCalledTimes(1);
    await rpc.call('me.bind', { employeeNo: 'D001', code: 'ABCDEFGH' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('classifies reads', () => {
    expect(rpc.isReadAction('me.get')).toBe(true);
    expect(rpc.isReadAction('admin.stats')).toBe(true);
    expect(rpc.isReadAction('case.checklist')).toBe(false);
  });
});

describe('session', () => {
  it('caches me.get and sends the user to binding on UNAUTHENTICATED', async () => {
    jest.resetModules();
    const wx = installWx();
    const session = jest.requireActual<Session>('../../../miniprogram/services/session');
    const me = { employee: null, roles: ['admin'], subscriptions: {} };
    wx.callFunction.mockReturnValue(answer({ ok: true, data: me }));
    await session.loadSession();
    await session.loadSession();
    expect(wx.callFunction).toHaveBeenCalledTimes(1);
    expect(session.currentSession()).toEqual(me);

    wx.callFunction.mockReturnValue(
      answer({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先绑定' } }),
    );
    const rpc = jest.requireActual<Rpc>('../../../miniprogram/services/rpc');
    await rpc.call('case.get', { caseId: 'c1' });
    expect(session.currentSession()).toBeNull();
    expect(wx.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });
});
