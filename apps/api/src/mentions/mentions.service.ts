import { Injectable } from '@nestjs/common';
import { STAFF_ROLES, badInput, notFound } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/ids';
import { renderBody } from '../markdown/body';
import { BODY_MAX_LENGTH, mentionHandles } from '../markdown/markdown';
import { ScopeRef, ScopeRegistry } from '../scopes/scope-registry';
import { TargetsService } from '../scopes/targets.service';
import { MentionCandidate } from './dto/mention-candidate';

/** A person's handle, in SQL: the part of their e-mail before the @, lower-cased (served by users_handle_idx). */
export const handleSql = (alias: string): string => `lower(split_part(${alias}.email, '@', 1))`;

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
 * Mentions in any content (posts, comments, briefs, co-creation). The syntax is in
 * mention-syntax.ts: `@` + the part of the e-mail before the @ (`@camille.martin`).
 *
 * A handle resolves only to an active staff member who may read the content's scope (a space, a
 * brief, a thread). Anyone else (a non-reader, a customer, a deactivated account, nobody at all) is
 * left as plain text and notified of nothing,
 * so the writer learns nothing about them. Two readers sharing a handle (same name on two domains)
 * make it ambiguous: it links neither. Links are decided when the body is written: someone who joins
 * a private space later is not linked in its older posts.
 */
@Injectable()
export class MentionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeRegistry,
    private readonly targets: TargetsService,
  ) {}

  /** SQL condition: the user `u` is an active staff member who may read the scope whose id is `idParam`. */
  private readerSql(scope: ScopeRef['type'], idParam: string, staffParam: string): string {
    return `u.active and u.role = any(${staffParam}) and ${this.scopes.readableOfTypeSql(scope, idParam, 'u.id')}`;
  }

  /** Checks and renders a body written in the scope, linking the mentions its readers resolve to. */
  async renderBody(raw: string, scope: ScopeRef, field = 'body'): Promise<RenderedBody> {
    const trimmed = raw.trim();
    // An empty or too long body is refused by renderBody; no need to look anyone up for it.
    const handles = trimmed && trimmed.length <= BODY_MAX_LENGTH ? mentionHandles(trimmed) : [];
    const readers = await this.resolve(handles.slice(0, MENTIONS_MAX), scope);
    const { body, bodyHtml } = renderBody(raw, field, readers);
    return { body, bodyHtml, mentionedIds: [...new Set(readers.values())] };
  }

  /** The same Markdown rules, with no one linked: for text written by someone who may not look people up. */
  renderPlainBody(raw: string, field = 'body'): Promise<RenderedBody> {
    const { body, bodyHtml } = renderBody(raw, field, new Map());
    return Promise.resolve({ body, bodyHtml, mentionedIds: [] });
  }

  /** Handles (lower-cased) to the one active staff member each names among the readers of the scope. */
  async resolve(handles: readonly string[], scope: ScopeRef): Promise<Map<string, string>> {
    if (!handles.length || !isUuid(scope.id)) return new Map();
    const rows = await this.dataSource.query<{ handle: string; id: string }[]>(
      `select ${handleSql('u')} as handle, min(u.id::text) as id
         from users u
        where ${handleSql('u')} = any($1::text[]) and ${this.readerSql(scope.type, '$2::uuid', '$3')}
        group by 1
       having count(*) = 1`,
      [handles, scope.id, STAFF_ROLES],
    );
    return new Map(rows.map((row) => [row.handle, row.id]));
  }

  /**
   * The composer's autocomplete: readers of the scope (contextId is a scope — a space, a brief, a
   * thread — or a piece of content the viewer reads; anything else answers NOT_FOUND, as a missing
   * one does) whose handle or a word of whose name starts with `query`, the viewer aside.
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
    const scope = await this.readableScopeOf(viewerId, contextId);
    const like = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.dataSource.query<{ id: string; display_name: string; handle: string }[]>(
      `select u.id, u.display_name, ${handleSql('u')} as handle
         from users u
        where ${this.readerSql(scope.type, '$1::uuid', '$2')} and u.id <> $3
          and (${handleSql('u')} like $4 or lower(u.display_name) like $4 or lower(u.display_name) like ('% ' || $4))
        order by ${handleSql('u')} = $5 desc, lower(u.display_name), u.id
        limit $6`,
      [scope.id, STAFF_ROLES, viewerId, like, prefix, first],
    );
    return rows.map((row) => ({ id: row.id, displayName: row.display_name, handle: row.handle }));
  }

  /** The scope of a context (a scope, or a piece of content) the viewer may read. */
  private async readableScopeOf(viewerId: string, contextId: string): Promise<ScopeRef> {
    const target = await this.targets.find(viewerId, contextId);
    if (target) return target.scope;
    for (const type of this.scopes.scopeTypes()) {
      if (await this.targets.canReadScope(viewerId, { type, id: contextId })) return { type, id: contextId };
    }
    throw notFound('space or post');
  }
}
