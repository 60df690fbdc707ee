import type { Policy } from '../../domain/policy';
import type { ReminderKind } from '../../domain/reminder-kinds';

/** Company settings: the domain policy plus what the platform side needs. */
export interface Settings {
  readonly policy: Policy;
  /** Subscription template id per message kind. */
  readonly templateIds: Partial<Record<ReminderKind, string>>;
  /**
   * Field keys per template id, as WeChat's console lists them (`thing1`, `time2`, …): the
   * notifier fills each by its type. A template without an entry gets no data (WeChat says 47003).
   */
  readonly templateFields: Readonly<Record<string, readonly string[]>>;
  /**
   * The phrase a template's phrase field carries per message kind, where the company chose
   * its own (WeChat refuses some words per template); otherwise the kind's own (办理通知 …).
   * Only 1–5 Chinese characters get here: the repository refuses anything else.
   */
  readonly templatePhrases: Readonly<Record<string, Partial<Record<ReminderKind, string>>>>;
  /** The page a message opens; only once that page is in the released version (else 41030). */
  readonly reminderPage?: string;
  readonly miniprogramState: 'developer' | 'trial' | 'formal';
  /**
   * The employer's name in every letter (environment `COMPANY_NAME`, or settings); when absent
   * letters say 公司 and admins get a configuration alert.
   */
  readonly companyName?: string;
  /**
   * The company seal image printed on the 离职证明 (a file id in cloud storage, uploaded by an
   * admin). A pasted image is not a reliable electronic seal: HR can hand over a paper original.
   */
  readonly companySealFileId?: string;
  /**
   * 个保法 第17条: how to reach whoever handles the personal information, as the privacy guide
   * names it (environment `PRIVACY_CONTACT`, or the settings document); the handler is
   * `companyName`.
   */
  readonly privacyContact?: string;
  /** Years a closed case is kept (at least 2, 第50条第3款); absent: the minimum. */
  readonly retentionYears?: number;
  /**
   * 离职面谈: the statistics list the free-text answers (without name or case id). Off unless
   * the settings document says `interviewFreeTextInStats: true`.
   */
  readonly interviewFreeTextInStats?: boolean;
}

export interface SettingsRepository {
  /** The settings, as a warm instance keeps them for a while; `fresh` reads them now. */
  get(options?: { readonly fresh?: boolean }): Promise<Settings>;
}
