import { existsSync } from 'node:fs';
import path from 'node:path';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module';
import { accessLog } from './common/access-log';
import { PinoNestLogger } from './common/pino-nest-logger';
import { requestContextMiddleware } from './common/request-context';
import { AppConfig } from './config/app-config';
import { LiveIoAdapter } from './live/live-io.adapter';

/** Paths the API answers itself; every other GET that wants HTML gets the web app. */
const API_PATHS = /^\/(graphql|healthz|readyz|socket\.io|uploads|files|exports)(\/|$)/;

function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const index = path.join(webDist, 'index.html');
  if (!existsSync(index)) return;
  app.use('/assets', express.static(path.join(webDist, 'assets'), { immutable: true, maxAge: '1y', index: false }));
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}

/** A body too large or not JSON is refused in the GraphQL error shape, before anything runs. */
function bodyErrorHandler(limit: string) {
  return (error: { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (!error?.status) return next(error);
    const tooLarge = error.type === 'entity.too.large';
    res.status(error.status).json({
      errors: [
        {
          message: tooLarge
            ? `The request is larger than the ${limit} allowed.`
            : 'The request body is not valid JSON.',
          extensions: { code: 'BAD_USER_INPUT', reason: tooLarge ? 'bodyTooLarge' : 'invalidRequest' },
        },
      ],
    });
  };
}

/** Builds the whole HTTP application; used by `main.ts` and by the integration tests alike. */
export async function createApp(config: AppConfig, databaseUrl: string, logger: Logger): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, databaseUrl, logger), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(new PinoNestLogger(logger));
  // Live updates: socket.io on this HTTP server, across instances through Redis (REDIS_URL) or PostgreSQL.
  const live = new LiveIoAdapter(app, config.REDIS_URL, databaseUrl, logger);
  await live.connect().catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  app.useWebSocketAdapter(live);
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  // GraphQL answers POSTs that nobody revalidates: no ETag hashed over every body (static files have
  // their own, from serve-static).
  app.set('etag', false);

  app.use(requestContextMiddleware);
  if (logger.isLevelEnabled('info')) app.use(accessLog(logger));
  app.use(
    helmet({
      // Apollo's sandbox landing page (outside production only) loads its scripts from a CDN.
      contentSecurityPolicy: config.isProduction ? undefined : false,
    }),
  );
  app.use(cookieParser());
  app.use(express.json({ limit: config.BODY_LIMIT }));
  app.use(bodyErrorHandler(config.BODY_LIMIT));
  serveWebApp(app, config.webDist);
  return app;
}
