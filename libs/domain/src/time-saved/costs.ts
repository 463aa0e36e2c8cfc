import { badInput, conflict } from '../errors';
import { CalendarDate, addDays, parseCalendarDate } from './calendar';
import { isAppendable } from './roi';

export const MAX_HOURLY_COST = 10_000;
export const MAX_MONTHLY_COST = 10_000_000;
export const DEFAULT_CURRENCY = 'EUR';

export function validateAmount(amount: number, max: number, field = 'amount'): number {
  if (!Number.isFinite(amount) || amount < 0 || amount > max || Math.round(amount * 100) !== amount * 100) {
    throw badInput('costAmount', `Give an amount from 0 to ${max}, with at most two decimals.`, field, { max });
  }
  return amount;
}

export function validateCurrency(code: string): string {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper)) {
    throw badInput('costCurrency', 'Give a three-letter ISO 4217 currency code, such as EUR or USD.', 'code');
  }
  return upper;
}

/**
 * A new cost takes effect at most a year ahead, and never before the latest row of the same rate:
 * history is appended to, never rewritten.
 */
export function validateEffectiveFrom(
  effectiveFrom: string,
  existing: readonly CalendarDate[],
  today: CalendarDate,
): CalendarDate {
  parseCalendarDate(effectiveFrom, 'effectiveFrom');
  if (effectiveFrom > addDays(today, 366)) {
    throw badInput('costTooFarAhead', 'A cost can take effect at most a year from today.', 'effectiveFrom');
  }
  if (!isAppendable(existing, effectiveFrom)) {
    const latest = [...existing].sort().pop()!;
    throw conflict(
      'costRewritesHistory',
      `A rate already takes effect on ${latest}: a new one must start on or after that date, so past reports keep their figures.`,
      'effectiveFrom',
    );
  }
  return effectiveFrom;
}
