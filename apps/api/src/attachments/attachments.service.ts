import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { badInput, notFound } from '@atelier/domain';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { isUuid } from '../common/ids';
import type { User } from '../users/user.entity';
import { ATTACHMENT_ACCESS, type AttachmentAccessChecker } from './attachment-access';
import { fileTypeNotAllowed } from './attachment-errors';
import { Attachment } from './attachment.entity';
import { EXTENSIONS, detectAllowedType, imageSize, sanitizeFileName } from './file-type';
import { ATTACHMENT_STORAGE, type AttachmentStorage, StoredObjectNotFound } from './storage/storage';

export const MAX_ATTACHMENTS_PER_CONTENT = 4;

/** An upload nobody attached within this delay is abandoned (a closed composer, a failed post). */
export const UNATTACHED_TTL_MS = 24 * 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Target types are constants of the code (`POST`, `BRIEF`…), never user input. */
const TARGET_TYPE = /^[A-Z][A-Z_]{0,39}$/;

export interface UploadedFileData {
  originalname: string;
  size: number;
  buffer: Buffer;
}

export interface UploadResult {
  id: string;
  kind: Attachment['kind'];
  mimeType: string;
  sizeBytes: number;
  originalName: string;
}

@Injectable()
export class AttachmentsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AttachmentsService.name);
  private sweeper?: NodeJS.Timeout;

  constructor(
    @InjectRepository(Attachment) private readonly attachments: Repository<Attachment>,
    private readonly dataSource: DataSource,
    @Inject(ATTACHMENT_STORAGE) private readonly storage: AttachmentStorage,
    @Inject(ATTACHMENT_ACCESS) private readonly access: AttachmentAccessChecker,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => {
      this.sweepUnattached().catch((error: unknown) =>
        this.logger.error({ err: error }, 'sweeping unattached uploads failed'),
      );
    }, SWEEP_INTERVAL_MS);
    // Housekeeping never keeps the process alive on its own.
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  /**
   * Deletes uploads still unattached UNATTACHED_TTL_MS after they were made (or detached from their
   * content by an edit): the rows first, then their bytes. Returns how many were deleted.
   * An `attach()` running at the same time keeps its rows: the delete waits for its lock and then
   * sees them attached.
   */
  async sweepUnattached(now: Date = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - UNATTACHED_TTL_MS);
    const [rows] = await this.dataSource.query<[{ storage_key: string }[], number]>(
      'delete from attachments where target_id is null and created_at < $1 returning storage_key',
      [cutoff],
    );
    for (const row of rows) {
      await this.storage
        .delete(row.storage_key)
        .catch((error: unknown) =>
          this.logger.error({ err: error }, `could not delete the bytes of swept upload ${row.storage_key}`),
        );
    }
    return rows.length;
  }

  /**
   * Stores an uploaded file once its bytes prove it is an allowed type. Nothing is written, to the
   * storage or the database, for a refused file.
   */
  async upload(uploader: User, file: UploadedFileData): Promise<UploadResult> {
    const type = detectAllowedType(file.buffer);
    if (!type) throw fileTypeNotAllowed();
    const size = type.kind === 'IMAGE' ? imageSize(type.mimeType, file.buffer) : null;
    const storageKey = randomUUID();
    await this.storage.put(storageKey, file.buffer, { contentType: type.mimeType, sizeBytes: file.buffer.length });
    try {
      const saved = await this.attachments.save(
        this.attachments.create({
          uploaderId: uploader.id,
          kind: type.kind,
          mimeType: type.mimeType,
          sizeBytes: file.buffer.length,
          originalName: sanitizeFileName(file.originalname, EXTENSIONS[type.mimeType]),
          storageKey,
          width: size?.width ?? null,
          height: size?.height ?? null,
          targetType: null,
          targetId: null,
        }),
      );
      return {
        id: saved.id,
        kind: saved.kind,
        mimeType: saved.mimeType,
        sizeBytes: saved.sizeBytes,
        originalName: saved.originalName,
      };
    } catch (error) {
      // No row, no file: the bytes would be orphaned.
      await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    }
  }

  /**
   * The attachment and its bytes, if `viewer` may read it: its uploader always, anyone else only
   * through the access checker of the content it is attached to. Anything else is "not found",
   * whether the attachment exists or not.
   */
  async openForViewer(viewer: User | undefined, id: string): Promise<{ attachment: Attachment; stream: Readable }> {
    const attachment = isUuid(id) ? await this.attachments.findOneBy({ id }) : null;
    if (!attachment || !viewer?.active || !(await this.canRead(viewer, attachment))) throw notFound('file');
    try {
      return { attachment, stream: await this.storage.get(attachment.storageKey) };
    } catch (error) {
      if (!(error instanceof StoredObjectNotFound)) throw error;
      this.logger.error(`attachment ${attachment.id} has no stored bytes (key ${attachment.storageKey})`);
      throw notFound('file');
    }
  }

  private async canRead(viewer: User, attachment: Attachment): Promise<boolean> {
    if (attachment.uploaderId === viewer.id) return true;
    if (!attachment.targetType || !attachment.targetId) return false;
    return this.access.canRead(viewer, attachment.targetType, attachment.targetId);
  }

  /**
   * Attaches the uploader's own, not yet attached uploads to a piece of content, at most
   * MAX_ATTACHMENTS_PER_CONTENT in all. Pass the caller's transaction as `manager` so that the
   * content and its attachments are saved together; the rows are locked while they are checked.
   */
  async attach(
    uploaderId: string,
    attachmentIds: string[],
    targetType: string,
    targetId: string,
    manager?: EntityManager,
  ): Promise<Attachment[]> {
    if (!manager) {
      return this.dataSource.transaction((transaction) =>
        this.attach(uploaderId, attachmentIds, targetType, targetId, transaction),
      );
    }
    if (!TARGET_TYPE.test(targetType) || !isUuid(targetId)) {
      throw new Error(`invalid attachment target ${targetType}:${targetId}`);
    }
    const ids = [...new Set(attachmentIds)];
    if (ids.length === 0) return [];
    const tooMany = () =>
      badInput(
        'tooManyAttachments',
        `Attach at most ${MAX_ATTACHMENTS_PER_CONTENT} files. Remove some and try again.`,
        'attachmentIds',
        { max: MAX_ATTACHMENTS_PER_CONTENT },
      );
    if (ids.length > MAX_ATTACHMENTS_PER_CONTENT) throw tooMany();
    const unknown = () =>
      badInput(
        'unknownAttachment',
        'One of the files is not among your uploads. Upload it again and retry.',
        'attachmentIds',
      );
    if (!ids.every(isUuid)) throw unknown();

    const rows = await manager
      .createQueryBuilder(Attachment, 'attachment')
      .setLock('pessimistic_write')
      .where('attachment.id in (:...ids)', { ids })
      .getMany();
    if (rows.length !== ids.length || rows.some((row) => row.uploaderId !== uploaderId)) throw unknown();
    if (rows.some((row) => row.targetId !== null)) {
      throw badInput(
        'attachmentAlreadyUsed',
        'One of the files is already attached elsewhere. Upload it again to use it here too.',
        'attachmentIds',
      );
    }
    const already = await manager.count(Attachment, { where: { targetType, targetId } });
    if (already + ids.length > MAX_ATTACHMENTS_PER_CONTENT) throw tooMany();

    await manager.update(Attachment, { id: In(ids) }, { targetType, targetId });
    for (const row of rows) Object.assign(row, { targetType, targetId });
    return ids.map((id) => rows.find((row) => row.id === id)!);
  }

  /**
   * Makes `attachmentIds` the set of attachments of a piece of content, inside the caller's
   * transaction: the ones left out are detached, the new ones go through the rules of `attach()`.
   * Returns whether anything changed.
   */
  async replace(
    uploaderId: string,
    attachmentIds: string[],
    targetType: string,
    targetId: string,
    manager: EntityManager,
  ): Promise<boolean> {
    const wanted = [...new Set(attachmentIds)];
    const current = await manager
      .createQueryBuilder(Attachment, 'attachment')
      .setLock('pessimistic_write')
      .where('attachment.target_type = :targetType and attachment.target_id = :targetId', { targetType, targetId })
      .getMany();
    const currentIds = new Set(current.map((row) => row.id));
    const removed = [...currentIds].filter((id) => !wanted.includes(id));
    const added = wanted.filter((id) => !currentIds.has(id));
    if (removed.length === 0 && added.length === 0) return false;
    if (removed.length > 0) {
      await manager.update(Attachment, { id: In(removed) }, { targetType: null, targetId: null });
    }
    await this.attach(uploaderId, added, targetType, targetId, manager);
    return true;
  }

  /**
   * The attachments of many pieces of content of one type in one query, in upload order, in the
   * order of `targetIds` (a DataLoader batch function as it is).
   */
  async listFor(targetType: string, targetIds: readonly string[]): Promise<Attachment[][]> {
    const ids = [...new Set(targetIds.filter(isUuid))];
    const rows =
      ids.length === 0
        ? []
        : await this.attachments.find({
            where: { targetType, targetId: In(ids) },
            order: { createdAt: 'ASC', id: 'ASC' },
          });
    const byTarget = new Map<string, Attachment[]>();
    for (const row of rows) {
      const list = byTarget.get(row.targetId!) ?? [];
      list.push(row);
      byTarget.set(row.targetId!, list);
    }
    return targetIds.map((id) => byTarget.get(id) ?? []);
  }
}
