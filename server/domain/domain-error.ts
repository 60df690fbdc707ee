import { type AuditEventType } from './case-events';
import { type GuardName } from './case-guards';
import { type State } from './case-states';

/** Expected failures, as values with stable codes (mapped onto the RPC error codes). */
export type DomainError =
  | { readonly code: 'INVALID_TRANSITION'; readonly state: State; readonly event: AuditEventType }
  | { readonly code: 'FORBIDDEN'; readonly reason: string }
  | { readonly code: 'PRECONDITION_FAILED'; readonly guard: GuardName }
  | { readonly code: 'NOT_FOUND'; readonly what: string }
  /** A date outside the window the case allows (the payload alone could not tell). */
  | { readonly code: 'VALIDATION_FAILED'; readonly field: string; readonly latest: string };
