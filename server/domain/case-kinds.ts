/** The two kinds of departure (DESIGN §3): one state machine serves both. */
export const CASE_KINDS = ['resignation', 'termination'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  resignation: '员工辞职',
  termination: '解除劳动合同',
};

/** How a termination for incompetence ends the notice period (劳动合同法 第40条). */
export const NOTICE_MODES = ['notice30', 'payInLieu'] as const;
export type NoticeMode = (typeof NOTICE_MODES)[number];

export const NOTICE_MODE_LABELS: Record<NoticeMode, string> = {
  notice30: '提前三十日书面通知',
  payInLieu: '额外支付一个月工资',
};

/** Who asked for a last working day earlier than the legal default (第36/46条). */
export const EARLY_RELEASE_PROPOSERS = ['employee', 'company'] as const;
export type EarlyReleaseProposer = (typeof EARLY_RELEASE_PROPOSERS)[number];

export const EARLY_RELEASE_PROPOSER_LABELS: Record<EarlyReleaseProposer, string> = {
  employee: '员工提出',
  company: '公司提出',
};
