import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE } from './session-cookie';
import { SessionsService } from './sessions.service';

/** Turns the session cookie into `req.user` for every route: GraphQL, uploads, exports, sockets. */
@Injectable()
export class SessionMiddleware implements NestMiddleware {
  constructor(private readonly sessions: SessionsService) {}

  async use(req: Request, _res: Response, next: NextFunction): Promise<void> {
    const token: unknown = req.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0 && token.length <= 128) {
      const resolved = await this.sessions.resolve(token);
      if (resolved) {
        req.user = resolved.user;
        req.sessionIdHash = resolved.idHash;
      }
    }
    next();
  }
}
