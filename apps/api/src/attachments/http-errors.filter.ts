import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Logger } from '@nestjs/common';
import { DomainError, type ErrorCode, badInput } from '@atelier/domain';
import type { Request, Response } from 'express';
import { maskedMessage } from '../common/graphql-errors';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { HttpDomainError, fileTooLarge } from './attachment-errors';

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
};

/**
 * Answers the REST routes of attachments in the error shape GraphQL uses:
 * `{ errors: [{ message, extensions: { code, reason, field?, params? } }] }`, with the right
 * HTTP status. multer's own refusals are translated; anything unexpected is logged and masked
 * behind the request id, as the GraphQL formatter does.
 */
@Catch()
export class AttachmentsErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Attachments');

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const requestId = String(host.switchToHttp().getRequest<Request>().id);
    const error = this.toDomainError(exception);
    if (!error) {
      this.logger.error({ err: exception, requestId }, 'unexpected error in an attachments route');
      this.send(res, 500, {
        message: maskedMessage(requestId),
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      });
      return;
    }
    const { reason, field, params } = error.details;
    const status = error instanceof HttpDomainError ? error.httpStatus : STATUS[error.code];
    this.send(res, status, {
      message: error.message,
      extensions: { code: error.code, reason, ...(field && { field }), ...(params && { params }) },
    });
  }

  private toDomainError(exception: unknown): DomainError | null {
    if (exception instanceof DomainError) return exception;
    if (!(exception instanceof HttpException)) return null;
    const status = exception.getStatus();
    // multer stopped at the size limit.
    if (status === 413) return fileTooLarge(this.config.UPLOAD_MAX_BYTES);
    // multer refused the form: another field name, several files, a malformed body.
    if (status >= 400 && status < 500) {
      return badInput('invalidUpload', 'Send one file, as multipart/form-data, in a form field named "file".', 'file');
    }
    return null;
  }

  private send(res: Response, status: number, error: Record<string, unknown>): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.removeHeader('content-disposition');
    res.status(status).json({ errors: [error] });
  }
}
