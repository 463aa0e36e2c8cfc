import { MARK_END, MARK_START } from './search.repository';
import { excerptHtml, validateSearchQuery } from './search.service';

describe('search excerpts and queries', () => {
  it('escapes everything in an excerpt but the match markers, which become <mark>', () => {
    const headline = `<script>alert(1)</script> ${MARK_START}stratégie${MARK_END} <img src=x onerror="a()"> & 'x'`;
    expect(excerptHtml(headline)).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; <mark>stratégie</mark> &lt;img src=x onerror=&quot;a()&quot;&gt; &amp; &#39;x&#39;',
    );
  });

  it('trims queries and refuses those without two letters or digits, or too long', () => {
    expect(validateSearchQuery('  plan   média ')).toBe('plan média');
    expect(validateSearchQuery('DS')).toBe('DS');
    for (const query of ['', '  ', 'é', '?!', '- -']) expect(() => validateSearchQuery(query)).toThrow(/at least 2/);
    expect(() => validateSearchQuery('mot '.repeat(60))).toThrow(/under 200/);
  });
});
