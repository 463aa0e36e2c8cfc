import { gzipSync } from 'node:zlib';
import type { OutputBundle, OutputChunk } from 'rollup';
import type { Plugin } from 'vite';

/**
 * After `vite build`, prints the gzip size of the JS a first visit loads (the entry and its static
 * imports) and, for each lazily loaded route chunk, what it adds on top.
 */
export function bundleReport(): Plugin {
  return {
    name: 'atelier-bundle-report',
    apply: 'build',
    writeBundle(_options, bundle: OutputBundle) {
      const chunks = new Map<string, OutputChunk>();
      for (const item of Object.values(bundle)) if (item.type === 'chunk') chunks.set(item.fileName, item);
      const gz = new Map<string, number>();
      const size = (file: string) => {
        if (!gz.has(file)) gz.set(file, gzipSync(chunks.get(file)?.code ?? '').length);
        return gz.get(file)!;
      };
      const closure = (file: string, seen = new Set<string>()) => {
        if (seen.has(file)) return seen;
        seen.add(file);
        for (const dep of chunks.get(file)?.imports ?? []) closure(dep, seen);
        return seen;
      };
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      const entry = [...chunks.values()].find((c) => c.isEntry);
      if (!entry) return;
      const firstLoad = closure(entry.fileName);
      const total = [...firstLoad].reduce((sum, f) => sum + size(f), 0);
      const lines = [`first load (${entry.fileName} + ${firstLoad.size - 1} static imports): ${kb(total)} gzip`];
      for (const chunk of chunks.values()) {
        if (!chunk.isDynamicEntry) continue;
        const extra = [...closure(chunk.fileName)].filter((f) => !firstLoad.has(f));
        lines.push(`  route ${chunk.name.padEnd(20)} +${kb(extra.reduce((sum, f) => sum + size(f), 0))} gzip`);
      }
      console.log(`\nJS bundle report\n${lines.join('\n')}\n`);
    },
  };
}
