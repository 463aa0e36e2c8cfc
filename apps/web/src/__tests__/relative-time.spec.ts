import { describe, expect, it } from 'vitest';
import { formatFullDate, formatRelativeTime } from '@/utils/relative-time';

const now = new Date('2026-11-23T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString();

describe('formatRelativeTime', () => {
  it('says "now" for the last 45 seconds (and for clocks slightly ahead)', () => {
    expect(formatRelativeTime(ago(10), 'fr', now)).toBe('maintenant');
    expect(formatRelativeTime(ago(-5), 'en', now)).toBe('now');
  });

  it('counts minutes, hours and days, in the interface language', () => {
    expect(formatRelativeTime(ago(5 * 60), 'fr', now)).toBe('il y a 5 minutes');
    expect(formatRelativeTime(ago(5 * 60), 'en', now)).toBe('5 minutes ago');
    expect(formatRelativeTime(ago(3 * 3600), 'en', now)).toBe('3 hours ago');
    expect(formatRelativeTime(ago(26 * 3600), 'fr', now)).toBe('hier');
    expect(formatRelativeTime(ago(3 * 86400), 'en', now)).toBe('3 days ago');
  });

  it('gives a date after a week, with the year only when it is another year', () => {
    expect(formatRelativeTime('2026-03-12T09:00:00Z', 'fr', now)).toBe('12 mars');
    expect(formatRelativeTime('2025-03-12T09:00:00Z', 'en', now)).toBe('March 12, 2025');
  });

  it('returns an empty string for junk', () => {
    expect(formatRelativeTime('not a date', 'fr', now)).toBe('');
    expect(formatFullDate('not a date', 'fr')).toBe('');
  });
});
