import type { ActionResult } from '../contract';
import type { Role } from '../domain/roles';
import type { Handler } from './rpc-handler';
import { fail, ok } from './outcome';
import type { EmployeeRecord, EmployeesRepository } from './ports/employees.port';
import type { TrainingMessagesRepository } from './ports/training-messages.port';
import { queueNewHireNotices } from './training-messages';

type ImportError = ActionResult<'admin.import'>['errors'][number];

const GRANTED_BY_ADMINS_ONLY: readonly Role[] = ['hr', 'admin'];

export interface RosterDeps {
  readonly employees: EmployeesRepository;
  /** The outbox a new hire's 培训通知 waits in until they can receive it. */
  readonly messages: TrainingMessagesRepository;
}

/**
 * `admin.import`: creates or updates employees from HR's roster. Import never sets an OPENID,
 * and only admins grant or take away `hr`/`admin` (DESIGN §2). Rows are judged one by one: a
 * bad row is reported and the others still land. Each new employee gets a 培训通知 for the
 * employee course, queued in one write after the rows (issue 14): the reminders timer sends it
 * once they are bound and subscribed to the training template.
 */
export function rosterHandlers(deps: RosterDeps): {
  'admin.import': Handler<'admin.import'>;
  'admin.employeeLookup': Handler<'admin.employeeLookup'>;
} {
  return {
    /**
     * `admin.employeeLookup`: HR sees whom a 工号 names before a termination or a binding code
     * acts on them. One read by key, and only name and department leave the server.
     */
    async 'admin.employeeLookup'(_context, { employeeNo }) {
      const record = await deps.employees.get(employeeNo);
      if (!record) return fail('NOT_FOUND', `没有工号为 ${employeeNo} 的员工，请核对工号`);
      return ok({ name: record.name, department: record.department });
    },
    async 'admin.import'({ caller, now }, { rows }) {
      const at = now.toISOString();
      const callerIsAdmin = caller.roles.includes('admin');
      const numbers = [...new Set(rows.map((row) => row.employeeNo))];
      const managers = rows.flatMap((row) => (row.managerNo ? [row.managerNo] : []));
      // One read for the rows and their managers: the import stays within rows + 2 round trips.
      const existing = new Map(
        (await deps.employees.findByNos([...new Set([...numbers, ...managers])])).map((record) => [
          record.employeeNo,
          record,
        ]),
      );
      const inBatch = new Set(numbers);
      const seen = new Set<string>();
      const errors: ImportError[] = [];
      let created = 0;
      let updated = 0;
      const hired: string[] = [];

      for (const [index, row] of rows.entries()) {
        const rowNo = index + 1;
        const error = (field: string, message: string) =>
          errors.push({ row: rowNo, field, message });
        const current = existing.get(row.employeeNo);
        if (seen.has(row.employeeNo)) {
          error('employeeNo', `工号 ${row.employeeNo} 在本次导入中重复`);
          continue;
        }
        seen.add(row.employeeNo);
        if (row.probationEndDate < row.hireDate) {
          error('probationEndDate', '试用期结束日不能早于入职日期');
          continue;
        }
        if (row.contractStart && row.contractEnd && row.contractEnd < row.contractStart) {
          error('contractEnd', '合同结束日不能早于合同开始日');
          continue;
        }
        if (row.managerNo === row.employeeNo) {
          error('managerNo', '直属经理不能是本人');
          continue;
        }
        if (row.managerNo && !inBatch.has(row.managerNo) && !existing.has(row.managerNo)) {
          error('managerNo', `没有员工 ${row.managerNo}，请先导入直属经理`);
          continue;
        }
        const roles = row.roles ? [...new Set<Role>(['employee', ...row.roles])] : undefined;
        if (!callerIsAdmin && touchesAdminRoles(current?.roles ?? [], roles)) {
          error('roles', '只有管理员可以授予或取消 HR、管理员角色');
          continue;
        }
        const fields = {
          name: row.name,
          department: row.department,
          position: row.position,
          hireDate: row.hireDate,
          probationEndDate: row.probationEndDate,
          managerNo: row.managerNo,
          contractStart: row.contractStart,
          contractEnd: row.contractEnd,
          nonCompete: row.nonCompete,
          mobile: row.mobile,
        };
        const event = {
          type: 'employee.imported' as const,
          actor: caller.openid,
          at,
          payload: roles ? { roles } : {},
        };
        if (current) {
          const saved = await deps.employees.update(
            row.employeeNo,
            current.version,
            { ...fields, ...(roles ? { roles } : {}), updatedAt: at },
            event,
          );
          if (saved) updated += 1;
          else error('employeeNo', '该员工刚被修改，请重新导入此行');
        } else {
          await deps.employees.create({
            employeeNo: row.employeeNo,
            ...withoutUndefined(fields),
            roles: roles ?? ['employee'],
            events: [event],
            version: 0,
            createdAt: at,
            updatedAt: at,
          } as EmployeeRecord);
          created += 1;
          hired.push(row.employeeNo);
        }
      }
      await queueNewHireNotices(deps.messages, hired, at);
      return ok({ created, updated, errors });
    },
  };
}

function touchesAdminRoles(before: readonly Role[], after: readonly Role[] | undefined): boolean {
  if (!after) return false;
  return GRANTED_BY_ADMINS_ONLY.some((role) => before.includes(role) !== after.includes(role));
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
