import { MACHINE_GUARDS } from '../../../server/domain/case-guards';
import { CASE_STATES } from '../../../server/domain/case-machine';
import { FIXED_CHECKLIST_ITEM_IDS } from '../../../server/domain/checklist';
import {
  answersProblem,
  DEFAULT_INTERVIEW,
  distributionValues,
  interviewAnswerable,
  questionnaireProblem,
} from '../../../server/domain/exit-interview';
import { manualReminderSlot } from '../../../server/domain/reminder-policy';
import { messageContent } from '../../../server/app/reminder-messages';
import { caseIn, policy } from './case-fixtures';

describe('离职面谈', () => {
  it('劳动合同法 第37条: no transition, guard or checklist item depends on the interview', () => {
    const machine = JSON.stringify(CASE_STATES);
    for (const text of [machine, JSON.stringify(MACHINE_GUARDS), ...FIXED_CHECKLIST_ITEM_IDS]) {
      expect(text).not.toMatch(/interview|面谈/i);
    }
  });

  it('is open to answers from submission until the case ends', () => {
    expect(interviewAnswerable('submitted')).toBe(true);
    expect(interviewAnswerable('formalities')).toBe(true);
    expect(interviewAnswerable('draft')).toBe(false);
    expect(interviewAnswerable('completed')).toBe(false);
    expect(interviewAnswerable('withdrawn')).toBe(false);
  });

  it('ships a valid questionnaire with each kind of question', () => {
    expect(questionnaireProblem(DEFAULT_INTERVIEW.questions)).toBeNull();
    expect(new Set(DEFAULT_INTERVIEW.questions.map((q) => q.kind))).toEqual(
      new Set(['single', 'scale', 'text']),
    );
  });

  it('refuses a questionnaire with a repeated id, a single choice with one option, options elsewhere', () => {
    expect(
      questionnaireProblem([
        { questionId: 'a', kind: 'text', text: '一' },
        { questionId: 'a', kind: 'text', text: '二' },
      ]),
    ).toContain('重复');
    expect(
      questionnaireProblem([
        { questionId: 'a', kind: 'single', text: '一', options: [{ value: 'x', label: 'X' }] },
      ]),
    ).toContain('至少需要 2 个选项');
    expect(
      questionnaireProblem([
        { questionId: 'a', kind: 'scale', text: '一', options: [{ value: 'x', label: 'X' }] },
      ]),
    ).toContain('不能设置选项');
  });

  it('takes any subset of answers that fit their questions, and says what does not fit', () => {
    expect(answersProblem(DEFAULT_INTERVIEW, [])).toBeNull();
    expect(
      answersProblem(DEFAULT_INTERVIEW, [
        { questionId: 'main-reason', value: 'pay' },
        { questionId: 'team', value: 5 },
        { questionId: 'improve', value: '多一些培训' },
      ]),
    ).toBeNull();
    expect(
      answersProblem(DEFAULT_INTERVIEW, [{ questionId: 'main-reason', value: 'nope' }]),
    ).toContain('请从选项中选择');
    expect(answersProblem(DEFAULT_INTERVIEW, [{ questionId: 'team', value: 6 }])).toContain('1–5');
    expect(answersProblem(DEFAULT_INTERVIEW, [{ questionId: 'team', value: '5' }])).toContain(
      '1–5',
    );
    expect(answersProblem(DEFAULT_INTERVIEW, [{ questionId: 'gone', value: 'x' }])).toContain(
      '问卷已更新',
    );
    expect(
      answersProblem(DEFAULT_INTERVIEW, [
        { questionId: 'team', value: 3 },
        { questionId: 'team', value: 4 },
      ]),
    ).toContain('回答了两次');
  });

  it('counts a scale question over 1–5 and a single choice over its options', () => {
    const single = DEFAULT_INTERVIEW.questions.find((q) => q.kind === 'single');
    const scale = DEFAULT_INTERVIEW.questions.find((q) => q.kind === 'scale');
    if (!single || !scale) throw new Error('the shipped questionnaire has both kinds');
    expect(distributionValues(scale).map((v) => v.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(distributionValues(single)).toHaveLength(single.options?.length ?? 0);
  });
});

describe("HR's manual reminder with a note", () => {
  it('carries HR’s words in the note line, and the schedule’s own words without one', () => {
    // The handover list is still missing: the employee has an open task to be reminded of.
    const formalities = caseIn('resignation', 'submitted', { attachments: [] });
    const now = new Date('2027-03-06T02:00:00.000Z');
    const plain = manualReminderSlot(formalities, now, policy.reminders);
    const noted = manualReminderSlot(formalities, now, policy.reminders, '请今天内签署');
    if (!plain || !noted) throw new Error('the open handover list can be reminded of');
    expect(messageContent(formalities, plain).note).not.toBe('请今天内签署');
    expect(messageContent(formalities, noted).note).toBe('请今天内签署');
  });
});
