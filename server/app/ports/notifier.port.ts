import type { Instant } from '../../domain/beijing-calendar';
import type { Settings } from './settings.port';

/** What a subscription message says; the notifier fits it into the template's fields. */
export interface MessageContent {
  /** 办理通知, 每日提醒, … (a phrase field, ≤ 5 Chinese characters). */
  readonly phrase: string;
  /** What to do, e.g. 签署《辞职书》. */
  readonly task: string;
  /** One more line for the person, e.g. 已逾期7天，请尽快办理. */
  readonly note: string;
  /** The employee the case is about. */
  readonly person: string;
  /** The time the message names (the task's deadline or the slot's due time). */
  readonly at: Instant;
  readonly caseId: string;
}

export interface OutgoingMessage {
  readonly touser: string;
  /** Empty when no template is configured for the kind: WeChat then answers 40037. */
  readonly templateId: string;
  readonly fieldKeys: readonly string[];
  readonly content: MessageContent;
  readonly page?: string;
  readonly miniprogramState: Settings['miniprogramState'];
}

/** WeChat's answer: 0 when accepted; -1 also stands for a network failure. */
export interface SendOutcome {
  readonly errCode: number;
  readonly errMsg: string;
  /** The template field WeChat refused (47003), as its message names it: `phrase3`. */
  readonly field?: string;
}

export interface MessageNotifier {
  send(message: OutgoingMessage): Promise<SendOutcome>;
}
