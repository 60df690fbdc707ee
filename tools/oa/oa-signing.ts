import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signing scheme both directions use (README "接入 OA"): `X-OA-Timestamp` (Unix seconds)
 * and `X-OA-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>`.
 */
export function oaSignature(secret: string, timestamp: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The headers of a signed request, as a real OA sends them. */
export function signedHeaders(
  secret: string,
  body: string,
  now: Date = new Date(),
): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    'Content-Type': 'application/json',
    'X-OA-Timestamp': timestamp,
    'X-OA-Signature': `sha256=${oaSignature(secret, timestamp, body)}`,
  };
}

/** Whether a request carries a valid signature of `secret`, at most 5 minutes off `now`. */
export function verifySigned(
  secret: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: Buffer,
  now: Date = new Date(),
): boolean {
  const first = (value: string | string[] | undefined) =>
    (Array.isArray(value) ? value[0] : value) ?? '';
  const timestamp = first(headers['x-oa-timestamp']);
  const given = /^sha256=([0-9a-f]{64})$/.exec(first(headers['x-oa-signature']))?.[1];
  if (!/^\d{1,12}$/.test(timestamp) || !given) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > 300) return false;
  const expected = Buffer.from(oaSignature(secret, timestamp, body), 'utf8');
  return timingSafeEqual(expected, Buffer.from(given, 'utf8'));
}
