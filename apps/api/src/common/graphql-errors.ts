import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '@atelier/domain';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { currentRequestId } from './request-context';

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

/**
 * The one place GraphQL errors are shaped. Domain errors keep their code, message and reason;
 * malformed requests become BAD_USER_INPUT; anything else is logged with the request id and
 * masked, so no stack, SQL or internal detail reaches a client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof DomainError) {
      const { reason, field, params } = original.details;
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code: original.code, reason, ...(field && { field }), ...(params && { params }) },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CALLER_MISTAKES.has(code)) {
      return {
        message: overLimit(formatted.message) ?? formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', reason: 'invalidRequest' },
      };
    }
    const requestId = currentRequestId();
    logger.error({ err: original, requestId, path: formatted.path }, 'unexpected error in a GraphQL operation');
    return {
      message: `Something went wrong on our side. If it happens again, give this reference to your administrator: ${requestId}.`,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}
