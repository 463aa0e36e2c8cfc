import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK_ERROR'
  | (string & {});

export interface ApiErrorInit {
  code: ApiErrorCode;
  message: string;
  reason?: string;
  field?: string;
  params?: Record<string, string | number>;
  requestId?: string;
}

/** A refusal or failure reported by the API (or the network), carrying what the UI needs to explain it. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly reason?: string;
  readonly field?: string;
  readonly params?: Record<string, string | number>;
  readonly requestId?: string;

  constructor(init: ApiErrorInit) {
    super(init.message);
    this.name = 'ApiError';
    this.code = init.code;
    this.reason = init.reason;
    this.field = init.field;
    this.params = init.params;
    this.requestId = init.requestId;
  }
}

interface GraphQLErrorPayload {
  message?: string;
  extensions?: {
    code?: string;
    reason?: string;
    field?: string;
    params?: Record<string, string | number>;
    requestId?: string;
  };
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorPayload[];
}

export const GRAPHQL_ENDPOINT = '/graphql';

/**
 * POSTs one typed operation to the API as JSON (the only shape its CSRF protection accepts)
 * and returns its data, or throws an {@link ApiError}.
 */
export async function request<TResult, TVariables>(
  document: DocumentTypeDecoration<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
): Promise<TResult> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: String(document), variables: variables ?? {} }),
    });
  } catch (cause) {
    throw new ApiError({ code: 'NETWORK_ERROR', message: cause instanceof Error ? cause.message : 'Network error' });
  }

  let body: GraphQLResponse<TResult> | undefined;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    body = undefined;
  }

  const first = body?.errors?.[0];
  if (first) {
    const ext = first.extensions ?? {};
    throw new ApiError({
      code: ext.code ?? 'INTERNAL_SERVER_ERROR',
      message: first.message ?? 'Unknown error',
      reason: ext.reason,
      field: ext.field,
      params: ext.params,
      requestId: ext.requestId,
    });
  }
  if (!response.ok || !body || body.data == null) {
    throw new ApiError({
      code: response.status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_SERVER_ERROR',
      message: `Unexpected response (HTTP ${response.status})`,
    });
  }
  return body.data;
}
