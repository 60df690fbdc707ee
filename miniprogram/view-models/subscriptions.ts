import type { ReminderKind, Role } from '../../server/contract';
import { REMINDER_KIND_LABELS } from './labels';

/** The reminders a person can receive, by the parts they play (DESIGN §3 "Reminders"). */
export function reminderKindsFor(roles: readonly Role[], hasEmployee: boolean): ReminderKind[] {
  const kinds: ReminderKind[] = [];
  if (hasEmployee) kinds.push('notice', 'serious', 'gentle', 'daily');
  if (roles.includes('manager')) kinds.push('manager_review');
  if (roles.includes('hr') || roles.includes('admin')) kinds.push('hr_alert', 'legal_deadline');
  return kinds;
}

/**
 * What 我的 offers to subscribe to: the reminders, then 培训通知 (its template also carries the
 * workshop reminders) for anyone with an employee record; last, so the departure reminders
 * come first when a request is capped at 3 templates.
 */
export function subscriptionKindsFor(roles: readonly Role[], hasEmployee: boolean): ReminderKind[] {
  const kinds = reminderKindsFor(roles, hasEmployee);
  return hasEmployee ? [...kinds, 'training_notice'] : kinds;
}

export interface SubscriptionRow {
  kind: ReminderKind;
  label: string;
  count: string;
}

/** The server's estimate of messages WeChat will still let us send, per kind. */
export function subscriptionRows(
  kinds: readonly ReminderKind[],
  estimates: Partial<Record<ReminderKind, number>>,
): SubscriptionRow[] {
  return kinds.map((kind) => ({
    kind,
    label: REMINDER_KIND_LABELS[kind],
    count: `约 ${estimates[kind] ?? 0} 次`,
  }));
}

/** Ask again when any kind has no credit left. */
export function needsSubscription(
  kinds: readonly ReminderKind[],
  estimates: Partial<Record<ReminderKind, number>>,
): boolean {
  // Training messages are welcome, not a deadline: their credits never raise the warning.
  return kinds.some(
    (kind) => kind !== 'training_notice' && kind !== 'workshop' && (estimates[kind] ?? 0) === 0,
  );
}
