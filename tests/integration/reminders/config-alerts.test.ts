/**
 * What admins must fix, as they see it: `admin.configAlerts` lists what WeChat refused because
 * of the configuration, with what to change; `admin.configAlertResolve` marks one fixed, and the
 * same fault happening again opens it again.
 */
import {
  ADMIN,
  caseInFormalities,
  EMPLOYEE,
  grantAll,
  ok,
  type ReminderHarness,
  seedPeople,
  startReminderCloud,
} from './reminders-harness';

let h: ReminderHarness;
afterEach(() => h.dispose());

async function start(env: Record<string, string> = {}): Promise<void> {
  // The company's name is set, so that only the alerts under test show.
  h = await startReminderCloud({ COMPANY_NAME: '示例科技有限公司', ...env });
  await h.jumpTo('2027-03-01T09:50:00');
  await seedPeople(h);
  await grantAll(h, 30);
}

describe('configuration alerts, for the admins', () => {
  it('without COMPANY_NAME, letters say 公司 and admins are told what to set (issue 11 item 10)', async () => {
    h = await startReminderCloud({});
    await h.jumpTo('2027-03-01T09:50:00');
    await seedPeople(h);
    const { alerts, open } = ok(await h.call(ADMIN, 'admin.configAlerts', {})) as {
      alerts: { id: string; title: string; fix: string; resolved: boolean }[];
      open: number;
    };
    expect(open).toBe(1);
    expect(alerts[0]).toMatchObject({
      id: 'company_name',
      title: '未设置公司名称',
      resolved: false,
    });
    expect(alerts[0]?.fix).toContain('COMPANY_NAME');
    // It goes away only by setting the name.
    const resolve = await h.call(ADMIN, 'admin.configAlertResolve', { id: 'company_name' });
    expect(resolve).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  });

  it('a wrong template id shows as 模板 ID 无效 with where to set the right one', async () => {
    await start({ TEMPLATE_IDS: JSON.stringify({ notice: 'no-such-template' }) });
    await caseInFormalities(h);
    await h.cloud.clock.advance(15 * 60_000);

    const { alerts, open } = ok(await h.call(ADMIN, 'admin.configAlerts', {}));
    expect(open).toBe(1);
    expect(alerts).toEqual([
      expect.objectContaining({
        id: 'no-such-template:40037',
        title: '办理通知：订阅消息模板 ID 无效',
        resolved: false,
      }),
    ]);
    expect(alerts[0].fix).toContain('TEMPLATE_IDS');
    expect(alerts[0].detail).toContain('no-such-template');
  });

  it('an undeclared private API: the declaration to add; marked fixed; open again when it recurs', async () => {
    await start();
    ok(await h.call(EMPLOYEE, 'privacy.report', { api: 'chooseMessageFile', errno: 112 }));
    const before = ok(await h.call(ADMIN, 'admin.configAlerts', {}));
    expect(before.open).toBe(1);
    expect(before.alerts[0].title).toBe('隐私保护指引未声明 chooseMessageFile');
    expect(before.alerts[0].fix).toContain('用户隐私保护指引');

    const id = before.alerts[0].id as string;
    expect(ok(await h.call(ADMIN, 'admin.configAlertResolve', { id }))).toEqual({
      id,
      resolved: true,
    });
    const after = ok(await h.call(ADMIN, 'admin.configAlerts', {}));
    expect(after.open).toBe(0);
    expect(after.alerts[0]).toMatchObject({ id, resolved: true });

    ok(await h.call(EMPLOYEE, 'privacy.report', { api: 'chooseMessageFile', errno: 112 }));
    expect(ok(await h.call(ADMIN, 'admin.configAlerts', {})).open).toBe(1);
  });

  it('marking an alert that does not exist is NOT_FOUND, and only admins see or mark them', async () => {
    await start();
    const missing = await h.call(ADMIN, 'admin.configAlertResolve', { id: 'privacy:none:112' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const employee = await h.call(EMPLOYEE, 'admin.configAlerts', {});
    expect(employee).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
