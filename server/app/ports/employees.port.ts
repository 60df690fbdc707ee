import type { Role } from '../../domain/roles';

/** An employee as stored in `employees` (`_id` is the employee number). */
export interface EmployeeRecord {
  readonly employeeNo: string;
  readonly name: string;
  readonly department: string;
  readonly position: string;
  readonly managerNo?: string;
  readonly hireDate: string;
  readonly probationEndDate: string;
  readonly contractStart?: string;
  readonly contractEnd?: string;
  /** The contract has a non-compete clause (劳动合同法 第23条). */
  readonly nonCompete?: true;
  /**
   * A mainland mobile from the roster: shown to HR and the employee's manager only, never on
   * the case (the case keeps a snapshot without it) nor in its audit chain.
   */
  readonly mobile?: string;
  readonly roles: readonly Role[];
  /** Set only by binding, never by import. */
  readonly openid?: string;
  readonly boundAt?: string;
  readonly binding?: BindingState;
  /** Bindings and role changes, oldest first (the case log keeps case events). */
  readonly events: readonly EmployeeEvent[];
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * The employee's binding code (DESIGN §2), kept on the employee record so that a try is
 * judged and recorded in one version-checked write: concurrent guesses cannot outrun the lock.
 */
export interface BindingState {
  readonly codeHash: string;
  readonly issuedBy: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly usedAt?: string;
  /**
   * Wrong tries within the last hour, each with the OPENID that made it: failures count per
   * (employee, OPENID), so a stranger's guesses lock out the stranger, not the holder.
   * (Records written before this kept bare times; those are ignored.)
   */
  readonly failures: readonly (BindingFailure | string)[];
  /** OPENIDs locked out of this employee's binding, and until when. */
  readonly locks?: readonly { readonly openid: string; readonly until: string }[];
  /** Records written before per-OPENID locks: a lock for everyone, honoured until it ends. */
  readonly lockedUntil?: string;
}

export interface BindingFailure {
  readonly openid: string;
  readonly at: string;
}

export interface EmployeeEvent {
  readonly type: 'employee.bound' | 'employee.bindingCodeIssued' | 'employee.imported';
  readonly actor: string;
  readonly at: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** The fields an import row may set; everything else is kept. */
export type ImportedEmployee = Pick<
  EmployeeRecord,
  | 'employeeNo'
  | 'name'
  | 'department'
  | 'position'
  | 'managerNo'
  | 'hireDate'
  | 'probationEndDate'
  | 'contractStart'
  | 'contractEnd'
  | 'nonCompete'
  | 'mobile'
> & { readonly roles?: readonly Role[] };

export interface EmployeesRepository {
  findByOpenid(openid: string): Promise<EmployeeRecord | null>;
  get(employeeNo: string): Promise<EmployeeRecord | null>;
  findByNos(employeeNos: readonly string[]): Promise<EmployeeRecord[]>;
  /** Every employee holding the role (HR: a handful), for alerts to every HR. */
  findByRole(role: Role): Promise<EmployeeRecord[]>;
  /** A department's people (at most `limit`): whom HR pushes a course to. */
  findByDepartment(department: string, limit: number): Promise<EmployeeRecord[]>;
  create(record: EmployeeRecord): Promise<void>;
  /**
   * Applies `patch` (and appends `event`) only if the record is still at `version`;
   * false when it changed underneath.
   */
  update(
    employeeNo: string,
    version: number,
    patch: Partial<Omit<EmployeeRecord, 'employeeNo' | 'events' | 'version'>>,
    event?: EmployeeEvent,
  ): Promise<boolean>;
}
