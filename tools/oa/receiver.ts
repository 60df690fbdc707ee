/**
 * A sample OA receiver for the status callbacks (README "接入 OA"): checks the signature,
 * drops what it has seen by (`caseId`, `eventSeq`), prints the rest.
 *
 *   OA_CALLBACK_SECRET=… npx tsx tools/oa/receiver.ts [port]     (default 4100)
 *
 * `startReceiver` is the same receiver for tests: it can be told to fail the next requests.
 */
import http from 'node:http';
import { verifySigned } from './oa-signing';

export interface ReceivedCallback {
  readonly body: Record<string, unknown>;
  readonly signed: boolean;
  /** The answer the receiver gave (500 while told to fail). */
  readonly status: number;
}

export interface Receiver {
  readonly url: string;
  /** Every request that reached it, in arrival order, including the failed ones. */
  readonly requests: ReceivedCallback[];
  /** Answer 500 to the next `n` requests. */
  failNext(n: number): void;
  close(): Promise<void>;
}

export async function startReceiver(
  secret: string,
  options: { port?: number; clock?: () => Date; log?: (line: string) => void } = {},
): Promise<Receiver> {
  const requests: ReceivedCallback[] = [];
  const seen = new Set<string>();
  let failing = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const signed = verifySigned(secret, req.headers, raw, options.clock?.() ?? new Date());
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
      } catch {
        // Kept empty: the request is refused below.
      }
      let status = signed ? 200 : 401;
      if (signed && failing > 0) {
        failing -= 1;
        status = 500;
      }
      requests.push({ body, signed, status });
      const key = `${String(body.caseId)}:${String(body.eventSeq)}`;
      if (status === 200 && !seen.has(key)) {
        seen.add(key);
        options.log?.(
          `${String(body.at)} ${String(body.oaRef)} → ${String(body.stateLabel)}（${String(body.state)}）` +
            ` 最后工作日 ${String(body.lastWorkingDay ?? '—')} #${String(body.eventSeq)}`,
        );
      } else if (status === 200) {
        options.log?.(`重复的回调已忽略：${key}`);
      } else if (!signed) {
        options.log?.('签名无效的请求已拒绝');
      }
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: status === 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/oa/callbacks`,
    requests,
    failNext(n) {
      failing = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (require.main === module) {
  const secret = process.env.OA_CALLBACK_SECRET ?? '';
  if (!secret) {
    console.error('请设置 OA_CALLBACK_SECRET（与云函数 oa-webhook 的 OA_CALLBACK_SECRET 相同）');
    process.exit(1);
  }
  void startReceiver(secret, {
    port: Number(process.argv[2] ?? 4100),
    log: (line) => console.log(line),
  }).then((receiver) => {
    console.log(`OA 回调接收器：${receiver.url}`);
    console.log(`在云函数 oa-webhook 的环境变量中设置 OA_CALLBACK_URL=${receiver.url}`);
  });
}
