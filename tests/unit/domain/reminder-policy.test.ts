import {
  beijingDate,
  type CaseRecord,
  planReminders,
  type RecordedReminder,
  type ReminderDecision,
} from '../../../server/domain';
import { attachment, caseIn, policy } from './case-fixtures';

const rules = policy.reminders;

function plan(c: CaseRecord, now: string, recorded: RecordedReminder[] = []) {
  return planReminders(c, new Date(now), rules, recorded);
}

const brief = (d: ReminderDecision) => `${d.recipient}:${d.kind}:${d.status}`;

/** What a sweep writes back for its decisions. */
function record(decisions: readonly ReminderDecision[], now: string): RecordedReminder[] {
  return decisions.map((d) => ({
    id: d.id,
    recipient: d.recipient,
    status: d.status === 'pending' ? 'sent' : 'skipped',
    sendDate: beijingDate(now),
  }));
}

const dayAt = (start: string, n: number) =>
  new Date(Date.parse(start) + n * 24 * 60 * 60 * 1000).toISOString();

describe('reminder policy (DESIGN §3 "Reminders")', () => {
  describe('the employee’s open task', () => {
    // Submitted 2027-03-01 10:00 Beijing without the handover list.
    const c = caseIn('resignation', 'submitted', { attachments: [] });
    const start = c.noticeReceivedAt ?? '';

    it('notices at the start, daily, gentle on day 3, serious from day 7 and alerts HR once', () => {
      let recorded: RecordedReminder[] = [];
      const seen: string[][] = [];
      for (let n = 0; n <= 9; n += 1) {
        const now = dayAt(start, n);
        const { decisions } = plan(c, now, recorded);
        seen.push(decisions.map(brief));
        recorded = [...recorded, ...record(decisions, now)];
      }
      expect(seen).toEqual([
        ['employee:notice:pending'],
        ['employee:daily:pending'],
        ['employee:daily:pending'],
        ['employee:gentle:pending'],
        ['employee:daily:pending'],
        ['employee:daily:pending'],
        ['employee:daily:pending'],
        ['employee:serious:pending', 'hr:hr_alert:pending'],
        ['employee:serious:pending'],
        ['employee:serious:pending'],
      ]);
    });

    it('names each slot deterministically by case, track and slot, and never repeats one', () => {
      const first = plan(c, start);
      expect(first.decisions.map((d) => d.id)).toEqual(['c1:employee_handover:d0']);
      expect(first.decisions[0]?.phrase).toBe('办理通知');
      expect(plan(c, start, record(first.decisions, start)).decisions).toEqual([]);
      expect(first.nextReminderAt).toBe(dayAt(start, 1));
    });

    it('sends one message a day: after missed runs the highest kind wins, the rest are skipped', () => {
      const { decisions } = plan(c, dayAt(start, 3));
      expect(decisions.map((d) => `${d.slot}:${d.status}`).sort()).toEqual([
        'd0:skipped',
        'd1:skipped',
        'd2:skipped',
        'd3:pending',
      ]);
    });

    it('skips a slot when the person already had a message for the case that Beijing day', () => {
      const now = dayAt(start, 1);
      const earlier: RecordedReminder = {
        id: 'c1:other:x',
        recipient: 'employee',
        status: 'sent',
        sendDate: beijingDate(now),
      };
      const notice: RecordedReminder = {
        ...earlier,
        id: 'c1:employee_handover:d0',
        sendDate: '2027-03-01',
      };
      expect(plan(c, now, [notice, earlier]).decisions.map(brief)).toEqual([
        'employee:daily:skipped',
      ]);
    });

    it('stops when the handover list arrives', () => {
      const attached = {
        ...c,
        attachments: [attachment('handover_checklist', dayAt(start, 1))],
      };
      expect(
        plan(attached, dayAt(start, 2)).decisions.filter((d) => d.recipient === 'employee'),
      ).toEqual([]);
    });
  });

  describe('night rule: sends only in [09:00, 21:00) Beijing', () => {
    // Submitted at 23:30 Beijing.
    const c = caseIn('resignation', 'submitted', {
      attachments: [],
      noticeReceivedAt: '2027-03-01T15:30:00.000Z',
    });

    it('holds a night slot until 09:00 and says when', () => {
      const night = plan(c, '2027-03-01T15:30:00.000Z');
      expect(night.decisions).toEqual([]);
      expect(night.nextReminderAt).toBe('2027-03-02T01:00:00.000Z');
      const morning = plan(c, '2027-03-02T01:00:00.000Z');
      expect(morning.decisions.map((d) => [d.slot, d.status, d.sendAt])).toEqual([
        ['d0', 'pending', '2027-03-02T01:00:00.000Z'],
      ]);
    });

    it('does not send at 21:00 or later even for a slot due in the day', () => {
      const day = caseIn('resignation', 'submitted', { attachments: [] });
      const evening = plan(day, '2027-03-01T13:00:00.000Z'); // 21:00 Beijing
      expect(evening.decisions).toEqual([]);
      expect(evening.nextReminderAt).toBe('2027-03-02T01:00:00.000Z');
      expect(plan(day, '2027-03-01T12:59:00.000Z').decisions).toHaveLength(1);
    });
  });

  describe('the manager’s review', () => {
    // Handover list attached 2027-03-01 11:00 Beijing.
    const c = caseIn('resignation', 'submitted');
    const attachedAt = '2027-03-01T03:00:00.000Z';

    it('reminds the manager daily once the case waited more than 2 days, and HR on day 4', () => {
      const quiet = plan(c, dayAt(attachedAt, 2.9));
      expect(quiet.decisions).toEqual([]);
      expect(quiet.nextReminderAt).toBe(dayAt(attachedAt, 3));
      const day3 = plan(c, dayAt(attachedAt, 3));
      expect(day3.decisions.map(brief)).toEqual(['manager:manager_review:pending']);
      expect(day3.decisions[0]?.phrase).toBe('审批提醒');
      const day4 = plan(c, dayAt(attachedAt, 4), record(day3.decisions, dayAt(attachedAt, 3)));
      expect(day4.decisions.map(brief)).toEqual([
        'manager:manager_review:pending',
        'hr:hr_alert:pending',
      ]);
    });

    it('reminds HR when HR reviews, and then the alert outranks the review reminder', () => {
      const noManager = { ...c, managerNo: undefined };
      const day3 = plan(noManager, dayAt(attachedAt, 3));
      const day4 = plan(
        noManager,
        dayAt(attachedAt, 4),
        record(day3.decisions, dayAt(attachedAt, 3)),
      );
      expect(day4.decisions.map(brief).sort()).toEqual([
        'hr:hr_alert:pending',
        'hr:manager_review:skipped',
      ]);
    });

    it('stops once the case leaves submitted', () => {
      expect(plan({ ...c, state: 'hr_review' }, dayAt(attachedAt, 5)).decisions).toEqual([]);
    });
  });

  describe('HR’s legal deadlines (第50条)', () => {
    const open = caseIn('resignation', 'formalities');
    const withOpen = (items: string[]): CaseRecord => ({
      ...open,
      checklist: open.checklist.map((e) =>
        items.includes(e.item) ? { ...e, done: false, doneAt: undefined, doneBy: undefined } : e,
      ),
    });

    it('final pay and certificate: 3 days before and on the last working day, at 09:00', () => {
      const c = withOpen(['final_pay']);
      expect(plan(c, '2027-03-28T00:59:00.000Z').nextReminderAt).toBe('2027-03-28T01:00:00.000Z');
      const before = plan(c, '2027-03-28T01:00:00.000Z');
      expect(before.decisions.map((d) => [d.id, d.kind, d.recipient, d.status])).toEqual([
        ['c1:legal_deadline:pay-3', 'legal_deadline', 'hr', 'pending'],
      ]);
      expect(before.decisions[0]?.detail).toEqual({ items: ['final_pay'], deadline: '2027-03-31' });
      const onTheDay = plan(
        c,
        '2027-03-31T01:00:00.000Z',
        record(before.decisions, '2027-03-28T01:00:00.000Z'),
      );
      expect(onTheDay.decisions.map((d) => d.slot)).toEqual(['pay-0']);
    });

    it('transfers: on days +10 and +14 while one is open', () => {
      const c = withOpen(['housing_fund_seal']);
      const day10 = plan(c, '2027-04-10T02:00:00.000Z');
      expect(day10.decisions.map((d) => [d.slot, d.status])).toEqual([['transfer+10', 'pending']]);
      expect(day10.decisions[0]?.detail).toEqual({
        items: ['housing_fund_seal'],
        deadline: '2027-04-15',
      });
      expect(plan(open, '2027-04-10T02:00:00.000Z').decisions).toEqual([]);
    });

    it('one message a day to HR: an alert and a deadline on the same day leave one skipped', () => {
      // Formalities started 2027-03-05 10:00 Beijing; day 7 of the signature is 03-12,
      // which is also three days before a last working day of 03-15.
      const c: CaseRecord = {
        ...withOpen(['sign_letter', 'final_pay']),
        lastWorkingDay: '2027-03-15',
      };
      const recorded = Array.from({ length: 7 }, (_, n): RecordedReminder => ({
        id: `c1:employee_sign:d${n}`,
        recipient: 'employee',
        status: 'sent',
        sendDate: beijingDate(dayAt('2027-03-05T02:00:00.000Z', n)),
      }));
      const { decisions } = plan(c, '2027-03-12T02:00:00.000Z', recorded);
      const hr = decisions.filter((d) => d.recipient === 'hr');
      expect(hr.map((d) => d.status).sort()).toEqual(['pending', 'skipped']);
      expect(hr.map((d) => d.kind).sort()).toEqual(['hr_alert', 'legal_deadline']);
      expect(decisions.filter((d) => d.recipient === 'employee').map(brief)).toEqual([
        'employee:serious:pending',
      ]);
    });
  });

  it('has nothing to send for a closed case', () => {
    const c = caseIn('resignation', 'completed');
    expect(plan(c, '2027-04-10T02:00:00.000Z')).toEqual({ decisions: [], nextReminderAt: null });
  });
});
