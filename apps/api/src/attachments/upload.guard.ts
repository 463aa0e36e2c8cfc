import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { badInput, can, forbidden, unauthenticated } from '@atelier/domain';
import type { Request } from 'express';
import { actorOf } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { fileTooLarge } from './attachment-errors';

/** Room for the multipart envelope around the file (boundaries and part headers). */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export const CSRF_HEADER = 'x-atelier-upload';

/**
 * Runs before the body is read: a request that will be refused anyway (cross-site, anonymous,
 * not allowed, announced larger than the limit) never reaches the multipart parser.
 */
@Injectable()
export class UploadGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    // The session cookie rides along with any cross-site form post; a custom header cannot.
    if (req.header(CSRF_HEADER) !== '1') {
      throw badInput(
        'missingCsrfHeader',
        `Uploads must carry the header "${CSRF_HEADER}: 1". Upload from the Atelier web app.`,
      );
    }
    const actor = actorOf(req.user);
    if (!actor) throw unauthenticated('Sign in to upload files.');
    if (!can(actor, 'attachment.upload')) throw forbidden('You are not allowed to upload files.');
    const announced = Number(req.header('content-length'));
    if (Number.isFinite(announced) && announced > this.config.UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD_BYTES) {
      throw fileTooLarge(this.config.UPLOAD_MAX_BYTES);
    }
    return true;
  }
}
