import { type CalendarDate, type Period, addDays, daysInMonth } from '@atelier/domain';

/**
 * A period cut into the fewest rollup buckets that tile it exactly: whole calendar quarters, then
 * whole months in what they leave at either end, then whole weeks (Monday to Sunday), then single
 * days. Each day of the period lies in exactly one bucket, so per-person sums over the buckets are
 * the period's.
 */
export interface PeriodCover {
  /** First day of each whole quarter. */
  quarters: CalendarDate[];
  /** First day of each whole month outside those quarters. */
  months: CalendarDate[];
  /** Monday of each whole week outside those months. */
  weeks: CalendarDate[];
  days: CalendarDate[];
}

/** The weeks of a period: Mondays of the weeks inside it, and the days of the weeks it cuts. */
export interface WeekCover {
  weeks: CalendarDate[];
  days: CalendarDate[];
}

const monthEnd = (first: CalendarDate): CalendarDate => addDays(first, daysInMonth(first) - 1);
const mondayOnOrAfter = (date: CalendarDate): CalendarDate => {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return weekday === 0 ? date : addDays(date, 7 - weekday);
};

export function weekCover(from: CalendarDate, to: CalendarDate): WeekCover {
  const weeks: CalendarDate[] = [];
  const days: CalendarDate[] = [];
  let day = from;
  for (let monday = mondayOnOrAfter(from); addDays(monday, 6) <= to; monday = addDays(monday, 7)) {
    for (; day < monday; day = addDays(day, 1)) days.push(day);
    weeks.push(monday);
    day = addDays(monday, 7);
  }
  for (; day <= to; day = addDays(day, 1)) days.push(day);
  return { weeks, days };
}

type MonthCover = Omit<PeriodCover, 'quarters'>;

const quarterEnd = (first: CalendarDate): CalendarDate => monthEnd(addDays(monthEnd(addDays(monthEnd(first), 1)), 1));
const isQuarterStart = (date: CalendarDate): boolean =>
  date.endsWith('-01') && (Number(date.slice(5, 7)) - 1) % 3 === 0;

/** The calendar month or quarter that `period` is exactly, if it is one. */
export function spanOf(period: Period): { span: 'MONTH' | 'QUARTER'; starts: CalendarDate } | null {
  if (!period.from.endsWith('-01')) return null;
  if (period.to === monthEnd(period.from)) return { span: 'MONTH', starts: period.from };
  if (isQuarterStart(period.from) && period.to === quarterEnd(period.from)) {
    return { span: 'QUARTER', starts: period.from };
  }
  return null;
}

export function periodCover(period: Period): PeriodCover {
  const quarters: CalendarDate[] = [];
  let first = period.from;
  while (!isQuarterStart(first)) first = addDays(monthEnd(`${first.slice(0, 7)}-01`), 1);
  for (; quarterEnd(first) <= period.to; first = addDays(quarterEnd(first), 1)) quarters.push(first);
  if (!quarters.length) return { quarters, ...monthCover(period) };
  // Either side may be empty (from after to): it then holds nothing.
  const before = monthCover({ from: period.from, to: addDays(quarters[0], -1) });
  const after = monthCover({ from: addDays(quarterEnd(quarters[quarters.length - 1]), 1), to: period.to });
  return {
    quarters,
    months: [...before.months, ...after.months],
    weeks: [...before.weeks, ...after.weeks],
    days: [...before.days, ...after.days],
  };
}

function monthCover(period: Period): MonthCover {
  const months: CalendarDate[] = [];
  let first = period.from.endsWith('-01') ? period.from : addDays(monthEnd(`${period.from.slice(0, 7)}-01`), 1);
  for (; monthEnd(first) <= period.to; first = addDays(monthEnd(first), 1)) months.push(first);
  if (!months.length) return { months, ...weekCover(period.from, period.to) };
  const before = weekCover(period.from, addDays(months[0], -1));
  const after = weekCover(addDays(monthEnd(months[months.length - 1]), 1), period.to);
  return { months, weeks: [...before.weeks, ...after.weeks], days: [...before.days, ...after.days] };
}
