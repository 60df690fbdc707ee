import {
  needsSubscription,
  subscriptionKindsFor,
} from '../../../miniprogram/view-models/subscriptions';
import {
  groupCode,
  sessionTime,
  workshopCards,
  workshopDraft,
  type WorkshopForm,
} from '../../../miniprogram/view-models/workshops';

const listed = {
  workshopId: 'wA',
  title: '离职办理实操课',
  courseId: null,
  startsAt: '2027-03-10T06:00:00.000Z',
  endsAt: '2027-03-10T08:00:00.000Z',
  place: '3 楼',
  audience: 'employee' as const,
  capacity: 2,
  enrolled: 2,
  attended: 1,
  mine: 'none' as const,
  checkInOpen: false,
};

describe('workshop cards', () => {
  it('show Beijing time, seats and what the person may do', () => {
    const before = Date.parse('2027-03-09T02:00:00Z');
    const [full] = workshopCards([listed], before);
    expect(full).toMatchObject({
      when: '2027-03-10 14:00–16:00',
      seats: '已报名 2/2 · 已签到 1',
      mineLabel: '未报名',
      full: true,
      canEnrol: false,
      canCancel: false,
      code: '',
    });
    const [mine] = workshopCards(
      [{ ...listed, mine: 'enrolled', checkInOpen: true, code: 'ABCDEFGH' }],
      Date.parse('2027-03-10T05:45:00Z'),
    );
    expect(mine).toMatchObject({
      mineLabel: '已报名',
      canCancel: true,
      canShowPass: true,
      code: 'ABCD-EFGH',
    });
    expect(sessionTime('2027-03-10T15:00:00Z', '2027-03-10T17:00:00Z')).toBe(
      '2027-03-10 23:00 – 2027-03-11 01:00',
    );
    expect(groupCode('12345678')).toBe('1234-5678');
  });
});

describe('the schedule form', () => {
  const form: WorkshopForm = {
    title: ' 离职办理实操课 ',
    date: '2027-03-10',
    startTime: '14:00',
    endTime: '16:00',
    place: '3 楼',
    audience: 'manager',
    capacity: '20',
    courseId: '',
  };

  it('becomes the payload with Beijing times', () => {
    expect(workshopDraft(form)).toEqual({
      ok: true,
      payload: {
        title: '离职办理实操课',
        startsAt: '2027-03-10T14:00:00+08:00',
        endsAt: '2027-03-10T16:00:00+08:00',
        place: '3 楼',
        audience: 'manager',
        capacity: 20,
      },
    });
  });

  it('names the first thing to fix, in Chinese', () => {
    expect(workshopDraft({ ...form, date: '' })).toMatchObject({
      field: 'date',
      message: '请选择日期',
    });
    expect(workshopDraft({ ...form, endTime: '13:00' })).toMatchObject({
      field: 'endTime',
      message: '结束时间应晚于开始时间',
    });
    expect(workshopDraft({ ...form, capacity: '0' })).toMatchObject({ field: 'capacity' });
    expect(workshopDraft({ ...form, capacity: '2.5' })).toMatchObject({ field: 'capacity' });
  });
});

describe('subscribing on 我的', () => {
  it('offers 培训通知 to people with an employee record, after the departure reminders', () => {
    expect(subscriptionKindsFor(['manager'], true)).toEqual([
      'notice',
      'serious',
      'gentle',
      'daily',
      'manager_review',
      'training_notice',
    ]);
    expect(subscriptionKindsFor(['admin'], false)).toEqual(['hr_alert', 'legal_deadline']);
  });

  it('warns about missing credits for the departure reminders only', () => {
    const kinds = subscriptionKindsFor([], true);
    const departure = { notice: 1, serious: 1, gentle: 1, daily: 1 };
    expect(needsSubscription(kinds, departure)).toBe(false);
    expect(needsSubscription(kinds, { ...departure, daily: 0, training_notice: 3 })).toBe(true);
  });
});
