import 'reflect-metadata';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { backup, restore } from './backup/backup';
import { createLogger } from './common/logger';
import { resolveDatabase, revertLastMigration, runMigrations } from './database/database';
import { DEMO_PASSWORD } from './demo/demo-workspace';
import { DemoService } from './demo/demo.service';
import { configOrExit } from './start';

const COMMANDS = ['migrate', 'migrate:revert', 'seed:demo', 'backup', 'restore'] as const;
type Command = (typeof COMMANDS)[number];

const timestamp = () => new Date().toISOString().replace(/[:.]/g, '-');

async function run(command: Command, argument: string | undefined): Promise<void> {
  const config = configOrExit();
  if (command === 'restore' && !argument) throw new Error('Usage: npm run restore <backup file>');
  const logger = createLogger(config);
  const database = await resolveDatabase(config, logger);
  const attachmentsDir = path.join(config.dataDir, 'attachments');
  try {
    if (command === 'migrate') return await runMigrations(database.url, logger);
    if (command === 'migrate:revert') return await revertLastMigration(database.url, logger);
    if (command === 'backup') {
      const file = path.resolve(argument ?? path.join('backups', `atelier-${timestamp()}.tar.gz`));
      const manifest = await backup(database.url, attachmentsDir, file, config.PG_BIN_DIR);
      process.stdout.write(`Backup written to ${file} (database and ${manifest.attachments} attachment files).\n`);
      return;
    }
    if (command === 'restore') {
      const manifest = await restore(path.resolve(argument!), database.url, attachmentsDir, config.PG_BIN_DIR);
      process.stdout.write(
        `Restored the backup of ${manifest.createdAt} (database and ${manifest.attachments} attachment files).\n`,
      );
      return;
    }

    await runMigrations(database.url, logger);
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, database.url, logger), {
      logger: false,
    });
    try {
      const result = await app.get(DemoService).seed();
      process.stdout.write(
        result.seeded
          ? `Demo workspace loaded; every demo account's password: ${DEMO_PASSWORD}\n`
          : 'The demo workspace is already there; nothing was changed.\n',
      );
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

const command = process.argv[2];
if (!(COMMANDS as readonly string[]).includes(command ?? '')) {
  process.stderr.write(`Usage: cli <${COMMANDS.join('|')}>\n`);
  process.exit(2);
}
run(command as Command, process.argv[3]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
