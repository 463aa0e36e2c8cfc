import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';

/**
 * Nest's own messages and every `new Logger(context)` of the app, written by the app's pino logger.
 * Nest hands the context over last: `new Logger('Mail').error(fields, 'message')` arrives as
 * (fields, 'message', 'Mail'), and its own errors as (message, stack, context). Unlike nestjs-pino,
 * no AsyncLocalStorage binds a logger to each request: on Node 20 it would turn promise hooks on
 * for every promise; the request id is in the access log line and in every masked error instead.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    const params = [...rest];
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? params.pop() : undefined;
    if (message !== null && typeof message === 'object' && !(message instanceof Error)) {
      const [text] = params;
      this.logger[level]({ ...message, context }, typeof text === 'string' ? text : undefined);
      return;
    }
    if (message instanceof Error) {
      this.logger[level]({ err: message, context }, message.message);
      return;
    }
    const [stack] = params;
    this.logger[level]({ context, ...(typeof stack === 'string' && { stack }) }, String(message));
  }
}
