import { type Actor, type DomainError, GUARD_MESSAGES } from '../domain/case-effects';
import { STATE_LABELS, isState } from '../domain/case-states';
import { type Caller, isHr } from './caller';
import { fail, guardFailed } from './outcome';
import type { RpcError } from '../contract';
import type { CasesRepository, StoredCase } from './ports';

/** How the caller stands to a case; one person may be several (an HR who is also the manager). */
export interface Relation {
  readonly owner: boolean;
  readonly manager: boolean;
  readonly hr: boolean;
}

export function relationTo(caller: Caller, caseDoc: StoredCase): Relation {
  const employeeNo = caller.employee?.employeeNo;
  return {
    owner: employeeNo !== undefined && employeeNo === caseDoc.employee.employeeNo,
    manager: employeeNo !== undefined && employeeNo === caseDoc.managerNo,
    hr: isHr(caller),
  };
}

/**
 * The actor recorded in the audit log for a caller acting in a role. Only HR and admins act as
 * HR: anyone else is the employee they are, whom the domain refuses HR's events.
 */
export function actorAs(caller: Caller, role: 'employee' | 'manager' | 'hr'): Actor {
  if (role !== 'hr') return { openid: caller.openid, role };
  if (caller.roles.includes('hr')) return { openid: caller.openid, role: 'hr' };
  if (caller.roles.includes('admin')) return { openid: caller.openid, role: 'admin' };
  return { openid: caller.openid, role: 'employee' };
}

/**
 * Loads a case the caller may see: NOT_FOUND when missing (a draft is NOT_FOUND to everyone
 * but HR: the employee does not see a termination being prepared), FORBIDDEN when unrelated.
 */
export async function loadCase(
  cases: CasesRepository,
  caller: Caller,
  caseId: string,
): Promise<{ ok: true; case: StoredCase; relation: Relation } | { ok: false; error: RpcError }> {
  const caseDoc = await cases.get(caseId);
  const relation = caseDoc ? relationTo(caller, caseDoc) : undefined;
  if (!caseDoc || !relation || (caseDoc.state === 'draft' && !relation.hr)) {
    return fail('NOT_FOUND', '没有找到该离职案件');
  }
  if (!relation.owner && !relation.manager && !relation.hr) {
    return fail('FORBIDDEN', '只有本人、直属经理和 HR 可以查看此案件');
  }
  return { ok: true, case: caseDoc, relation };
}

/** The domain's refusal as the RPC error a person reads. */
export function domainFailure(error: DomainError): { ok: false; error: RpcError } {
  switch (error.code) {
    case 'INVALID_TRANSITION': {
      const label = isState(error.state) ? STATE_LABELS[error.state] : error.state;
      return fail('INVALID_TRANSITION', `案件当前为「${label}」，不能执行此操作`, {
        state: error.state,
        event: error.event,
      });
    }
    case 'PRECONDITION_FAILED':
      return guardFailed(error.guard, GUARD_MESSAGES[error.guard]);
    case 'FORBIDDEN':
      return fail('FORBIDDEN', '没有权限执行此操作');
    case 'NOT_FOUND':
      return fail('NOT_FOUND', `没有找到：${error.what}`);
  }
}
