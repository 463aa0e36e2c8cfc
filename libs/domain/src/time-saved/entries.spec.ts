import { DomainError } from '../errors';
import { assertEditable, assertUndoable, canUndo, isLocked, validateTimeSaved } from './entries';

const reasonOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as DomainError).details.reason;
  }
  return undefined;
};

describe('time-saved entries', () => {
  const today = '2026-03-15';

  it('accepts 1 to 480 whole minutes and defaults the date to today', () => {
    expect(validateTimeSaved({ minutes: 1, category: 'OTHER' }, today)).toEqual({
      minutes: 1,
      date: today,
      category: 'OTHER',
      note: '',
    });
    expect(validateTimeSaved({ minutes: 480, category: 'AVOIDED_MEETING', note: '  x ' }, today).note).toBe('x');
  });

  it.each([0, 481, 12.5, -3])('refuses %p minutes', (minutes) => {
    expect(reasonOf(() => validateTimeSaved({ minutes, category: 'OTHER' }, today))).toBe('timeSavedMinutesRange');
  });

  it('refuses future dates, dates beyond 30 days back, unknown categories and long notes', () => {
    expect(reasonOf(() => validateTimeSaved({ minutes: 5, category: 'OTHER', date: '2026-03-16' }, today))).toBe(
      'timeSavedFutureDate',
    );
    expect(validateTimeSaved({ minutes: 5, category: 'OTHER', date: '2026-02-13' }, today).date).toBe('2026-02-13');
    expect(reasonOf(() => validateTimeSaved({ minutes: 5, category: 'OTHER', date: '2026-02-12' }, today))).toBe(
      'timeSavedDateTooOld',
    );
    expect(reasonOf(() => validateTimeSaved({ minutes: 5, category: 'LUNCH' }, today))).toBe('timeSavedCategory');
    expect(reasonOf(() => validateTimeSaved({ minutes: 5, category: 'OTHER', note: 'a'.repeat(501) }, today))).toBe(
      'timeSavedNoteTooLong',
    );
    expect(reasonOf(() => validateTimeSaved({ minutes: 5, category: 'OTHER', date: '15/03/2026' }, today))).toBe(
      'invalidDate',
    );
  });

  it('locks an entry 30 days after it was logged', () => {
    const created = new Date('2026-01-01T10:00:00Z');
    expect(isLocked(created, new Date('2026-01-31T10:00:00Z'))).toBe(false);
    expect(isLocked(created, new Date('2026-01-31T10:00:01Z'))).toBe(true);
    expect(reasonOf(() => assertEditable(created, new Date('2026-02-01T00:00:00Z')))).toBe('timeSavedLocked');
  });

  it('lets a click be undone for one minute', () => {
    const created = new Date('2026-01-01T10:00:00Z');
    expect(canUndo(created, new Date('2026-01-01T10:01:00Z'))).toBe(true);
    expect(reasonOf(() => assertUndoable(created, new Date('2026-01-01T10:01:01Z')))).toBe('timeSavedUndoExpired');
  });
});
