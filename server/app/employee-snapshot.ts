import type { EmployeeSnapshot } from '../domain/case-record';
import type { EmployeeRecord } from './ports/employees.port';

/**
 * The employee as a case keeps them and as `me.get` shows them: the roster fields, without the
 * binding, roles or history.
 */
export function employeeSnapshot(employee: EmployeeRecord): EmployeeSnapshot {
  const { employeeNo, name, department, position, hireDate, probationEndDate } = employee;
  return {
    employeeNo,
    name,
    department,
    position,
    hireDate,
    probationEndDate,
    ...(employee.managerNo ? { managerNo: employee.managerNo } : {}),
    ...(employee.contractStart ? { contractStart: employee.contractStart } : {}),
    ...(employee.contractEnd ? { contractEnd: employee.contractEnd } : {}),
    ...(employee.nonCompete === true ? { nonCompete: true as const } : {}),
  };
}
