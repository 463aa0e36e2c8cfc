import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Actor } from '@atelier/domain';
import type { User } from '../users/user.entity';

declare module 'http' {
  interface IncomingMessage {
    /** The signed-in user, set by the session middleware. */
    user?: User;
    /** SHA-256 of the session token the request came with. */
    sessionIdHash?: string;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request an id (a caller's well-formed `x-request-id` is kept) that the logs,
 * the response header and masked errors all share, as `req.id`.
 */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.id = requestId;
  res.setHeader('x-request-id', requestId);
  next();
}

export function actorOf(user: User | undefined): Actor | null {
  return user ? { id: user.id, role: user.role, active: user.active } : null;
}
