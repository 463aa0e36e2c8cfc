import { addDays, daysInMonth, eachDay } from '@atelier/domain';
import { periodCover, spanOf, weekCover } from '../src/roi-report/period-cover';

/** The days of the quarter starting on `first`: up to the first day of the fourth month, excluded. */
const quarterDays = (first: string) => {
  let next = first;
  for (let month = 0; month < 3; month += 1) next = addDays(next, daysInMonth(next));
  return eachDay(first, addDays(next, -1));
};

/** Every day a cover's buckets hold, in order. */
const daysOf = (cover: { quarters?: string[]; months?: string[]; weeks: string[]; days: string[] }) =>
  [
    ...(cover.quarters ?? []).flatMap(quarterDays),
    ...(cover.months ?? []).flatMap((first) => eachDay(first, addDays(first, daysInMonth(first) - 1))),
    ...cover.weeks.flatMap((monday) => eachDay(monday, addDays(monday, 6))),
    ...cover.days,
  ].sort();

describe('the rollup buckets of a report period', () => {
  it('take whole quarters, whole months, whole weeks in what is left, then days', () => {
    // The bench's 91 days: a Monday to a Monday, cutting August and November.
    expect(periodCover({ from: '2026-08-24', to: '2026-11-23' })).toEqual({
      quarters: [],
      months: ['2026-09-01', '2026-10-01'],
      weeks: ['2026-08-24', '2026-11-02', '2026-11-09', '2026-11-16'],
      days: ['2026-08-31', '2026-11-01', '2026-11-23'],
    });
    expect(periodCover({ from: '2026-01-01', to: '2026-03-31' })).toEqual({
      quarters: ['2026-01-01'],
      months: [],
      weeks: [],
      days: [],
    });
    expect(periodCover({ from: '2026-02-01', to: '2026-10-05' })).toEqual({
      quarters: ['2026-04-01', '2026-07-01'],
      months: ['2026-02-01', '2026-03-01'],
      weeks: [],
      days: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05'],
    });
    expect(periodCover({ from: '2026-03-04', to: '2026-03-20' })).toEqual({
      quarters: [],
      months: [],
      weeks: ['2026-03-09'],
      days: [
        '2026-03-04',
        '2026-03-05',
        '2026-03-06',
        '2026-03-07',
        '2026-03-08',
        '2026-03-16',
        '2026-03-17',
        '2026-03-18',
        '2026-03-19',
        '2026-03-20',
      ],
    });
    expect(periodCover({ from: '2026-03-20', to: '2026-03-20' })).toEqual({
      quarters: [],
      months: [],
      weeks: [],
      days: ['2026-03-20'],
    });
  });

  it('give the weeks a period holds whole, and the days of those it cuts', () => {
    expect(weekCover('2026-02-28', '2026-03-31')).toEqual({
      weeks: ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'],
      days: ['2026-02-28', '2026-03-01', '2026-03-30', '2026-03-31'],
    });
    expect(weekCover('2026-03-02', '2026-03-08')).toEqual({ weeks: ['2026-03-02'], days: [] });
  });

  it('hold every day of any period exactly once, across month, year and leap-day edges', () => {
    for (let start = 0; start < 70; start += 4) {
      const from = addDays('2027-12-20', start);
      for (let length = 1; length <= 400; length += 13) {
        const to = addDays(from, length - 1);
        expect(daysOf(periodCover({ from, to }))).toEqual(eachDay(from, to));
        expect(daysOf(weekCover(from, to))).toEqual(eachDay(from, to));
      }
    }
  });

  it('name a period that is exactly one calendar month or quarter', () => {
    expect(spanOf({ from: '2026-02-01', to: '2026-02-28' })).toEqual({ span: 'MONTH', starts: '2026-02-01' });
    expect(spanOf({ from: '2026-07-01', to: '2026-09-30' })).toEqual({ span: 'QUARTER', starts: '2026-07-01' });
    expect(spanOf({ from: '2026-10-01', to: '2026-12-31' })).toEqual({ span: 'QUARTER', starts: '2026-10-01' });
    // Three months that are not a calendar quarter, a month and a day, a month cut short.
    expect(spanOf({ from: '2026-08-01', to: '2026-10-31' })).toBeNull();
    expect(spanOf({ from: '2026-02-01', to: '2026-03-01' })).toBeNull();
    expect(spanOf({ from: '2026-02-01', to: '2026-02-27' })).toBeNull();
    expect(spanOf({ from: '2026-02-02', to: '2026-02-28' })).toBeNull();
  });
});
