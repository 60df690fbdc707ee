import http from 'node:http';
import net from 'node:net';
import { FUNCTION_BODY_LIMIT, UPLOAD_BODY_LIMIT } from '../../../tools/local-cloud';
import { startHarness, type Harness } from './local-cloud-harness';

let h: Harness;
let base: string;

beforeEach(async () => {
  h = await startHarness();
  base = (await h.cloud.listen(0)).url;
});
afterEach(() => h.dispose());

async function post(route: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(base + route, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

async function get(route: string) {
  const response = await fetch(base + route);
  return { status: response.status, body: (await response.json()) as unknown };
}

describe('POST /functions/:name', () => {
  it('calls the function with the caller from x-wx-openid, as a wx_client call', async () => {
    const { status, body, headers } = await post(
      '/functions/probe',
      { op: 'context' },
      { 'x-wx-openid': 'user-1' },
    );
    expect(status).toBe(200);
    expect(body.before).toMatchObject({
      OPENID: 'user-1',
      SOURCE: 'wx_client',
      CLIENTIP: '127.0.0.1',
    });
    expect(body.userInfo).toMatchObject({ openId: 'user-1' });
    // The functions get the caller's environment plus the template settings from templates.json.
    expect(body.env).toMatchObject({ ADMIN_OPENIDS: 'admin-1' });
    expect(JSON.parse(String((body.env as Record<string, unknown>).TEMPLATE_IDS))).toHaveProperty(
      'notice',
    );
    expect(headers.get('x-local-cloud-reads')).toBe('0');
  });

  it('keeps getWXContext() right under concurrent invocations', async () => {
    const calls = Array.from({ length: 20 }, (_, i) =>
      post(
        '/functions/probe',
        { op: 'context', delayMs: 20 + ((i * 7) % 30) },
        { 'x-wx-openid': `user-${i}` },
      ),
    );
    const results = await Promise.all(calls);
    results.forEach(({ body }, i) => {
      expect(body.before).toMatchObject({ OPENID: `user-${i}` });
      expect(body.after).toMatchObject({ OPENID: `user-${i}` });
    });
  });

  it('reports the round trips of the invocation in headers', async () => {
    const { headers } = await post('/functions/probe', {
      op: 'twoReadsOneWrite',
      collection: 'rt',
    });
    expect([headers.get('x-local-cloud-reads'), headers.get('x-local-cloud-writes')]).toEqual([
      '2',
      '1',
    ]);
  });

  it('404 for an unknown function or a path outside the functions folder', async () => {
    for (const name of [
      'nope',
      '..%2Fprobe',
      '%2E%2E',
      'probe%2F..%2F..%2Fpackage.json',
      'ticker%00',
    ]) {
      const { status, body } = await post(`/functions/${name}`, {});
      expect(status).toBe(404);
      expect(body).toMatchObject({ errCode: 404 });
    }
  });

  it('a function that throws answers 500 { errCode, errMsg } without a stack trace', async () => {
    const { status, body } = await post('/functions/probe', { op: 'throw', message: '坏了' });
    expect(status).toBe(500);
    expect(Object.keys(body).sort()).toEqual(['errCode', 'errMsg']);
    expect(body.errMsg).toContain('坏了');
    expect(JSON.stringify(body)).not.toMatch(/\bat\b.*\(|\.ts:\d+|node_modules/);
  });

  it('a function that leaves an SDK error unhandled is a 500 too', async () => {
    const { status, body } = await post('/functions/probe', {
      op: 'get',
      collection: 'x',
      id: 'missing',
    });
    expect(status).toBe(500);
    expect(body.errMsg).toMatch(/does not exist/);
  });

  it('413 beyond 1 MB, 400 for a body that is not JSON', async () => {
    const big = JSON.stringify({ op: 'context', pad: 'x'.repeat(FUNCTION_BODY_LIMIT) });
    const tooLarge = await post('/functions/probe', big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ errCode: 413 });
    const broken = await post('/functions/probe', '{ nope');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ errCode: 400 });
  });
});

describe('storage routes', () => {
  it('uploads as the caller and serves the file back', async () => {
    const content = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const { status, body } = await post(
      '/storage/upload',
      { cloudPath: 'cases/c1/signature/s.png', contentBase64: content.toString('base64') },
      { 'x-wx-openid': 'user-9' },
    );
    expect(status).toBe(200);
    expect(body.fileID).toBe('cloud://local.lizhitong/cases/c1/signature/s.png');
    expect(h.cloud.fileInfo(body.fileID as string)?.openid).toBe('user-9');
    const file = await fetch(`${base}/storage/${encodeURIComponent(body.fileID as string)}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(content);
    expect(
      (await get(`/storage/${encodeURIComponent('cloud://local.lizhitong/none.png')}`)).status,
    ).toBe(404);
  });

  it('refuses bad paths and bodies over 30 MB', async () => {
    const bad = await post('/storage/upload', {
      cloudPath: '../escape.txt',
      contentBase64: 'eA==',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errCode).toBe(-501007);
    const huge = 'A'.repeat(UPLOAD_BODY_LIMIT + 16);
    const tooLarge = await post('/storage/upload', { cloudPath: 'big.bin', contentBase64: huge });
    expect(tooLarge.status).toBe(413);
  });
});

describe('admin routes', () => {
  it('clock: jump fires nothing; advance fires each tick and returns after the runs', async () => {
    const jump = await post('/__admin/clock', { now: '2027-03-01T02:00:00+08:00' });
    expect(jump.body).toEqual({ now: '2027-02-28T18:00:00.000Z', frozen: true, fired: [] });
    const advance = await post('/__admin/clock', { advanceMs: 3600_000 });
    expect(advance.body.now).toBe('2027-02-28T19:00:00.000Z');
    expect((advance.body.fired as { time: string }[]).map((run) => run.time)).toEqual([
      '2027-02-28T18:30:00Z',
      '2027-02-28T19:00:00Z',
    ]);
    expect((await h.db.collection('ticks').count()).total).toBe(2);
    expect((await post('/__admin/clock', { now: 'tomorrow' })).status).toBe(400);
    expect((await post('/__admin/clock', { advanceMs: -1 })).status).toBe(400);
    expect(await get('/__admin/clock')).toEqual({
      status: 200,
      body: { now: '2027-02-28T19:00:00.000Z', frozen: true },
    });
  });

  it('triggers/:name fires that function timer now; 404 without one', async () => {
    const fired = await post('/__admin/triggers/ticker', {});
    expect(fired.status).toBe(200);
    expect(fired.body.fired).toMatchObject([{ functionName: 'ticker', ok: true }]);
    expect((await post('/__admin/triggers/probe', {})).status).toBe(404);
    expect((await post('/__admin/triggers/nope', {})).status).toBe(404);
  });

  it('subscriptions grant credits the functions then spend; outbox lists every attempt', async () => {
    const template = h.cloud.templates().find((t) => t.kind === 'managerApproval');
    const templateId = template?.id as string;
    const granted = await post('/__admin/subscriptions', { openid: 'm-1', templateId, count: 2 });
    expect(granted.body).toEqual({ openid: 'm-1', templateId, credits: 2 });
    expect(
      (await post('/__admin/subscriptions', { openid: 'm-1', templateId: 'nope', count: 1 }))
        .status,
    ).toBe(400);
    const data = {
      thing1: { value: '离职申请' },
      name2: { value: '张三' },
      time3: { value: '09:30' },
      phrase4: { value: '待审批' },
    };
    const sent = await post('/functions/probe', {
      op: 'send',
      params: { touser: 'm-1', templateId, data },
    });
    expect(sent.body).toMatchObject({ errCode: 0 });
    const outbox = (await get('/__admin/outbox')).body as {
      touser: string;
      errCode: number;
      sentAt: string;
    }[];
    expect(outbox).toMatchObject([{ touser: 'm-1', templateId, data, errCode: 0 }]);
    expect(Number.isNaN(Date.parse(outbox[0]?.sentAt as string))).toBe(false);
  });

  it('stats count reads and writes; reset empties everything', async () => {
    await post('/functions/probe', { op: 'add', collection: 'c', data: { v: 1 } });
    const stats = (await get('/__admin/stats')).body as { writes: number; reads: number };
    expect(stats.writes).toBeGreaterThanOrEqual(1);
    expect((await post('/__admin/reset', {})).body).toEqual({ ok: true });
    expect((await h.db.collection('c').count()).total).toBe(0);
  });

  it('unknown routes are JSON 404s', async () => {
    expect(await get('/nothing')).toEqual({
      status: 404,
      body: expect.objectContaining({ errCode: 404 }),
    });
  });
});

describe('network', () => {
  it('listens on loopback only and refuses non-loopback Host headers', async () => {
    await expect(h.cloud.listen(0, '0.0.0.0')).rejects.toThrow(/loopback/);
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(base);
      const req = http.request(
        {
          host: '127.0.0.1',
          port: url.port,
          path: '/__admin/outbox',
          headers: { host: 'evil.example' },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('opens the port only after beforeListen finished', async () => {
    const other = await startHarness();
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const refused = () =>
      new Promise<boolean>((resolve) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.on('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.on('error', () => resolve(true));
      });
    let refusedDuringHook = false;
    try {
      await other.cloud.listen(port, '127.0.0.1', {
        beforeListen: async (cloud) => {
          await cloud.invoke('probe', { op: 'add', collection: 'seed', data: { v: 1 } });
          refusedDuringHook = await refused();
        },
      });
      expect(refusedDuringHook).toBe(true);
      expect(await refused()).toBe(false);
    } finally {
      await other.dispose();
    }
  });
});
