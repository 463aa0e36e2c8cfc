import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/** What a backup file holds besides the dump and the files, read back before anything is restored. */
export interface BackupManifest {
  format: 'atelier-backup';
  version: 1;
  createdAt: string;
  attachments: number;
}

const MANIFEST = 'manifest.json';
const DUMP = 'database.dump';
const FILES = 'attachments';

/** The PostgreSQL client tools: from `PG_BIN_DIR` when set, else from PATH. */
function tool(name: 'pg_dump' | 'pg_restore', binDir?: string): string {
  return binDir ? path.join(binDir, name) : name;
}

async function exec(command: string, args: string[]): Promise<void> {
  try {
    await run(command, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    if (code === 'ENOENT') {
      throw new Error(
        `${path.basename(command)} was not found: install PostgreSQL's client tools (apt-get install -y postgresql-client) or set PG_BIN_DIR.`,
      );
    }
    throw new Error(`${path.basename(command)} failed: ${(stderr ?? String(error)).trim()}`);
  }
}

async function countFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).length;
}

/**
 * Writes one file (a gzipped tar) holding the database, as PostgreSQL's own `pg_dump` custom-format
 * archive, and the attachment files, with a manifest. The dump is consistent on its own (one
 * snapshot); files are copied after it, so a file uploaded meanwhile may be in the backup without
 * its row, never the reverse that would matter (a row whose file is missing).
 */
export async function backup(
  databaseUrl: string,
  attachmentsDir: string,
  outFile: string,
  binDir?: string,
): Promise<BackupManifest> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'atelier-backup-'));
  try {
    await exec(tool('pg_dump', binDir), [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${path.join(work, DUMP)}`,
      `--dbname=${databaseUrl}`,
    ]);
    const staged = path.join(work, FILES);
    await mkdir(staged);
    if (existsSync(attachmentsDir)) await cp(attachmentsDir, staged, { recursive: true });
    const manifest: BackupManifest = {
      format: 'atelier-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      attachments: await countFiles(staged),
    };
    await writeFile(path.join(work, MANIFEST), JSON.stringify(manifest, null, 2));
    await mkdir(path.dirname(path.resolve(outFile)), { recursive: true });
    await exec('tar', ['-czf', path.resolve(outFile), '-C', work, MANIFEST, DUMP, FILES]);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Tables other than PostgreSQL's own in the public schema: a database with any is not empty. */
async function tablesIn(databaseUrl: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup into an empty database and an empty (or missing) attachments folder; refuses
 * anything else, so a restore never mixes two workspaces or overwrites one.
 */
export async function restore(
  file: string,
  databaseUrl: string,
  attachmentsDir: string,
  binDir?: string,
): Promise<BackupManifest> {
  if (!existsSync(file)) throw new Error(`No backup at ${file}.`);
  if ((await tablesIn(databaseUrl)) > 0) {
    throw new Error('The database is not empty: restore into a new database or an empty data folder.');
  }
  if ((await countFiles(attachmentsDir)) > 0) {
    throw new Error(`${attachmentsDir} already holds files: restore into an empty data folder.`);
  }
  const work = await mkdtemp(path.join(os.tmpdir(), 'atelier-restore-'));
  try {
    await exec('tar', ['-xzf', path.resolve(file), '-C', work]);
    const manifest = JSON.parse(await readFile(path.join(work, MANIFEST), 'utf8').catch(() => '{}')) as BackupManifest;
    if (manifest.format !== 'atelier-backup' || manifest.version !== 1) {
      throw new Error(`${file} is not an Atelier backup (no readable manifest).`);
    }
    await exec(tool('pg_restore', binDir), [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${databaseUrl}`,
      path.join(work, DUMP),
    ]);
    await mkdir(attachmentsDir, { recursive: true });
    await cp(path.join(work, FILES), attachmentsDir, { recursive: true });
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
