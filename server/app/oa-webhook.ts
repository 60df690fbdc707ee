import canonicalize from 'canonicalize';
import {
  type OaResignationCreated,
  type OaResignationWithdrawn,
  oaWebhookBody,
  type OaWebhookAccepted,
  type OaWebhookRefused,
  parseFields,
} from '../contract';
import { GUARD_MESSAGES } from '../domain/case-guards';
import { isTerminal, STATE_LABELS } from '../domain/case-states';
import {
  oaNoticeDateProblem,
  receiveOaResignation,
  withdrawOaResignation,
} from '../domain/oa-resignation';
import { saveChange, storedCase } from './case-writer';
import { employeeSnapshot } from './employee-snapshot';
import type { OaSignature } from './oa-callbacks';
import type { CasesRepository, StoredCase } from './ports/cases.port';
import type { Crypto } from './ports/crypto.port';
import type { EmployeesRepository } from './ports/employees.port';
import type { SettingsRepository } from './ports/settings.port';

/**
 * The OA's entrance (README "接入 OA"): WeChat Cloud's HTTP access service hands the function
 * the request as an event and sends back the answer it returns. Every answer is a value: a body
 * nobody foresaw gets a 4xx, never a 500.
 */

/** The platform's HTTP-access event (header names arrive in lower case). */
export interface HttpAccessEvent {
  readonly path?: unknown;
  readonly httpMethod?: unknown;
  readonly headers?: unknown;
  readonly multiValueHeaders?: unknown;
  readonly queryStringParameters?: unknown;
  readonly requestContext?: unknown;
  readonly body?: unknown;
  readonly isBase64Encoded?: unknown;
}

/** What the function returns for the platform to answer with. */
export interface HttpAccessAnswer {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly isBase64Encoded: false;
}

export const OA_BODY_LIMIT = 64 * 1024;
/** A signed request more than this far from the function's clock is refused (replay window). */
export const OA_TIMESTAMP_TOLERANCE_S = 5 * 60;

export interface OaWebhookDeps {
  readonly cases: CasesRepository;
  readonly employees: EmployeesRepository;
  readonly settings: SettingsRepository;
  readonly crypto: Crypto;
  readonly signature: OaSignature;
  /** OA_WEBHOOK_SECRET, then OA_WEBHOOK_SECRET_PREVIOUS during a rotation; empty ones left out. */
  readonly secrets: readonly string[];
  readonly logError: (error: unknown) => void;
}

export function isHttpAccessEvent(event: unknown): event is HttpAccessEvent {
  return (
    typeof event === 'object' &&
    event !== null &&
    !Array.isArray(event) &&
    'httpMethod' in event &&
    typeof (event as { httpMethod: unknown }).httpMethod === 'string'
  );
}

function answer(statusCode: number, body: OaWebhookAccepted | OaWebhookRefused): HttpAccessAnswer {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
    isBase64Encoded: false,
  };
}

function refuse(
  statusCode: number,
  error: OaWebhookRefused['error'],
  message: string,
  extra: { field?: string; caseId?: string } = {},
): HttpAccessAnswer {
  return answer(statusCode, { error, message, ...extra });
}

/** A header by name in any case, from `headers` or `multiValueHeaders`. */
export function headerOf(event: HttpAccessEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const source of [event.headers, event.multiValueHeaders]) {
    if (typeof source !== 'object' || source === null) continue;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      if (key.toLowerCase() !== wanted) continue;
      const first: unknown = Array.isArray(value) ? value[0] : value;
      if (typeof first === 'string') return first;
    }
  }
  return undefined;
}

function rawBody(event: HttpAccessEvent): Buffer | null {
  if (event.body === undefined || event.body === null) return Buffer.alloc(0);
  if (typeof event.body !== 'string') return null;
  return event.isBase64Encoded === true
    ? Buffer.from(event.body, 'base64')
    : Buffer.from(event.body, 'utf8');
}

const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

/** Why a request is not the OA's, or null when one of the secrets signed it just now. */
function authFailure(
  deps: OaWebhookDeps,
  event: HttpAccessEvent,
  body: Buffer,
  now: Date,
): string | null {
  const timestamp = headerOf(event, 'x-oa-timestamp')?.trim() ?? '';
  const signature = SIGNATURE.exec(headerOf(event, 'x-oa-signature')?.trim() ?? '')?.[1];
  if (!TIMESTAMP.test(timestamp)) return '缺少或无效的 X-OA-Timestamp（Unix 秒）';
  if (!signature) return '缺少或无效的 X-OA-Signature（sha256=<64 位十六进制>）';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > OA_TIMESTAMP_TOLERANCE_S) {
    return 'X-OA-Timestamp 与服务器时间相差超过 5 分钟';
  }
  const given = signature.toLowerCase();
  // Every secret is compared (no early exit), each in constant time.
  let matched = false;
  for (const secret of deps.secrets) {
    if (deps.signature.equal(deps.signature.sign(secret, timestamp, body), given)) matched = true;
  }
  return matched ? null : '签名不正确';
}

/** `oa` + 24 hex of SHA-256 of the OA's reference: the same request always names one case. */
export function oaCaseId(crypto: Crypto, oaRef: string): string {
  return `oa${crypto.sha256(`oa-webhook\n${oaRef}`).slice(0, 24)}`;
}

const accepted = (caseDoc: StoredCase, created: boolean) =>
  answer(200, { caseId: caseDoc.caseId, state: caseDoc.state, created });

/** The answer to a request whose `oaRef` already made a case: the same body, or a conflict. */
function repeated(caseDoc: StoredCase, bodyHash: string): HttpAccessAnswer {
  return caseDoc.oaBodyHash === bodyHash
    ? accepted(caseDoc, false)
    : refuse(409, 'conflict', '该 oaRef 已用于另一份不同内容的申请', {
        field: 'oaRef',
        caseId: caseDoc.caseId,
      });
}

async function created(
  deps: OaWebhookDeps,
  body: OaResignationCreated,
  bodyHash: string,
  now: Date,
): Promise<HttpAccessAnswer> {
  const caseId = oaCaseId(deps.crypto, body.oaRef);
  const existing = await deps.cases.get(caseId);
  if (existing) return repeated(existing, bodyHash);

  const employee = await deps.employees.get(body.employeeNo);
  if (!employee) {
    return refuse(404, 'employee_not_found', `没有员工 ${body.employeeNo}`, {
      field: 'employeeNo',
    });
  }
  const submittedAt = new Date(body.submittedAt);
  const dateProblem = oaNoticeDateProblem(submittedAt, now);
  if (dateProblem) {
    const message =
      dateProblem === 'future'
        ? 'submittedAt：不能晚于当前时间'
        : 'submittedAt：不能早于 30 天前（请由 HR 在小程序中处理）';
    return refuse(400, 'validation_failed', message, { field: 'submittedAt' });
  }
  const { policy } = await deps.settings.get();
  const result = receiveOaResignation(
    {
      caseId,
      employee: employeeSnapshot(employee),
      ...(employee.openid ? { employeeOpenid: employee.openid } : {}),
      reason: body.reason,
      ...(body.explanation ? { explanation: body.explanation } : {}),
      ...(body.faultGrounds ? { faultGrounds: body.faultGrounds } : {}),
      oaRef: body.oaRef,
      bodyHash,
      submittedAt,
      ...(body.lastWorkingDay ? { requestedLastWorkingDay: body.lastWorkingDay } : {}),
    },
    now,
    policy,
    (text) => deps.crypto.sha256(text),
  );
  if (!result.ok) {
    // The reason rules of `case.submit`: a reason of the right kind, its explanation.
    const field =
      result.code === 'PRECONDITION_FAILED' && result.guard === 'reason_requirements_met'
        ? 'explanation'
        : 'reason';
    const message =
      result.code === 'PRECONDITION_FAILED' ? GUARD_MESSAGES[result.guard] : '离职原因不可用';
    return refuse(400, 'validation_failed', `${field}：${message}`, { field });
  }
  const { stored } = storedCase(result.case, result.effects.event, null, policy, deps.crypto);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const made = await deps.cases.create(stored);
    if (made === 'created') return accepted(stored, true);
    const holder = made.lockedBy ? await deps.cases.get(made.lockedBy) : null;
    // The same oaRef at the same moment: the other request made the case.
    if (holder?.caseId === caseId) return repeated(holder, bodyHash);
    if (holder && !isTerminal(holder.state)) {
      return refuse(409, 'open_case', `员工已有进行中的离职事项（${STATE_LABELS[holder.state]}）`, {
        caseId: holder.caseId,
      });
    }
    if (made.lockedBy) await deps.cases.releaseLock(employee.employeeNo, made.lockedBy);
  }
  return refuse(503, 'busy', '案件正在被修改，请稍后重试');
}

async function withdrawn(
  deps: OaWebhookDeps,
  body: OaResignationWithdrawn,
  now: Date,
): Promise<HttpAccessAnswer> {
  const caseId = oaCaseId(deps.crypto, body.oaRef);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const caseDoc = await deps.cases.get(caseId);
    if (!caseDoc) {
      return refuse(404, 'case_not_found', `没有 oaRef 为 ${body.oaRef} 的离职申请`, {
        field: 'oaRef',
      });
    }
    if (caseDoc.state === 'withdrawn') return accepted(caseDoc, false);
    const { policy } = await deps.settings.get();
    const result = withdrawOaResignation(caseDoc, body.requestedAt, now, policy);
    if (!result.ok) {
      const message =
        result.code === 'PRECONDITION_FAILED'
          ? GUARD_MESSAGES[result.guard]
          : `案件处于「${STATE_LABELS[caseDoc.state]}」，员工不能自行撤回，请联系 HR`;
      return refuse(409, 'not_withdrawable', message, { caseId });
    }
    const saved = await saveChange(
      deps.cases,
      caseDoc,
      result.case,
      result.effects.event,
      policy,
      deps.crypto,
    );
    if (saved.ok) return accepted(saved.case, false);
  }
  return refuse(503, 'busy', '案件正在被修改，请稍后重试', { caseId });
}

/** One HTTP request from the OA → the answer for the platform to send. */
export async function handleOaWebhook(
  deps: OaWebhookDeps,
  event: HttpAccessEvent,
  now: Date,
): Promise<HttpAccessAnswer> {
  if (String(event.httpMethod).toUpperCase() !== 'POST') {
    return { ...refuse(405, 'method_not_allowed', '只接受 POST'), headers: ALLOW_POST };
  }
  const body = rawBody(event);
  if (body === null) return refuse(400, 'validation_failed', '请求体无效', { field: '' });
  if (body.length > OA_BODY_LIMIT) {
    return refuse(413, 'payload_too_large', `请求体超过 ${OA_BODY_LIMIT} 字节`);
  }
  if (deps.secrets.length === 0) {
    return refuse(
      503,
      'not_configured',
      'OA 接入尚未配置：请管理员在云函数 oa-webhook 的环境变量中设置 OA_WEBHOOK_SECRET',
    );
  }
  const unauthorized = authFailure(deps, event, body, now);
  if (unauthorized) return refuse(401, 'unauthorized', unauthorized);

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return refuse(400, 'validation_failed', '请求体不是合法的 UTF-8 JSON', { field: '' });
  }
  const parsed = parseFields(oaWebhookBody, json);
  if (!parsed.ok) {
    const [first] = parsed.issues;
    return refuse(400, 'validation_failed', first?.message ?? '格式不正确', {
      field: first?.field ?? '',
    });
  }
  try {
    if (parsed.data.type === 'resignation.created') {
      const bodyHash = deps.crypto.sha256(canonicalize(json) ?? '');
      return await created(deps, parsed.data, bodyHash, now);
    }
    return await withdrawn(deps, parsed.data, now);
  } catch (error) {
    // The database or the platform failed: the OA should try again later.
    deps.logError(error);
    return refuse(503, 'busy', '服务暂时不可用，请稍后重试');
  }
}

const ALLOW_POST = { 'content-type': 'application/json; charset=utf-8', allow: 'POST' };
