import { type Actor } from './actor';
import { type Instant } from './beijing-calendar';
import { type AuditEventType } from './case-events';
import { type CaseRecord } from './case-record';
import { type DomainError } from './domain-error';

/** An audit event before it is numbered and hashed (that happens where it is written). */
export interface PendingEvent {
  readonly type: AuditEventType;
  readonly actor: Actor;
  readonly at: Instant;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * What a change leaves for the adapters to carry out: its audit event. Reminders are not an
 * effect: the writer schedules them from the case before and after (`nextReminderAfterChange`).
 */
export interface Effects {
  readonly event: PendingEvent;
}

export type DomainResult =
  | { readonly ok: true; readonly case: CaseRecord; readonly effects: Effects }
  | ({ readonly ok: false } & DomainError);
