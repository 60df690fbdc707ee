import {
  manualReminderSlot,
  nextReminderAfterChange,
} from '../../../server/domain/reminder-policy';
import { caseIn, policy, SUBMITTED_AT } from './case-fixtures';

const rp = policy.reminders;

/** Submitted without a handover list: the employee's open task starts at the notice. */
const noHandover = caseIn('resignation', 'submitted', { attachments: [] });

describe('nextReminderAfterChange (the indexed due time every case write stores)', () => {
  it('a new case with an open task is due at its first slot (the notice, at submission)', () => {
    expect(nextReminderAfterChange(null, null, noHandover, new Date(SUBMITTED_AT), rp)).toBe(
      SUBMITTED_AT,
    );
  });

  it('a case with nothing open leaves the due index (null)', () => {
    const done = caseIn('resignation', 'formalities'); // every checklist item done
    expect(nextReminderAfterChange(null, null, done, new Date(SUBMITTED_AT), rp)).toBeNull();
    expect(
      nextReminderAfterChange(
        noHandover,
        SUBMITTED_AT,
        caseIn('resignation', 'withdrawn'),
        new Date(),
        rp,
      ),
    ).toBeNull();
  });

  it('attaching the handover list opens the manager track: first due 3 days later', () => {
    const attached = caseIn('resignation', 'submitted'); // handover list at 2027-03-01 11:00
    const next = nextReminderAfterChange(
      noHandover,
      '2027-03-02T02:00:00.000Z',
      attached,
      new Date('2027-03-01T03:00:00.000Z'),
      rp,
    );
    // Earlier than the employee's next daily, which was scheduled: the schedule stands.
    expect(next).toBe('2027-03-02T02:00:00.000Z');
    expect(
      nextReminderAfterChange(noHandover, null, attached, new Date('2027-03-01T03:00:00.000Z'), rp),
    ).toBe('2027-03-04T03:00:00.000Z');
  });
});

describe('manualReminderSlot (case.remind)', () => {
  it('names the kind of the task day, one id per Beijing day', () => {
    const slot = manualReminderSlot(noHandover, new Date('2027-03-04T06:00:00.000Z'), rp);
    expect(slot).toMatchObject({
      id: 'c1:employee_handover:manual-2027-03-04',
      kind: 'gentle',
      recipient: 'employee',
    });
    expect(manualReminderSlot(caseIn('resignation', 'formalities'), new Date(), rp)).toBeNull();
  });
});
