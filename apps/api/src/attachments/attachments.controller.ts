import {
  Controller,
  Get,
  Param,
  Post,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { noFile } from './attachment-errors';
import type { Attachment } from './attachment.entity';
import { AttachmentsService, type UploadedFileData, type UploadResult } from './attachments.service';
import { EXTENSIONS, contentDisposition } from './file-type';
import { AttachmentsErrorFilter } from './http-errors.filter';
import { UploadGuard } from './upload.guard';

/** The name a download is saved under always ends with the extension of its real type. */
function servedName(attachment: Attachment): string {
  const extension = EXTENSIONS[attachment.mimeType] ?? 'bin';
  const jpeg = attachment.mimeType === 'image/jpeg' && /\.jpe?g$/i.test(attachment.originalName);
  return jpeg || attachment.originalName.toLowerCase().endsWith(`.${extension}`)
    ? attachment.originalName
    : `${attachment.originalName}.${extension}`;
}

/**
 * Upload (`POST /uploads`, multipart, field `file`) and download (`GET /files/:id`) of images and
 * PDFs. Not GraphQL: the policy guard passes these routes, so `UploadGuard` checks the caller.
 */
@Controller()
@UseFilters(AttachmentsErrorFilter)
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /** Limits and storage of the multipart parser come from `MulterModule` in AttachmentsModule. */
  @Post('uploads')
  @UseGuards(UploadGuard)
  @UseInterceptors(FileInterceptor('file'))
  async upload(@Req() req: Request, @UploadedFile() file: UploadedFileData | undefined): Promise<UploadResult> {
    if (!file) throw noFile();
    return this.attachments.upload(req.user!, file);
  }

  /**
   * Streams a file to whoever may read it. Unknown, malformed and forbidden ids, and anonymous
   * callers, all get the same 404: the answer reveals nothing about what exists.
   */
  @Get('files/:id')
  async download(
    @Req() req: Request,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { attachment, stream } = await this.attachments.openForViewer(req.user, id);
    const disposition = attachment.kind === 'IMAGE' ? 'inline' : 'attachment';
    res.setHeader('content-type', attachment.mimeType);
    res.setHeader('content-length', String(attachment.sizeBytes));
    res.setHeader('content-disposition', contentDisposition(disposition, servedName(attachment)));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'private, max-age=3600');
    res.setHeader('content-security-policy', "default-src 'none'; sandbox");
    return new StreamableFile(stream);
  }
}
