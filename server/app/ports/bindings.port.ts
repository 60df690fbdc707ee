import type { EmployeeEvent, EmployeeRecord } from './employees.port';

/**
 * `openid_claims`, `_id` = OPENID: which employee the OPENID is bound to (DESIGN §2: one
 * OPENID, one employee), and its wrong binding tries of the last hour, for every employee
 * (the per-OPENID rate limit). Written in the same transaction as the employee's binding.
 */
export interface OpenidClaim {
  readonly employeeNo?: string;
  readonly failures: readonly string[];
  readonly at: string;
}

/** What one binding try writes, decided from what the transaction read. */
export interface BindingDecision<T> {
  readonly answer: T;
  readonly employee?: {
    readonly patch: Partial<Omit<EmployeeRecord, 'employeeNo' | 'events' | 'version'>>;
    readonly event?: EmployeeEvent;
  };
  readonly claim?: OpenidClaim;
  /** The OPENID the employee was bound to before: its claim is released. */
  readonly release?: string;
}

export interface BindingsRepository {
  /**
   * One binding try in one transaction: reads the employee and the caller's claim, lets
   * `decide` judge them, and writes what it decided (employee, claim, the released claim)
   * all or nothing. A concurrent try that wrote either document first makes this one run
   * again on what that one wrote; 'conflict' when it keeps losing.
   */
  attempt<T>(
    employeeNo: string,
    openid: string,
    decide: (record: EmployeeRecord | null, claim: OpenidClaim | null) => BindingDecision<T>,
  ): Promise<T | 'conflict'>;
}
