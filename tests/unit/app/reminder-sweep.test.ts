import { verdictOf, type ReminderDelivery } from '../../../server/app/reminder-delivery';
import { runReminderSweep } from '../../../server/app/reminder-sweep';
import type { StoredCase } from '../../../server/app/ports/cases.port';
import type { DuePosition } from '../../../server/app/ports/reminder-case-queries.port';
import type { Settings } from '../../../server/app/ports/settings.port';
import { DEFAULT_POLICY } from '../../../server/domain/policy';

const settings: Settings = {
  policy: DEFAULT_POLICY,
  templateIds: {},
  templateFields: {},
  templatePhrases: {},
  miniprogramState: 'formal',
};

function dueCase(i: number): StoredCase {
  return {
    caseId: `c${String(i).padStart(4, '0')}`,
    employee: { employeeNo: `E${i}` },
    nextReminderAt: '2027-03-01T01:00:00.000Z',
    hrOwner: 'hr',
  } as unknown as StoredCase;
}

function fakes(total: number, visitMs: number) {
  let clock = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const visited: string[] = [];
  const cases = Array.from({ length: total }, (_, i) => dueCase(i));
  const delivery = {
    async visit(_ctx: unknown, caseDoc: StoredCase) {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setImmediate(r));
      clock += visitMs;
      visited.push(caseDoc.caseId);
      inFlight -= 1;
      return { reminders: [], decided: 1, saved: 'saved' as const };
    },
  } as unknown as ReminderDelivery;
  const deps = {
    queries: {
      async dueCases(_now: string, after: DuePosition | null, limit: number) {
        const from = after ? cases.findIndex((c) => c.caseId === after.caseId) + 1 : 0;
        return cases.slice(from, from + limit);
      },
      changedSince: async () => [],
    },
    employees: {
      findByNos: async () => [],
      findByRole: async () => [],
      findByDepartment: async () => [],
    } as never,
    settings: { get: async () => settings },
    delivery,
  };
  return { deps, visited, monotonic: () => clock, maxInFlight: () => maxInFlight };
}

describe('the sweep run', () => {
  it('visits every due case, pages through them, at most 10 at once', async () => {
    const f = fakes(250, 1);
    const report = await runReminderSweep(f.deps, {
      now: new Date('2027-03-01T02:00:00Z'),
      budgetMs: 10_000,
      monotonic: f.monotonic,
    });
    expect(report).toMatchObject({ visited: 250, stoppedEarly: false });
    expect(new Set(f.visited).size).toBe(250);
    expect(f.maxInFlight()).toBe(10);
  });

  it('stops starting cases when the budget (less a reserve) is spent, on the monotonic timer', async () => {
    const f = fakes(1000, 10);
    const report = await runReminderSweep(f.deps, {
      now: new Date('2027-03-01T02:00:00Z'),
      budgetMs: 1000,
      monotonic: f.monotonic,
    });
    expect(report.stoppedEarly).toBe(true);
    // Reserve 250 ms: cases start until 750 ms; the ones in flight then still finish.
    expect(report.visited).toBeGreaterThanOrEqual(75);
    expect(report.visited).toBeLessThanOrEqual(85);
    expect(report.elapsedMs).toBeLessThanOrEqual(1000);
  });
});

describe("WeChat's answers", () => {
  it.each([
    [0, 'sent'],
    [43101, 'undeliverable'],
    [40003, 'config'],
    [40037, 'config'],
    [47003, 'config'],
    [41030, 'config'],
    [-1, 'transient'],
    [45011, 'transient'],
    [40001, 'failed'],
  ])('%i → %s', (code, verdict) => {
    expect(verdictOf(code)).toBe(verdict);
  });
});
