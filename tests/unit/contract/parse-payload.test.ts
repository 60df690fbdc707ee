import { ACTION_RESULTS } from '../../../server/contract/action-results';
import {
  ACTION_NAMES,
  ACTIONS,
  type ActionPayload,
  isParsed,
  parsePayload,
  type RpcError,
} from '../../../server/contract';

function expectValidationError(result: ReturnType<typeof parsePayload>): RpcError {
  expect('code' in result).toBe(true);
  const error = result as RpcError;
  expect(error.code).toBe('VALIDATION_FAILED');
  return error;
}

describe('parsePayload', () => {
  it('accepts a well-formed submission and returns it typed', () => {
    const payload: ActionPayload<'case.submit'> = {
      reason: 'personal',
      explanation: '家庭原因需要回老家照顾父母',
      idempotencyKey: 'k-12345678',
    };
    const result = parsePayload('case.submit', payload);
    expect(result).toEqual({ ok: true, action: 'case.submit', payload });
  });

  it('names a missing field in Chinese', () => {
    const error = expectValidationError(parsePayload('me.bind', { code: 'ABCD2345' }));
    expect(error.message).toBe('工号：必填');
    expect(error.details).toMatchObject({ field: 'employeeNo' });
  });

  it('names a too-short explanation in Chinese', () => {
    const error = expectValidationError(
      parsePayload('case.submit', {
        reason: 'personal',
        explanation: '太累',
        idempotencyKey: 'k-12345678',
      }),
    );
    expect(error.message).toBe('原因说明：至少 10 个字');
    expect(error.details).toMatchObject({ field: 'explanation' });
  });

  it('says in Chinese what is wrong with a key of a record', () => {
    const error = expectValidationError(
      parsePayload('subscription.record', { results: { '': 'accept' } }),
    );
    expect(error.message).toBe('订阅结果：含有无效的名称');
    expect(error.message).not.toMatch(/Invalid/);
  });

  it('rejects unknown fields', () => {
    const error = expectValidationError(
      parsePayload('case.close', { caseId: 'c1', openid: 'spoofed' }),
    );
    expect(error.details).toMatchObject({ field: 'openid' });
    expect(error.message).toContain('不允许的字段');
  });

  it('rejects an unknown action', () => {
    const error = expectValidationError(parsePayload('case.delete', { caseId: 'c1' }));
    expect(error.message).toContain('case.delete');
  });

  it('rejects a calendar date that does not exist', () => {
    const error = expectValidationError(
      parsePayload('admin.stats', { from: '2027-02-29', to: '2027-03-31' }),
    );
    expect(error.message).toMatch(/^开始日期：/);
  });

  it('requires a note when a checklist item is waived, and one of done or waive', () => {
    const waived = expectValidationError(
      parsePayload('case.checklist', { caseId: 'c1', item: 'sign_letter', waive: true }),
    );
    expect(waived.message).toBe('备注：必填');
    expect(
      parsePayload('case.checklist', {
        caseId: 'c1',
        item: 'sign_letter',
        waive: true,
        note: '员工失联，已EMS寄送',
      }),
    ).toMatchObject({ ok: true });
    expect(
      parsePayload('case.checklist', { caseId: 'c1', item: 'asset:badge', done: true }),
    ).toMatchObject({ ok: true });
    expectValidationError(parsePayload('case.checklist', { caseId: 'c1', item: 'final_pay' }));
  });

  it('requires explicit consent and a lowercase hex letter hash to sign', () => {
    const base = {
      caseId: 'c1',
      signatureFileId: 'cloud://env.x/cases/c1/signature/s.png',
      letterHash: 'a'.repeat(64),
      consent: true,
    };
    expect(parsePayload('case.sign', base)).toMatchObject({ ok: true });
    expect(
      expectValidationError(parsePayload('case.sign', { ...base, consent: false })).message,
    ).toMatch(/^同意电子签名：/);
    expect(
      expectValidationError(parsePayload('case.sign', { ...base, letterHash: 'A'.repeat(64) }))
        .message,
    ).toMatch(/^文书哈希：/);
    expect(
      expectValidationError(
        parsePayload('case.sign', {
          ...base,
          signatureFileId: 'cloud://env.x/cases/c2/signature/s.png',
        }),
      ).details,
    ).toMatchObject({ field: 'signatureFileId' });
  });

  it('limits an import to 500 rows and names the row of a bad field', () => {
    const row = {
      employeeNo: 'E001',
      name: '张三',
      department: '研发部',
      position: '工程师',
      hireDate: '2024-03-01',
      probationEndDate: '2024-08-31',
    };
    expect(parsePayload('admin.import', { rows: [row] })).toMatchObject({ ok: true });
    expect(
      expectValidationError(parsePayload('admin.import', { rows: Array(501).fill(row) })).message,
    ).toBe('导入数据：一次最多 500 行');
    const bad = expectValidationError(
      parsePayload('admin.import', { rows: [row, { ...row, hireDate: '2024/03/01' }] }),
    );
    expect(bad.message).toMatch(/^第2行 入职日期：/);
    expect(bad.details).toMatchObject({ field: 'rows.1.hireDate' });
  });

  it('accepts actions without parameters called without a payload', () => {
    expect(parsePayload('me.get', undefined)).toEqual({ ok: true, action: 'me.get', payload: {} });
  });

  it('bounds idempotency keys and comments', () => {
    expectValidationError(
      parsePayload('case.submit', { reason: 'resignation', idempotencyKey: 'short' }),
    );
    expect(
      expectValidationError(
        parsePayload('case.hrCancel', { caseId: 'c1', comment: '字'.repeat(501) }),
      ).message,
    ).toBe('意见：最多 500 个字');
  });

  it('defines a payload and a result schema for every action', () => {
    for (const name of ACTION_NAMES) {
      expect(typeof ACTIONS[name].payload.safeParse).toBe('function');
      expect(typeof ACTION_RESULTS[name].safeParse).toBe('function');
      expect(name).toMatch(/^[a-z]+\.[A-Za-z]+$/);
    }
    expect(Object.keys(ACTION_RESULTS).sort()).toEqual([...ACTION_NAMES].sort());
  });
});

describe('isParsed', () => {
  it('tells typed payloads from errors', () => {
    const good = parsePayload('case.close', { caseId: 'c1' });
    expect(isParsed(good)).toBe(true);
    if (isParsed(good) && good.action === 'case.close') expect(good.payload.caseId).toBe('c1');
    expect(isParsed(parsePayload('case.close', {}))).toBe(false);
  });
});
