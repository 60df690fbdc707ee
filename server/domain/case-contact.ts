import { toInstant } from './beijing-calendar';
import { type Actor } from './actor';
import { changeCase } from './case-change';
import { type DomainResult } from './case-effects';
import { type CaseRecord } from './case-record';

export const CONTACT_METHODS = ['phone'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

/**
 * HR or the employee's manager reached the employee outside the mini program (需电话联系): the
 * call is a fact of the handling, recorded on the case; it changes no state and no checklist
 * item. Not on a draft (the employee does not know of it) nor on a finished case.
 */
export function recordContact(
  caseDoc: CaseRecord,
  contact: { readonly method: ContactMethod; readonly note?: string },
  actor: Actor,
  now: Date,
): DomainResult {
  if (['draft', 'completed', 'withdrawn'].includes(caseDoc.state)) {
    return { ok: false, code: 'INVALID_TRANSITION', state: caseDoc.state, event: 'case.contact' };
  }
  return changeCase(
    caseDoc,
    {},
    {
      type: 'case.contact',
      actor,
      at: toInstant(now),
      payload: { method: contact.method, ...(contact.note ? { note: contact.note } : {}) },
    },
  );
}
