import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@atelier/domain';
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';

/** Apollo's own codes for a request that is malformed: the caller's input, not our fault. */
const CALLER_MISTAKES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The limits on a document, as graphql-js (tokens) and graphql-armor (depth, cost, aliases,
 * directives) word them, all prefixed "Syntax Error:" although none is one: each becomes a sentence
 * saying what was over which limit and what to change.
 */
const LIMITS: [RegExp, (limit: string, found?: string) => string][] = [
  [
    /contains more th\w+ (\d+) tokens/,
    (limit) =>
      `This query is too large: at most ${limit} tokens (names, punctuation and values) are accepted. Ask for fewer fields or split it into several queries.`,
  ],
  [
    /Query depth limit of (\d+) exceeded, found (\d+)/,
    (limit, found) =>
      `This query nests ${found} levels deep; the depth limit is ${limit}. Ask for fewer nested fields or split it into several queries.`,
  ],
  [
    /Query Cost limit of (\d+) exceeded, found (\d+)/,
    (limit, found) =>
      `This query would cost ${found}; the cost limit is ${limit}. Ask for fewer fields or smaller pages, or split it into several queries.`,
  ],
  [
    /Aliases limit of (\d+) exceeded, found (\d+)/,
    (limit, found) => `This query uses ${found} aliases; the alias limit is ${limit}. Split it into several queries.`,
  ],
  [
    /Directives limit of (\d+) exceeded, found (\d+)/,
    (limit, found) => `This query uses ${found} directives; the directive limit is ${limit}. Use fewer directives.`,
  ],
];

function overLimit(message: string): string | undefined {
  for (const [pattern, explain] of LIMITS) {
    const match = pattern.exec(message);
    if (match) return explain(match[1], match[2]);
  }
  return undefined;
}

/** What a person is told about an error of ours: a reference to give, not what went wrong. */
export const maskedMessage = (requestId: string | undefined): string =>
  `Something went wrong on our side. If it happens again, give this reference to your administrator: ${requestId}.`;

/** An error that is neither a domain error nor a malformed request: ours, to log and mask. */
function isUnexpected(formattedCode: unknown, error: unknown): boolean {
  return (
    !(unwrapResolverError(error) instanceof DomainError) &&
    !(typeof formattedCode === 'string' && CALLER_MISTAKES.has(formattedCode))
  );
}

/**
 * The one place GraphQL errors are shaped. Domain errors keep their code, message and reason;
 * malformed requests become BAD_USER_INPUT; anything else is masked, so no stack, SQL or internal
 * detail reaches a client. Apollo gives a formatter no request: the masked error gets its request id
 * from errorReferencePlugin below, which also logs it.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    const { reason, field, params } = original.details;
    return {
      message: original.message,
      path: formatted.path,
      extensions: { code: original.code, reason, ...(field && { field }), ...(params && { params }) },
    };
  }
  if (!isUnexpected(formatted.extensions?.code, error)) {
    return {
      message: overLimit(formatted.message) ?? formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', reason: 'invalidRequest' },
    };
  }
  return { message: maskedMessage(undefined), path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * Logs each unexpected error of an operation with its request id, and puts that id in the masked
 * errors the response carries, so a person's reference finds the log line. Request ids come from
 * the request itself (requestContextMiddleware), not from an AsyncLocalStorage, whose promise hooks
 * would tax every request for the rare one that fails.
 */
export function errorReferencePlugin(logger: Logger): ApolloServerPlugin<{ req?: { id?: unknown } }> {
  const requestIdOf = (contextValue: { req?: { id?: unknown } }) => {
    const id = contextValue?.req?.id;
    return typeof id === 'string' ? id : undefined;
  };
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const requestId = requestIdOf(contextValue);
          for (const error of errors) {
            if (!isUnexpected(error.extensions?.code, error)) continue;
            const err = unwrapResolverError(error);
            logger.error({ err, requestId, path: error.path }, 'unexpected error in a GraphQL operation');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const requestId = requestIdOf(contextValue);
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code !== 'INTERNAL_SERVER_ERROR') continue;
            Object.assign(error, { message: maskedMessage(requestId) });
            Object.assign(error.extensions, { requestId });
          }
        },
      };
    },
  };
}
