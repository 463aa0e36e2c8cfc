/**
 * The one error vocabulary of Atelier. Every refusal the API makes carries one of these codes,
 * a message a person can act on, and a `reason` key the web app translates.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface DomainErrorDetails {
  /** Stable key the web translates, e.g. `auth.invalidCredentials`. */
  reason: string;
  /** The input field concerned, when there is one. */
  field?: string;
  /** Values the translated message may interpolate. */
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: DomainErrorDetails,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (reason: string, message: string, field?: string, params?: Record<string, string | number>) =>
  new DomainError('BAD_USER_INPUT', message, { reason, field, params });

export const forbidden = (message = 'You are not allowed to do this.') =>
  new DomainError('FORBIDDEN', message, { reason: 'forbidden' });

export const unauthenticated = (message = 'Sign in to continue.') =>
  new DomainError('UNAUTHENTICATED', message, { reason: 'unauthenticated' });

export const notFound = (what: string) =>
  new DomainError('NOT_FOUND', `This ${what} does not exist or is not visible to you.`, {
    reason: 'notFound',
    params: { what },
  });

export const conflict = (reason: string, message: string, field?: string) =>
  new DomainError('CONFLICT', message, { reason, field });
