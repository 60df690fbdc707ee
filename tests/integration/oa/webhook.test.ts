/**
 * The OA's entrance (issue 15, README "接入 OA"): `POST /http/oa-webhook` on the local cloud,
 * signed as a real OA signs, answered with the platform's HTTP-access answer.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalCloud } from '../../../tools/local-cloud';
import { signedHeaders } from '../../../tools/oa/oa-signing';
import { type Company, localTemplateIds, unique } from '../offboarding/company-harness';
import {
  caseDoc,
  countOf,
  postToWebhook,
  PREVIOUS_SECRET,
  resignation,
  startOaCompany,
} from './oa-harness';

let company: Company;
beforeAll(async () => {
  company = await startOaCompany();
}, 60_000);
afterAll(() => company.dispose());

const hr = () => company.person('H001').openid;

/** The case's row on HR's board (searched by the employee's number). */
async function boardRow(caseId: string): Promise<Record<string, unknown> | undefined> {
  const { employee } = (await caseDoc(company, caseId)) as { employee: { employeeNo: string } };
  const board = await company.must<{ rows: Record<string, unknown>[] }>(hr(), 'admin.board', {
    q: employee.employeeNo,
  });
  return board.rows.find((row) => row.caseId === caseId);
}

describe('a signed resignation from the OA', () => {
  it('makes a submitted case on HR’s board, its notice received when the OA received it', async () => {
    const owner = await company.hire('M001');
    const body = resignation(company, owner.employeeNo, { lastWorkingDay: '2027-03-31' });
    const reply = await postToWebhook(company, body);

    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ caseId: expect.any(String), state: 'submitted', created: true });
    const caseId = String(reply.body.caseId);
    const stored = await caseDoc(company, caseId);
    expect(stored).toMatchObject({
      state: 'submitted',
      source: 'oa',
      oaRef: body.oaRef,
      noticeReceivedAt: body.submittedAt,
      employeeOpenid: owner.openid,
    });
    expect(await boardRow(caseId)).toMatchObject({ caseId, source: 'oa', state: 'submitted' });

    // The letter and its hash as for an in-app submission, marked as coming from the OA.
    const view = await company.must<{
      case: { noticeReceivedAt: string };
      letter: { text: string; hash: string };
      events: { type: string; actor: { role: string }; payload: Record<string, unknown> }[];
    }>(hr(), 'case.get', { caseId });
    expect(view.letter.text).toContain(`经 OA 提交（OA 单号：${String(body.oaRef)}）`);
    expect(stored.noticeTextHash).toBe(view.letter.hash);
    expect(view.events[0]).toMatchObject({
      type: 'case.submit',
      actor: { role: 'system' },
      payload: { source: 'oa', oaRef: body.oaRef, requestedLastWorkingDay: '2027-03-31' },
    });
    // The owner sees it as their own case.
    const mine = await company.must<{ openCase?: { caseId: string } }>(owner.openid, 'me.get');
    expect(mine.openCase?.caseId).toBe(caseId);
  });

  it('reads the headers in any case and accepts the previous secret during a rotation', async () => {
    const owner = await company.hire('M001');
    const text = JSON.stringify(resignation(company, owner.employeeNo));
    const headers = signedHeaders(PREVIOUS_SECRET, text, company.cloud.clock.now());
    const answer = (await company.cloud.invokeHttp('oa-webhook', {
      path: '/',
      httpMethod: 'POST',
      headers: {
        'CONTENT-TYPE': 'application/json',
        'x-oa-TIMESTAMP': headers['X-OA-Timestamp'] ?? '',
        'X-Oa-Signature': headers['X-OA-Signature'] ?? '',
      },
      multiValueHeaders: {},
      queryStringParameters: {},
      requestContext: {},
      body: text,
      isBase64Encoded: false,
    })) as {
      statusCode: number;
      body: string;
      headers: Record<string, string>;
      isBase64Encoded: boolean;
    };
    expect(answer).toMatchObject({ statusCode: 200, isBase64Encoded: false });
    expect(JSON.parse(answer.body)).toMatchObject({ state: 'submitted', created: true });
  });

  it('a repeat answers the same case; the same oaRef with another body is a conflict', async () => {
    const owner = await company.hire('M001');
    const body = resignation(company, owner.employeeNo);
    const first = await postToWebhook(company, body);
    const cases = await countOf(company, 'cases');
    const again = await postToWebhook(company, body);
    expect(again).toMatchObject({
      status: 200,
      body: { caseId: first.body.caseId, state: 'submitted', created: false },
    });
    const changed = await postToWebhook(company, {
      ...body,
      explanation: '另有打算，想换个城市生活。',
    });
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({
      error: 'conflict',
      field: 'oaRef',
      caseId: first.body.caseId,
    });
    expect(await countOf(company, 'cases')).toBe(cases);
  });
});

describe('refused requests write nothing', () => {
  async function refused(
    body: unknown,
    options: Parameters<typeof postToWebhook>[2] = {},
  ): Promise<Awaited<ReturnType<typeof postToWebhook>>> {
    const before = [await countOf(company, 'cases'), await countOf(company, 'oa_callbacks')];
    const reply = await postToWebhook(company, body, options);
    expect([await countOf(company, 'cases'), await countOf(company, 'oa_callbacks')]).toEqual(
      before,
    );
    return reply;
  }

  it('a bad signature, another secret, or a stale timestamp: 401', async () => {
    const body = resignation(company, 'D001');
    expect((await refused(body, { secret: 'not-the-secret' })).status).toBe(401);
    const stale = new Date(company.cloud.clock.now().getTime() - 5 * 60_000 - 1000);
    expect(await refused(body, { at: stale })).toMatchObject({
      status: 401,
      body: { error: 'unauthorized' },
    });
    const ahead = new Date(company.cloud.clock.now().getTime() + 6 * 60_000);
    expect((await refused(body, { at: ahead })).status).toBe(401);
    expect((await refused(body, { headers: { 'X-OA-Signature': 'sha256=00' } })).status).toBe(401);
    expect((await refused(body, { headers: { 'X-OA-Timestamp': 'soon' } })).status).toBe(401);
  });

  it('400 names the field, with case.submit’s rules for the reason', async () => {
    const owner = await company.hire('M001');
    const cases: [Record<string, unknown>, string][] = [
      [{ reason: 'incompetence' }, 'reason'],
      [{ reason: 'personal', explanation: undefined }, 'explanation'],
      [{ explanation: '太短' }, 'explanation'],
      [{ employeeNo: '工号' }, 'employeeNo'],
      [{ submittedAt: 'yesterday' }, 'submittedAt'],
      [{ lastWorkingDay: '2027-02-30' }, 'lastWorkingDay'],
      [{ unexpected: 1 }, 'unexpected'],
      [{ type: 'resignation.updated' }, 'type'],
      [
        { submittedAt: new Date(company.cloud.clock.now().getTime() + 60_000).toISOString() },
        'submittedAt',
      ],
      [
        {
          submittedAt: new Date(
            company.cloud.clock.now().getTime() - 31 * 86_400_000,
          ).toISOString(),
        },
        'submittedAt',
      ],
    ];
    for (const [change, field] of cases) {
      const reply = await refused({ ...resignation(company, owner.employeeNo), ...change });
      expect({ change, status: reply.status, field: reply.body.field }).toEqual({
        change,
        status: 400,
        field,
      });
      expect(reply.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await refused('{"type":', { raw: true })).status).toBe(400);
  });

  it('404 for an unknown employee, 409 naming the open case, 405 and 413', async () => {
    expect(await refused(resignation(company, 'NOBODY'))).toMatchObject({
      status: 404,
      body: { error: 'employee_not_found', field: 'employeeNo' },
    });
    const owner = await company.hire('M001');
    const open = await company.submitted(owner);
    expect(await refused(resignation(company, owner.employeeNo))).toMatchObject({
      status: 409,
      body: { error: 'open_case', caseId: open.caseId },
    });
    expect((await refused('', { method: 'GET', raw: true })).status).toBe(405);
    const big = resignation(company, owner.employeeNo, { explanation: 'x'.repeat(70 * 1024) });
    expect(await refused(big)).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
  });

  it('503 with a message for the admin when no secret is configured', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oa-unconfigured-'));
    const bare = await createLocalCloud({ dataDir, env: {}, realTimeTimers: false });
    try {
      const { url } = await bare.listen();
      const text = JSON.stringify({
        type: 'resignation.withdrawn',
        oaRef: 'x',
        requestedAt: '2027-03-01T00:00:00Z',
      });
      const response = await fetch(`${url}/http/oa-webhook`, {
        method: 'POST',
        headers: signedHeaders('anything', text),
        body: text,
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        error: 'not_configured',
        message: expect.stringContaining('OA_WEBHOOK_SECRET'),
      });
    } finally {
      await bare.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the employee', () => {
  it('bound and subscribed: gets the same first message as after an in-app submission', async () => {
    const byOa = await company.hire('M001');
    const inApp = await company.hire('M001');
    for (const person of [byOa, inApp]) {
      for (const templateId of localTemplateIds()) {
        await company.cloud.grantCredits(person.openid, templateId, 5);
      }
    }
    const at = company.cloud.clock.now().toISOString();
    expect(
      (await postToWebhook(company, resignation(company, byOa.employeeNo, { submittedAt: at })))
        .status,
    ).toBe(200);
    await company.submitted(inApp, { handover: false });
    const sent = company.cloud.outbox().length;
    await company.cloud.fireTrigger('reminders');
    const to = (openid: string) =>
      company.cloud
        .outbox()
        .slice(sent)
        .filter((m) => m.touser === openid)
        .map((m) => ({ templateId: m.templateId, errCode: m.errCode, page: m.page }));
    expect(to(byOa.openid)).toEqual(to(inApp.openid));
    expect(to(byOa.openid)).toEqual([expect.objectContaining({ errCode: 0 })]);
  });

  it('not bound: the board says 未绑定小程序 and HR hands out a binding code from the row', async () => {
    const owner = await company.hire('M001', { bind: false });
    const reply = await postToWebhook(company, resignation(company, owner.employeeNo));
    expect(reply.status).toBe(200);
    const caseId = String(reply.body.caseId);
    expect(await caseDoc(company, caseId)).not.toHaveProperty('employeeOpenid');
    expect(await boardRow(caseId)).toMatchObject({ unbound: true, source: 'oa' });
    const code = await company.must<{ code: string }>(hr(), 'admin.bindingCode', {
      employeeNo: owner.employeeNo,
    });
    await company.must(unique('new-phone-'), 'me.bind', {
      employeeNo: owner.employeeNo,
      code: code.code,
    });
    expect(await boardRow(caseId)).not.toHaveProperty('unbound');
  });

  it('withdrawn in the OA: an employee_request withdrawal in the audit chain', async () => {
    const owner = await company.hire('M001');
    const body = resignation(company, owner.employeeNo);
    const made = await postToWebhook(company, body);
    const requestedAt = company.cloud.clock.now().toISOString();
    const withdrawal = { type: 'resignation.withdrawn', oaRef: body.oaRef, requestedAt };
    const reply = await postToWebhook(company, withdrawal);
    expect(reply).toMatchObject({
      status: 200,
      body: { caseId: made.body.caseId, state: 'withdrawn', created: false },
    });
    expect((await postToWebhook(company, withdrawal)).status).toBe(200);
    const evidence = await company.must<{
      valid: boolean;
      events: { type: string; payload: Record<string, unknown> }[];
    }>(hr(), 'case.evidence', { caseId: made.body.caseId });
    expect(evidence.valid).toBe(true);
    // Reading the evidence is logged too, after them.
    expect(evidence.events.map((e) => e.type).slice(0, 2)).toEqual(['case.submit', 'withdraw']);
    expect(evidence.events[1]?.payload).toMatchObject({
      withdrawal: 'employee_request',
      source: 'oa',
      oaRef: body.oaRef,
      requestedAt,
    });
    // The lock is released: a new resignation from the OA makes a new case.
    expect((await postToWebhook(company, resignation(company, owner.employeeNo))).status).toBe(200);
    expect((await postToWebhook(company, { ...withdrawal, oaRef: 'OA-NEVER-SEEN' })).status).toBe(
      404,
    );
  });
});
