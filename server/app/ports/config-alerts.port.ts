import type { Instant } from '../../domain/beijing-calendar';
import type { PrivateApi, UNDECLARED_PRIVATE_API_ERRNO } from '../../domain/private-apis';
import type { ReminderKind } from '../../domain/reminder-kinds';

/** A configuration error WeChat reported (40003/40037/47003/41030), for admins. */
export interface TemplateConfigAlert {
  readonly source?: 'template';
  readonly templateId: string;
  readonly kind: ReminderKind;
  readonly errCode: number;
  readonly errMsg: string;
  readonly reminderId: string;
  readonly caseId: string;
  readonly at: Instant;
}

/**
 * A private API the mini program could not call because 用户隐私保护指引 does not declare it
 * (errno 112), as a client reported it: the MP admin must add `declaration` there.
 */
export interface PrivacyConfigAlert {
  readonly source: 'privacy';
  readonly api: PrivateApi;
  readonly errno: typeof UNDECLARED_PRIVATE_API_ERRNO;
  readonly declaration: string;
  /** Who met it last: an employee number, or the OPENID of an admin bound to no one. */
  readonly reportedBy: string;
  readonly at: Instant;
}

export type ConfigAlert = TemplateConfigAlert | PrivacyConfigAlert;

/** A configuration alert as stored: its document id, and whether an admin marked it fixed. */
export type StoredConfigAlert = ConfigAlert & {
  readonly id: string;
  readonly resolved: boolean;
  readonly resolvedAt?: Instant;
  readonly resolvedBy?: string;
};

export interface ConfigAlertsRepository {
  /**
   * One document per (template, errCode) or (private API, errno), overwritten with the latest
   * occurrence (which also opens it again).
   */
  raise(alert: ConfigAlert): Promise<void>;
  /** The newest `limit` alerts, open or fixed. */
  latest(limit: number): Promise<StoredConfigAlert[]>;
  /** Marks an alert fixed; false when there is no such alert. */
  resolve(id: string, by: string, at: Instant): Promise<boolean>;
}
