import { Logger } from '@nestjs/common';
import { PinoNestLogger } from './pino-nest-logger';
import { captureLogs } from '../../test/support/log-capture';

describe('PinoNestLogger', () => {
  it("writes a Nest Logger's fields, message and context as one pino line", () => {
    const { lines, logger } = captureLogs();
    const nest = new PinoNestLogger(logger);
    nest.error({ requestId: 'req-1' }, 'unexpected error in an attachments route', 'Attachments');
    nest.log('Mapped {/graphql, POST} route', 'RouterExplorer');
    nest.error('boom', 'Error: boom\n    at x', 'ExceptionsHandler');
    nest.warn('thread sweep failed');
    expect(
      lines.map(({ level, msg, context, requestId, stack }) => ({ level, msg, context, requestId, stack })),
    ).toEqual([
      {
        level: 50,
        msg: 'unexpected error in an attachments route',
        context: 'Attachments',
        requestId: 'req-1',
        stack: undefined,
      },
      {
        level: 30,
        msg: 'Mapped {/graphql, POST} route',
        context: 'RouterExplorer',
        requestId: undefined,
        stack: undefined,
      },
      { level: 50, msg: 'boom', context: 'ExceptionsHandler', requestId: undefined, stack: 'Error: boom\n    at x' },
      { level: 40, msg: 'thread sweep failed', context: undefined, requestId: undefined, stack: undefined },
    ]);
  });

  it('serves the Logger instances of the app once installed', () => {
    const { lines, logger } = captureLogs();
    Logger.overrideLogger(new PinoNestLogger(logger));
    try {
      new Logger('Mail').warn({ to: 'a@b.co' }, 'mail failed');
    } finally {
      Logger.overrideLogger(false);
    }
    expect(lines).toEqual([expect.objectContaining({ level: 40, msg: 'mail failed', context: 'Mail', to: 'a@b.co' })]);
  });
});
