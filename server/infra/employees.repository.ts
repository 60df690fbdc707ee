import type { EmployeeRecord, EmployeesRepository } from '../app/ports/employees.port';
import { findById, replacingPatch, withoutId } from './cloud-documents';

/** `employees`: `_id` is the employee number; indexed on `openid`. */
export function employeesRepository(db: WxServerSdk.Database): EmployeesRepository {
  const employees = () => db.collection('employees');
  const _ = db.command;
  return {
    async findByOpenid(openid) {
      const { data } = await employees().where({ openid }).limit(1).get();
      return data[0] ? withoutId<EmployeeRecord>(data[0]) : null;
    },
    get(employeeNo) {
      return findById<EmployeeRecord>(employees(), employeeNo);
    },
    async findByNos(employeeNos) {
      if (employeeNos.length === 0) return [];
      const { data } = await employees()
        .where({ _id: _.in([...employeeNos]) })
        .limit(1000)
        .get();
      return data.map((doc) => withoutId<EmployeeRecord>(doc));
    },
    async findByRole(role) {
      // Array field: an equality matches records whose `roles` contain the role.
      const { data } = await employees().where({ roles: role }).limit(1000).get();
      return data.map((doc) => withoutId<EmployeeRecord>(doc));
    },
    async findByDepartment(department, limit) {
      const { data } = await employees().where({ department }).limit(limit).get();
      return data.map((doc) => withoutId<EmployeeRecord>(doc));
    },
    async create(record) {
      await employees().add({ data: { _id: record.employeeNo, ...record } });
    },
    async update(employeeNo, version, patch, event) {
      const { stats } = await employees()
        .where({ _id: employeeNo, version })
        .update({
          data: {
            ...replacingPatch(_, patch),
            ...(event ? { events: _.push(event) } : {}),
            version: _.inc(1),
          },
        });
      return stats.updated === 1;
    },
  };
}
