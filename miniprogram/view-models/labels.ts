import type {
  ActionPayload,
  AttachmentKind,
  AuditEventType,
  CancelBasis,
  CertificateStatus,
  NoticeMode,
  Reason,
  ReminderKind,
  ReminderStatus,
  Role,
  State,
  UnionBody,
} from '../../server/contract';
import { VOCABULARY } from '../generated/vocabulary';

/**
 * The server's words (server/domain/vocabulary.ts, copied in by `npm run build`), typed as
 * `Record`s over the contract's vocabularies: a new value without its label fails the typecheck.
 */

export const STATE_LABELS: Record<State, string> = VOCABULARY.states;

/** TDesign tag themes by stage: waiting on someone = warning, done = success. */
export type TagTheme = 'default' | 'primary' | 'warning' | 'danger' | 'success';

export const STATE_THEMES: Record<State, TagTheme> = {
  draft: 'default',
  submitted: 'warning',
  returned: 'danger',
  hr_review: 'warning',
  formalities: 'primary',
  completed: 'success',
  withdrawn: 'default',
};

export const ROLE_LABELS: Record<Role, string> = VOCABULARY.roles;

/** 民法典 第137条: an issued termination not yet delivered to the employee. */
export const AWAITING_DELIVERY = VOCABULARY.delivery.awaiting;

export const REASON_LABELS: Record<Reason, string> = VOCABULARY.reasons;

export const ATTACHMENT_LABELS: Record<AttachmentKind, string> = VOCABULARY.attachments;

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = VOCABULARY.reminderKinds;

export const REMINDER_STATUS_LABELS: Record<ReminderStatus, string> = VOCABULARY.reminderStatuses;

export const REMINDER_STATUS_THEMES: Record<ReminderStatus, TagTheme> = {
  pending: 'default',
  sending: 'primary',
  sent: 'success',
  failed: 'warning',
  failed_unknown: 'warning',
  undeliverable: 'danger',
  skipped: 'default',
};

/** The 离职证明 in the employee's 离职记录. */
export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, string> =
  VOCABULARY.certificateStatuses;

export const NOTICE_MODE_LABELS: Record<NoticeMode, string> = VOCABULARY.noticeModes;

export const EVENT_LABELS: Record<AuditEventType, string> = VOCABULARY.events;

export type NonCompeteDecision = ActionPayload<'case.nonCompete'>['decision'];
export const NON_COMPETE_DECISION_LABELS: Record<NonCompeteDecision, string> =
  VOCABULARY.nonCompeteDecisions;
export type RehireChoice = NonNullable<ActionPayload<'case.close'>['rehire']>;
/** 可再次录用, HR's only. */
export const REHIRE_LABELS: Record<RehireChoice, string> = VOCABULARY.rehire;

/** 劳动合同法 第24条 and 劳动争议解释(一) 第36/38/39条, as HR reads them before deciding. */
export const NON_COMPETE_GUIDANCE = VOCABULARY.nonCompeteGuidance;

export function rolesText(roles: readonly Role[]): string {
  return roles.map((role) => ROLE_LABELS[role]).join('、') || '—';
}

export const CANCEL_BASIS_LABELS: Record<CancelBasis, string> = VOCABULARY.cancelBases;

export const UNION_BODY_LABELS: Record<UnionBody, string> = VOCABULARY.unionBodies;

/** How severance is closed without a payment (解释(一) 第35条). */
export type SeveranceClosing = Extract<
  ActionPayload<'case.checklist'>,
  { closeAs: unknown }
>['closeAs'];
export const SEVERANCE_CLOSING_LABELS: Record<SeveranceClosing, string> =
  VOCABULARY.severanceClosings;
