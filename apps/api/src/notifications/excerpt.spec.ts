import { excerptOf } from './excerpt';

describe('excerptOf', () => {
  it('gives the text of rendered HTML, entities decoded and whitespace collapsed', () => {
    expect(excerptOf('<h1>Launch</h1><p>Read <a href="/x">the <strong>brief</strong></a> &amp; &lt;b&gt;</p>\n')).toBe(
      'Launch Read the brief & <b>',
    );
  });

  it('cuts a long text on a word, with an ellipsis', () => {
    const excerpt = excerptOf(`<p>${'word '.repeat(100)}</p>`, 30);
    expect(excerpt).toBe('word word word word word…');
    expect(excerpt.length).toBeLessThanOrEqual(30);
  });
});
