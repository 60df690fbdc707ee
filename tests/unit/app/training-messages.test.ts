import { sendTrainingMessages } from '../../../server/app/training-messages';
import type { EmployeeRecord } from '../../../server/app/ports/employees.port';
import type { Settings } from '../../../server/app/ports/settings.port';
import type { TrainingMessage } from '../../../server/app/ports/training-messages.port';
import type { StoredWorkshop } from '../../../server/app/ports/workshops.port';
import { DEFAULT_POLICY } from '../../../server/domain/policy';

const settings = {
  policy: DEFAULT_POLICY,
  templateIds: { workshop: 'TPL-TRAINING', training_notice: 'TPL-TRAINING' },
  templateFields: { 'TPL-TRAINING': ['thing1', 'time2', 'phrase3', 'thing4'] },
  templatePhrases: {},
  miniprogramState: 'formal',
} as unknown as Settings;

const seat = (employeeNo: string) => ({
  employeeNo,
  name: employeeNo,
  department: '研发部',
  enrolledAt: '2027-03-01T02:00:00.000Z',
});

function world(seats: number) {
  let workshop: StoredWorkshop = {
    workshopId: 'wTEST0000',
    title: '离职办理实操课',
    startsAt: '2027-03-10T06:00:00.000Z',
    endsAt: '2027-03-10T08:00:00.000Z',
    place: '3 楼',
    audience: 'employee',
    capacity: 10,
    seats: Array.from({ length: seats }, (_, i) => seat(`D00${i + 1}`)),
    code: 'ABCDEFGH',
    passSecret: 'secret',
    remindAt: '2027-03-09T01:00:00.000Z',
    version: 0,
    createdAt: '2027-03-01T02:00:00.000Z',
    createdBy: 'H001',
    updatedAt: '2027-03-01T02:00:00.000Z',
  };
  const stored = new Map<string, TrainingMessage>();
  const sent: string[] = [];
  const deps = {
    workshops: {
      get: async () => workshop,
      create: async () => true,
      save: async (next: StoredWorkshop, base: number) => {
        if (base !== workshop.version) return false;
        workshop = { ...next, version: base + 1 };
        return true;
      },
      endingSince: async () => [workshop],
      startedBetween: async () => [workshop],
      dueReminders: async () => (workshop.remindAt ? [workshop] : []),
    },
    messages: {
      existing: async (ids: readonly string[]) => new Set(ids.filter((id) => stored.has(id))),
      enqueue: async () => true,
      claim: async (message: TrainingMessage) => {
        if (stored.has(message.id)) return false;
        stored.set(message.id, message);
        return true;
      },
      queuedDue: async () => [],
      transition: async (id: string, from: string, patch: Partial<TrainingMessage>) => {
        const current = stored.get(id);
        if (current?.status !== from) return false;
        stored.set(id, { ...current, ...patch });
        return true;
      },
    },
    employees: {
      findByNos: async (nos: readonly string[]) =>
        nos.map((no) => ({ employeeNo: no, name: no, openid: `openid-${no}` }) as EmployeeRecord),
    } as never,
    subscriptions: { get: async () => ({}), add: async () => ({}) },
    notifier: {
      send: async (message: { touser: string }) => {
        sent.push(message.touser);
        return { errCode: 0, errMsg: 'ok' };
      },
    },
  };
  return { deps, sent, stored, remindAt: () => workshop.remindAt };
}

describe('the day-before reminder of a workshop', () => {
  const now = new Date('2027-03-09T09:00:00+08:00');

  it('goes to everyone enrolled once, however many runs there are', async () => {
    const w = world(3);
    await sendTrainingMessages(w.deps, settings, now);
    await sendTrainingMessages(w.deps, settings, now);
    expect(w.sent).toEqual(['openid-D001', 'openid-D002', 'openid-D003']);
    expect(w.remindAt()).toBeNull();
    expect([...w.stored.values()].map((m) => m.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('stops when the run is out of time and the next run reminds the rest, nobody twice', async () => {
    const w = world(3);
    let checks = 0;
    // Time for the query and two people.
    await sendTrainingMessages(w.deps, settings, now, () => (checks += 1) <= 4);
    expect(w.sent).toEqual(['openid-D001', 'openid-D002']);
    expect(w.remindAt()).not.toBeNull();
    await sendTrainingMessages(w.deps, settings, now);
    expect(w.sent).toEqual(['openid-D001', 'openid-D002', 'openid-D003']);
    expect(w.remindAt()).toBeNull();
  });

  it('waits outside the send window', async () => {
    const w = world(1);
    await sendTrainingMessages(w.deps, settings, new Date('2027-03-09T08:30:00+08:00'));
    expect(w.sent).toEqual([]);
    expect(w.remindAt()).not.toBeNull();
  });
});
