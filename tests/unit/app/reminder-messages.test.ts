import { messageContent } from '../../../server/app/reminder-messages';
import { planReminders } from '../../../server/domain';
import { caseIn, policy } from '../domain/case-fixtures';

const dayAt = (start: string, n: number) =>
  new Date(Date.parse(start) + n * 24 * 60 * 60 * 1000).toISOString();

describe('reminder messages', () => {
  it('fit the template uncut: phrase ≤ 5 characters, task and note ≤ 20', () => {
    const resignation = caseIn('resignation', 'submitted', { attachments: [] });
    const cases = [
      resignation,
      caseIn('resignation', 'submitted', {
        employee: { ...resignation.employee, name: '欧阳娜娜娜娜娜娜娜娜' },
      }),
      {
        ...caseIn('termination', 'formalities'),
        checklist: caseIn('termination', 'formalities').checklist.map((e) => ({
          ...e,
          done: false,
        })),
      },
    ];
    const tasks: string[] = [];
    const notes: string[] = [];
    for (const c of cases) {
      for (let n = 0; n <= 50; n += 1) {
        const now = new Date(dayAt('2027-03-01T02:00:00.000Z', n));
        for (const d of planReminders(c, now, policy.reminders, []).decisions) {
          const content = messageContent(c, d);
          expect(Array.from(content.phrase).length).toBeLessThanOrEqual(5);
          expect(Array.from(content.task).length).toBeLessThanOrEqual(20);
          expect(Array.from(content.note).length).toBeLessThanOrEqual(20);
          tasks.push(content.task);
          notes.push(content.note);
        }
      }
    }
    expect(tasks).toContain('上传工作交接清单');
    expect(notes).toContain('请于3日内签收《解除劳动合同通知书》');
  });
});
