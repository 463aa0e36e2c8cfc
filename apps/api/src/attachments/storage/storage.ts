import type { Readable } from 'node:stream';

export interface StoredObjectMeta {
  /** The detected MIME type of the bytes. */
  contentType: string;
  sizeBytes: number;
}

/**
 * Where attachment bytes live. The default is `LocalDiskStorage` (under `$DATA_DIR/attachments`);
 * an S3-compatible store replaces it by providing another class under `ATTACHMENT_STORAGE` in
 * `AttachmentsModule`, nothing else changes. Keys are random UUIDs made by the service, never user input.
 */
export interface AttachmentStorage {
  put(key: string, content: Readable | Buffer, meta: StoredObjectMeta): Promise<void>;
  /** Rejects with `StoredObjectNotFound` when nothing is stored under `key`. */
  get(key: string): Promise<Readable>;
  /** Removing a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

export class StoredObjectNotFound extends Error {
  constructor(key: string) {
    super(`no stored object under key ${key}`);
    this.name = 'StoredObjectNotFound';
  }
}
