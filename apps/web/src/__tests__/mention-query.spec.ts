import { describe, expect, it } from 'vitest';
import { insertMention, mentionQueryAt } from '@/utils/mention-query';

describe('mentionQueryAt', () => {
  it('finds the @handle being typed before the caret', () => {
    expect(mentionQueryAt('Merci @cam', 10)).toEqual({ start: 6, query: 'cam' });
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('(@julien.m', 10)).toEqual({ start: 1, query: 'julien.m' });
  });

  it('ignores e-mail addresses, finished mentions and text after the caret', () => {
    expect(mentionQueryAt('ecrire a camille@atelier', 24)).toBeNull();
    expect(mentionQueryAt('@camille merci', 14)).toBeNull();
    expect(mentionQueryAt('@camille merci', 3)).toEqual({ start: 0, query: 'ca' });
  });
});

describe('insertMention', () => {
  it('replaces the query by the handle and a space, caret after it', () => {
    const at = mentionQueryAt('Bravo @cam', 10)!;
    expect(insertMention('Bravo @cam', at, 'camille.martin')).toEqual({ text: 'Bravo @camille.martin ', caret: 22 });
  });

  it('keeps the text after the caret, without doubling the space', () => {
    const at = mentionQueryAt('Bravo @cam et merci', 10)!;
    const result = insertMention('Bravo @cam et merci', at, 'camille.martin');
    expect(result.text).toBe('Bravo @camille.martin et merci');
    expect(result.caret).toBe(22);
  });
});
