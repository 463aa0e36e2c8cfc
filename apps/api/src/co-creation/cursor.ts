import { badInput } from '@atelier/domain';
import { isUuid } from '../common/ids';

/** Keyset position: created_at as PostgreSQL prints it (microseconds kept), the id, and the sort key if any. */
export interface KeysetCursor {
  createdAt: string;
  id: string;
  key?: number;
}

const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

export const encodeKeyset = (cursor: KeysetCursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

export function decodeKeyset(raw: string): KeysetCursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as KeysetCursor;
    if (
      typeof value.createdAt !== 'string' ||
      !PG_TIMESTAMP.test(value.createdAt) ||
      typeof value.id !== 'string' ||
      !isUuid(value.id) ||
      (value.key !== undefined && !Number.isInteger(value.key))
    ) {
      throw new Error('bad cursor');
    }
    return value;
  } catch {
    throw badInput(
      'invalidCursor',
      'This page marker is not valid any more: load the list again from the top.',
      'after',
    );
  }
}

export const pageSize = (first: number, max: number): number => Math.min(Math.max(Math.trunc(first) || 1, 1), max);
