import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** `DATABASE_URL` when set; otherwise the embedded PostgreSQL under `DATA_DIR/postgres`. */
export async function resolveDatabase(config: AppConfig, logger: Logger): Promise<ResolvedDatabase> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  logger.info({ dataDir: config.dataDir, port: config.EMBEDDED_PG_PORT }, 'starting the embedded PostgreSQL');
  const server = await startEmbeddedPostgres(config.dataDir, config.EMBEDDED_PG_PORT, (line) =>
    logger.debug({ postgres: line }),
  );
  const url = await ensureDatabase(server.url, 'atelier');
  return { url, embedded: true, stop: server.stop };
}

export async function runMigrations(url: string, logger: Logger): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.info({ migration: migration.name }, 'migration applied');
  } finally {
    await dataSource.destroy();
  }
}

export async function revertLastMigration(url: string, logger: Logger): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.undoLastMigration({ transaction: 'each' });
    logger.info('last migration reverted');
  } finally {
    await dataSource.destroy();
  }
}
