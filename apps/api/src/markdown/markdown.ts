import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { MENTION_CLASS, MentionEnv, mentionPlugin } from '../mentions/mention-syntax';

/**
 * Markdown to safe HTML, in two locks: markdown-it never passes raw HTML through (html: false)
 * and refuses javascript:/vbscript:/file:/data: links; then sanitize-html keeps only an allow-list
 * of tags, attributes and URL schemes, whatever markdown-it produced.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false }).use(mentionPlugin);

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'], ol: ['start'], th: ['style'], td: ['style'] },
  // Only mention links carry a class (Markdown cannot write one: raw HTML is off).
  allowedClasses: { a: [MENTION_CLASS] },
  allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    // A mention is an in-app link to a person; every other link opens outside, without referrer.
    a: (tagName, attribs) =>
      attribs.class === MENTION_CLASS
        ? { tagName, attribs }
        : { tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow ugc', target: '_blank' } },
  },
};

export const BODY_MAX_LENGTH = 20_000;

/** `mentions`: handles (lower-cased) resolved to the person they link to; any other `@handle` stays text. */
export function renderMarkdown(source: string, mentions?: ReadonlyMap<string, string>): string {
  const env: MentionEnv = { mentionTargets: mentions };
  return sanitizeHtml(markdown.render(source, env), SANITIZE);
}

/** The handles a body mentions (lower-cased, once each), outside code and links. */
export function mentionHandles(source: string): string[] {
  const env: MentionEnv = {};
  markdown.parse(source, env);
  return env.mentionHandles ?? [];
}
