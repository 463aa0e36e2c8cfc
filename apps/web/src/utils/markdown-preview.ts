/**
 * A deliberately tiny Markdown preview for the composer: the text is HTML-escaped FIRST, then a
 * few constructs (paragraphs, line breaks, **bold**, *italic*, `code`, "- " lists, http(s) links)
 * are turned into a fixed set of tags. No attribute ever comes from the text except an escaped,
 * scheme-checked href, so the result is safe to render. The server's rendering (sanitised) is the
 * reference once the post is published.
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function inline(escaped: string): string {
  return escaped
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*\n]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*])\*([^*\n]+)\*(?!\*)/g, '$1<em>$2</em>')
    .replace(
      /\[([^\]\n]+)\]\((https?:\/\/[^\s)"]+)\)/g,
      '<a href="$2" rel="noopener noreferrer nofollow" target="_blank">$1</a>',
    );
}

export function renderPreview(markdown: string): string {
  const blocks = markdown.replace(/\r\n?/g, '\n').trim().split(/\n{2,}/);
  return blocks
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      if (lines.every((line) => /^\s*[-*] /.test(line))) {
        const items = lines.map((line) => `<li>${inline(escapeHtml(line.replace(/^\s*[-*] /, '')))}</li>`);
        return `<ul>${items.join('')}</ul>`;
      }
      return `<p>${lines.map((line) => inline(escapeHtml(line))).join('<br>')}</p>`;
    })
    .join('');
}
