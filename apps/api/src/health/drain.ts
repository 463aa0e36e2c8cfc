import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import { LiveEventsService } from '../live/live-events.service';
import { DrainState } from './drain-state';

/** How often idle keep-alive connections are closed while requests finish. */
const IDLE_SWEEP_MS = 100;

/**
 * A graceful stop, before `app.close()` (which closes the database pool): readiness turns to 503;
 * the listening socket closes, so new connections go to other instances; live connections are closed
 * so their clients reconnect elsewhere; requests in flight finish (their keep-alive connections are
 * closed as they go idle) for at most `timeoutMs`, after which the remaining connections are cut.
 */
export async function drain(app: INestApplication, timeoutMs: number, logger: Logger): Promise<void> {
  app.get(DrainState).draining = true;
  app.get(LiveEventsService).disconnectLocal();
  const server = app.getHttpServer() as Server;
  if (!server.listening) return;
  await new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
    const deadline = setTimeout(() => {
      logger.warn({ timeoutMs }, 'drain timed out: closing the connections still open');
      server.closeAllConnections();
    }, timeoutMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}
