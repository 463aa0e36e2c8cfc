import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/**
 * The built API the benches start. BENCH_API_DIST points at another build of the same sources (a
 * snapshot made with `tsc -p apps/api/tsconfig.build.json --outDir apps/api/.bench/dist`), so a
 * rebuild of apps/api/dist during a long run cannot pull the files from under it.
 */
const API_DIST = process.env.BENCH_API_DIST
  ? path.resolve(REPO_ROOT, process.env.BENCH_API_DIST, 'apps/api/src')
  : path.join(REPO_ROOT, 'apps/api/dist/apps/api/src');
export const API_MAIN = path.join(API_DIST, 'main.js');
const require = createRequire(import.meta.url);

/** Benches read the built API: `npm run bench:*` builds it first. */
export function requireApiBuild() {
  if (!existsSync(API_MAIN)) {
    throw new Error(`The API is not built (${API_MAIN} missing): run \`npx nx run api:build\` first.`);
  }
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * The benches' own PostgreSQL: the project's embedded server (same binaries, same settings as the
 * app's), under BENCH_DATA_DIR (default: the temp folder), never the app's `.data`. Reused between
 * runs; each bench makes a fresh database on it.
 */
export async function startScratchServer() {
  requireApiBuild();
  const { startEmbeddedPostgres } = require(path.join(API_DIST, 'database/embedded-postgres.js'));
  const dataDir = process.env.BENCH_DATA_DIR ?? path.join(os.tmpdir(), 'atelier-bench');
  const port = Number(process.env.BENCH_PG_PORT ?? 54380);
  return startEmbeddedPostgres(dataDir, port);
}

/** Drops `name` if a former run left it, creates it empty, and returns its URL. */
export async function freshDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
    await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
  return databaseUrlOf(serverUrl, name);
}

/** The URL of the database `name` on the scratch server. */
export function databaseUrlOf(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(serverUrl, name) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name}" with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * One API instance as a child process, exactly as production starts it (migrations run at start).
 * Resolves once /healthz answers; `stop()` sends SIGTERM and waits for the exit.
 */
export async function startApi({ databaseUrl, port, env = {}, label = 'api' }) {
  requireApiBuild();
  // BENCH_API_NODE_ARGS: e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to see where an instance spends its time.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, API_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (process.env.BENCH_VERBOSE) process.stderr.write(`[${label}] ${chunk}`);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 200, null))]);
    if (early) throw new Error(`${label} exited (${early.code ?? early.signal}) before it was ready:\n${stderr}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${label} was not ready within 90 s:\n${stderr}`);
    }
  }
  return {
    url,
    pid: child.pid,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs `fn(client)` on one connection to `url`, closing it whatever happens. */
export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Stops everything registered here on exit, Ctrl-C included, so no API or server outlives the bench. */
export function cleanupOnExit() {
  const tasks = [];
  let running;
  const run = () =>
    (running ??= (async () => {
      for (const task of tasks.reverse()) await task().catch(() => undefined);
    })());
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      void run().then(() => process.exit(130));
    });
  }
  return { add: (task) => tasks.push(task), run };
}

/**
 * The start of a bench that loads one API: the scratch server, its database (fresh, or the one a
 * former `--keep` run left when `reuse`; dropped at the end unless `keep` or `reuse`), then the API
 * with the bench's admin, migrations applied. Everything started is registered on `cleanup`.
 */
export async function startBenchApi({ dbName, admin, reuse, keep, cleanup }) {
  const server = await startScratchServer();
  cleanup.add(() => server.stop());
  const databaseUrl = reuse ? databaseUrlOf(server.url, dbName) : await freshDatabase(server.url, dbName);
  if (!keep && !reuse) cleanup.add(() => dropDatabase(server.url, dbName));
  const api = await startApi({
    databaseUrl,
    port: await freePort(),
    env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password },
  });
  cleanup.add(() => api.stop());
  return { databaseUrl, api };
}
