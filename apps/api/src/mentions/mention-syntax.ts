import type MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;
type StateCore = MarkdownIt.StateCore;

/**
 * The mention syntax, shared by posts, comments and (later) briefs and co-creation threads.
 *
 * A person's **handle** is the part of their e-mail address before the `@`, lower-cased:
 * `camille.martin@atelier.example` is `@camille.martin`. It is written `@` + handle, typed in any
 * case, after the start of a line or a character that cannot be part of a handle (so the `@` of an
 * e-mail address is not a mention), and ends before trailing punctuation (`@camille.martin.` at the
 * end of a sentence mentions `camille.martin`). Handles made of letters, digits and `.`, `_`, `-`,
 * `+` are mentionable. Mentions inside code, code blocks and links are text, never mentions.
 */
export const MENTION_PATTERN = /(?<![\p{L}\p{N}_.@+-])@([a-z0-9](?:[a-z0-9._+-]*[a-z0-9_])?)/giu;

/** What the renderer reads and writes in markdown-it's `env` while rendering one body. */
export type MentionEnv = {
  /** Handles resolved to the id of the person they link to; the others stay plain text. */
  mentionTargets?: ReadonlyMap<string, string>;
  /** Filled by parsing: every handle written in the body, lower-cased, in order, once each. */
  mentionHandles?: string[];
};

export const mentionHref = (userId: string): string => `/people/${userId}`;
export const MENTION_CLASS = 'mention';

function splitMentions(token: Token, state: StateCore, env: MentionEnv, seen: Set<string>): Token[] {
  const text = token.content;
  const out: Token[] = [];
  let last = 0;
  for (const match of text.matchAll(MENTION_PATTERN)) {
    const handle = match[1].toLowerCase();
    if (!seen.has(handle)) {
      seen.add(handle);
      env.mentionHandles!.push(handle);
    }
    const userId = env.mentionTargets?.get(handle);
    if (!userId) continue;
    const start = match.index;
    if (start > last) {
      const before = new state.Token('text', '', 0);
      before.content = text.slice(last, start);
      out.push(before);
    }
    const open = new state.Token('link_open', 'a', 1);
    open.attrs = [
      ['href', mentionHref(userId)],
      ['class', MENTION_CLASS],
    ];
    open.markup = 'mention';
    const label = new state.Token('text', '', 0);
    label.content = match[0];
    const close = new state.Token('link_close', 'a', -1);
    close.markup = 'mention';
    out.push(open, label, close);
    last = start + match[0].length;
  }
  if (!out.length) return [token];
  if (last < text.length) {
    const after = new state.Token('text', '', 0);
    after.content = text.slice(last);
    out.push(after);
  }
  return out;
}

/** markdown-it plugin: collects the handles of a body and links the resolved ones. */
export const mentionPlugin = (md: {
  core: { ruler: { push(name: string, rule: (state: StateCore) => void): void } };
}): void => {
  md.core.ruler.push('mention', (state: StateCore) => {
    const env = state.env as MentionEnv;
    env.mentionHandles ??= [];
    const seen = new Set(env.mentionHandles);
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      let linkDepth = 0;
      const children: Token[] = [];
      for (const child of block.children) {
        if (child.type === 'link_open') linkDepth += 1;
        if (child.type === 'link_close') linkDepth -= 1;
        if (child.type === 'text' && linkDepth === 0) children.push(...splitMentions(child, state, env, seen));
        else children.push(child);
      }
      block.children = children;
    }
  });
};
