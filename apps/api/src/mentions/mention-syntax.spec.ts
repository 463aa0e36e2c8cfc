import { mentionHandles, renderMarkdown } from '../markdown/markdown';

describe('mention syntax', () => {
  const source =
    'Hi @Camille.Martin. and @bob, mail camille.martin@atelier.example, `@code` [@link](https://x.example) ' +
    '**@bold** @a-b_c+d @ghost\n\n```\n@fence\n```\n\n@@double (@paren) x@y';

  it('finds handles outside code and links, lower-cased, once each, without trailing punctuation', () => {
    expect(mentionHandles(source)).toEqual(['camille.martin', 'bob', 'bold', 'a-b_c+d', 'ghost', 'paren']);
    expect(mentionHandles('@Bob and @bob')).toEqual(['bob']);
  });

  it('links resolved handles only, keeping the text as typed, and leaves the others as text', () => {
    const html = renderMarkdown(
      source,
      new Map([
        ['camille.martin', '11111111-1111-1111-1111-111111111111'],
        ['bold', '22222222-2222-2222-2222-222222222222'],
      ]),
    );
    expect(html).toContain(
      'Hi <a href="/people/11111111-1111-1111-1111-111111111111" class="mention">@Camille.Martin</a>. and @bob,',
    );
    expect(html).toContain(
      '<strong><a href="/people/22222222-2222-2222-2222-222222222222" class="mention">@bold</a></strong>',
    );
    expect(html).toContain('@ghost');
    expect(html).not.toContain('/people/undefined');
    expect(html).toContain('<code>@code</code>');
    expect(html).toContain('target="_blank">@link</a>');
  });

  it('keeps sanitising: no class or mention can be forged from Markdown or HTML', () => {
    const html = renderMarkdown('[x](/people/1) <a class="mention" href="/x">y</a>', new Map());
    expect(html).not.toMatch(/<a [^>]*class=/);
    expect(html).toContain('&lt;a class="mention"');
    expect(html).toContain('<a href="/people/1" rel="noopener noreferrer nofollow ugc" target="_blank">x</a>');
  });
});
