/**
 * Demo values for `npm start` on this machine only: it puts them in its own process
 * environment when none is set, and the sample OA client uses them against a loopback address.
 * Never deploy them: on WeChat, set the function's own secrets (README "接入 OA").
 */
export const DEMO_OA_WEBHOOK_SECRET = 'demo-only-oa-webhook-secret-change-me';
export const DEMO_OA_CALLBACK_SECRET = 'demo-only-oa-callback-secret-change-me';
