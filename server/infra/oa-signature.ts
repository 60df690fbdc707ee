import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { CallbackPoster, OaSignature } from '../app/oa-callbacks';

/** HMAC-SHA256 over `timestamp + "." + body`, hex; compared in constant time. */
export const hmacSignature: OaSignature = {
  sign(secret, timestamp, body) {
    return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  },
  equal(a, b) {
    const left = Buffer.from(a, 'utf8');
    const right = Buffer.from(b, 'utf8');
    // timingSafeEqual needs equal lengths; the length of a hex digest is no secret.
    return left.length === right.length && timingSafeEqual(left, right);
  },
};

/** How long the OA may take to answer a callback before the attempt counts as failed. */
const CALLBACK_TIMEOUT_MS = 10_000;

/**
 * POSTs a callback with node's http(s) client (the functions are bundled for Node 16, which
 * has no `fetch`); never throws. Redirects are not followed: the URL is configured, not found.
 */
export const httpPoster: CallbackPoster = {
  post(url, headers, body) {
    return new Promise((resolve) => {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        resolve({ error: 'OA_CALLBACK_URL 不是有效的网址' });
        return;
      }
      const payload = Buffer.from(body, 'utf8');
      const client = target.protocol === 'https:' ? https : http;
      const request = client.request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(payload.length) },
          timeout: CALLBACK_TIMEOUT_MS,
        },
        (response) => {
          // The answer's body is not needed; reading it frees the connection.
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
          response.on('error', (error) => resolve({ error: error.message }));
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', (error) => resolve({ error: error.message }));
      request.end(payload);
    });
  },
};
