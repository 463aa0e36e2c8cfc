import { type CalendarDate, type Period, addDays, daysInMonth } from '@atelier/domain';

/**
 * A period cut into the fewest rollup buckets that tile it exactly: whole calendar months, then
 * whole weeks (Monday to Sunday) in what the months leave at either end, then single days. Each day
 * of the period lies in exactly one bucket, so per-person sums over the buckets are the period's.
 */
export interface PeriodCover {
  /** First day of each whole month. */
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

export function periodCover(period: Period): PeriodCover {
  const months: CalendarDate[] = [];
  let first = period.from.endsWith('-01') ? period.from : addDays(monthEnd(`${period.from.slice(0, 7)}-01`), 1);
  for (; monthEnd(first) <= period.to; first = addDays(monthEnd(first), 1)) months.push(first);
  if (!months.length) return { months, ...weekCover(period.from, period.to) };
  const before = weekCover(period.from, addDays(months[0], -1));
  const after = weekCover(addDays(monthEnd(months[months.length - 1]), 1), period.to);
  return { months, weeks: [...before.weeks, ...after.weeks], days: [...before.days, ...after.days] };
}
