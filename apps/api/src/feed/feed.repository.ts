import { Injectable } from '@nestjs/common';
import { badInput } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { Attachment } from '../attachments/attachment.entity';
import { isUuid } from '../common/ids';
import type { PostReadWith } from '../posts/post-loaders';
import { Post } from '../posts/post.entity';
import { summarise } from '../reactions/reaction.entity';
import { canReadSql } from '../spaces/space-member.entity';
import { type SpaceRow, spaceFromRow } from '../spaces/space-row';
import { memberCountSql } from '../spaces/space.entity';
import { USER_COLUMNS_SQL, userFromRow, type UserRow } from '../users/user-loaders';
import type { User } from '../users/user.entity';

export interface FeedCursor {
  /** Only in a space feed, where pinned posts come first. */
  pinned?: boolean;
  /** created_at as PostgreSQL prints it: keeps the microseconds a JS Date would lose. */
  createdAt: string;
  id: string;
}

/** A post of the page with what its card shows, read in the same statement. */
export interface FeedEntry extends PostReadWith {
  post: Post;
  cursor: string;
  /** The space's owner, if it has one. */
  owner: User | undefined;
}

export interface FeedPage {
  posts: FeedEntry[];
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
 * The one place the feed is read: the page and everything its cards show (author, space and its
 * owner, comment count, reactions with the viewer's own, attachments) in ONE statement, so a page
 * costs one round trip whatever its size; the resolver hands these to the request's loaders.
 *
 * Keyset pagination on (created_at, id), or (pinned, created_at, id) in a space; never OFFSET, so a
 * page costs the same wherever it is and posts written meanwhile neither repeat nor skip entries.
 * EXPLAIN ANALYZE on bench:feed's database (200,000 posts, a member of 20 spaces, first 20): the
 * page walks posts_feed_idx newest first with the readable spaces as a memoized semi-join (27 rows
 * read for 21 kept); each card's comment count from comments_target_id_idx, reactions from
 * reactions_target_summary_idx (index only), attachments from attachments_target_idx (a sequential
 * scan while the table is empty, as there), author and owner by users_pkey. About 2–3 ms on a quiet
 * machine; member counts, when asked for, add about 4.
 */
@Injectable()
export class FeedRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * `memberCounts`: whether the spaces come with their member count, the only costly part of a card
   * (a count over two tables per space), read only when the query asks for it.
   */
  async page(
    viewerId: string,
    spaceId: string | null,
    first: number,
    after: FeedCursor | null,
    { memberCounts }: { memberCounts: boolean },
  ): Promise<FeedPage> {
    const order = spaceId ? 'p.pinned desc, p.created_at desc, p.id desc' : 'p.created_at desc, p.id desc';
    const conditions = ['p.deleted_at is null'];
    if (spaceId) {
      // The caller has checked the viewer may read this space.
      conditions.push('p.space_id = :spaceId');
      if (after) conditions.push('(p.pinned, p.created_at, p.id) < (:pinned, :createdAt::timestamptz, :id)');
    } else {
      conditions.push(`p.space_id in (select s.id from spaces s where ${canReadSql('s')})`);
      if (after) conditions.push('(p.created_at, p.id) < (:createdAt::timestamptz, :id)');
    }
    const sql = `
      with page as materialized (
        select p.id, p.author_id, p.body, p.body_html, p.created_at, p.edited_at, p.deleted_at, p.space_id,
               p.pinned, p.linked_brief_id, p.created_at::text as cursor_created_at
          from posts p
         where ${conditions.join(' and ')}
         order by ${order}
         limit :limit
      ),
      page_spaces as materialized (
        select s.id, s.name, s.description, s.kind, s.visibility, s.team_id, s.owner_id, s.created_at,
               ${memberCounts ? `(${memberCountSql('s')})::int` : 'null::int'} as member_count,
               (select row_to_json(o) from (select ${USER_COLUMNS_SQL} from users u where u.id = s.owner_id) o) as owner
          from spaces s
         where s.id in (select space_id from page)
      )
      select p.*,
             (select row_to_json(a) from (select ${USER_COLUMNS_SQL} from users u where u.id = p.author_id) a) as author,
             row_to_json(ps) as space,
             (select count(*)::int from comments c
               where c.target_id = p.id and c.deleted_at is null and c.hidden_at is null) as comment_count,
             (select coalesce(json_agg(r), '[]') from (
                select kind, count(*)::int as count, bool_or(user_id = :viewerId) as viewer
                  from reactions where target_id = p.id group by kind) r) as reactions,
             (select coalesce(json_agg(a order by a.created_at, a.id), '[]') from (
                select id, uploader_id, kind, mime_type, size_bytes, original_name, storage_key, width, height,
                       target_type, target_id, created_at
                  from attachments where target_type = 'POST' and target_id = p.id) a) as attachments
        from page p
        join page_spaces ps on ps.id = p.space_id
       order by ${order}`;
    const [query, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      sql,
      {
        viewerId,
        spaceId,
        limit: first + 1,
        ...(after ? { pinned: after.pinned ?? false, createdAt: after.createdAt, id: after.id } : {}),
      },
      {},
    );
    const rows = await this.dataSource.query<FeedRow[]>(query, parameters);
    const posts = rows.slice(0, first).map((row) => ({
      post: postOf(row),
      cursor: encodeCursor({
        ...(spaceId ? { pinned: row.pinned } : {}),
        createdAt: row.cursor_created_at,
        id: row.id,
      }),
      author: row.author ? userOf(row.author) : undefined,
      space: spaceFromRow(row.space),
      owner: row.space.owner ? userOf(row.space.owner) : undefined,
      commentCount: row.comment_count,
      reactions: summarise(row.id, row.reactions),
      attachments: row.attachments.map(attachmentOf),
    }));
    return { posts, hasNextPage: rows.length > first };
  }
}

/** Dates inside JSON come as text. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

interface FeedRow {
  id: string;
  author_id: string;
  body: string;
  body_html: string;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  space_id: string;
  pinned: boolean;
  linked_brief_id: string | null;
  cursor_created_at: string;
  author: Json<UserRow> | null;
  space: SpaceRow & { created_at: string; member_count: number | null; owner: Json<UserRow> | null };
  comment_count: number;
  reactions: { kind: string; count: number; viewer: boolean }[];
  attachments: {
    id: string;
    uploader_id: string;
    kind: Attachment['kind'];
    mime_type: string;
    size_bytes: number;
    original_name: string;
    storage_key: string;
    width: number | null;
    height: number | null;
    target_type: string | null;
    target_id: string | null;
    created_at: string;
  }[];
}

const postOf = (row: FeedRow): Post =>
  Object.assign(new Post(), {
    id: row.id,
    authorId: row.author_id,
    body: row.body,
    bodyHtml: row.body_html,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
    spaceId: row.space_id,
    pinned: row.pinned,
    linkedBriefId: row.linked_brief_id,
  });

const userOf = (row: Json<UserRow>): User =>
  userFromRow({ ...row, created_at: new Date(row.created_at), updated_at: new Date(row.updated_at) });

const attachmentOf = (row: FeedRow['attachments'][number]): Attachment =>
  Object.assign(new Attachment(), {
    id: row.id,
    uploaderId: row.uploader_id,
    kind: row.kind,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    originalName: row.original_name,
    storageKey: row.storage_key,
    width: row.width,
    height: row.height,
    targetType: row.target_type,
    targetId: row.target_id,
    createdAt: new Date(row.created_at),
  });
