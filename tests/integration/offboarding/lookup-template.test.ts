/**
 * Two helpers a person uses before acting: HR checks whom a 工号 names (`admin.employeeLookup`)
 * before a termination or a binding code acts on them, and anyone bound opens the blank
 * 工作交接清单 (`case.handoverTemplate`) to fill in on a computer.
 */
import { strFromU8, unzipSync } from 'fflate';
import { CHINESE, type Company, startCompany } from './company-harness';

let company: Company;
beforeAll(async () => {
  company = await startCompany();
});
afterAll(() => company.dispose());

describe('admin.employeeLookup', () => {
  it('names the employee and department behind a 工号, and nothing else', async () => {
    const hr = company.person('H001').openid;
    const d001 = company.person('D001');
    const { answer, reads, writes } = await company.measured(hr, 'admin.employeeLookup', {
      employeeNo: ` ${d001.employeeNo} `,
    });
    expect(answer).toEqual({
      ok: true,
      data: { name: d001.name, department: expect.stringMatching(CHINESE) },
    });
    // One read by key: typing a number costs the database almost nothing.
    expect(reads + writes).toBeLessThanOrEqual(2);
  });

  it('says a number names no one, in words HR can act on', async () => {
    const answer = await company.call(company.person('H001').openid, 'admin.employeeLookup', {
      employeeNo: 'X404',
    });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: '没有工号为 X404 的员工，请核对工号' },
    });
  });

  it('is refused to an employee: names are HR’s to look up', async () => {
    const answer = await company.call(company.person('D002').openid, 'admin.employeeLookup', {
      employeeNo: 'D001',
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('case.handoverTemplate', () => {
  it('gives any bound employee the blank 工作交接清单 as an xlsx they can open', async () => {
    const answer = await company.must<{ fileId: string; url: string }>(
      company.person('D003').openid,
      'case.handoverTemplate',
      {},
    );
    expect(answer.fileId).toMatch(/\/templates\/handover-checklist\.xlsx$/);
    expect(answer.url).toMatch(/^https?:\/\//);
    const bytes = company.cloud.readFile(answer.fileId);
    if (!bytes) throw new Error('the template is not in storage');
    const parts = unzipSync(new Uint8Array(bytes));
    const workbook = strFromU8(parts['xl/workbook.xml'] ?? new Uint8Array());
    const sheet = strFromU8(parts['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(workbook).toContain('<sheet name="工作交接清单"');
    for (const text of ['交接事项', '接收人', '在办工作及进度', '系统账号与权限', '部门经理确认']) {
      expect(sheet).toContain(text);
    }
  });

  it('needs a binding like every other call', async () => {
    const answer = await company.call('stranger-openid', 'case.handoverTemplate', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});
