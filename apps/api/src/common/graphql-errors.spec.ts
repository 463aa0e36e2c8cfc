import { DomainError } from '@atelier/domain';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { Writable } from 'node:stream';
import { createErrorFormatter } from './graphql-errors';
import { requestContextMiddleware } from './request-context';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: pino({ level: 'error' }, stream) };
}

const resolverError = (original: Error) =>
  new GraphQLError(original.message, { path: ['signIn'], originalError: original });

/** Runs `fn` inside a request context, as the middleware does for every HTTP request. */
const inRequest = <T>(requestId: string, fn: () => T): T => {
  let result!: T;
  const req = { header: () => requestId } as never;
  const res = { setHeader: () => undefined } as never;
  requestContextMiddleware(req, res, () => {
    result = fn();
  });
  return result;
};

describe('GraphQL error formatter', () => {
  it('keeps a domain error: code, message, reason and field', () => {
    const { logger, lines } = capture();
    const format = createErrorFormatter(logger);
    const error = new DomainError('CONFLICT', 'An account already uses a@b.co.', {
      reason: 'emailTaken',
      field: 'email',
    });
    expect(format({ message: error.message, path: ['createUser'] }, resolverError(error))).toEqual({
      message: 'An account already uses a@b.co.',
      path: ['createUser'],
      extensions: { code: 'CONFLICT', reason: 'emailTaken', field: 'email' },
    });
    expect(lines).toHaveLength(0);
  });

  it('masks anything unexpected, logging it with the request id it returns', () => {
    const { logger, lines } = capture();
    const format = createErrorFormatter(logger);
    const leak = new Error('relation "users" does not exist at character 15');
    const formatted = inRequest('req-12345678', () =>
      format({ message: leak.message, path: ['users'] }, resolverError(leak)),
    );
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-12345678' });
    expect(formatted.message).not.toContain('relation');
    expect(formatted.message).toContain('req-12345678');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: 'req-12345678', err: { message: leak.message } });
  });

  it('reports a malformed request as BAD_USER_INPUT with its message', () => {
    const { logger } = capture();
    const format = createErrorFormatter(logger);
    const formatted = format(
      { message: 'Cannot query field "mee" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('Cannot query field "mee" on type "Query".'),
    );
    expect(formatted).toMatchObject({
      message: 'Cannot query field "mee" on type "Query".',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
