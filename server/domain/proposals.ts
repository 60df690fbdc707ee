/**
 * 离职流程优化方案: an HR's proposal after the HR course, reviewed by an admin in an
 * evaluate-improve-evaluate loop. Every round (what was submitted, and the review it got) is
 * kept as history.
 */
export const PROPOSAL_STATUSES = ['submitted', 'returned', 'accepted', 'adopted'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  submitted: '待评审',
  returned: '退回修改',
  accepted: '已接受',
  adopted: '已采纳',
};

export const PROPOSAL_DECISIONS = ['accept', 'return', 'adopt'] as const;
export type ProposalDecision = (typeof PROPOSAL_DECISIONS)[number];

const DECIDED: Record<ProposalDecision, ProposalStatus> = {
  accept: 'accepted',
  return: 'returned',
  adopt: 'adopted',
};

export interface ProposalReview {
  readonly decision: ProposalDecision;
  readonly comment: string;
  readonly by: string;
  readonly at: string;
}

export interface ProposalRound {
  readonly round: number;
  readonly title: string;
  readonly text: string;
  readonly attachments: readonly string[];
  readonly submittedAt: string;
  readonly review?: ProposalReview;
}

export interface Proposal {
  readonly proposalId: string;
  readonly authorNo: string;
  readonly authorName: string;
  readonly department: string;
  readonly status: ProposalStatus;
  readonly rounds: readonly ProposalRound[];
  readonly version: number;
  readonly updatedAt: string;
}

export type ProposalOutcome =
  | { ok: true; proposal: Proposal }
  | { ok: false; code: 'INVALID_TRANSITION' | 'PRECONDITION_FAILED'; message: string };

/** A first submission, or a resubmission of a proposal that was returned. */
export function submitProposal(
  existing: Proposal | null,
  input: {
    readonly proposalId: string;
    readonly author: {
      readonly employeeNo: string;
      readonly name: string;
      readonly department: string;
    };
    readonly title: string;
    readonly text: string;
    readonly attachments: readonly string[];
  },
  at: string,
): ProposalOutcome {
  if (existing && existing.status !== 'returned') {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `方案${PROPOSAL_STATUS_LABELS[existing.status]}，只有退回修改的方案可以再次提交`,
    };
  }
  const round: ProposalRound = {
    round: (existing?.rounds.length ?? 0) + 1,
    title: input.title,
    text: input.text,
    attachments: [...input.attachments],
    submittedAt: at,
  };
  return {
    ok: true,
    proposal: {
      proposalId: input.proposalId,
      authorNo: input.author.employeeNo,
      authorName: input.author.name,
      department: input.author.department,
      status: 'submitted',
      rounds: [...(existing?.rounds ?? []), round],
      version: existing?.version ?? 0,
      updatedAt: at,
    },
  };
}

/** An admin's review of the latest round: accept, return with comments, or adopt. */
export function reviewProposal(proposal: Proposal, review: ProposalReview): ProposalOutcome {
  if (proposal.status !== 'submitted') {
    return {
      ok: false,
      code: 'INVALID_TRANSITION',
      message: `方案${PROPOSAL_STATUS_LABELS[proposal.status]}，没有待评审的内容`,
    };
  }
  if (review.decision === 'return' && review.comment.trim() === '') {
    return { ok: false, code: 'PRECONDITION_FAILED', message: '退回时请写明需要修改的地方' };
  }
  const rounds = proposal.rounds.map((round, i) =>
    i === proposal.rounds.length - 1 ? { ...round, review } : round,
  );
  return {
    ok: true,
    proposal: { ...proposal, status: DECIDED[review.decision], rounds, updatedAt: review.at },
  };
}
