/** @jest-environment jsdom */
/**
 * HR edits the exit-interview questionnaire (admin.interviewQuestionsSave): each save is a new
 * version; an option keeps its stored value at its position, so earlier answers still count.
 */
import { openPage } from './fixtures/page';
import { allText, settle, setUp, tapButton, typeInto, type WxMocks } from './harness';

const stats = {
  version: 3,
  questions: [
    {
      questionId: 'main-reason',
      kind: 'single',
      kindLabel: '单选',
      text: '你离开公司最主要的原因是什么？',
      options: [
        { value: 'pay', label: '薪酬福利' },
        { value: 'growth', label: '职业发展' },
      ],
    },
    { questionId: 'team', kind: 'scale', kindLabel: '1–5 分', text: '你对团队氛围满意吗？' },
  ],
  respondents: 0,
  departments: [],
  distribution: [],
  freeText: { shown: false, answers: [] },
};

describe('编辑离职面谈问卷', () => {
  let simulate: ReturnType<typeof setUp>['simulate'];
  let wx: WxMocks;

  beforeEach(() => {
    ({ simulate, wx } = setUp());
    wx.answer('admin.interviewStats', stats);
  });

  it('shows the server’s refusal, then saves the edited questions as the next version', async () => {
    wx.fail(
      'admin.interviewQuestionsSave',
      'VALIDATION_FAILED',
      '第 1 题是单选题，至少需要 2 个选项',
    );
    const page = await openPage(simulate, 'packages/admin/pages/interview-questions/index');
    expect(allText(page)).toContain('当前第 3 版');
    typeInto(page, '#options-0', '薪酬福利');
    tapButton(page, '#save');
    await settle(simulate, 6);
    expect(allText(page)).toContain('第 1 题是单选题，至少需要 2 个选项');

    wx.answer('admin.interviewQuestionsSave', { version: 4 });
    typeInto(page, '#options-0', '薪酬福利\n职业发展\n工作地点');
    tapButton(page, '#add-text');
    await settle(simulate);
    typeInto(page, '#text-2', '你希望公司改进什么？');
    await settle(simulate);
    tapButton(page, '#save');
    await settle(simulate, 6);
    const saves = wx.calls.filter((c) => c.action === 'admin.interviewQuestionsSave');
    expect(saves[saves.length - 1]?.payload).toEqual({
      baseVersion: 3,
      questions: [
        {
          questionId: 'main-reason',
          kind: 'single',
          text: '你离开公司最主要的原因是什么？',
          options: [
            { value: 'pay', label: '薪酬福利' },
            { value: 'growth', label: '职业发展' },
            { value: 'o3', label: '工作地点' },
          ],
        },
        { questionId: 'team', kind: 'scale', text: '你对团队氛围满意吗？' },
        { questionId: 'q3', kind: 'text', text: '你希望公司改进什么？' },
      ],
    });
    expect(wx.showToast).toHaveBeenCalledWith(
      expect.objectContaining({ title: '已保存为第 4 版' }),
    );
  });
});
