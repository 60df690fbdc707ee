/** The two kinds of departure (DESIGN §3): one state machine serves both. */
export const CASE_KINDS = ['resignation', 'termination'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** How a termination for incompetence ends the notice period (劳动合同法 第40条). */
export const NOTICE_MODES = ['notice30', 'payInLieu'] as const;
export type NoticeMode = (typeof NOTICE_MODES)[number];

/** Who asked for a last working day earlier than the legal default (第36/46条). */
export const EARLY_RELEASE_PROPOSERS = ['employee', 'company'] as const;
export type EarlyReleaseProposer = (typeof EARLY_RELEASE_PROPOSERS)[number];
