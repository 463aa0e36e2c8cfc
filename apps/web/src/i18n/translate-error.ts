import { ApiError } from '@/graphql/client';

/** The subset of vue-i18n the translation needs, so it can be tested without a Vue app. */
export interface Translator {
  t: (key: string, params?: Record<string, unknown>) => string;
  te: (key: string) => boolean;
}

interface Explainable {
  code?: string;
  reason?: string;
  params?: Record<string, string | number>;
  message?: string;
}

/** Reads what we need from an ApiError, a client-side DomainError (from @atelier/domain) or anything else. */
function explain(error: unknown): Explainable {
  if (error instanceof ApiError) return error;
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; message?: unknown; details?: { reason?: unknown; params?: unknown } };
    return {
      code: typeof e.code === 'string' ? e.code : undefined,
      reason: typeof e.details?.reason === 'string' ? e.details.reason : undefined,
      params: e.details?.params as Record<string, string | number> | undefined,
      message: typeof e.message === 'string' ? e.message : undefined,
    };
  }
  return {};
}

/**
 * A message a person can act on, in their language: the translation of the error's `reason`,
 * else the translation of its `code`, else the server's own message, else a generic message.
 */
export function translateError(error: unknown, { t, te }: Translator): string {
  const { code, reason, params, message } = explain(error);
  if (reason && te(`errors.${reason}`)) return t(`errors.${reason}`, params ?? {});
  if (code && te(`errors.codes.${code}`)) return t(`errors.codes.${code}`, params ?? {});
  if (error instanceof ApiError && message) return message;
  return t('errors.unknown');
}

/** The input field an error is about, when the API or a validator said so. */
export function errorField(error: unknown): string | undefined {
  if (error instanceof ApiError) return error.field;
  const details = (error as { details?: { field?: unknown } } | null)?.details;
  return typeof details?.field === 'string' ? details.field : undefined;
}
