import { EDIT_WINDOW_DAYS, addDays } from '@atelier/domain';

/** 95 → "1 h 35", 45 → "45 min", 120 → "2 h" (the unit words are the same in French and English). */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hours} h ${String(rest).padStart(2, '0')}` : `${hours} h`;
}

export function formatMoney(amount: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
}

export function formatNumber(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A calendar date (YYYY-MM-DD) as the person reads dates, without shifting it through a time zone. */
export function formatDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export const earliestEntryDate = (today: string): string => addDays(today, -EDIT_WINDOW_DAYS);

export { TIME_SAVED_CATEGORIES as CATEGORIES } from '@atelier/domain';

export const MINUTE_CHOICES = [5, 15, 30, 60, 120] as const;
