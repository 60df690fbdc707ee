import { startHarness, type Harness } from './local-cloud-harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.dispose());

function templateOf(kind: string) {
  const template = h.cloud.templates().find((t) => t.kind === kind);
  if (!template) throw new Error(`no ${kind} template`);
  return template;
}

const validTodo = {
  thing1: { value: '交接清单待完成' },
  time2: { value: '2027年3月1日 10:00' },
  phrase3: { value: '待处理' },
  thing4: { value: '请尽快完成' },
};

async function send(params: Partial<WxServerSdk.SubscribeMessageSendParams>) {
  return h.cloud.cloud.openapi.subscribeMessage.send(
    params as WxServerSdk.SubscribeMessageSendParams,
  );
}

describe('subscribeMessage.send', () => {
  it('has templates for employee reminders, manager approvals and HR alerts', () => {
    const kinds = h.cloud.templates().map((t) => t.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['employeeReminder', 'managerApproval', 'hrAlert']),
    );
    expect(Object.values(templateOf('employeeReminder').fields)).toEqual(
      expect.arrayContaining(['thing', 'time', 'phrase']),
    );
  });

  it('sends with a credit, spends exactly one, then answers 43101', async () => {
    const templateId = templateOf('employeeReminder').id;
    await h.cloud.grantCredits('user-1', templateId, 1);
    await h.cloud.clock.jump(new Date('2027-03-01T01:00:00Z'));
    await expect(
      send({ touser: 'user-1', templateId, data: validTodo, page: 'pages/home/index' }),
    ).resolves.toEqual({
      errCode: 0,
      errMsg: 'openapi.subscribeMessage.send:ok',
    });
    expect(h.cloud.credits('user-1', templateId)).toBe(0);
    await expect(send({ touser: 'user-1', templateId, data: validTodo })).rejects.toMatchObject({
      errCode: 43101,
    });
    const outbox = h.cloud.outbox();
    expect(outbox).toHaveLength(2);
    expect(outbox[0]).toMatchObject({
      touser: 'user-1',
      templateId,
      data: validTodo,
      page: 'pages/home/index',
      sentAt: '2027-03-01T01:00:00.000Z',
      errCode: 0,
    });
    expect(outbox[1]).toMatchObject({ errCode: 43101 });
  });

  it('40003 for a bad touser, 40037 for an unknown template', async () => {
    const templateId = templateOf('employeeReminder').id;
    await expect(send({ touser: '', templateId, data: validTodo })).rejects.toMatchObject({
      errCode: 40003,
    });
    await expect(
      send({ touser: 'user-1', templateId: 'nope', data: validTodo }),
    ).rejects.toMatchObject({
      errCode: 40037,
      errMsg: expect.stringMatching(/^openapi\.subscribeMessage\.send:fail invalid template_id/),
    });
  });

  it.each([
    ['thing1', '这是一段超过二十个字符的很长很长很长的事项名称'],
    ['phrase3', '六个汉字状态'],
    ['phrase3', 'done'],
    ['time2', '2027-03-01 10:00:00'],
    ['time2', '2027年13月1日 10:00'],
    ['time2', ''],
  ])('47003 names the bad field %s (%s) and spends no credit', async (field, value) => {
    const templateId = templateOf('employeeReminder').id;
    await h.cloud.grantCredits('user-1', templateId, 1);
    const data = { ...validTodo, [field]: { value } };
    const error = await send({ touser: 'user-1', templateId, data }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      errCode: 47003,
      errMsg: expect.stringContaining(`data.${field}.value`),
    });
    expect(h.cloud.credits('user-1', templateId)).toBe(1);
  });

  it('checks name (≤ 10 Chinese), character_string (≤ 32) and date fields', async () => {
    const approval = templateOf('managerApproval');
    await h.cloud.grantCredits('m-1', approval.id, 5);
    const ok = {
      thing1: { value: '离职申请' },
      name2: { value: '张三' },
      time3: { value: '15:01' },
      phrase4: { value: '待审批' },
    };
    await expect(send({ touser: 'm-1', templateId: approval.id, data: ok })).resolves.toMatchObject(
      { errCode: 0 },
    );
    const longName = { ...ok, name2: { value: '欧阳一二三四五六七八九' } };
    await expect(
      send({ touser: 'm-1', templateId: approval.id, data: longName }),
    ).rejects.toMatchObject({
      errCode: 47003,
      errMsg: expect.stringContaining('data.name2.value'),
    });
    const hr = templateOf('hrAlert');
    await h.cloud.grantCredits('hr-1', hr.id, 2);
    const alert = {
      thing1: { value: '超期未签署' },
      name2: { value: 'Li Lei' },
      date3: { value: '2027年3月1日' },
      thing4: { value: '请电话联系' },
    };
    await expect(send({ touser: 'hr-1', templateId: hr.id, data: alert })).resolves.toMatchObject({
      errCode: 0,
    });
    const badDate = { ...alert, date3: { value: '3/1/2027' } };
    await expect(send({ touser: 'hr-1', templateId: hr.id, data: badDate })).rejects.toMatchObject({
      errCode: 47003,
    });
    const sign = templateOf('signReminder');
    await h.cloud.grantCredits('u', sign.id, 1);
    const longCode = {
      thing1: { value: '签署离职协议' },
      character_string2: { value: 'X'.repeat(33) },
      time3: { value: '10:00' },
    };
    await expect(send({ touser: 'u', templateId: sign.id, data: longCode })).rejects.toMatchObject({
      errMsg: expect.stringContaining('data.character_string2.value'),
    });
  });

  it('refuses a function whose config.json lacks permissions.openapi (-604101), before WeChat sees it', async () => {
    const templateId = templateOf('employeeReminder').id;
    await h.cloud.grantCredits('user-1', templateId, 1);
    const params = { touser: 'user-1', templateId, data: validTodo };
    const refused = await h.cloud.invoke('noperm', { op: 'send', params });
    expect(refused).toMatchObject({ failed: true, errCode: -604101 });
    expect(h.cloud.outbox()).toEqual([]);
    expect(await h.cloud.invoke('probe', { op: 'send', params })).toMatchObject({ errCode: 0 });
  });
});
