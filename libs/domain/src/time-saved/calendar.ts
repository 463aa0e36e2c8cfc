import { badInput } from '../errors';

/**
 * Calendar dates (`YYYY-MM-DD`) in the company's time zone. Entries are dated, not timestamped:
 * a day is a day wherever the server runs, and a report's edges are whole days.
 */
export type CalendarDate = string;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function parseCalendarDate(value: string, field = 'date'): CalendarDate {
  if (!isCalendarDate(value)) {
    throw badInput('invalidDate', `"${value}" is not a date: write it as YYYY-MM-DD.`, field);
  }
  return value;
}

/** Whether `zone` names an IANA time zone this runtime knows (`Europe/Paris`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The calendar date of `instant` in `zone`: 23:30 in Paris on 31 January is still 31 January. */
export function dateInZone(instant: Date, zone: string): CalendarDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const toUtc = (date: CalendarDate): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): CalendarDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Days from `from` to `to`, both included (1 for a single day). */
export function daysInclusive(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS) + 1;
}

export function daysInMonth(date: CalendarDate): number {
  const [year, month] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The Monday of the ISO week `date` falls in. */
export function weekStart(date: CalendarDate): CalendarDate {
  const weekday = (new Date(toUtc(date)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** Every date from `from` to `to`, both included. */
export function eachDay(from: CalendarDate, to: CalendarDate): CalendarDate[] {
  const days: CalendarDate[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

export const PERIOD_PRESETS = ['WEEK', 'MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface Period {
  from: CalendarDate;
  to: CalendarDate;
}

/** The calendar week (Monday to Sunday), month, quarter or year that contains `today`. */
export function presetPeriod(preset: PeriodPreset, today: CalendarDate): Period {
  const [year, month] = today.split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (preset) {
    case 'WEEK': {
      const from = weekStart(today);
      return { from, to: addDays(from, 6) };
    }
    case 'MONTH': {
      const from = `${year}-${pad(month)}-01`;
      return { from, to: `${year}-${pad(month)}-${pad(daysInMonth(from))}` };
    }
    case 'QUARTER': {
      const first = month - ((month - 1) % 3);
      const from = `${year}-${pad(first)}-01`;
      const last = `${year}-${pad(first + 2)}-01`;
      return { from, to: `${year}-${pad(first + 2)}-${pad(daysInMonth(last))}` };
    }
    case 'YEAR':
      return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
}

/** A report covers at most two years: beyond, ask for an export per year. */
export const MAX_PERIOD_DAYS = 731;

export function validatePeriod(from: string, to: string): Period {
  parseCalendarDate(from, 'from');
  parseCalendarDate(to, 'to');
  if (to < from) throw badInput('periodReversed', 'The end of the period comes before its start.', 'to');
  if (daysInclusive(from, to) > MAX_PERIOD_DAYS) {
    throw badInput('periodTooLong', `A period covers at most ${MAX_PERIOD_DAYS} days.`, 'to', {
      max: MAX_PERIOD_DAYS,
    });
  }
  return { from, to };
}
