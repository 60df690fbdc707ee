import type { Proposal } from '../../domain/proposals';

/** `training_proposals` (`_id` = proposal id): the proposals with every round. */
export interface ProposalsRepository {
  get(proposalId: string): Promise<Proposal | null>;
  /** Newest first: an author's own, or everyone's when `authorNo` is absent. */
  latest(limit: number, authorNo?: string): Promise<Proposal[]>;
  /** Writes only if still at `proposal.version` (0: new), bumping it; false when it changed. */
  save(proposal: Proposal): Promise<boolean>;
}
