import { describe, expect, it } from 'vitest';
import { escapeHtml, renderPreview } from '@/utils/markdown-preview';

describe('renderPreview', () => {
  it('escapes HTML: typed tags are shown as text, never run', () => {
    const html = renderPreview('<img src=x onerror=alert(1)> <script>alert(1)</script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders paragraphs, line breaks, emphasis, code and lists', () => {
    expect(renderPreview('**Bravo** à *toute* l’équipe\nligne 2\n\n- `un`\n- deux')).toBe(
      '<p><strong>Bravo</strong> à <em>toute</em> l’équipe<br>ligne 2</p><ul><li><code>un</code></li><li>deux</li></ul>',
    );
  });

  it('links only http(s) URLs, and cannot be broken out of the href', () => {
    expect(renderPreview('[site](https://example.com/a)')).toContain('<a href="https://example.com/a"');
    expect(renderPreview('[x](javascript:alert(1))')).not.toContain('<a');
    expect(renderPreview('[x](https://e.com/"onmouseover="alert(1))')).not.toContain('"onmouseover');
  });

  it('escapes quotes and ampersands', () => {
    expect(escapeHtml(`"a" & 'b'`)).toBe('&quot;a&quot; &amp; &#39;b&#39;');
  });
});
