import { signedHeaders } from '../../../tools/oa/oa-signing';
import { type Company, startCompany, unique } from '../offboarding/company-harness';

/** Test secrets: the function reads them from its environment, as on WeChat. */
export const SECRET = 'test-oa-webhook-secret';
export const PREVIOUS_SECRET = 'test-oa-webhook-secret-previous';
export const CALLBACK_SECRET = 'test-oa-callback-secret';

export interface HttpReply {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

/** The demo company over HTTP, the webhook configured (and the OA's receiver when given). */
export function startOaCompany(callbackUrl?: string): Promise<Company> {
  return startCompany({
    overHttp: true,
    env: {
      OA_WEBHOOK_SECRET: SECRET,
      OA_WEBHOOK_SECRET_PREVIOUS: PREVIOUS_SECRET,
      ...(callbackUrl ? { OA_CALLBACK_URL: callbackUrl, OA_CALLBACK_SECRET: CALLBACK_SECRET } : {}),
    },
  });
}

/** POSTs to /http/oa-webhook as the OA would: signed with `secret` at the local cloud's time. */
export async function postToWebhook(
  company: Company,
  body: unknown,
  options: {
    secret?: string;
    at?: Date;
    headers?: Record<string, string>;
    method?: string;
    raw?: boolean;
  } = {},
): Promise<HttpReply> {
  const text = options.raw ? String(body) : JSON.stringify(body);
  const response = await fetch(`${company.url ?? ''}/http/oa-webhook`, {
    method: options.method ?? 'POST',
    headers: {
      ...signedHeaders(options.secret ?? SECRET, text, options.at ?? company.cloud.clock.now()),
      ...options.headers,
    },
    ...(options.method === 'GET' ? {} : { body: text }),
  });
  const reply = await response.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(reply) as Record<string, unknown>;
  } catch {
    // Left empty: the test looks at the status.
  }
  return { status: response.status, body: parsed, text: reply };
}

/** A valid `resignation.created` for an employee, submitted an hour before the cloud's now. */
export function resignation(
  company: Company,
  employeeNo: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    type: 'resignation.created',
    oaRef: unique('OA-2027-'),
    employeeNo,
    reason: 'personal',
    explanation: '家中老人需要照顾，准备回老家工作。',
    submittedAt: new Date(company.cloud.clock.now().getTime() - 3_600_000).toISOString(),
    ...extra,
  };
}

/** How many documents a collection holds now. */
export async function countOf(company: Company, collection: string): Promise<number> {
  const { total } = await company.cloud.cloud.database().collection(collection).count();
  return total;
}

export async function caseDoc(company: Company, caseId: string): Promise<Record<string, unknown>> {
  const { data } = await company.cloud.cloud
    .database()
    .collection('cases')
    .where({ _id: caseId })
    .get();
  return (data[0] ?? {}) as Record<string, unknown>;
}
