import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { createLogger } from './common/logger';
import { resolveDatabase, revertLastMigration, runMigrations } from './database/database';
import { DEMO_PASSWORD } from './demo/demo-workspace';
import { DemoService } from './demo/demo.service';
import { configOrExit } from './start';

const COMMANDS = ['migrate', 'migrate:revert', 'seed:demo'] as const;
type Command = (typeof COMMANDS)[number];

async function run(command: Command): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config);
  const database = await resolveDatabase(config, logger);
  try {
    if (command === 'migrate') return await runMigrations(database.url, logger);
    if (command === 'migrate:revert') return await revertLastMigration(database.url, logger);

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
run(command as Command).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
