/**
 * A sample OA client: sends what a company's OA would, signed as README "接入 OA" describes.
 *
 *   npm run oa -- submit <employeeNo> <reason> [explanation] [--ref <oaRef>] [--submitted <ISO>]
 *   npm run oa -- withdraw <oaRef>
 *
 * OA_WEBHOOK_URL (default http://127.0.0.1:3000/http/oa-webhook) and OA_WEBHOOK_SECRET
 * (against a loopback address, `npm start`'s demo secret when unset).
 */
import { randomBytes } from 'node:crypto';
import { DEMO_OA_WEBHOOK_SECRET } from './demo-secrets';
import { signedHeaders } from './oa-signing';

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//;

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const [, value] = args.splice(at, 2);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const url = process.env.OA_WEBHOOK_URL ?? 'http://127.0.0.1:3000/http/oa-webhook';
  const secret =
    process.env.OA_WEBHOOK_SECRET ?? (LOOPBACK.test(url) ? DEMO_OA_WEBHOOK_SECRET : '');
  if (!secret) throw new Error('请设置 OA_WEBHOOK_SECRET');
  const ref = option(args, '--ref');
  const submitted = option(args, '--submitted');
  const [command, first, second, ...rest] = args;
  let body: Record<string, unknown>;
  if (command === 'submit' && first && second) {
    const explanation = rest.join(' ').trim();
    body = {
      type: 'resignation.created',
      oaRef: ref ?? `OA-${new Date().toISOString().slice(0, 10)}-${randomBytes(4).toString('hex')}`,
      employeeNo: first,
      reason: second,
      ...(explanation ? { explanation } : {}),
      submittedAt: submitted ?? new Date().toISOString(),
    };
  } else if (command === 'withdraw' && first) {
    body = { type: 'resignation.withdrawn', oaRef: first, requestedAt: new Date().toISOString() };
  } else {
    console.error(
      '用法：npm run oa -- submit <工号> <resignation|personal> [说明] [--ref <oaRef>]\n' +
        '      npm run oa -- withdraw <oaRef>',
    );
    process.exit(2);
  }
  const text = JSON.stringify(body);
  console.log(`POST ${url}\n${text}`);
  const response = await fetch(url, {
    method: 'POST',
    headers: signedHeaders(secret, text),
    body: text,
  });
  console.log(`${response.status} ${await response.text()}`);
  if (!response.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
