import {
  ATTAINMENT_CAP,
  RooActual,
  RooKpi,
  attainment,
  briefReturnOnObjective,
  channelScorecard,
  kpiResult,
} from './roo';

const kpi = (id: string, target: number | null, overrides: Partial<RooKpi> = {}): RooKpi => ({
  id,
  channelId: 'web',
  target,
  direction: 'HIGHER',
  weight: 1,
  ...overrides,
});
let seq = 0;
const actual = (value: number, status: RooActual['status'], periodTo = '2026-03-31'): RooActual => {
  seq += 1;
  return { id: `a${seq}`, value, status, periodTo, recordedAt: `2026-04-01T10:00:${String(seq).padStart(2, '0')}Z` };
};

describe('attainment', () => {
  it('is verified / target when higher is better, uncapped', () => {
    expect(attainment(1000, 'HIGHER', 800)).toBe(0.8);
    expect(attainment(1000, 'HIGHER', 1800)).toBe(1.8);
  });
  it('is target / verified when lower is better', () => {
    expect(attainment(50, 'LOWER', 40)).toBe(1.25);
    expect(attainment(50, 'LOWER', 100)).toBe(0.5);
  });
  it('is undefined without a target or without a verified value', () => {
    expect(attainment(null, 'HIGHER', 10)).toBeNull();
    expect(attainment(100, 'HIGHER', null)).toBeNull();
  });
  it('is undefined for a zero target when higher is better', () => {
    expect(attainment(0, 'HIGHER', 10)).toBeNull();
  });
  it('caps a verified zero when lower is better, and reads a zero target literally', () => {
    expect(attainment(20, 'LOWER', 0)).toBe(ATTAINMENT_CAP);
    expect(attainment(0, 'LOWER', 0)).toBe(1);
    expect(attainment(0, 'LOWER', 3)).toBe(0);
  });
});

describe('per KPI', () => {
  it('takes the latest verified value, ignores rejected ones and shows the claimed gap', () => {
    const result = kpiResult(kpi('k', 1000), [
      actual(600, 'VERIFIED', '2026-02-28'),
      actual(900, 'VERIFIED', '2026-03-31'),
      actual(5000, 'REJECTED', '2026-04-30'),
      actual(1200, 'CLAIMED', '2026-04-15'),
    ]);
    expect(result).toEqual({
      kpiId: 'k',
      verifiedValue: 900,
      attainment: 0.9,
      cappedAttainment: 0.9,
      claimedValue: 1200,
      gap: 300,
    });
  });
  it('shows a claim without a verified value, with no gap and no attainment', () => {
    expect(kpiResult(kpi('k', 100), [actual(80, 'CLAIMED')])).toMatchObject({
      verifiedValue: null,
      attainment: null,
      claimedValue: 80,
      gap: null,
    });
  });
  it('hides the claim when it equals the verified value', () => {
    expect(kpiResult(kpi('k', 100), [actual(80, 'VERIFIED'), actual(80, 'CLAIMED')]).claimedValue).toBeNull();
  });
});

describe('brief score', () => {
  it('is the weighted mean of capped attainments of verified KPIs, hand-computed', () => {
    // leads 2400/2000 = 120% (w 3); test drives 300/500 = 60% (w 2); visitors 400000/100000 = 400% → 150% (w 1);
    // cost per lead 50/40 = 125% (w 2, lower is better); followers: no verified value (w 4) → left out.
    const kpis = [
      kpi('leads', 2000, { weight: 3 }),
      kpi('drives', 500, { weight: 2 }),
      kpi('visitors', 100000, { weight: 1 }),
      kpi('cpl', 50, { weight: 2, direction: 'LOWER' }),
      kpi('followers', 10000, { weight: 4 }),
    ];
    const actuals = new Map([
      ['leads', [actual(2400, 'VERIFIED')]],
      ['drives', [actual(300, 'VERIFIED'), actual(450, 'CLAIMED')]],
      ['visitors', [actual(400000, 'VERIFIED')]],
      ['cpl', [actual(40, 'VERIFIED')]],
      ['followers', [actual(12000, 'CLAIMED')]],
    ]);
    const result = briefReturnOnObjective(kpis, actuals);
    // (3×1.2 + 2×0.6 + 1×1.5 + 2×1.25) / (3+2+1+2) = (3.6+1.2+1.5+2.5)/8 = 8.8/8 = 1.1
    expect(result.score).toBeCloseTo(1.1, 10);
    expect(result.kpiCount).toBe(5);
    expect(result.verifiedCount).toBe(4);
    expect(result.kpis[2].attainment).toBe(4);
  });
  it('is null when nothing is verified, and leaves out KPIs without a target', () => {
    expect(briefReturnOnObjective([kpi('a', 10)], new Map()).score).toBeNull();
    const result = briefReturnOnObjective(
      [kpi('a', null, { weight: 5 }), kpi('b', 10)],
      new Map([
        ['a', [actual(3, 'VERIFIED')]],
        ['b', [actual(5, 'VERIFIED')]],
      ]),
    );
    expect(result.score).toBe(0.5);
    expect(result.verifiedCount).toBe(2);
  });
});

describe('channel scorecard', () => {
  it('aggregates KPIs per channel and splits budgets evenly, hand-computed', () => {
    const briefs = [
      {
        id: 'b1',
        budgetAmount: 90000,
        budgetCurrency: 'EUR',
        channelIds: ['web', 'social', 'dealers'],
        kpis: [kpi('b1-leads', 1000, { channelId: 'web', weight: 2 }), kpi('b1-foll', 500, { channelId: 'social' })],
      },
      {
        id: 'b2',
        budgetAmount: 10000,
        budgetCurrency: 'EUR',
        channelIds: ['web'],
        kpis: [kpi('b2-visits', 2000, { channelId: 'web', weight: 1 })],
      },
      { id: 'b3', budgetAmount: 5000, budgetCurrency: 'USD', channelIds: ['web'], kpis: [] },
    ];
    const actuals = new Map([
      ['b1-leads', [actual(500, 'VERIFIED')]],
      ['b1-foll', [actual(600, 'CLAIMED')]],
      ['b2-visits', [actual(3000, 'VERIFIED')]],
    ]);
    const rows = channelScorecard(briefs, actuals, 'EUR');
    const web = rows.find((row) => row.channelId === 'web')!;
    // web: (2×0.5 + 1×1.5)/3 = 2.5/3; budget 30000 + 10000 = 40000 of 100000 (the USD brief is not added).
    expect(web.score).toBeCloseTo(2.5 / 3, 10);
    expect(web).toMatchObject({ kpiCount: 2, verifiedCount: 1 + 1, budget: 40000, budgetShare: 0.4, briefCount: 3 });
    const social = rows.find((row) => row.channelId === 'social')!;
    expect(social).toMatchObject({ score: null, kpiCount: 1, verifiedCount: 0, budget: 30000, budgetShare: 0.3 });
    const dealers = rows.find((row) => row.channelId === 'dealers')!;
    expect(dealers).toMatchObject({ kpiCount: 0, budget: 30000, budgetShare: 0.3, briefCount: 1 });
  });
});
