import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ATTACHMENT_ACCESS, AttachmentAccessRegistry } from './attachment-access';
import { Attachment } from './attachment.entity';
import { AttachmentsController } from './attachments.controller';
import { AttachmentsService } from './attachments.service';
import { AttachmentsErrorFilter } from './http-errors.filter';
import { LocalDiskStorage } from './storage/local-disk.storage';
import { ATTACHMENT_STORAGE } from './storage/storage';
import { UploadGuard } from './upload.guard';

@Module({
  imports: [
    TypeOrmModule.forFeature([Attachment]),
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      // No `storage`: multer keeps the file in memory (at most UPLOAD_MAX_BYTES) while its type is checked.
      useFactory: (config: AppConfig) => ({
        defParamCharset: 'utf8',
        limits: {
          fileSize: config.UPLOAD_MAX_BYTES,
          files: 1,
          fields: 5,
          fieldSize: 1024,
          parts: 6,
          headerPairs: 20,
        },
      }),
    }),
  ],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsService,
    AttachmentAccessRegistry,
    { provide: ATTACHMENT_ACCESS, useExisting: AttachmentAccessRegistry },
    // Swap for an S3-compatible implementation of AttachmentStorage here; nothing else changes.
    { provide: ATTACHMENT_STORAGE, useClass: LocalDiskStorage },
    UploadGuard,
    AttachmentsErrorFilter,
  ],
  exports: [AttachmentsService, AttachmentAccessRegistry, ATTACHMENT_ACCESS],
})
export class AttachmentsModule {}
