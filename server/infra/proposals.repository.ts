import type { ProposalsRepository } from '../app/ports/proposals.port';
import type { Proposal } from '../domain/proposals';
import { addIfAbsent, findById, replacingPatch, withoutId } from './cloud-documents';

/** `training_proposals`: one document per proposal; indexed on `authorNo`, `updatedAt`. */
export function proposalsRepository(db: WxServerSdk.Database): ProposalsRepository {
  const proposals = () => db.collection('training_proposals');
  const _ = db.command;
  return {
    get(proposalId) {
      return findById<Proposal>(proposals(), proposalId);
    },
    async latest(limit, authorNo) {
      const query = authorNo === undefined ? proposals() : proposals().where({ authorNo });
      const { data } = await query.orderBy('updatedAt', 'desc').limit(limit).get();
      return data.map((doc) => withoutId<Proposal>(doc));
    },
    async save(proposal) {
      if (proposal.version === 0) {
        return addIfAbsent(proposals(), proposal.proposalId, { ...proposal, version: 1 });
      }
      const { proposalId, version, ...fields } = proposal;
      const { stats } = await proposals()
        .where({ _id: proposalId, version })
        .update({ data: { ...replacingPatch(_, fields), version: _.inc(1) } });
      return stats.updated === 1;
    },
  };
}
