/**
 * After `vite build`: the JavaScript each route loads on a first visit, gzip, read from the build
 * manifest (dist/.vite/manifest.json). A first visit to a route loads the entry, its static imports,
 * the route's page chunk and the page's static imports; lazy chunks of other routes are not counted.
 *
 *   node scripts/bundle-report.mjs          prints the table
 *   node scripts/bundle-report.mjs --check  also fails when sign-in + shell exceed the budget
 *   … --dist <folder>                       reads that build instead of dist/
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const WEB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const distArg = process.argv.indexOf('--dist');
/** `--dist <folder>` reads another build (e.g. one made with `vite build --outDir`). */
const DIST = distArg > 0 ? path.resolve(process.argv[distArg + 1]) : path.join(WEB, 'dist');
const MANIFEST = path.join(DIST, '.vite/manifest.json');
/** What the sign-in page and the shell may weigh together on a first visit, gzip. */
export const SIGN_IN_BUDGET_BYTES = 150 * 1024;
const SIGN_IN_PAGE = 'src/pages/SignInPage.vue';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Route paths by page file, read from the router (one `path` followed by its lazy `component`). */
function routesByPage() {
  const source = readFileSync(path.join(WEB, 'src/router.ts'), 'utf8');
  const routes = new Map();
  for (const [, route, page] of source.matchAll(
    /path: '([^']+)',\s*component: \(\) => import\('\.\/(pages\/\w+\.vue)'\)/g,
  )) {
    const key = `src/${page}`;
    routes.set(key, [...(routes.get(key) ?? []), route]);
  }
  return routes;
}

export function firstLoadReport() {
  if (!existsSync(MANIFEST)) {
    throw new Error(
      `${path.relative(process.cwd(), MANIFEST)} is missing: run \`vite build\` first (build.manifest is on).`,
    );
  }
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
  const gzipped = new Map();
  const size = (key) => {
    if (!gzipped.has(key)) gzipped.set(key, gzipSync(readFileSync(path.join(DIST, manifest[key].file))).length);
    return gzipped.get(key);
  };
  const closure = (key, seen = new Set()) => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) closure(dep, seen);
    return seen;
  };
  const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entryKey) throw new Error('The build manifest names no entry chunk.');
  const shell = closure(entryKey);
  const total = (keys) => [...keys].reduce((sum, key) => sum + size(key), 0);
  const routes = routesByPage();
  const pages = Object.keys(manifest)
    .filter((key) => manifest[key].isDynamicEntry && key.startsWith('src/pages/'))
    .map((key) => {
      const keys = closure(key, new Set(shell));
      return {
        page: key,
        routes: routes.get(key) ?? [],
        firstLoadBytes: total(keys),
        ownBytes: total([...keys].filter((k) => !shell.has(k))),
        chunks: [...keys]
          .map((k) => ({ file: manifest[k].file, source: k, bytes: size(k) }))
          .sort((a, b) => b.bytes - a.bytes),
      };
    })
    .sort((a, b) => b.firstLoadBytes - a.firstLoadBytes);
  return { entry: entryKey, shellBytes: total(shell), pages };
}

function print(report) {
  const lines = [`First-load JavaScript per route (gzip); shell = entry + static imports: ${kb(report.shellBytes)}`];
  const width = Math.max(...report.pages.map((p) => p.page.length));
  for (const page of report.pages) {
    lines.push(
      `  ${page.page.padEnd(width)}  ${kb(page.firstLoadBytes).padStart(9)}  (page +${kb(page.ownBytes)})  ${page.routes.join(' ')}`,
    );
  }
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

function check(report) {
  const signIn = report.pages.find((page) => page.page === SIGN_IN_PAGE);
  if (!signIn) throw new Error(`No lazy chunk for ${SIGN_IN_PAGE} in the manifest: is the route still lazy?`);
  if (signIn.firstLoadBytes <= SIGN_IN_BUDGET_BYTES) {
    process.stdout.write(
      `Sign-in + shell: ${kb(signIn.firstLoadBytes)} gzip, within the ${kb(SIGN_IN_BUDGET_BYTES)} budget.\n`,
    );
    return true;
  }
  const biggest = signIn.chunks
    .slice(0, 5)
    .map((chunk) => `    ${kb(chunk.bytes).padStart(9)}  ${chunk.file}  (${chunk.source})`)
    .join('\n');
  process.stderr.write(
    `The sign-in page and the shell load ${kb(signIn.firstLoadBytes)} of JavaScript (gzip) on a first visit, ` +
      `over the ${kb(SIGN_IN_BUDGET_BYTES)} budget. Biggest chunks:\n${biggest}\n` +
      'Load what the sign-in page does not need lazily (import() in the route or the component), or move it out of the entry.\n',
  );
  return false;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const report = firstLoadReport();
    print(report);
    if (process.argv.includes('--check') && !check(report)) process.exitCode = 1;
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  }
}
