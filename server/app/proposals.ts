import { toInstant } from '../domain/beijing-calendar';
import {
  type Proposal,
  PROPOSAL_STATUS_LABELS,
  reviewProposal,
  submitProposal,
} from '../domain/proposals';
import { uploaderTag } from './file-rules';
import { fail, ok } from './outcome';
import type { Crypto } from './ports/crypto.port';
import type { FileStore } from './ports/file-store.port';
import type { ProposalsRepository } from './ports/proposals.port';
import type { TrainingProgressRepository } from './ports/training-progress.port';
import type { Handler } from './rpc-handler';
import { learnerIdOf } from './training';

/** Proposals a page shows at once: a company's HR write a handful a year. */
export const PROPOSALS_SHOWN = 50;

const CONFLICT_MESSAGE = '方案刚被更新，请刷新后重试';

function present(proposal: Proposal) {
  return {
    proposalId: proposal.proposalId,
    authorName: proposal.authorName,
    department: proposal.department,
    status: proposal.status,
    statusLabel: PROPOSAL_STATUS_LABELS[proposal.status],
    rounds: proposal.rounds.map((round) => ({
      round: round.round,
      title: round.title,
      text: round.text,
      attachmentCount: round.attachments.length,
      submittedAt: round.submittedAt,
      ...(round.review
        ? {
            review: {
              decision: round.review.decision,
              comment: round.review.comment,
              at: round.review.at,
            },
          }
        : {}),
    })),
  };
}

function ref(proposal: Proposal) {
  return {
    proposalId: proposal.proposalId,
    status: proposal.status,
    round: proposal.rounds.length,
  };
}

/**
 * HR assessment (issue 14): after passing an HR course, an HR submits a 离职流程优化方案; an admin
 * accepts it, returns it with comments, or adopts it; a returned proposal is resubmitted as a
 * new round, and every round with its review stays in the history.
 */
export function proposalHandlers(deps: {
  readonly proposals: ProposalsRepository;
  readonly progress: TrainingProgressRepository;
  readonly files: FileStore;
  readonly crypto: Crypto;
}): {
  'training.proposalSubmit': Handler<'training.proposalSubmit'>;
  'training.proposals': Handler<'training.proposals'>;
  'admin.proposalReview': Handler<'admin.proposalReview'>;
} {
  return {
    async 'training.proposalSubmit'({ caller, now }, payload) {
      const employee = caller.employee;
      if (!employee) return fail('FORBIDDEN', '提交方案需要先绑定员工身份');
      const tag = uploaderTag(caller.openid, (text) => deps.crypto.sha256(text));
      const folder = `cases/${payload.proposalId}/proposal/${tag}-`;
      const stray = payload.attachments.findIndex(
        (fileId) => !deps.files.pathOf(fileId)?.startsWith(folder),
      );
      if (stray >= 0) {
        return fail('VALIDATION_FAILED', '附件须由你本人上传到本方案的目录，请重新上传', {
          field: `attachments.${stray}`,
        });
      }
      const [progress, existing] = await Promise.all([
        deps.progress.get(learnerIdOf(caller)),
        deps.proposals.get(payload.proposalId),
      ]);
      const passedHrCourse = Object.values(progress?.quizzes ?? {}).some(
        (quiz) => quiz.audience === 'hr' && quiz.passed,
      );
      if (!passedHrCourse) {
        return fail('PRECONDITION_FAILED', '请先学完 HR 课程并通过测验，再提交离职流程优化方案', {
          guard: 'hr_course_passed',
        });
      }
      if (existing && existing.authorNo !== employee.employeeNo) {
        return fail('FORBIDDEN', '这是其他人的方案，请新建你自己的方案');
      }
      const outcome = submitProposal(
        existing,
        {
          proposalId: payload.proposalId,
          author: employee,
          title: payload.title,
          text: payload.text,
          attachments: payload.attachments,
        },
        toInstant(now),
      );
      if (!outcome.ok) return fail(outcome.code, outcome.message);
      if (!(await deps.proposals.save(outcome.proposal))) return fail('CONFLICT', CONFLICT_MESSAGE);
      return ok(ref(outcome.proposal));
    },

    async 'training.proposals'({ caller }) {
      // Admins evaluate everyone's; an HR sees their own.
      const mine = caller.roles.includes('admin') ? undefined : caller.employee?.employeeNo;
      if (!caller.roles.includes('admin') && mine === undefined) return ok({ proposals: [] });
      const proposals = await deps.proposals.latest(PROPOSALS_SHOWN, mine);
      return ok({ proposals: proposals.map(present) });
    },

    async 'admin.proposalReview'({ caller, now }, { proposalId, decision, comment }) {
      const proposal = await deps.proposals.get(proposalId);
      if (!proposal) return fail('NOT_FOUND', '没有这份方案，请刷新列表');
      if (caller.employee && proposal.authorNo === caller.employee.employeeNo) {
        return fail('FORBIDDEN', '不能评审自己提交的方案，请由其他管理员评审');
      }
      const outcome = reviewProposal(proposal, {
        decision,
        comment,
        by: caller.employee?.employeeNo ?? caller.openid,
        at: toInstant(now),
      });
      if (!outcome.ok) return fail(outcome.code, outcome.message);
      if (!(await deps.proposals.save(outcome.proposal))) return fail('CONFLICT', CONFLICT_MESSAGE);
      return ok(ref(outcome.proposal));
    },
  };
}
