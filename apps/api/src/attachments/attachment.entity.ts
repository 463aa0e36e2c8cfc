import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../users/user.entity';

export const ATTACHMENT_KINDS = ['IMAGE', 'PDF'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/**
 * An uploaded image or PDF. It belongs to its uploader until a piece of content (a post, a brief…)
 * claims it through `AttachmentsService.attach()`, which sets `targetType` and `targetId`.
 * Not a GraphQL type (yet): the module that shows attachments exposes the fields it needs.
 */
@Entity({ name: 'attachments' })
@Index('attachments_target_idx', ['targetType', 'targetId'])
export class Attachment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'uploader_id', type: 'uuid' })
  uploaderId: string;

  @ManyToOne(() => User)
  @JoinColumn({ name: 'uploader_id' })
  uploader?: User;

  @Column({ type: 'varchar' })
  kind: AttachmentKind;

  /** Detected from the bytes, never taken from the client. */
  @Column({ name: 'mime_type', type: 'varchar' })
  mimeType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  /** The client's file name, sanitised: no path, no control characters, at most 200 characters. */
  @Column({ name: 'original_name', type: 'varchar', length: 200 })
  originalName: string;

  /** Random UUID naming the bytes in the storage; never derived from user input. */
  @Column({ name: 'storage_key', type: 'varchar' })
  storageKey: string;

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @Column({ name: 'target_type', type: 'varchar', nullable: true })
  targetType: string | null;

  @Column({ name: 'target_id', type: 'uuid', nullable: true })
  targetId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
