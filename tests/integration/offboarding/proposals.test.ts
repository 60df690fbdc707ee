/**
 * HR assessment (issue 14): after the HR course an HR submits a 离职流程优化方案; an admin
 * returns it with comments, accepts it or adopts it; every round stays in the history.
 */
import { PDF_BYTES } from '../../../tools/demo/demo-company';
import { passHrQuiz } from './action-scenes';
import { ADMIN_OPENID, type Company, startCompany, unique } from './company-harness';

let company: Company;
beforeAll(async () => {
  company = await startCompany();
}, 60_000);
afterAll(() => company.dispose());

interface Listed {
  proposals: {
    proposalId: string;
    status: string;
    statusLabel: string;
    rounds: {
      round: number;
      title: string;
      attachmentCount: number;
      review?: { decision: string; comment: string };
    }[];
  }[];
}

const hr = () => company.person('H001').openid;
const draft = (proposalId: string, title = '缩短经理审批等待') => ({
  proposalId,
  title,
  text: '经理审批平均等待 3.2 天，是最慢的阶段：建议第 2 天起每日提醒经理，第 3 天由 HR 电话跟进。',
  attachments: [] as string[],
});

it('asks for the HR course first', async () => {
  const answer = await company.call(hr(), 'training.proposalSubmit', draft(unique('rFirst')));
  expect(answer).toMatchObject({
    ok: false,
    error: { code: 'PRECONDITION_FAILED', details: { guard: 'hr_course_passed' } },
  });
  expect(!answer.ok && answer.error.message).toContain('HR 课程');
});

it('is returned with comments, resubmitted, then accepted; every round is kept', async () => {
  await passHrQuiz(company, hr());
  const proposalId = unique('rLoop');
  const file = await company.upload(hr(), `cases/${proposalId}/proposal/data.pdf`, PDF_BYTES);

  expect(
    await company.must(hr(), 'training.proposalSubmit', {
      ...draft(proposalId),
      attachments: [file],
    }),
  ).toEqual({ proposalId, status: 'submitted', round: 1 });
  const bare = await company.call(ADMIN_OPENID, 'admin.proposalReview', {
    proposalId,
    decision: 'return',
    comment: '',
  });
  expect(bare).toMatchObject({ ok: false, error: { code: 'PRECONDITION_FAILED' } });
  expect(
    await company.must(ADMIN_OPENID, 'admin.proposalReview', {
      proposalId,
      decision: 'return',
      comment: '请补充按部门的等待天数',
    }),
  ).toEqual({ proposalId, status: 'returned', round: 1 });

  expect(
    await company.must(
      hr(),
      'training.proposalSubmit',
      draft(proposalId, '缩短经理审批等待（附部门数据）'),
    ),
  ).toEqual({ proposalId, status: 'submitted', round: 2 });
  expect(
    await company.must(ADMIN_OPENID, 'admin.proposalReview', {
      proposalId,
      decision: 'accept',
      comment: '同意试行一个季度',
    }),
  ).toEqual({ proposalId, status: 'accepted', round: 2 });

  const again = await company.call(hr(), 'training.proposalSubmit', draft(proposalId));
  expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });

  const mine = await company.must<Listed>(hr(), 'training.proposals');
  const shown = mine.proposals.find((p) => p.proposalId === proposalId);
  expect(shown).toMatchObject({ status: 'accepted', statusLabel: '已接受' });
  expect(shown?.rounds).toEqual([
    expect.objectContaining({
      round: 1,
      attachmentCount: 1,
      review: expect.objectContaining({ decision: 'return', comment: '请补充按部门的等待天数' }),
    }),
    expect.objectContaining({
      round: 2,
      title: '缩短经理审批等待（附部门数据）',
      review: expect.objectContaining({ decision: 'accept' }),
    }),
  ]);
  const all = await company.must<Listed>(ADMIN_OPENID, 'training.proposals');
  expect(all.proposals.map((p) => p.proposalId)).toContain(proposalId);
});

it('an admin may adopt a proposal', async () => {
  await passHrQuiz(company, hr());
  const proposalId = unique('rAdopt');
  await company.must(hr(), 'training.proposalSubmit', draft(proposalId));
  expect(
    await company.must(ADMIN_OPENID, 'admin.proposalReview', {
      proposalId,
      decision: 'adopt',
      comment: '全公司采纳',
    }),
  ).toEqual({ proposalId, status: 'adopted', round: 1 });
});

it("refuses an attachment that is not the author's own upload to the proposal's folder", async () => {
  await passHrQuiz(company, hr());
  const proposalId = unique('rFile');
  const elsewhere = await company.upload(
    hr(),
    `cases/${unique('rOther')}/proposal/a.pdf`,
    PDF_BYTES,
  );
  const answer = await company.call(hr(), 'training.proposalSubmit', {
    ...draft(proposalId),
    attachments: [elsewhere],
  });
  expect(answer).toMatchObject({
    ok: false,
    error: { code: 'VALIDATION_FAILED', details: { field: 'attachments.0' } },
  });
});
