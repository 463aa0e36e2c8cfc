import { badInput } from '@atelier/domain';
import { BODY_MAX_LENGTH, renderMarkdown } from './markdown';

/** A post's or comment's Markdown, checked and rendered; `mentions` links those handles (see MentionsService). */
export function renderBody(
  raw: string,
  field = 'body',
  mentions?: ReadonlyMap<string, string>,
): { body: string; bodyHtml: string } {
  const body = raw.trim();
  if (!body) throw badInput('required', 'Write something first: the text cannot be empty.', field);
  if (body.length > BODY_MAX_LENGTH) {
    throw badInput('tooLong', `The text must be at most ${BODY_MAX_LENGTH} characters; split it in two.`, field, {
      max: BODY_MAX_LENGTH,
    });
  }
  return { body, bodyHtml: renderMarkdown(body, mentions) };
}
