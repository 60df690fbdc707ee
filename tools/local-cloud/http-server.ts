import { randomUUID } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { sdkErrCode, TcbError, UnknownFunctionError } from './cloud-error';
import type { ServedCloud } from './served-cloud';
import {
  acceptUpload,
  answerSdk,
  COS_PATH,
  DropConnection,
  SDK_PATH,
  writeAnswer,
} from './sdk-wire';

/** Body limits: function calls are small; uploads carry base64 (≈ 4/3 of a 20 MB document). */
export const FUNCTION_BODY_LIMIT = 1024 * 1024;
export const UPLOAD_BODY_LIMIT = 30 * 1024 * 1024;
/** Beyond this, an oversized body is not even drained: the connection is dropped after the 413. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/** A function run that threw: answered 500 with its message, never its stack. */
class FunctionThrew extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly errCode: number,
    message: string,
  ) {
    super(message);
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body === undefined ? null : body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const tooLarge = () =>
      new HttpError(
        413,
        413,
        `请求体过大，上限 ${limit} 字节 (request body exceeds ${limit} bytes)`,
      );
    if (declared > DRAIN_LIMIT) {
      reject(tooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit)
        over = true; // keep draining so the client can read the 413
      else chunks.push(chunk);
      if (size > DRAIN_LIMIT) req.destroy();
    });
    req.on('end', () => (over ? reject(tooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}

async function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const body = await readBody(req, limit);
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 400, '请求体不是合法的 JSON (invalid JSON body)');
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function requireObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 400, '请求体必须是 JSON 对象 (body must be a JSON object)');
  }
  return body as Record<string, unknown>;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 400, '路径编码无效 (invalid path encoding)');
  }
}

/**
 * Answers a request that no API route took (the web preview); resolves false to
 * leave it to the API's 404.
 */
export type FallbackHandler = (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
) => Promise<boolean>;

/**
 * The local cloud's HTTP interface (DESIGN §5): JSON in, JSON out, errors as
 * `{ errCode, errMsg }` and never a stack trace. Loopback only: requests whose Host is not a
 * loopback name are refused (a web page cannot reach it through DNS rebinding).
 */
export function createHttpServer(
  cloud: ServedCloud,
  options: { fallback?: FallbackHandler } = {},
): http.Server {
  const routes = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const route = url.pathname;
    const method = req.method ?? 'GET';
    const openid = header(req, 'x-wx-openid') || undefined;
    const clientIp = req.socket.remoteAddress;

    // The real wx-server-sdk of each function instance (and of the host) talks to these.
    if (method === 'POST' && route.startsWith(SDK_PATH)) {
      const instanceId = decodeSegment(route.slice(SDK_PATH.length).split('/')[0] ?? '');
      const body = await readBody(req, UPLOAD_BODY_LIMIT);
      const answer = await answerSdk(
        cloud.sdkBackend(),
        instanceId,
        header(req, 'content-type') ?? '',
        body,
      );
      return writeAnswer(res, answer);
    }
    if (method === 'PUT' && route.startsWith(COS_PATH)) {
      const cloudPath = decodeSegment(route.slice(COS_PATH.length));
      const body = await readBody(req, UPLOAD_BODY_LIMIT);
      return writeAnswer(res, acceptUpload(cloud.sdkBackend(), cloudPath, body));
    }

    if (method === 'POST' && route.startsWith('/functions/')) {
      const name = decodeSegment(route.slice('/functions/'.length));
      if (!cloud.functions.has(name))
        throw new HttpError(404, 404, `云函数不存在 (function not found): ${name}`);
      const event = await readJson(req, FUNCTION_BODY_LIMIT);
      const outcome = await cloud
        .invokeWithStats(name, event, { openid, clientIp })
        .catch((error: unknown) => {
          throw error instanceof UnknownFunctionError ? error : new FunctionThrew(error);
        });
      return send(res, 200, outcome.result, {
        'x-local-cloud-reads': String(outcome.roundTrips.reads),
        'x-local-cloud-writes': String(outcome.roundTrips.writes),
      });
    }
    // HTTP access service (HTTP 访问服务): any method, the request handed over as the platform's
    // event, the function's `{ statusCode, headers, body, isBase64Encoded }` sent back.
    if (route.startsWith('/http/')) {
      const name = decodeSegment(route.slice('/http/'.length));
      if (!cloud.functions.has(name))
        throw new HttpError(404, 404, `云函数不存在 (function not found): ${name}`);
      const raw = await readBody(req, FUNCTION_BODY_LIMIT);
      const headers: Record<string, string> = {};
      const multiValueHeaders: Record<string, string[]> = {};
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
        const key = (req.rawHeaders[i] as string).toLowerCase();
        const value = req.rawHeaders[i + 1] as string;
        headers[key] = value;
        (multiValueHeaders[key] ??= []).push(value);
      }
      const text = raw.toString('utf8');
      const binary = !Buffer.from(text, 'utf8').equals(raw);
      const result = await cloud
        .invokeHttp(
          name,
          {
            path: route.slice('/http'.length),
            httpMethod: method,
            headers,
            multiValueHeaders,
            queryStringParameters: Object.fromEntries(url.searchParams),
            requestContext: { requestId: randomUUID(), sourceIp: clientIp ?? '', envId: 'local' },
            body: binary ? raw.toString('base64') : text,
            isBase64Encoded: binary,
          },
          clientIp ? { clientIp } : {},
        )
        .catch((error: unknown) => {
          throw error instanceof UnknownFunctionError ? error : new FunctionThrew(error);
        });
      const reply = (result ?? {}) as Partial<Record<'statusCode' | 'headers' | 'body', unknown>>;
      if (typeof reply.statusCode !== 'number') return send(res, 200, result);
      const out = Buffer.from(
        typeof reply.body === 'string' ? reply.body : '',
        (result as { isBase64Encoded?: unknown }).isBase64Encoded === true ? 'base64' : 'utf8',
      );
      res.writeHead(reply.statusCode, {
        ...(typeof reply.headers === 'object' ? (reply.headers as Record<string, string>) : {}),
        'content-length': out.length,
      });
      res.end(out);
      return;
    }
    if (method === 'POST' && route === '/storage/upload') {
      const body = requireObject(await readJson(req, UPLOAD_BODY_LIMIT));
      const { cloudPath, contentBase64 } = body;
      if (typeof contentBase64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64)) {
        throw new HttpError(
          400,
          400,
          'contentBase64 必须是 base64 字符串 (contentBase64 must be base64)',
        );
      }
      if (typeof cloudPath !== 'string')
        throw new HttpError(400, 400, 'cloudPath 必须是字符串 (cloudPath must be a string)');
      const info = await cloud.upload(cloudPath, Buffer.from(contentBase64, 'base64'), openid);
      return send(res, 200, { fileID: info.fileID });
    }
    if (method === 'GET' && route.startsWith('/storage/')) {
      const fileID = decodeSegment(route.slice('/storage/'.length));
      const content = cloud.readFile(fileID);
      if (!content) throw new HttpError(404, 404, `文件不存在 (file not found): ${fileID}`);
      res.writeHead(200, {
        'content-type':
          CONTENT_TYPES[path.extname(fileID).toLowerCase()] ?? 'application/octet-stream',
        'content-length': content.length,
      });
      res.end(content);
      return;
    }
    if (route === '/__admin/clock') {
      if (method === 'GET')
        return send(res, 200, {
          now: cloud.clock.now().toISOString(),
          frozen: cloud.clock.isFrozen,
        });
      if (method !== 'POST') throw new HttpError(405, 405, 'method not allowed');
      const body = requireObject(await readJson(req, FUNCTION_BODY_LIMIT));
      if (typeof body.now === 'string' && body.advanceMs === undefined) {
        const instant = new Date(body.now);
        if (Number.isNaN(instant.getTime()))
          throw new HttpError(400, 400, 'now 必须是 ISO 时间 (now must be an ISO date)');
        await cloud.clock.jump(instant);
        return send(res, 200, { now: cloud.clock.now().toISOString(), frozen: true, fired: [] });
      }
      if (
        typeof body.advanceMs === 'number' &&
        body.now === undefined &&
        Number.isFinite(body.advanceMs) &&
        body.advanceMs >= 0
      ) {
        const fired = await cloud.clock.advance(body.advanceMs);
        return send(res, 200, { now: cloud.clock.now().toISOString(), frozen: true, fired });
      }
      throw new HttpError(
        400,
        400,
        '需要 { now } 或 { advanceMs } 之一 (expects { now: ISO } or { advanceMs: number ≥ 0 })',
      );
    }
    if (method === 'POST' && route.startsWith('/__admin/triggers/')) {
      const name = decodeSegment(route.slice('/__admin/triggers/'.length));
      if (!cloud.functions.has(name) || !cloud.triggers().some((t) => t.functionName === name)) {
        throw new HttpError(404, 404, `没有该云函数的定时触发器 (no timer trigger for): ${name}`);
      }
      return send(res, 200, { fired: await cloud.fireTrigger(name) });
    }
    if (route === '/__admin/subscriptions') {
      if (method === 'GET') return send(res, 200, cloud.allCredits());
      if (method !== 'POST') throw new HttpError(405, 405, 'method not allowed');
      const {
        openid: user,
        templateId,
        count,
      } = requireObject(await readJson(req, FUNCTION_BODY_LIMIT));
      if (typeof user !== 'string' || user === '')
        throw new HttpError(400, 400, 'openid 必须是非空字符串 (openid required)');
      if (typeof templateId !== 'string' || !cloud.hasTemplate(templateId)) {
        throw new HttpError(400, 40037, `模板不存在 (unknown templateId): ${String(templateId)}`);
      }
      const times = count === undefined ? 1 : count;
      if (typeof times !== 'number' || !Number.isInteger(times) || times < 1 || times > 1000) {
        throw new HttpError(
          400,
          400,
          'count 必须是 1–1000 的整数 (count must be an integer 1–1000)',
        );
      }
      const credits = await cloud.grantCredits(user, templateId, times);
      return send(res, 200, { openid: user, templateId, credits });
    }
    if (method === 'GET' && route === '/__admin/outbox') return send(res, 200, cloud.outbox());
    if (method === 'GET' && route === '/__admin/stats') return send(res, 200, cloud.stats());
    if (method === 'GET' && route === '/__admin/templates')
      return send(res, 200, cloud.templates());
    if (method === 'GET' && route === '/__admin/triggers') return send(res, 200, cloud.triggers());
    if (method === 'POST' && route === '/__admin/reset') {
      await cloud.reset();
      return send(res, 200, { ok: true });
    }
    if (options.fallback && (await options.fallback(req, res, route))) return;
    throw new HttpError(404, 404, `没有这个接口 (no such route): ${method} ${route}`);
  };

  return http.createServer((req, res) => {
    const origin = header(req, 'origin');
    if (origin && LOOPBACK_ORIGIN.test(origin)) {
      // The web preview runs on another loopback port.
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-headers', 'content-type, x-wx-openid');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-expose-headers', 'x-local-cloud-reads, x-local-cloud-writes');
    }
    if (!LOOPBACK_HOST.test(header(req, 'host') ?? '')) {
      send(res, 403, { errCode: 403, errMsg: '只接受本机请求 (loopback host required)' });
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    routes(req, res).catch((error: unknown) => {
      if (res.headersSent || error instanceof DropConnection) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        const close: Record<string, string> = error.status === 413 ? { connection: 'close' } : {};
        send(res, error.status, { errCode: error.errCode, errMsg: error.message }, close);
        if (error.status === 413 && !req.complete) res.on('finish', () => req.destroy());
        return;
      }
      if (error instanceof UnknownFunctionError) {
        send(res, 404, { errCode: 404, errMsg: error.message });
        return;
      }
      if (error instanceof FunctionThrew) {
        cloud.logger.error('[local-cloud] function threw:', error.reason);
        send(res, 500, {
          errCode: -504002,
          errMsg: `cloud.callFunction:fail -504002 functions execute fail. Error: ${error.message}`,
        });
        return;
      }
      if (error instanceof TcbError) {
        // Refused by the local cloud itself (a bad upload path, …): a client error.
        send(res, 400, { errCode: sdkErrCode(error.code), errMsg: error.message });
        return;
      }
      cloud.logger.error('[local-cloud] request failed:', error);
      send(res, 500, { errCode: 500, errMsg: '本地云内部错误 (local cloud internal error)' });
    });
  });
}
