import {
  percent,
  rangeProblem,
  statsPeriod,
  statsView,
} from '../../../miniprogram/view-models/admin-stats';

const at = (iso: string) => Date.parse(iso);

describe('statistics periods in Beijing dates', () => {
  it('takes the Beijing month, not the device’s: 1 March 01:00 Beijing is still UTC February', () => {
    const now = at('2027-02-28T17:00:00Z');
    expect(statsPeriod('thisMonth', now)).toEqual({ from: '2027-03-01', to: '2027-03-01' });
    expect(statsPeriod('lastMonth', now)).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it('rolls last month over the new year', () => {
    const now = at('2027-01-15T04:00:00Z');
    expect(statsPeriod('lastMonth', now)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('counts 90 days including today', () => {
    expect(statsPeriod('last90', at('2027-03-10T04:00:00Z'))).toEqual({
      from: '2026-12-11',
      to: '2027-03-10',
    });
  });
});

describe('statistics view', () => {
  const stats = {
    reasons: [
      { reason: 'resignation' as const, label: '辞职', count: 2 },
      { reason: 'personal' as const, label: '其他个人原因', count: 1 },
      { reason: 'incompetence' as const, label: '不能胜任工作', count: 0 },
    ],
    avgHandlingDays: 12.5,
    signedWithin72hShare: 2 / 3,
    avgDaysByState: { formalities: 8, submitted: 2 },
    bottleneck: 'formalities' as const,
    byDepartment: [
      {
        department: '销售部',
        count: 4,
        reasons: [
          { reason: 'resignation' as const, label: '辞职', count: 1 },
          { reason: 'personal' as const, label: '其他个人原因', count: 0 },
          { reason: 'incompetence' as const, label: '不能胜任工作', count: 3 },
        ],
      },
      {
        department: '研发部',
        count: 2,
        reasons: [
          { reason: 'resignation' as const, label: '辞职', count: 2 },
          { reason: 'personal' as const, label: '其他个人原因', count: 0 },
          { reason: 'incompetence' as const, label: '不能胜任工作', count: 0 },
        ],
      },
    ],
    monthly: [
      {
        month: '2026-12',
        cases: 0,
        avgHandlingDays: null,
        signedWithin72hShare: null,
        imported: 4,
      },
      { month: '2027-01', cases: 2, avgHandlingDays: 31.5, signedWithin72hShare: 0.5, imported: 0 },
      { month: '2027-02', cases: 8, avgHandlingDays: 28, signedWithin72hShare: 1, imported: 0 },
    ],
    withoutSignedLetter: {
      imported: { departures: 40, share: 0.25 },
      product: { departures: 20, share: 0.05 },
    },
  };

  it('gives every reason its share and a bar', () => {
    const view = statsView(stats);
    expect(view.total).toBe(3);
    expect(view.reasons.map((r) => [r.label, r.count, r.share, r.width])).toEqual([
      ['辞职', 2, '66.7%', 67],
      ['其他个人原因', 1, '33.3%', 33],
      ['不能胜任工作', 0, '0%', 0],
    ]);
    expect(view.signedWithin72h).toBe('66.7%');
    expect(view.avgHandlingDays).toBe('12.5 天');
  });

  it('orders stages as the workflow runs and marks the slowest', () => {
    const view = statsView(stats);
    expect(view.stages).toEqual([
      { state: 'submitted', label: '待部门审批', days: '2 天', width: 25, bottleneck: false },
      { state: 'formalities', label: '手续办理', days: '8 天', width: 100, bottleneck: true },
    ]);
    expect(view.bottleneckLabel).toBe('手续办理');
  });

  it('shows dashes where nothing was measured', () => {
    const view = statsView({
      ...stats,
      avgHandlingDays: null,
      signedWithin72hShare: null,
      avgDaysByState: {},
      bottleneck: null,
    });
    expect(view.avgHandlingDays).toBe('—');
    expect(view.signedWithin72h).toBe('—');
    expect(view.stages).toEqual([]);
    expect(view.bottleneckLabel).toBe('');
  });

  it('stacks each department’s reasons against the largest department', () => {
    const view = statsView(stats);
    expect(view.legend).toEqual([
      { label: '辞职', tone: 0 },
      { label: '其他个人原因', tone: 1 },
      { label: '不能胜任工作', tone: 2 },
    ]);
    expect(view.departments).toEqual([
      {
        department: '销售部',
        count: 4,
        segments: [
          { reason: 'resignation', label: '辞职', count: 1, width: 25, tone: 0 },
          { reason: 'incompetence', label: '不能胜任工作', count: 3, width: 75, tone: 2 },
        ],
        breakdown: '辞职 1 · 不能胜任工作 3',
      },
      {
        department: '研发部',
        count: 2,
        segments: [{ reason: 'resignation', label: '辞职', count: 2, width: 50, tone: 0 }],
        breakdown: '辞职 2',
      },
    ]);
  });

  it('draws the 20 largest departments and counts the rest', () => {
    const many = Array.from({ length: 23 }, (_, i) => ({
      department: `部门${i + 1}`,
      count: 30 - i,
      reasons: stats.byDepartment[1]?.reasons ?? [],
    }));
    const view = statsView({ ...stats, byDepartment: many });
    expect(view.departments.map((d) => d.department)).toEqual(
      many.slice(0, 20).map((d) => d.department),
    );
    expect(view.moreDepartments).toBe(3);
    expect(statsView(stats).moreDepartments).toBe(0);
  });

  it('draws months as columns against the tallest, imported history stacked', () => {
    const view = statsView(stats);
    expect(view.months.map((m) => [m.short, m.casesHeight, m.importedHeight])).toEqual([
      ['12月', 0, 50],
      ['2027年1月', 25, 0],
      ['2月', 100, 0],
    ]);
    expect(view.months.map((m) => [m.avgHandlingDays, m.signedWithin72h])).toEqual([
      ['—', '—'],
      ['31.5 天', '50%'],
      ['28 天', '100%'],
    ]);
    expect(view.hasImported).toBe(true);
  });

  it('sets the share without a signed letter before and after side by side', () => {
    expect(statsView(stats).baseline).toEqual({
      imported: { departures: 40, share: '25%', width: 25 },
      product: { departures: 20, share: '5%', width: 5 },
    });
    const nothingImported = statsView({
      ...stats,
      withoutSignedLetter: {
        ...stats.withoutSignedLetter,
        imported: { departures: 0, share: null },
      },
    });
    expect(nothingImported.baseline.imported).toBeNull();
  });

  it('rounds shares to one decimal', () => {
    expect(percent(1)).toBe('100%');
    expect(percent(0.12345)).toBe('12.3%');
  });
});

describe('a range picked by hand', () => {
  it('needs both dates, in order', () => {
    expect(rangeProblem({ from: '2027-01-01', to: '2027-01-01' })).toBe('');
    expect(rangeProblem({ from: '2027-01-02', to: '2027-01-01' })).toBe('结束日期不能早于开始日期');
    expect(rangeProblem({ from: '', to: '2027-01-01' })).toBe('请选择开始和结束日期');
  });
});
