import { Injectable } from '@nestjs/common';
import { badInput } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/ids';
import { Post } from '../posts/post.entity';
import { canReadSql } from '../spaces/space-member.entity';
import { Space } from '../spaces/space.entity';

export interface FeedCursor {
  /** Only in a space feed, where pinned posts come first. */
  pinned?: boolean;
  /** created_at as PostgreSQL prints it: keeps the microseconds a JS Date would lose. */
  createdAt: string;
  id: string;
}

export interface FeedPage {
  posts: { post: Post; cursor: string }[];
  hasNextPage: boolean;
}

export const encodeCursor = (cursor: FeedCursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

export function decodeCursor(raw: string): FeedCursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as FeedCursor;
    if (
      typeof value.createdAt !== 'string' ||
      typeof value.id !== 'string' ||
      !isUuid(value.id) ||
      !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/.test(value.createdAt) ||
      (value.pinned !== undefined && typeof value.pinned !== 'boolean')
    ) {
      throw new Error('bad cursor');
    }
    return value;
  } catch {
    throw badInput(
      'invalidCursor',
      'This page marker is not valid any more: load the feed again from the top.',
      'after',
    );
  }
}

/**
 * The one place the feed is read. Keyset pagination on (created_at, id), or (pinned, created_at, id)
 * in a space; never OFFSET, so a page costs the same wherever it is and posts written meanwhile
 * neither repeat nor skip entries. Served by posts_feed_idx and posts_space_feed_idx.
 */
@Injectable()
export class FeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(viewerId: string, spaceId: string | null, first: number, after: FeedCursor | null): Promise<FeedPage> {
    const query = this.dataSource
      .createQueryBuilder(Post, 'post')
      .addSelect('post.created_at::text', 'cursor_created_at')
      .where('post.deleted_at is null');

    if (spaceId) {
      // The caller has checked the viewer may read this space.
      query.andWhere('post.space_id = :spaceId', { spaceId }).orderBy('post.pinned', 'DESC');
      if (after) {
        query.andWhere('(post.pinned, post.created_at, post.id) < (:pinned, :createdAt::timestamptz, :id)', {
          pinned: after.pinned ?? false,
          createdAt: after.createdAt,
          id: after.id,
        });
      }
    } else {
      query.andWhere(
        (qb) => `post.space_id in ${qb.subQuery().select('s.id').from(Space, 's').where(canReadSql('s')).getQuery()}`,
        { viewerId },
      );
      if (after) {
        query.andWhere('(post.created_at, post.id) < (:createdAt::timestamptz, :id)', {
          createdAt: after.createdAt,
          id: after.id,
        });
      }
    }
    query
      .addOrderBy('post.created_at', 'DESC')
      .addOrderBy('post.id', 'DESC')
      .take(undefined)
      .limit(first + 1);

    const { entities, raw } = await query.getRawAndEntities<{ cursor_created_at: string; post_id: string }>();
    const createdAtById = new Map(raw.map((row) => [row.post_id, row.cursor_created_at]));
    const posts = entities.slice(0, first).map((post) => ({
      post,
      cursor: encodeCursor({
        ...(spaceId ? { pinned: post.pinned } : {}),
        createdAt: createdAtById.get(post.id)!,
        id: post.id,
      }),
    }));
    return { posts, hasNextPage: entities.length > first };
  }
}
