import { rpcErrorOf, type RpcError } from '../contract';
import type { Actor } from '../domain/actor';
import type { DomainError } from '../domain/domain-error';
import { type Caller, isHr } from './caller';
import { type Failure, fail } from './outcome';
import type { CasesRepository, StoredCase } from './ports/cases.port';

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

/** The actor an HR caller is recorded as: `hr`, or `admin` for an admin acting as HR. */
export function hrActor(caller: Caller): Actor {
  return { openid: caller.openid, role: caller.roles.includes('hr') ? 'hr' : 'admin' };
}

/**
 * The actor recorded in the audit log for a caller acting in a role towards a case, or null
 * when the caller does not hold that role there (an owner is no HR of their own case).
 */
export function actorAs(
  caller: Caller,
  relation: Relation,
  role: 'employee' | 'manager' | 'hr',
): Actor | null {
  // Another HR handles an HR's own departure: nobody confirms or waives for themselves.
  if (role === 'hr') return relation.hr && !relation.owner ? hrActor(caller) : null;
  const holds = role === 'employee' ? relation.owner : relation.manager;
  return holds ? { openid: caller.openid, role } : null;
}

export const NOT_YOUR_ROLE = '没有权限执行此操作';

/**
 * Loads a case the caller may see: NOT_FOUND when missing (a draft is NOT_FOUND to everyone
 * but HR: the employee does not see a termination being prepared), FORBIDDEN when unrelated.
 */
export async function loadCase(
  cases: CasesRepository,
  caller: Caller,
  caseId: string,
  /** Brings the stored case up to date before the caller's relation is judged. */
  refresh?: (caseDoc: StoredCase) => Promise<StoredCase>,
): Promise<{ ok: true; case: StoredCase; relation: Relation } | { ok: false; error: RpcError }> {
  const stored = await cases.get(caseId);
  const caseDoc = stored && refresh ? await refresh(stored) : stored;
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
export function domainFailure(error: DomainError): Failure {
  return { ok: false, error: rpcErrorOf(error) };
}
