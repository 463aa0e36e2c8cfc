import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createApp } from './bootstrap';
import { createLogger } from './common/logger';
import { resolveDatabase, runMigrations } from './database/database';
import { DEMO_PASSWORD } from './demo/demo-workspace';
import { DemoService } from './demo/demo.service';
import { drain } from './health/drain';
import { MetricsService } from './metrics/metrics.service';
import { RateLimitsService } from './rate-limits/rate-limits.service';
import { SessionsService } from './sessions/sessions.service';
import { configOrExit, onShutdown } from './start';
import { UsersService } from './users/users.service';

const HOUR_MS = 60 * 60 * 1000;

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config);
  const database = await resolveDatabase(config, logger);
  let housekeeping: NodeJS.Timeout | undefined = undefined;
  // Set once the app exists: a signal before that has only the database to stop.
  const running: { app?: INestApplication } = {};
  onShutdown(async () => {
    logger.info('shutting down: draining');
    clearInterval(housekeeping);
    if (running.app) {
      await drain(running.app, config.DRAIN_TIMEOUT_SECONDS * 1000, logger);
      await running.app.close();
    }
    await database.stop();
    logger.info('stopped');
  });
  await runMigrations(database.url, logger);

  const app = await createApp(config, database.url, logger);
  running.app = app;
  await app.init();

  const demo = app.get(DemoService);
  const empty = (await app.get(UsersService).count()) === 0;
  if (empty && config.ADMIN_EMAIL && config.ADMIN_PASSWORD) {
    await demo.ensureFirstAdmin(config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    logger.info({ email: config.ADMIN_EMAIL }, 'first administrator created from ADMIN_EMAIL');
  }
  const seedDemo = config.SEED_DEMO === 'true' || (config.SEED_DEMO === 'auto' && empty && !config.isProduction);
  const seeded = seedDemo ? await demo.seed() : { seeded: false, accounts: [] };

  // Expired sessions and closed rate-limit windows are useless rows: drop them hourly.
  const sessions = app.get(SessionsService);
  const rateLimits = app.get(RateLimitsService);
  housekeeping = setInterval(() => {
    Promise.all([sessions.purgeExpired(), rateLimits.purgeBefore(new Date(Date.now() - 24 * HOUR_MS))]).catch(
      (error: unknown) => logger.warn({ err: error }, 'housekeeping failed'),
    );
  }, HOUR_MS).unref();

  await app.listen(config.PORT, config.HOST);
  const url = `http://localhost:${config.PORT}`;
  // Closed by app.close(), after the drain, so a scrape still sees the instance while it stops.
  const metrics = await app.get(MetricsService).listen();
  if (metrics) logger.info({ host: config.METRICS_HOST, port: metrics.port }, 'Prometheus metrics served at /metrics');
  logger.info({ url }, 'Atelier is ready');

  const lines = [`\n  Atelier is ready at ${url}\n`];
  if (seeded.seeded) {
    lines.push(`  Demo workspace loaded. Every demo account's password: ${DEMO_PASSWORD}`);
    for (const account of seeded.accounts) lines.push(`    ${account.role.padEnd(9)} ${account.email}`);
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Atelier could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
