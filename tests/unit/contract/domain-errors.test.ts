import { rpcErrorOf } from '../../../server/contract';
import { transition } from '../../../server/domain';
import { caseIn, HR, LATE, MANAGER, policy } from '../domain/case-fixtures';

describe('rpcErrorOf', () => {
  it('names the guard of a refused precondition, in Chinese', () => {
    const refused = transition(
      caseIn('resignation', 'submitted', { attachments: [] }),
      { type: 'review.approve' },
      LATE,
      {
        actor: MANAGER,
        policy,
      },
    );
    if (refused.ok) throw new Error('expected a refusal');
    expect(rpcErrorOf(refused)).toEqual({
      code: 'PRECONDITION_FAILED',
      message: '请先上传工作交接清单',
      details: { guard: 'handover_list_present' },
    });
  });

  it('says which state refused an event', () => {
    const refused = transition(caseIn('resignation', 'completed'), { type: 'hr.close' }, LATE, {
      actor: HR,
      policy,
    });
    if (refused.ok) throw new Error('expected a refusal');
    expect(rpcErrorOf(refused)).toMatchObject({
      code: 'INVALID_TRANSITION',
      message: '案件当前处于「完成归档」，不能进行此操作',
    });
  });
});
