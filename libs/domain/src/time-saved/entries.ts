import { badInput, conflict } from '../errors';
import { CalendarDate, addDays, parseCalendarDate } from './calendar';

export const TIME_SAVED_CATEGORIES = [
  'FOUND_INFORMATION',
  'REUSED_CONTENT',
  'FASTER_APPROVAL',
  'AVOIDED_MEETING',
  'CUSTOMER_INSIGHT',
  'OTHER',
] as const;
export type TimeSavedCategory = (typeof TIME_SAVED_CATEGORIES)[number];

/** What an entry may point at: the content that saved the time. */
export const TIME_SAVED_CONTENT_TYPES = ['POST', 'COMMENT', 'BRIEF', 'PROPOSAL', 'OFFER'] as const;
export type TimeSavedContentType = (typeof TIME_SAVED_CONTENT_TYPES)[number];

export const MIN_MINUTES = 1;
/** A working day: more is a project, not time saved. */
export const MAX_MINUTES = 480;
export const MAX_NOTE_LENGTH = 500;
export const DEFAULT_MINUTES = 15;
export const DEFAULT_CATEGORY: TimeSavedCategory = 'FOUND_INFORMATION';
/** After this, an entry is locked so that a report a manager has read does not shift under them. */
export const EDIT_WINDOW_DAYS = 30;
/** A one-click entry can be taken back this long after the click. */
export const UNDO_WINDOW_SECONDS = 60;

export interface TimeSavedFields {
  minutes: number;
  date: CalendarDate;
  category: TimeSavedCategory;
  note: string;
}

export function validateMinutes(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
    throw badInput(
      'timeSavedMinutesRange',
      `Minutes saved must be a whole number from ${MIN_MINUTES} to ${MAX_MINUTES}.`,
      'minutes',
      { min: MIN_MINUTES, max: MAX_MINUTES },
    );
  }
  return minutes;
}

export function validateCategory(category: string): TimeSavedCategory {
  if (!(TIME_SAVED_CATEGORIES as readonly string[]).includes(category)) {
    throw badInput('timeSavedCategory', `Choose a category among ${TIME_SAVED_CATEGORIES.join(', ')}.`, 'category');
  }
  return category as TimeSavedCategory;
}

/**
 * An entry's date is today or one of the last 30 days (in the company's time zone): not in the
 * future, and not so far back that it would change a period whose entries are already locked.
 */
export function validateEntryDate(date: string, today: CalendarDate): CalendarDate {
  parseCalendarDate(date);
  if (date > today) throw badInput('timeSavedFutureDate', 'Time saved cannot be dated in the future.', 'date');
  const earliest = addDays(today, -EDIT_WINDOW_DAYS);
  if (date < earliest) {
    throw badInput(
      'timeSavedDateTooOld',
      `Time saved can be dated at most ${EDIT_WINDOW_DAYS} days back (from ${earliest}).`,
      'date',
      { days: EDIT_WINDOW_DAYS, earliest },
    );
  }
  return date;
}

/** Checks and normalises what a person typed; throws the first problem, naming its field. */
export function validateTimeSaved(
  input: { minutes: number; date?: string | null; category: string; note?: string | null },
  today: CalendarDate,
): TimeSavedFields {
  const minutes = validateMinutes(input.minutes);
  const date = validateEntryDate(input.date ?? today, today);
  const category = validateCategory(input.category);
  const note = (input.note ?? '').trim();
  if (note.length > MAX_NOTE_LENGTH) {
    throw badInput('timeSavedNoteTooLong', `The note is limited to ${MAX_NOTE_LENGTH} characters.`, 'note', {
      max: MAX_NOTE_LENGTH,
    });
  }
  return { minutes, date, category, note };
}

/** The last instant the author may still edit or delete an entry created at `createdAt`. */
export function editableUntil(createdAt: Date): Date {
  return new Date(createdAt.getTime() + EDIT_WINDOW_DAYS * 86_400_000);
}

export function isLocked(createdAt: Date, now: Date): boolean {
  return now.getTime() > editableUntil(createdAt).getTime();
}

export function assertEditable(createdAt: Date, now: Date): void {
  if (isLocked(createdAt, now)) {
    throw conflict(
      'timeSavedLocked',
      `This entry is locked: entries can be changed for ${EDIT_WINDOW_DAYS} days after they are logged, so that reports stay stable.`,
    );
  }
}

export function canUndo(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() <= UNDO_WINDOW_SECONDS * 1000;
}

export function assertUndoable(createdAt: Date, now: Date): void {
  if (!canUndo(createdAt, now)) {
    throw conflict(
      'timeSavedUndoExpired',
      `Undo is possible for ${UNDO_WINDOW_SECONDS} seconds after the click; edit or delete the entry from your time saved page instead.`,
    );
  }
}
