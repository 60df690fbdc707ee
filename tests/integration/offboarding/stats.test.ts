import { systemClock } from '../../../server/app/clock';
import { statsHandlers } from '../../../server/app/stats';
import type { ParsedPayload } from '../../../server/contract';
import { caseQueries } from '../../../server/infra/case-queries';
import { departureHistoryRepository } from '../../../server/infra/departure-history.repository';
import { defaultSettings, settingsRepository } from '../../../server/infra/settings.repository';
import { startCloud, type OffboardingCloud } from './fixtures/local-cloud';
import { hrCaller, type SeededCase, seedCases, storedCase } from './fixtures/stored-cases';

/** Statistics are asked for on 2027-05-20, 10:00 Beijing. */
const NOW = new Date('2027-05-20T02:00:00.000Z');
const APRIL = { from: '2027-04-01', to: '2027-04-30' };

const person = (no: string, name: string) => ({
  employeeNo: no,
  name,
  department: '研发部',
  managerNo: 'M1',
});

/**
 * Cases whose notice falls in April 2027 (Beijing), and a few just outside it. The expected
 * numbers below are worked out by hand from these histories.
 */
const CASES: SeededCase[] = [
  // A: submitted 2 d, HR review 1 d, formalities 27 d; signed 24 h in; handled in 30 d.
  storedCase({
    caseId: 'A',
    ...person('E001', '甲'),
    reason: 'resignation',
    path: [
      ['submitted', '2027-04-01T02:00:00.000Z'],
      ['hr_review', '2027-04-03T02:00:00.000Z'],
      ['formalities', '2027-04-04T02:00:00.000Z'],
      ['completed', '2027-05-01T02:00:00.000Z'],
    ],
    signedAt: '2027-04-05T02:00:00.000Z',
  }),
  // B: submitted 1 d, returned 2 d, submitted again 4 d, HR review 1 d, formalities 20 d;
  // signed 96 h in (late); handled in 28 d.
  storedCase({
    caseId: 'B',
    ...person('E002', '乙'),
    reason: 'personal',
    path: [
      ['submitted', '2027-04-10T02:00:00.000Z'],
      ['returned', '2027-04-11T02:00:00.000Z'],
      ['submitted', '2027-04-13T02:00:00.000Z'],
      ['hr_review', '2027-04-17T02:00:00.000Z'],
      ['formalities', '2027-04-18T02:00:00.000Z'],
      ['completed', '2027-05-08T02:00:00.000Z'],
    ],
    signedAt: '2027-04-22T02:00:00.000Z',
  }),
  // C: submitted 1 d, HR review 1 d, in formalities since 04-22, never signed: the window passed.
  storedCase({
    caseId: 'C',
    ...person('E003', '丙'),
    reason: 'resignation',
    path: [
      ['submitted', '2027-04-20T02:00:00.000Z'],
      ['hr_review', '2027-04-21T02:00:00.000Z'],
      ['formalities', '2027-04-22T02:00:00.000Z'],
    ],
  }),
  // D: still waiting for the manager: no closed stay.
  storedCase({
    caseId: 'D',
    ...person('E004', '丁'),
    reason: 'personal',
    path: [['submitted', '2027-04-25T02:00:00.000Z']],
  }),
  // H: received 23:59 Beijing on 04-30 (15:59 UTC): still April.
  storedCase({
    caseId: 'H',
    ...person('E008', '辛'),
    reason: 'personal',
    path: [['submitted', '2027-04-30T15:59:00.000Z']],
  }),
  // I: submitted 16 d, HR review 4 d, formalities since yesterday: its 72 h are still running.
  storedCase({
    caseId: 'I',
    ...person('E009', '壬'),
    reason: 'resignation',
    path: [
      ['submitted', '2027-04-29T02:00:00.000Z'],
      ['hr_review', '2027-05-15T02:00:00.000Z'],
      ['formalities', '2027-05-19T02:00:00.000Z'],
    ],
  }),
  // J: withdrawn after 1 d.
  storedCase({
    caseId: 'J',
    ...person('E010', '癸'),
    reason: 'resignation',
    path: [
      ['submitted', '2027-04-15T02:00:00.000Z'],
      ['withdrawn', '2027-04-16T02:00:00.000Z'],
    ],
  }),

  // Outside April: received 23:00 Beijing on 03-31, and 00:30 Beijing on 05-01.
  storedCase({
    caseId: 'F',
    ...person('E006', '己'),
    reason: 'resignation',
    path: [
      ['submitted', '2027-03-31T15:00:00.000Z'],
      ['hr_review', '2027-04-01T15:00:00.000Z'],
      ['formalities', '2027-04-02T15:00:00.000Z'],
      ['completed', '2027-04-20T15:00:00.000Z'],
    ],
    signedAt: '2027-04-02T16:00:00.000Z',
  }),
  storedCase({
    caseId: 'G',
    ...person('E007', '庚'),
    reason: 'personal',
    path: [['submitted', '2027-04-30T16:30:00.000Z']],
  }),
  // A termination drafted in April but issued in May: its notice is the issue.
  storedCase({
    caseId: 'E',
    ...person('E005', '戊'),
    path: [
      ['draft', '2027-04-26T02:00:00.000Z'],
      ['formalities', '2027-05-02T02:00:00.000Z'],
    ],
  }),
  // A draft never issued has no notice at all.
  storedCase({
    caseId: 'K',
    ...person('E011', '子'),
    path: [['draft', '2027-04-12T02:00:00.000Z']],
  }),
];

/** A month of the trend without any case or imported departure. */
const quietMonth = (month: string) => ({
  month,
  cases: 0,
  avgHandlingDays: null,
  signedWithin72hShare: null,
  imported: 0,
});
const monthsOf2026 = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

let env: OffboardingCloud;
let stats: ReturnType<typeof statsHandlers>['admin.stats'];

/** A new handler is a cold function instance: it reads the settings afresh. */
function coldStats(): ReturnType<typeof statsHandlers>['admin.stats'] {
  return statsHandlers({
    cases: caseQueries(env.db),
    settings: settingsRepository(env.db, defaultSettings({}), systemClock),
    history: departureHistoryRepository(env.db),
  })['admin.stats'];
}

beforeAll(async () => {
  env = await startCloud();
  await seedCases(env.db, CASES);
  stats = coldStats();
});
afterAll(() => env.dispose());

async function statsFor(payload: ParsedPayload<'admin.stats'>) {
  const outcome = await stats({ caller: hrCaller(), now: NOW }, payload);
  if (!outcome.ok) throw new Error(outcome.error.message);
  return outcome.data;
}

describe('admin.stats', () => {
  it('computes the period from the stored indicators, exactly', async () => {
    expect(await statsFor(APRIL)).toEqual({
      // A, C, I, J · B, D, H · no termination was issued in April.
      reasons: [
        { reason: 'resignation', label: '辞职', count: 4 },
        { reason: 'personal', label: '其他个人原因', count: 3 },
        { reason: 'incompetence', label: '不能胜任工作', count: 0 },
        { reason: 'employer_fault', label: '用人单位过错（被迫解除）', count: 0 },
      ],
      // A 30 d, B 28 d.
      avgHandlingDays: 29,
      // A within 72 h; B late; C unsigned with its window passed; I's window still open.
      signedWithin72hShare: 1 / 3,
      avgDaysByState: {
        submitted: 5, // A 2, B 1 + 4, C 1, I 16, J 1 → 25 / 5
        returned: 2, // B
        hr_review: 1.8, // A 1, B 1, C 1, I 4 → 7 / 4 = 1.75
        formalities: 23.5, // A 27, B 20
      },
      bottleneck: 'formalities',
      // Still open now (05-20 10:00): D 25 d and H 19.4 d waiting for their manager; C 28 d
      // and I 1 d in formalities. The waiting piles up before the manager, which the finished
      // stays above cannot show.
      currentStalls: [
        { state: 'submitted', cases: 2, avgDays: 22.2, totalDays: 44.4 },
        { state: 'formalities', cases: 2, avgDays: 14.5, totalDays: 29 },
      ],
      currentBottleneck: 'submitted',
      byDepartment: [
        {
          department: '研发部',
          count: 7,
          reasons: [
            { reason: 'resignation', label: '辞职', count: 4 },
            { reason: 'personal', label: '其他个人原因', count: 3 },
            { reason: 'incompetence', label: '不能胜任工作', count: 0 },
            { reason: 'employer_fault', label: '用人单位过错（被迫解除）', count: 0 },
          ],
        },
      ],
      monthly: [
        ...['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map(quietMonth),
        ...['2026-11', '2026-12', '2027-01', '2027-02'].map(quietMonth),
        // F: handled in 20 d, signed 1 h into formalities.
        { month: '2027-03', cases: 1, avgHandlingDays: 20, signedWithin72hShare: 1, imported: 0 },
        {
          month: '2027-04',
          cases: 7,
          avgHandlingDays: 29,
          signedWithin72hShare: 1 / 3,
          imported: 0,
        },
      ],
      // A and B were completed, both signed; nothing was imported.
      withoutSignedLetter: {
        imported: { departures: 0, share: null },
        product: { departures: 2, share: 0 },
      },
    });
  });

  it('counts a termination by its issue date', async () => {
    const may = await statsFor({ from: '2027-05-01', to: '2027-05-31' });
    expect(may.reasons).toEqual([
      { reason: 'resignation', label: '辞职', count: 0 },
      { reason: 'personal', label: '其他个人原因', count: 1 }, // G
      { reason: 'incompetence', label: '不能胜任工作', count: 1 }, // E
      { reason: 'employer_fault', label: '用人单位过错（被迫解除）', count: 0 },
    ]);
    // E's draft stay (6 d) is the only closed stay; it signed nothing and its window passed.
    expect(may.avgDaysByState).toEqual({ draft: 6 });
    expect(may.bottleneck).toBe('draft');
    expect(may.signedWithin72hShare).toBe(0);
    expect(may.avgHandlingDays).toBeNull();
  });

  it('takes the bounds as inclusive Beijing dates', async () => {
    const lastOfMarch = await statsFor({ from: '2027-03-31', to: '2027-03-31' });
    expect(lastOfMarch.reasons.find((r) => r.reason === 'resignation')?.count).toBe(1); // F
    expect(lastOfMarch.avgHandlingDays).toBe(20);
    expect(lastOfMarch.signedWithin72hShare).toBe(1);

    const lastOfApril = await statsFor({ from: '2027-04-30', to: '2027-04-30' });
    expect(lastOfApril.reasons.map((r) => r.count)).toEqual([0, 1, 0, 0]); // H, not G
  });

  it('answers a period without cases with zeros and nulls', async () => {
    expect(await statsFor({ from: '2026-01-01', to: '2026-12-31' })).toEqual({
      reasons: [
        { reason: 'resignation', label: '辞职', count: 0 },
        { reason: 'personal', label: '其他个人原因', count: 0 },
        { reason: 'incompetence', label: '不能胜任工作', count: 0 },
        { reason: 'employer_fault', label: '用人单位过错（被迫解除）', count: 0 },
      ],
      avgHandlingDays: null,
      signedWithin72hShare: null,
      avgDaysByState: {},
      bottleneck: null,
      currentStalls: [],
      currentBottleneck: null,
      byDepartment: [],
      monthly: monthsOf2026.map(quietMonth),
      withoutSignedLetter: {
        imported: { departures: 0, share: null },
        product: { departures: 0, share: null },
      },
    });
  });

  it('lists the reasons and labels the company configured', async () => {
    await env.db
      .collection('settings')
      .doc('company')
      .set({
        data: {
          policy: {
            reasons: {
              resignation: {
                ...defaultSettings({}).policy.reasons.resignation,
                label: '主动辞职',
              },
              personal: defaultSettings({}).policy.reasons.personal,
              incompetence: { ...defaultSettings({}).policy.reasons.incompetence, enabled: false },
            },
          },
        },
      });
    try {
      stats = coldStats();
      const data = await statsFor(APRIL);
      expect(data.reasons[0]).toEqual({ reason: 'resignation', label: '主动辞职', count: 4 });
      // A reason added to the product later keeps its default rule in saved settings.
      expect(data.reasons).toHaveLength(4);
    } finally {
      await env.db.collection('settings').doc('company').remove();
      stats = coldStats();
    }
  });

  it('answers in at most 4 database round trips', async () => {
    const { result, roundTrips } = await env.measure(() =>
      stats({ caller: hrCaller(), now: NOW }, APRIL),
    );
    expect(result.ok).toBe(true);
    // The settings, the period, the months, the imported history: one aggregation each.
    expect(roundTrips).toBeLessThanOrEqual(4);
  });
});
