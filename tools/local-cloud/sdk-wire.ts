import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { TcbError } from './cloud-error';
import { DATABASE_ACTIONS, isDatabaseAction, type LocalDatabase } from './database';
import type { RoundTrips } from './invocation-context';
import { decodeOpenApiCall, encodeOpenApiAnswer, encodeOpenApiBuffer } from './openapi-wire';
import { isStorageAction, type LocalStorage } from './storage';
import type { SubscribeMessages } from './subscribe-message';
import { getUnlimited } from './wxacode';

/** The path prefix the SDK of each function instance (or of the host, `host`) talks to. */
export const SDK_PATH = '/__tcb/';
/** Where the SDK PUTs an upload's bytes (the COS step of `uploadFile`). */
export const COS_PATH = '/__cos/';

/** Who is calling: a function instance (its run's counters and name) or the host process. */
export interface SdkCaller {
  functionName: string;
  roundTrips: RoundTrips;
}

/** What the wire needs of the local cloud. */
export interface SdkBackend {
  readonly database: LocalDatabase;
  readonly storage: LocalStorage;
  readonly messages: SubscribeMessages;
  /** The instance behind a path segment; undefined for the host's own SDK. */
  caller(instanceId: string): SdkCaller | undefined;
  /** Counts a database round trip, for the caller's run and in total. */
  countRoundTrip(kind: keyof RoundTrips, caller: SdkCaller | undefined): void;
  /** Cloud calls need the API in the function's `config.json` `permissions.openapi`. */
  mayCall(functionName: string, api: string): boolean;
  /** Up to this many milliseconds of random delay before each answer (0: none). */
  readonly jitterMs: number;
  /** A fault to answer the next cloud call with, if one is armed (`LocalCloud.failCloudCalls`). */
  takeCloudCallFault(): CloudCallFault | null;
  /** Whether to refuse the next upload's bytes (`LocalCloud.failUploads`). */
  takeUploadFault(): boolean;
}

/**
 * What can go wrong between a function and WeChat on a cloud call: `busy` is WeChat's own
 * "system error" (errcode -1), `network` a dropped connection. Neither reaches the outbox.
 */
export type CloudCallFault = 'busy' | 'network';

/** The connection is to be dropped without an answer. */
export class DropConnection extends Error {}

interface Answer {
  status: number;
  contentType: string;
  body: Buffer;
}

function json(body: unknown): Answer {
  return {
    status: 200,
    contentType: 'application/json; charset=utf-8',
    body: Buffer.from(JSON.stringify(body)),
  };
}

function jitter(ms: number): Promise<void> {
  return ms > 0
    ? new Promise((resolve) => setTimeout(resolve, Math.random() * ms))
    : Promise.resolve();
}

/**
 * Answers one request of the real wx-server-sdk (`@cloudbase/node-sdk`) as the platform does:
 * JSON actions (`database.*`, `storage.*`) answer `{ data, requestId }` or `{ code, message,
 * requestId }` with status 200; cloud calls (`wx.openApi`, multipart with protobuf) answer in
 * protobuf (openapi-wire.ts).
 */
export async function answerSdk(
  backend: SdkBackend,
  instanceId: string,
  contentType: string,
  body: Buffer,
): Promise<Answer> {
  const caller = backend.caller(instanceId);
  await jitter(backend.jitterMs);
  const requestId = randomUUID();
  if (contentType.startsWith('multipart/form-data')) {
    const call = decodeOpenApiCall(body, contentType);
    if (caller && !backend.mayCall(caller.functionName, call.apiName)) {
      return encodeAnswer(
        encodeOpenApiAnswer({
          errcode: -604101,
          errmsg: `function has no permission to call this API (${caller.functionName}/config.json 缺少 permissions.openapi: ["${call.apiName}"])`,
        }),
      );
    }
    const fault = backend.takeCloudCallFault();
    if (fault === 'network') throw new DropConnection('cloud call fault: network');
    if (fault === 'busy') {
      return encodeAnswer(encodeOpenApiAnswer({ errcode: -1, errmsg: 'system error' }));
    }
    if (call.apiName === 'wxacode.getUnlimited') {
      const answer = getUnlimited(call.data as Record<string, unknown>);
      return encodeAnswer(
        answer.ok
          ? encodeOpenApiBuffer(answer.contentType, answer.image)
          : encodeOpenApiAnswer(answer.answer),
      );
    }
    if (call.apiName !== 'subscribeMessage.send') {
      return encodeAnswer(
        encodeOpenApiAnswer({ errcode: -604100, errmsg: `本地云不支持 ${call.apiName}` }),
      );
    }
    return encodeAnswer(encodeOpenApiAnswer(backend.messages.send(call.data)));
  }
  let params: Record<string, unknown>;
  try {
    params = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    return json({ code: 'INVALID_PARAM', message: 'invalid JSON', requestId });
  }
  const action = params.action;
  try {
    if (isDatabaseAction(action)) {
      backend.countRoundTrip(DATABASE_ACTIONS[action], caller);
      return json({ ...backend.database.handle(action, params), requestId });
    }
    if (isStorageAction(action))
      return json({ ...backend.storage.handle(action, params), requestId });
    return json({
      code: 'INVALID_PARAM',
      message: `本地云不支持 ${String(action)} (unsupported action)`,
      requestId,
    });
  } catch (error) {
    if (error instanceof TcbError)
      return json({ code: error.code, message: error.message, requestId });
    throw error;
  }
}

function encodeAnswer(answer: { statusCode: number; contentType: string; body: Buffer }): Answer {
  return { status: answer.statusCode, contentType: answer.contentType, body: answer.body };
}

/** The COS step of an upload: the bytes PUT to the URL `storage.getUploadMetadata` gave. */
export function acceptUpload(backend: SdkBackend, cloudPath: string, body: Buffer): Answer {
  if (backend.takeUploadFault()) {
    return {
      status: 403,
      contentType: 'application/xml',
      body: Buffer.from(
        `<?xml version='1.0' encoding='utf-8' ?><Error><Code>AccessDenied</Code><Message>Access Denied.</Message><Resource>/${cloudPath}</Resource><RequestId>local</RequestId><TraceId>local</TraceId></Error>`,
      ),
    };
  }
  backend.storage.upload(cloudPath, body);
  return { status: 200, contentType: 'application/xml', body: Buffer.alloc(0) };
}

export function writeAnswer(res: http.ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, {
    'content-type': answer.contentType,
    'content-length': answer.body.length,
  });
  res.end(answer.body);
}
