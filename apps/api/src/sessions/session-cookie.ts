import type { CookieOptions, Request, Response } from 'express';

export const SESSION_COOKIE = 'atelier_sid';

const options = (req: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: 'lax',
  // Behind a TLS-terminating proxy this relies on TRUST_PROXY so that req.secure is right.
  secure: req.secure,
  path: '/',
});

export function setSessionCookie(req: Request, res: Response, token: string, maxAgeMs: number): void {
  res.cookie(SESSION_COOKIE, token, { ...options(req), maxAge: maxAgeMs });
}

export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, options(req));
}
