import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { backup, restore } from '../src/backup/backup';
import { DemoService } from '../src/demo/demo.service';
import { dropDatabase, freshDatabase, startTestApp, TestApp } from './support/test-app';

/** A tiny valid PNG (1×1), as a person would upload one. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201a5f6e2d40000000049454e44ae426082',
  'hex',
);

async function rowCounts(url: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from "${name}"`);
      counts[name] = rows[0].n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

describe('backup and restore', () => {
  let t: TestApp;
  let work: string;
  let restoredUrl: string | undefined;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'atelier-backup-test-'));
    t = await startTestApp({ DATA_DIR: path.join(work, 'source') });
  });
  afterAll(async () => {
    await t?.close();
    if (restoredUrl) await dropDatabase(restoredUrl);
    await rm(work, { recursive: true, force: true });
  });

  // The whole demo workspace is seeded, dumped and restored: slower than most tests.
  it('round-trips the demo workspace: same rows in every table, same attachment bytes', async () => {
    await t.app.get(DemoService).seed();
    const { client } = await t.signedIn('MARKETER');
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'pixel.png');
    const uploaded = (await (
      await client.raw({ method: 'POST', path: '/uploads', headers: { 'x-atelier-upload': '1' }, body: form })
    ).json()) as { id: string };
    const [{ storage_key: key }] = await t.sql<{ storage_key: string }>(
      'select storage_key from attachments where id = $1',
      [uploaded.id],
    );

    const file = path.join(work, 'atelier.tar.gz');
    const written = await backup(t.databaseUrl, path.join(work, 'source', 'attachments'), file);
    expect(written.attachments).toBeGreaterThanOrEqual(1);

    restoredUrl = await freshDatabase();
    const target = path.join(work, 'target', 'attachments');
    await restore(file, restoredUrl, target);

    const before = await rowCounts(t.databaseUrl);
    expect(before.posts).toBeGreaterThan(0);
    expect(await rowCounts(restoredUrl)).toEqual(before);
    const copies = await Promise.all([
      readFile(path.join(work, 'source', 'attachments', ...storagePath(key))),
      readFile(path.join(target, ...storagePath(key))),
    ]);
    expect(copies[1].equals(copies[0])).toBe(true);
    expect(copies[1].equals(PNG)).toBe(true);
  }, 120_000);

  it('refuses to restore over a database that is not empty, and changes nothing', async () => {
    const file = path.join(work, 'atelier.tar.gz');
    const before = await rowCounts(t.databaseUrl);
    await expect(restore(file, t.databaseUrl, path.join(work, 'elsewhere'))).rejects.toThrow(
      'The database is not empty: restore into a new database or an empty data folder.',
    );
    expect(await rowCounts(t.databaseUrl)).toEqual(before);
  });

  it('refuses a file that is not a backup, with a message naming it', async () => {
    const url = await freshDatabase();
    try {
      await expect(restore(path.join(work, 'missing.tar.gz'), url, path.join(work, 'none'))).rejects.toThrow(
        /No backup at .*missing\.tar\.gz/,
      );
    } finally {
      await dropDatabase(url);
    }
  });
});

/** Where the local-disk storage keeps a key, relative to its root (see local-disk.storage.ts). */
function storagePath(key: string): string[] {
  return [key.slice(0, 2), key];
}
