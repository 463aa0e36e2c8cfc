import { DomainError } from '../errors';
import { dateInZone, daysInclusive, isTimeZone, presetPeriod, validatePeriod, weekStart } from './calendar';

describe('calendar dates in the company time zone', () => {
  it('keeps 23:30 in Paris on the last day of a month in that month', () => {
    // Winter: Paris is UTC+1, so 22:30 UTC is 23:30 on 31 January.
    expect(dateInZone(new Date('2026-01-31T22:30:00Z'), 'Europe/Paris')).toBe('2026-01-31');
    expect(dateInZone(new Date('2026-01-31T23:30:00Z'), 'Europe/Paris')).toBe('2026-02-01');
    // Summer: UTC+2.
    expect(dateInZone(new Date('2026-06-30T21:59:00Z'), 'Europe/Paris')).toBe('2026-06-30');
    expect(dateInZone(new Date('2026-06-30T22:00:00Z'), 'Europe/Paris')).toBe('2026-07-01');
    expect(dateInZone(new Date('2026-01-31T22:30:00Z'), 'UTC')).toBe('2026-01-31');
  });

  it('knows IANA zones', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('America/Montreal')).toBe(true);
    expect(isTimeZone('Paris')).toBe(false);
  });

  it('cuts weeks on Mondays and counts days both ends included', () => {
    expect(weekStart('2026-01-01')).toBe('2025-12-29');
    expect(weekStart('2026-01-05')).toBe('2026-01-05');
    expect(weekStart('2026-01-11')).toBe('2026-01-05');
    expect(daysInclusive('2026-01-01', '2026-01-31')).toBe(31);
    expect(daysInclusive('2026-03-29', '2026-03-30')).toBe(2);
  });

  it('gives the week, month, quarter and year around a date', () => {
    expect(presetPeriod('WEEK', '2026-01-01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(presetPeriod('MONTH', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(presetPeriod('QUARTER', '2026-05-10')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(presetPeriod('QUARTER', '2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('YEAR', '2026-07-14')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('refuses malformed, reversed and overlong periods', () => {
    expect(() => validatePeriod('2026-02-30', '2026-03-01')).toThrow(DomainError);
    expect(() => validatePeriod('2026-03-01', '2026-02-01')).toThrow('comes before');
    expect(() => validatePeriod('2020-01-01', '2026-01-01')).toThrow('at most');
    expect(validatePeriod('2026-01-01', '2026-01-01')).toEqual({ from: '2026-01-01', to: '2026-01-01' });
  });
});
