import { deliverOaCallbacks } from '../../../server/app/oa-callbacks';
import { handleOaWebhook, isHttpAccessEvent } from '../../../server/app/oa-webhook';
import { casesRepository } from '../../../server/infra/cases.repository';
import { employeesRepository } from '../../../server/infra/employees.repository';
import type { CloudFunctionMain, FunctionDeps } from '../../../server/infra/function-deps';
import { nodeCrypto } from '../../../server/infra/node-crypto';
import { oaCallbacksRepository } from '../../../server/infra/oa-callbacks.repository';
import { httpPoster, hmacSignature } from '../../../server/infra/oa-signature';
import { defaultSettings, settingsRepository } from '../../../server/infra/settings.repository';

/** The secrets the OA may sign with: the current one, and the previous during a rotation. */
export function webhookSecrets(env: FunctionDeps['env']): string[] {
  return [env.OA_WEBHOOK_SECRET, env.OA_WEBHOOK_SECRET_PREVIOUS]
    .map((secret) => secret?.trim() ?? '')
    .filter((secret) => secret !== '');
}

/**
 * The OA's entrance (HTTP access service, README "接入 OA") and, on its timer, the status
 * callbacks back to the OA from the `oa_callbacks` outbox.
 */
export function createMain({ cloud, clock, env }: FunctionDeps): CloudFunctionMain {
  const db = cloud.database();
  const cases = casesRepository(db);
  const settings = settingsRepository(db, defaultSettings(env), clock);
  const outbox = oaCallbacksRepository(db);
  const webhook = {
    cases,
    employees: employeesRepository(db),
    settings,
    crypto: nodeCrypto,
    signature: hmacSignature,
    secrets: webhookSecrets(env),
    logError: (error: unknown) => console.error('oa-webhook:', error),
  };
  const callbackUrl = env.OA_CALLBACK_URL?.trim() ?? '';
  const callbackSecret = env.OA_CALLBACK_SECRET?.trim() ?? '';

  return async (event) => {
    const source = cloud.getWXContext().SOURCE;
    if (source === 'wx_trigger') {
      // Nothing to send to until the OA's receiver is configured; the entries wait.
      if (!callbackUrl || !callbackSecret) return { ok: true, data: { configured: false } };
      try {
        const report = await deliverOaCallbacks(
          {
            outbox,
            poster: httpPoster,
            signature: hmacSignature,
            url: callbackUrl,
            secret: callbackSecret,
          },
          clock.now(),
        );
        return { ok: true, data: report };
      } catch (error) {
        // Logged on WeChat; the entries stay pending for the next run.
        console.error('oa-webhook callbacks:', error);
        return {
          ok: false,
          error: { code: 'INTERNAL', message: 'OA 回调发送失败，下次运行将继续' },
        };
      }
    }
    // A mini program may call any function by name: only the HTTP access service is served.
    if (source === 'wx_client' || !isHttpAccessEvent(event)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: '此云函数只接受 OA 的 HTTP 请求' } };
    }
    return handleOaWebhook(webhook, event, clock.now());
  };
}
