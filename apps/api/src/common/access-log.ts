import type { IncomingMessage } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * One line per request when its response ends: id, method, url, status, time, the GraphQL
 * operation and the user. Never cookies (session tokens) nor bodies (passwords). Health probes are
 * not logged. The request id is the one requestContextMiddleware gave the request.
 */
export function accessLog(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage) => req.id,
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (req: IncomingMessage & { body?: { operationName?: unknown } }) => ({
      operation: typeof req.body?.operationName === 'string' ? req.body.operationName : undefined,
      userId: req.user?.id,
    }),
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/healthz' || req.url === '/readyz' },
  });
}
