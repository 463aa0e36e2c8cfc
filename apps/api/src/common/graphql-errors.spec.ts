import { DomainError } from '@atelier/domain';
import { GraphQLError } from 'graphql';
import type pino from 'pino';
import { errorReferencePlugin, formatGraphQLError } from './graphql-errors';
import { captureLogs } from '../../test/support/log-capture';

const resolverError = (original: Error) =>
  new GraphQLError(original.message, { path: ['signIn'], originalError: original });

/** Runs the plugin's hooks for one operation of request `requestId` that met `errors`, then answered `formatted`. */
async function throughPlugin(
  logger: pino.Logger,
  requestId: string,
  errors: GraphQLError[],
  formatted: ReturnType<typeof formatGraphQLError>[],
) {
  const contextValue = { req: { id: requestId } };
  const hooks = (await errorReferencePlugin(logger).requestDidStart!({ contextValue } as never))!;
  await hooks.didEncounterErrors!({ errors, contextValue } as never);
  const response = { body: { kind: 'single', singleResult: { errors: formatted } } };
  await hooks.willSendResponse!({ response, contextValue } as never);
  return response.body.singleResult.errors;
}

describe('GraphQL errors', () => {
  it('keep a domain error: code, message, reason and field; nothing logged', async () => {
    const { logger, lines } = captureLogs('error');
    const error = new DomainError('CONFLICT', 'An account already uses a@b.co.', {
      reason: 'emailTaken',
      field: 'email',
    });
    const formatted = formatGraphQLError({ message: error.message, path: ['createUser'] }, resolverError(error));
    expect(await throughPlugin(logger, 'req-12345678', [resolverError(error)], [formatted])).toEqual([
      {
        message: 'An account already uses a@b.co.',
        path: ['createUser'],
        extensions: { code: 'CONFLICT', reason: 'emailTaken', field: 'email' },
      },
    ]);
    expect(lines).toHaveLength(0);
  });

  it('mask anything unexpected behind the request id, and log it with that id', async () => {
    const { logger, lines } = captureLogs('error');
    const leak = new Error('relation "users" does not exist at character 15');
    const formatted = formatGraphQLError({ message: leak.message, path: ['users'] }, resolverError(leak));
    const [sent] = await throughPlugin(logger, 'req-12345678', [resolverError(leak)], [formatted]);
    expect(sent.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-12345678' });
    expect(sent.message).not.toContain('relation');
    expect(sent.message).toContain('req-12345678');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ requestId: 'req-12345678', err: { message: leak.message } });
  });

  it('report a malformed request as BAD_USER_INPUT with its message, not as ours', async () => {
    const { logger, lines } = captureLogs('error');
    const error = new GraphQLError('Cannot query field "mee" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = formatGraphQLError(
      { message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      error,
    );
    expect(formatted).toMatchObject({
      message: 'Cannot query field "mee" on type "Query".',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    await throughPlugin(logger, 'req-12345678', [error], [formatted]);
    expect(lines).toHaveLength(0);
  });
});
