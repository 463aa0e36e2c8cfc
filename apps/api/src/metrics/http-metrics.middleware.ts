import { performance } from 'node:perf_hooks';
import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { MetricsService } from './metrics.service';

/**
 * Times the API's routes besides /graphql, which has its own per-operation histogram. The label is the
 * route's pattern (`/files/:id`), never the path, so ids do not become series; no route: "unmatched".
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: MetricsService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    if (req.originalUrl.split('?')[0] === '/graphql') return next();
    const started = performance.now();
    res.once('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      this.metrics.observeHttp(
        typeof route === 'string' ? route : 'unmatched',
        req.method,
        res.statusCode,
        (performance.now() - started) / 1000,
      );
    });
    next();
  }
}
