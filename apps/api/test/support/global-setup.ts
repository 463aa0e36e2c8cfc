import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

/**
 * One PostgreSQL for the whole run: the one DATABASE_URL names, or a throwaway embedded server.
 * Test files make their own databases on it, so the app's data is never touched.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.ATELIER_TEST_PG_URL = process.env.DATABASE_URL;
    return;
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-test-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const server = await startEmbeddedPostgres(dataDir, port);
  process.env.ATELIER_TEST_PG_URL = server.url;
  (globalThis as { __atelierTestServer?: { stop(): Promise<void>; dataDir: string } }).__atelierTestServer = {
    stop: server.stop,
    dataDir,
  };
}
