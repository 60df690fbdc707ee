/**
 * Binding a WeChat account to an employee (DESIGN §2): a code HR issues, stored hashed, valid
 * 7 days, used once; 5 wrong tries within an hour lock binding for that employee for an hour;
 * a new code and a new binding replace the old OPENID.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActionName, Envelope } from '../../../server/contract';
import { createLocalCloud, type LocalCloud } from '../../../tools/local-cloud';

const ADMIN = 'admin-openid';
const T0 = new Date('2027-03-01T10:00:00+08:00');

let dir: string;
let cloud: LocalCloud;

async function call(openid: string, action: ActionName, payload?: unknown) {
  return (await cloud.invoke('offboarding', { action, payload }, { openid })) as Envelope<
    Record<string, unknown>
  >;
}

async function issue(employeeNo = 'E001'): Promise<string> {
  const answer = await call(ADMIN, 'admin.bindingCode', { employeeNo });
  if (!answer.ok) throw new Error(answer.error.message);
  return String(answer.data.code);
}

function guardOf(answer: Envelope<unknown>): unknown {
  return answer.ok ? 'ok' : answer.error.details?.guard;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'binding-'));
  cloud = await createLocalCloud({
    dataDir: dir,
    env: { ADMIN_OPENIDS: ADMIN },
    realTimeTimers: false,
  });
  await cloud.clock.jump(T0);
  const row = (employeeNo: string, name: string) => ({
    employeeNo,
    name,
    department: '研发部',
    position: '工程师',
    hireDate: '2024-01-02',
    probationEndDate: '2024-07-02',
  });
  await call(ADMIN, 'admin.import', { rows: [row('E001', '甲'), row('E002', '乙')] });
});

afterEach(async () => {
  await cloud.close();
  rmSync(dir, { recursive: true, force: true });
});

it('binds once with the code HR issued, which is stored only as a hash', async () => {
  const code = await issue();
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  const { data } = await cloud.cloud.database().collection('employees').doc('E001').get();
  expect(JSON.stringify(data)).not.toContain(code);

  // Crockford base32 reads as people type it: lower case, dashes, O for 0 and I/L for 1.
  const typed = `${code.slice(0, 5)}-${code.slice(5)}`
    .toLowerCase()
    .replace(/0/g, 'o')
    .replace(/1/g, 'l');
  expect(await call('phone-a', 'me.bind', { employeeNo: 'E001', code: typed })).toMatchObject({
    ok: true,
    data: { employee: { employeeNo: 'E001', name: '甲' }, roles: ['employee'] },
  });
  expect((await call('phone-a', 'me.get')).ok).toBe(true);
  expect(guardOf(await call('phone-b', 'me.bind', { employeeNo: 'E001', code }))).toBe(
    'binding_code_used',
  );
});

it('refuses a code older than 7 days', async () => {
  const code = await issue();
  await cloud.clock.jump(new Date(T0.getTime() + 7 * 24 * 3600_000 + 60_000));
  expect(guardOf(await call('phone-a', 'me.bind', { employeeNo: 'E001', code }))).toBe(
    'binding_code_expired',
  );
});

it('locks binding for the OPENID that made 5 wrong tries within an hour, for an hour', async () => {
  const code = await issue();
  for (let i = 0; i < 4; i += 1) {
    const answer = await call('guesser', 'me.bind', { employeeNo: 'E001', code: 'WRONGCODE1' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
    expect(guardOf(answer)).toBe('binding_code');
  }
  expect(
    guardOf(await call('guesser', 'me.bind', { employeeNo: 'E001', code: 'WRONGCODE1' })),
  ).toBe('binding_locked');
  // The guesser waits out the hour even with the right code.
  expect(guardOf(await call('guesser', 'me.bind', { employeeNo: 'E001', code }))).toBe(
    'binding_locked',
  );
  await cloud.clock.jump(new Date(T0.getTime() + 61 * 60_000));
  expect(guardOf(await call('guesser', 'me.bind', { employeeNo: 'E001', code }))).toBe('ok');
});

it("a stranger's wrong tries do not lock the real holder out", async () => {
  const code = await issue();
  for (let i = 0; i < 5; i += 1) {
    await call('stranger', 'me.bind', { employeeNo: 'E001', code: 'WRONGCODE1' });
  }
  expect(guardOf(await call('stranger', 'me.bind', { employeeNo: 'E001', code }))).toBe(
    'binding_locked',
  );
  expect(guardOf(await call('phone-a', 'me.bind', { employeeNo: 'E001', code }))).toBe('ok');
});

it('limits the wrong tries of one OPENID across employees, 10 an hour', async () => {
  await issue('E001');
  const code2 = await issue('E002');
  const guesses = ['E001', 'E002'].flatMap((employeeNo) =>
    Array.from({ length: 5 }, () => ({ employeeNo, code: 'WRONGCODE1' })),
  );
  for (const guess of guesses) await call('sprayer', 'me.bind', guess);
  // Locked out of both, and then of every employee, right code or not.
  expect(guardOf(await call('sprayer', 'me.bind', { employeeNo: 'E002', code: code2 }))).toBe(
    'binding_rate_limited',
  );
  expect(
    guardOf(await call('sprayer', 'me.bind', { employeeNo: 'E003', code: 'WRONGCODE1' })),
  ).toBe('binding_rate_limited');
  // Nobody else is affected.
  expect(guardOf(await call('phone-b', 'me.bind', { employeeNo: 'E002', code: code2 }))).toBe('ok');
});

it('replaces the old OPENID when the employee binds again with a new code', async () => {
  await call('old-phone', 'me.bind', { employeeNo: 'E001', code: await issue() });
  await call('new-phone', 'me.bind', { employeeNo: 'E001', code: await issue() });

  expect(await call('old-phone', 'me.get')).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  });
  expect(await call('new-phone', 'me.get')).toMatchObject({
    ok: true,
    data: { employee: { employeeNo: 'E001' } },
  });
  const { data } = await cloud.cloud.database().collection('employees').doc('E001').get();
  const events = data.events as { type: string; payload: Record<string, unknown> }[];
  expect(events.filter((e) => e.type === 'employee.bound').map((e) => e.payload)).toEqual([
    {},
    { replacedOpenid: 'old-phone' },
  ]);
});

it('keeps one WeChat account to one employee', async () => {
  await call('phone-a', 'me.bind', { employeeNo: 'E001', code: await issue('E001') });
  expect(
    guardOf(await call('phone-a', 'me.bind', { employeeNo: 'E002', code: await issue('E002') })),
  ).toBe('openid_bound_elsewhere');
});
