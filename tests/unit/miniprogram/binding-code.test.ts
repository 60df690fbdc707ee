import { adminLinksFor, withConfigAlertCount } from '../../../miniprogram/view-models/admin-entry';
import {
  bindingCodeView,
  employeeNoProblem,
  groupCode,
} from '../../../miniprogram/view-models/binding-code';

describe('HR’s entry on the cases tab', () => {
  it('is for HR and admins only', () => {
    expect(adminLinksFor(['employee', 'hr']).map((l) => l.page)).toEqual([
      'stats',
      'terminate',
      'employee',
      'roster',
      'workshops',
    ]);
    // Only admins try the message templates they configure and see what they got wrong.
    expect(adminLinksFor(['admin']).map((l) => l.page)).toEqual([
      'stats',
      'terminate',
      'employee',
      'roster',
      'workshops',
      'trial-send',
      'config-alerts',
    ]);
    expect(adminLinksFor(['employee', 'manager'])).toEqual([]);
  });

  it('shows how many configuration alerts are still open on the admins’ link', () => {
    const links = adminLinksFor(['admin']);
    const label = (open: number) =>
      withConfigAlertCount(links, open).find((l) => l.page === 'config-alerts')?.label;
    expect(label(2)).toBe('配置提醒 2');
    expect(label(0)).toBe('配置提醒');
    expect(withConfigAlertCount(links, 2).find((l) => l.page === 'stats')?.label).toBe('统计分析');
  });
});

describe('binding codes', () => {
  it('groups by five for reading', () => {
    expect(groupCode('ABCDE12345')).toBe('ABCDE-12345');
    expect(groupCode('ABCDEFGH')).toBe('ABCDE-FGH');
  });

  it('shows the expiry in Beijing time', () => {
    expect(
      bindingCodeView('D001', { code: 'ABCDE12345', expiresAt: '2027-03-08T16:30:00Z' }),
    ).toEqual({
      employeeNo: 'D001',
      display: 'ABCDE-12345',
      raw: 'ABCDE12345',
      expiresAt: '2027-03-09 00:30',
    });
  });

  it('checks employee numbers as the server does', () => {
    expect(employeeNoProblem('  ')).toBe('请输入工号');
    expect(employeeNoProblem(' D-01_a ')).toBe('');
    expect(employeeNoProblem('D 01')).not.toBe('');
    expect(employeeNoProblem('x'.repeat(33))).not.toBe('');
  });
});
