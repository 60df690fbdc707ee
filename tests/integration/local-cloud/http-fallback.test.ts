/** The HTTP server's fallback (the web preview's hook): API routes answer as before it. */
import { startHarness, type Harness } from './local-cloud-harness';

let h: Harness;
let base: string;
const seen: string[] = [];

beforeEach(async () => {
  seen.length = 0;
  h = await startHarness();
  base = (
    await h.cloud.listen(0, '127.0.0.1', {
      async fallback(req, res, path) {
        seen.push(`${req.method} ${path}`);
        if (path !== '/hello') return false;
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('hi');
        return true;
      },
    })
  ).url;
});
afterEach(() => h.dispose());

it('serves what no API route takes, and leaves the API routes alone', async () => {
  const hello = await fetch(`${base}/hello`);
  expect(await hello.text()).toBe('hi');

  const outbox = await fetch(`${base}/__admin/outbox`);
  expect(outbox.status).toBe(200);
  expect(await outbox.json()).toEqual([]);
  const call = await fetch(`${base}/functions/probe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': 'user-1' },
    body: JSON.stringify({ op: 'context' }),
  });
  expect(call.status).toBe(200);
  expect(seen).toEqual(['GET /hello']);
});

it('answers the API 404 when the fallback declines', async () => {
  const res = await fetch(`${base}/nowhere`);
  expect(res.status).toBe(404);
  expect(await res.json()).toMatchObject({ errCode: 404 });
  expect(seen).toEqual(['GET /nowhere']);
});
