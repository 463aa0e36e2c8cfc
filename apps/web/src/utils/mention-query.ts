/**
 * Where the composer's `@` autocomplete applies: the `@handle` being typed right before the caret.
 * Same rule as the API's mention syntax: an `@` at the start or after a character that cannot be
 * part of a handle (so the `@` of an e-mail address is not a mention).
 */
const TRIGGER = /(?:^|[^\p{L}\p{N}_.@+-])@([\p{L}\p{N}._+-]{0,40})$/u;

export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  /** What follows it, up to the caret. */
  query: string;
}

export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = TRIGGER.exec(before);
  if (!match) return null;
  const query = match[1];
  return { start: caret - query.length - 1, query };
}

/** The text with the `@query` at `at` replaced by `@handle ` and where the caret goes after it. */
export function insertMention(text: string, at: MentionQuery, handle: string): { text: string; caret: number } {
  const end = at.start + 1 + at.query.length;
  const after = text.slice(end);
  const insert = `@${handle}${after.startsWith(' ') ? '' : ' '}`;
  return { text: text.slice(0, at.start) + insert + after, caret: at.start + insert.length + (after.startsWith(' ') ? 1 : 0) };
}
