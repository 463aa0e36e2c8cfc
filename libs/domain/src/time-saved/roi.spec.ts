import { validateAmount, validateCurrency, validateEffectiveFrom } from './costs';
import {
  HourlyCostRow,
  hourlyRateOn,
  isAppendable,
  monthlyCostOn,
  proratedPlatformCost,
  roiFigures,
  weeklySeries,
} from './roi';

const rates: HourlyCostRow[] = [
  { teamId: null, amount: 60, effectiveFrom: '2026-01-01', recordedAt: 1 },
  { teamId: 'A', amount: 90, effectiveFrom: '2026-01-01', recordedAt: 2 },
  // The default rate changes in the middle of January.
  { teamId: null, amount: 66, effectiveFrom: '2026-01-16', recordedAt: 3 },
];
const platform = [{ amount: 1800, effectiveFrom: '2025-12-01', recordedAt: 1 }];

describe('cost rates', () => {
  it('uses the latest row in force on the date, the team before the default', () => {
    expect(hourlyRateOn(rates, null, '2025-12-31')).toBeNull();
    expect(hourlyRateOn(rates, null, '2026-01-15')).toBe(60);
    expect(hourlyRateOn(rates, null, '2026-01-16')).toBe(66);
    expect(hourlyRateOn(rates, 'A', '2026-01-16')).toBe(90);
    // A team without its own rate is paid the default.
    expect(hourlyRateOn(rates, 'B', '2026-01-20')).toBe(66);
  });

  it('lets a later correction on the same date win', () => {
    const corrected = [...rates, { teamId: null, amount: 61, effectiveFrom: '2026-01-01', recordedAt: 9 }];
    expect(hourlyRateOn(corrected, null, '2026-01-10')).toBe(61);
  });

  it('prorates the monthly cost by the days of each month, across a rate change', () => {
    const rows = [...platform, { amount: 2100, effectiveFrom: '2026-02-15', recordedAt: 2 }];
    expect(monthlyCostOn(rows, '2025-11-30')).toBe(0);
    // 12 days of January at 1800/31, 14 of February at 1800/28, 6 at 2100/28.
    const expected = (12 * 1800) / 31 + (14 * 1800) / 28 + (6 * 2100) / 28;
    expect(expected).toBeCloseTo(2046.774, 3);
    expect(proratedPlatformCost(rows, { from: '2026-01-20', to: '2026-02-20' })).toBeCloseTo(expected, 6);
    // A whole month costs its monthly amount, whatever its length.
    expect(proratedPlatformCost(rows, { from: '2026-01-01', to: '2026-01-31' })).toBeCloseTo(1800, 6);
  });

  it('keeps history: a new row may not take effect before the latest one', () => {
    expect(isAppendable(['2026-01-01', '2026-01-16'], '2026-01-16')).toBe(true);
    expect(isAppendable(['2026-01-01', '2026-01-16'], '2026-01-10')).toBe(false);
    expect(isAppendable([], '2020-01-01')).toBe(true);
  });
});

describe('ROI figures for January 2026', () => {
  const daily = [
    // The first day of the period, default rate 60: 30 min = 30.
    { date: '2026-01-01', teamId: null, minutes: 30 },
    // The last day before the change: 60 min at 60 = 60.
    { date: '2026-01-15', teamId: null, minutes: 60 },
    // The first day of the new default rate: 60 min at 66 = 66.
    { date: '2026-01-16', teamId: null, minutes: 60 },
    // The last day of the period, team A at 90: 20 min = 30.
    { date: '2026-01-31', teamId: 'A', minutes: 20 },
  ];
  const input = {
    period: { from: '2026-01-01', to: '2026-01-31' },
    daily,
    hourlyRates: rates,
    platformCosts: platform,
    costShare: 1,
    peopleLogging: 3,
    activeStaff: 12,
  };

  it('values each minute at the rate of its day and compares with the prorated cost', () => {
    const figures = roiFigures(input);
    expect(figures.minutes).toBe(170);
    expect(figures.hours).toBe(2.83);
    expect(figures.value).toBe(186);
    expect(figures.platformCost).toBe(1800);
    expect(figures.netBenefit).toBe(-1614);
    // (186 − 1800) / 1800 = −89.67 %.
    expect(figures.roiPercent).toBe(-89.7);
    // 1800 × 31 days / 186 = 300 days of such value to pay one month.
    expect(figures.paybackDays).toBe(300);
    expect(figures.adoptionRate).toBe(0.25);
    expect(figures.unpricedMinutes).toBe(0);
  });

  it('carries a share of the cost when filtered on teams, and no ROI without cost', () => {
    expect(roiFigures({ ...input, costShare: 0.25 }).platformCost).toBe(450);
    const free = roiFigures({ ...input, platformCosts: [] });
    expect(free.roiPercent).toBeNull();
    expect(free.paybackDays).toBe(0);
  });

  it('counts minutes before any rate as unpriced', () => {
    const figures = roiFigures({ ...input, daily: [{ date: '2025-12-31', teamId: null, minutes: 45 }] });
    expect(figures.value).toBe(0);
    expect(figures.unpricedMinutes).toBe(45);
    expect(figures.paybackDays).toBeNull();
  });

  it('cuts the period into ISO weeks clipped to its edges', () => {
    const weeks = weeklySeries(input);
    expect(weeks.map((week) => [week.from, week.to])).toEqual([
      ['2026-01-01', '2026-01-04'],
      ['2026-01-05', '2026-01-11'],
      ['2026-01-12', '2026-01-18'],
      ['2026-01-19', '2026-01-25'],
      ['2026-01-26', '2026-01-31'],
    ]);
    expect(weeks[0]).toMatchObject({ weekStart: '2025-12-29', minutes: 30, value: 30, platformCost: 232.26 });
    // 60 at 60 plus 60 at 66.
    expect(weeks[2]).toMatchObject({ minutes: 120, value: 126 });
    expect(weeks[4]).toMatchObject({ minutes: 20, value: 30 });
  });
});

describe('cost settings', () => {
  it('accepts amounts with cents and refuses the rest', () => {
    expect(validateAmount(65.5, 100)).toBe(65.5);
    expect(() => validateAmount(-1, 100)).toThrow('from 0 to 100');
    expect(() => validateAmount(1.234, 100)).toThrow('two decimals');
    expect(() => validateAmount(101, 100)).toThrow('from 0 to 100');
  });

  it('normalises currency codes', () => {
    expect(validateCurrency(' eur ')).toBe('EUR');
    expect(() => validateCurrency('euro')).toThrow('three-letter');
  });

  it('appends to history only', () => {
    expect(validateEffectiveFrom('2026-03-01', ['2026-01-01'], '2026-02-10')).toBe('2026-03-01');
    expect(() => validateEffectiveFrom('2025-12-01', ['2026-01-01'], '2026-02-10')).toThrow(
      'takes effect on 2026-01-01',
    );
    expect(() => validateEffectiveFrom('2027-03-01', [], '2026-02-10')).toThrow('a year');
  });
});
