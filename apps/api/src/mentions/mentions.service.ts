import { Injectable } from '@nestjs/common';
import { STAFF_ROLES, badInput, notFound } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/ids';
import { renderBody } from '../posts/body';
import { BODY_MAX_LENGTH, mentionHandles } from '../posts/markdown';
import { canReadSql } from '../spaces/space-member.entity';
import { MentionCandidate } from './dto/mention-candidate';

/** A person's handle, in SQL: the part of their e-mail before the @, lower-cased (served by users_handle_idx). */
export const handleSql = (alias: string): string => `lower(split_part(${alias}.email, '@', 1))`;

/** The SQL condition "the user `userColumn` is an active staff member who may read the space `spaceAlias`". */
const readerSql = (userAlias: string, spaceAlias: string, staffParam: string): string =>
  `${userAlias}.active and ${userAlias}.role = any(${staffParam}) and ${canReadSql(spaceAlias).replace(
    /:viewerId/g,
    `${userAlias}.id`,
  )}`;

/** A body links at most this many people; further handles stay text (and notify nobody). */
export const MENTIONS_MAX = 50;
export const CANDIDATES_MAX = 20;
const QUERY_MAX_LENGTH = 100;

export interface RenderedBody {
  body: string;
  bodyHtml: string;
  /** The people the body mentions who may read it: the ones it links, the ones to notify. */
  mentionedIds: string[];
}

/**
 * Mentions in posts and comments (and later briefs and co-creation threads). The syntax is in
 * mention-syntax.ts: `@` + the part of the e-mail before the @ (`@camille.martin`).
 *
 * A handle resolves only to an active staff member who may read the content (for a post or a
 * comment: who may read its space, canReadSql). Anyone else (a member of no such space, a
 * customer, a deactivated account, nobody at all) is left as plain text and notified of nothing,
 * so the writer learns nothing about them. Two readers sharing a handle (same name on two domains)
 * make it ambiguous: it links neither. Links are decided when the body is written: someone who joins
 * a private space later is not linked in its older posts.
 */
@Injectable()
export class MentionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Checks and renders a body written in the space, linking the mentions its readers resolve to. */
  async renderBody(raw: string, spaceId: string, field = 'body'): Promise<RenderedBody> {
    const trimmed = raw.trim();
    // An empty or too long body is refused by renderBody; no need to look anyone up for it.
    const handles = trimmed && trimmed.length <= BODY_MAX_LENGTH ? mentionHandles(trimmed) : [];
    const readers = await this.resolve(handles.slice(0, MENTIONS_MAX), spaceId);
    const { body, bodyHtml } = renderBody(raw, field, readers);
    return { body, bodyHtml, mentionedIds: [...new Set(readers.values())] };
  }

  /** Handles (lower-cased) to the one active staff member each names among the readers of the space. */
  async resolve(handles: readonly string[], spaceId: string): Promise<Map<string, string>> {
    if (!handles.length || !isUuid(spaceId)) return new Map();
    const rows = await this.dataSource.query<{ handle: string; id: string }[]>(
      `select ${handleSql('u')} as handle, min(u.id::text) as id
         from users u join spaces s on s.id = $2
        where ${handleSql('u')} = any($1::text[]) and ${readerSql('u', 's', '$3')}
        group by 1
       having count(*) = 1`,
      [handles, spaceId, STAFF_ROLES],
    );
    return new Map(rows.map((row) => [row.handle, row.id]));
  }

  /**
   * The composer's autocomplete: readers of the space (contextId is a space or a post the viewer
   * reads; anything else answers NOT_FOUND, as a missing one does) whose handle or a word of whose
   * name starts with `query`, the viewer aside.
   */
  async candidates(viewerId: string, contextId: string, query: string, first: number): Promise<MentionCandidate[]> {
    if (!Number.isInteger(first) || first < 1 || first > CANDIDATES_MAX) {
      throw badInput('invalidPageSize', `Ask for between 1 and ${CANDIDATES_MAX} people at a time.`, 'first', {
        max: CANDIDATES_MAX,
      });
    }
    const prefix = query.trim().replace(/^@/, '').toLowerCase();
    if (prefix.length > QUERY_MAX_LENGTH) {
      throw badInput('tooLong', `Type at most ${QUERY_MAX_LENGTH} characters.`, 'query', { max: QUERY_MAX_LENGTH });
    }
    const spaceId = await this.readableSpaceOf(viewerId, contextId);
    const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.dataSource.query<{ id: string; display_name: string; handle: string }[]>(
      `select u.id, u.display_name, ${handleSql('u')} as handle
         from users u join spaces s on s.id = $1
        where ${readerSql('u', 's', '$2')} and u.id <> $3
          and (${handleSql('u')} like $4 or lower(u.display_name) like $4 or lower(u.display_name) like ('% ' || $4))
        order by ${handleSql('u')} = $5 desc, lower(u.display_name), u.id
        limit $6`,
      [spaceId, STAFF_ROLES, viewerId, like, prefix, first],
    );
    return rows.map((row) => ({ id: row.id, displayName: row.display_name, handle: row.handle }));
  }

  /** The space of a context (a space or a live post) the viewer may read. */
  private async readableSpaceOf(viewerId: string, contextId: string): Promise<string> {
    if (!isUuid(contextId)) throw notFound('space or post');
    const canRead = canReadSql('s').replace(/:viewerId/g, '$2');
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `select s.id from spaces s where s.id = $1 and ${canRead}
       union all
       select s.id from posts p join spaces s on s.id = p.space_id
        where p.id = $1 and p.deleted_at is null and ${canRead}`,
      [contextId, viewerId],
    );
    if (!row) throw notFound('space or post');
    return row.id;
  }
}
