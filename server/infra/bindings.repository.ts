import type { BindingDecision, BindingsRepository, OpenidClaim } from '../app/ports/bindings.port';
import type { EmployeeRecord } from '../app/ports/employees.port';
import { isTransactionConflict, readInTransaction, replacingPatch } from './cloud-documents';

/**
 * Binding tries on `employees` and `openid_claims` (`_id` = OPENID). The claim is written in
 * the same transaction as the employee's `openid`, so two codes redeemed at once from one
 * OPENID cannot both bind: both transactions write that OPENID's claim, and the platform lets
 * only the first commit (the other runs again and finds the claim taken).
 */
export function bindingsRepository(db: WxServerSdk.Database): BindingsRepository {
  const _ = db.command;
  return {
    async attempt<T>(
      employeeNo: string,
      openid: string,
      decide: (record: EmployeeRecord | null, claim: OpenidClaim | null) => BindingDecision<T>,
    ): Promise<T | 'conflict'> {
      try {
        return await db.runTransaction(async (transaction) => {
          const employees = transaction.collection('employees');
          const claims = transaction.collection('openid_claims');
          const record = await readInTransaction<EmployeeRecord>(employees.doc(employeeNo));
          const claim = await readInTransaction<OpenidClaim>(claims.doc(openid));
          const decision = decide(record, claim);
          if (decision.employee) {
            const { patch, event } = decision.employee;
            await employees.doc(employeeNo).update({
              data: {
                ...replacingPatch(_, patch),
                ...(event ? { events: _.push(event) } : {}),
                version: _.inc(1),
              },
            });
          }
          if (decision.claim) await claims.doc(openid).set({ data: { ...decision.claim } });
          if (decision.release !== undefined && decision.release !== openid) {
            await claims
              .doc(decision.release)
              .set({ data: { failures: [], at: decision.claim?.at ?? '' } });
          }
          return decision.answer;
        });
      } catch (error) {
        if (isTransactionConflict(error)) return 'conflict';
        throw error;
      }
    },
  };
}
