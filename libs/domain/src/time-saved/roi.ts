import { CalendarDate, Period, addDays, daysInMonth, daysInclusive, eachDay, weekStart } from './calendar';

/**
 * The return on investment of the platform, from time saved. Everything here is pure and computed
 * on whole calendar dates in the company's time zone, so the figures are the same whatever the
 * server's clock says.
 */

/** One row of cost history. Rows are only ever added: the latest one in force on a date wins. */
export interface CostRow {
  amount: number;
  effectiveFrom: CalendarDate;
  /** Orders two rows with the same effective date: the later recorded wins (a correction). */
  recordedAt: number;
}

export interface HourlyCostRow extends CostRow {
  /** null: the default rate, for people without a team or teams without their own rate. */
  teamId: string | null;
}

function latestInForce<T extends CostRow>(rows: readonly T[], date: CalendarDate): T | undefined {
  let best: T | undefined;
  for (const row of rows) {
    if (row.effectiveFrom > date) continue;
    if (
      !best ||
      row.effectiveFrom > best.effectiveFrom ||
      (row.effectiveFrom === best.effectiveFrom && row.recordedAt > best.recordedAt)
    ) {
      best = row;
    }
  }
  return best;
}

/**
 * The loaded hourly cost in force for `teamId` on `date`: the team's latest row effective on or
 * before that date, else the default's; null when neither exists yet (the time has no value).
 */
export function hourlyRateOn(rows: readonly HourlyCostRow[], teamId: string | null, date: CalendarDate): number | null {
  const own = teamId
    ? latestInForce(
        rows.filter((row) => row.teamId === teamId),
        date,
      )
    : undefined;
  const rate =
    own ??
    latestInForce(
      rows.filter((row) => row.teamId === null),
      date,
    );
  return rate ? rate.amount : null;
}

/** The platform's monthly cost in force on `date` (0 before the first row). */
export function monthlyCostOn(rows: readonly CostRow[], date: CalendarDate): number {
  return latestInForce(rows, date)?.amount ?? 0;
}

export const roundCents = (amount: number): number => Math.round(amount * 100) / 100;

/**
 * The platform's cost over a period: each day costs the monthly amount in force that day divided by
 * the number of days in its month (a 31-day month's day costs 1/31 of it, February's 1/28).
 */
export function proratedPlatformCost(rows: readonly CostRow[], period: Period): number {
  let total = 0;
  for (const day of eachDay(period.from, period.to)) total += monthlyCostOn(rows, day) / daysInMonth(day);
  return total;
}

/** Minutes saved on one date, by the people of one team (null: people without a team). */
export interface DailyMinutes {
  date: CalendarDate;
  teamId: string | null;
  minutes: number;
}

/** Minutes × the hourly rate in force for that team on that date, summed; unpriced minutes apart. */
export function valueOf(
  daily: readonly DailyMinutes[],
  rates: readonly HourlyCostRow[],
): { value: number; unpricedMinutes: number } {
  let value = 0;
  let unpricedMinutes = 0;
  for (const row of daily) {
    const rate = hourlyRateOn(rates, row.teamId, row.date);
    if (rate === null) unpricedMinutes += row.minutes;
    else value += (row.minutes / 60) * rate;
  }
  return { value, unpricedMinutes };
}

export interface RoiInput {
  period: Period;
  daily: readonly DailyMinutes[];
  hourlyRates: readonly HourlyCostRow[];
  platformCosts: readonly CostRow[];
  /**
   * The part of the platform's cost this report carries: 1 for the whole department, a team's
   * share of active staff when filtered on teams.
   */
  costShare: number;
  peopleLogging: number;
  activeStaff: number;
}

export interface RoiFigures {
  minutes: number;
  hours: number;
  value: number;
  unpricedMinutes: number;
  platformCost: number;
  netBenefit: number;
  /** (value − cost) / cost × 100; null when nothing cost anything. */
  roiPercent: number | null;
  /** Days of such value needed to pay the period's cost; null when nothing was saved. */
  paybackDays: number | null;
  peopleLogging: number;
  activeStaff: number;
  /** peopleLogging / activeStaff, from 0 to 1; null without active staff. */
  adoptionRate: number | null;
}

export function roiFigures(input: RoiInput): RoiFigures {
  const minutes = input.daily.reduce((sum, row) => sum + row.minutes, 0);
  const { value: rawValue, unpricedMinutes } = valueOf(input.daily, input.hourlyRates);
  const value = roundCents(rawValue);
  const platformCost = roundCents(proratedPlatformCost(input.platformCosts, input.period) * input.costShare);
  const days = daysInclusive(input.period.from, input.period.to);
  return {
    minutes,
    hours: Math.round((minutes / 60) * 100) / 100,
    value,
    unpricedMinutes,
    platformCost,
    netBenefit: roundCents(value - platformCost),
    roiPercent: platformCost > 0 ? Math.round(((value - platformCost) / platformCost) * 1000) / 10 : null,
    paybackDays: value > 0 ? Math.round(((platformCost * days) / value) * 10) / 10 : null,
    peopleLogging: input.peopleLogging,
    activeStaff: input.activeStaff,
    adoptionRate: input.activeStaff > 0 ? Math.round((input.peopleLogging / input.activeStaff) * 1000) / 1000 : null,
  };
}

export interface WeekFigures {
  /** Monday of the week; the first and last weeks are clipped to the period. */
  weekStart: CalendarDate;
  from: CalendarDate;
  to: CalendarDate;
  minutes: number;
  value: number;
  platformCost: number;
}

/** The period cut in ISO weeks, each with its minutes, value and share of the platform's cost. */
export function weeklySeries(input: Omit<RoiInput, 'peopleLogging' | 'activeStaff'>): WeekFigures[] {
  const weeks: WeekFigures[] = [];
  for (let monday = weekStart(input.period.from); monday <= input.period.to; monday = addDays(monday, 7)) {
    const from = monday < input.period.from ? input.period.from : monday;
    const sunday = addDays(monday, 6);
    const to = sunday > input.period.to ? input.period.to : sunday;
    const daily = input.daily.filter((row) => row.date >= from && row.date <= to);
    weeks.push({
      weekStart: monday,
      from,
      to,
      minutes: daily.reduce((sum, row) => sum + row.minutes, 0),
      value: roundCents(valueOf(daily, input.hourlyRates).value),
      platformCost: roundCents(proratedPlatformCost(input.platformCosts, { from, to }) * input.costShare),
    });
  }
  return weeks;
}

/**
 * Cost rows are history: a new row may not take effect before the latest one already recorded for
 * the same rate, or it would change what past reports said.
 */
export function isAppendable(existing: readonly CalendarDate[], effectiveFrom: CalendarDate): boolean {
  return existing.every((date) => date <= effectiveFrom);
}
