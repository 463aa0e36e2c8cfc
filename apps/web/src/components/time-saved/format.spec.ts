import { describe, expect, it } from 'vitest';
import { earliestEntryDate, formatDate, formatMinutes } from './format';

describe('time saved formatting', () => {
  it('writes minutes as people read durations', () => {
    expect(formatMinutes(5)).toBe('5 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(95)).toBe('1 h 35');
    expect(formatMinutes(125)).toBe('2 h 05');
  });

  it('keeps calendar dates on their day whatever the browser time zone', () => {
    expect(formatDate('2026-01-31', 'en-GB')).toBe('31 Jan 2026');
    expect(earliestEntryDate('2026-03-15')).toBe('2026-02-13');
  });
});
