/**
 * Random identifiers for request ids, idempotency keys and upload file names. Not secrets:
 * they only need to be unique per user, so Math.random with a time prefix is enough.
 */
export function randomId(length = 24): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let out = Date.now().toString(36);
  while (out.length < length) {
    out += alphabet[Math.floor(Math.random() * alphabet.length)] ?? '0';
  }
  return out.slice(0, length);
}
