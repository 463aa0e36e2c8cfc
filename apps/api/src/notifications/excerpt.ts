import sanitizeHtml from 'sanitize-html';

export const EXCERPT_LENGTH = 140;

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** The start of a rendered body as plain text: tags dropped, whitespace collapsed, cut on a word. */
export function excerptOf(html: string, max = EXCERPT_LENGTH): string {
  const text = sanitizeHtml(html.replace(/<br\s*\/?>|<\/(p|h[1-6]|li|t[dh]|blockquote|pre)>/g, '$& '), {
    allowedTags: [],
    allowedAttributes: {},
  })
    .replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity])
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
