import { Injectable } from '@nestjs/common';
import { badInput } from '@atelier/domain';
import { DataSource, In, IsNull } from 'typeorm';
import { Comment } from '../comments/comment.entity';
import { Post } from '../posts/post.entity';
import type { SearchConnection, SearchResult } from './dto/search.types';
import {
  decodeSearchCursor,
  encodeSearchCursor,
  MARK_END,
  MARK_START,
  SearchHitRow,
  SearchRepository,
} from './search.repository';

export const SEARCH_MAX_PAGE = 50;
export const SEARCH_MIN_CHARACTERS = 2;
export const SEARCH_MAX_LENGTH = 200;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * An excerpt as safe HTML: the whole text is escaped, then the match markers (which content cannot
 * contain: they are removed at indexing) become <mark> and </mark>. Nothing else can be a tag.
 */
export function excerptHtml(headline: string): string {
  return headline
    .replace(/[&<>"']/g, (char) => ESCAPES[char])
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>');
}

/** The query, trimmed, or BAD_USER_INPUT with what to do instead. */
export function validateSearchQuery(raw: string): string {
  const query = raw.trim().replace(/\s+/g, ' ');
  if (query.replace(/[^\p{L}\p{N}]/gu, '').length < SEARCH_MIN_CHARACTERS) {
    throw badInput('searchTooShort', `Type at least ${SEARCH_MIN_CHARACTERS} letters or digits to search.`, 'query', {
      min: SEARCH_MIN_CHARACTERS,
    });
  }
  if (query.length > SEARCH_MAX_LENGTH) {
    throw badInput(
      'tooLong',
      `Keep the search under ${SEARCH_MAX_LENGTH} characters: a few words are enough.`,
      'query',
      {
        max: SEARCH_MAX_LENGTH,
      },
    );
  }
  return query;
}

@Injectable()
export class SearchService {
  constructor(
    private readonly repository: SearchRepository,
    private readonly dataSource: DataSource,
  ) {}

  async search(viewerId: string, rawQuery: string, first: number, after?: string | null): Promise<SearchConnection> {
    const query = validateSearchQuery(rawQuery);
    if (!Number.isInteger(first) || first < 1 || first > SEARCH_MAX_PAGE) {
      throw badInput('invalidPageSize', `Ask for between 1 and ${SEARCH_MAX_PAGE} results at a time.`, 'first', {
        max: SEARCH_MAX_PAGE,
      });
    }
    const cursor = after ? decodeSearchCursor(after) : null;
    const rows = await this.repository.page(viewerId, query, first, cursor);
    // An empty first page costs one more query to tell "no match" from "no word to look for".
    if (!rows.length && !cursor && !(await this.repository.hasWords(query))) {
      throw badInput(
        'searchNoWords',
        'Add a more specific word: very common words ("le", "the", "de"…) and punctuation are not searched.',
        'query',
      );
    }
    const page = rows.slice(0, first);
    const results = await this.resultsOf(page);
    const cursorOf = (row: SearchHitRow) =>
      encodeSearchCursor({ rank: row.rank, createdAt: row.created_at, id: row.doc_id });
    const edges = page.flatMap((row, index) => {
      const node = results[index];
      return node ? [{ cursor: cursorOf(row), node }] : [];
    });
    const last = page.at(-1);
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursorOf(last) : null } };
  }

  /**
   * The posts and comments of a page, two queries whatever its size; other kinds of content are
   * described by their document (title, excerpt) and opened by kind and id. A row whose content went
   * away between the two statements is dropped (null); the cursor still moves past it.
   */
  private async resultsOf(rows: SearchHitRow[]): Promise<(SearchResult | null)[]> {
    const rootOf = (row: SearchHitRow) =>
      row.doc_type === 'COMMENT'
        ? { type: row.parent_type ?? '', id: row.parent_id ?? '' }
        : { type: row.doc_type, id: row.doc_id };
    const postIds = new Set(
      rows
        .map(rootOf)
        .filter((root) => root.type === 'POST')
        .map((root) => root.id),
    );
    const commentIds = rows.filter((row) => row.doc_type === 'COMMENT').map((row) => row.doc_id);
    const [posts, comments] = await Promise.all([
      postIds.size
        ? this.dataSource.manager.findBy(Post, { id: In([...postIds]), deletedAt: IsNull() })
        : Promise.resolve([]),
      commentIds.length
        ? this.dataSource.manager.findBy(Comment, { id: In(commentIds), deletedAt: IsNull() })
        : Promise.resolve([]),
    ]);
    const postById = new Map(posts.map((post) => [post.id, post]));
    const commentById = new Map(comments.map((comment) => [comment.id, comment]));
    return rows.map((row) => {
      const root = rootOf(row);
      const comment = row.doc_type === 'COMMENT' ? commentById.get(row.doc_id) : undefined;
      const post = root.type === 'POST' ? postById.get(root.id) : undefined;
      if ((root.type === 'POST' && !post) || (row.doc_type === 'COMMENT' && !comment)) return null;
      return {
        id: row.doc_id,
        type: row.doc_type,
        excerpt: excerptHtml(row.headline),
        title: row.title,
        createdAt: new Date(row.created_at),
        rootType: root.type,
        rootId: root.id,
        scopeType: row.scope_type,
        scopeId: row.scope_id,
        post: post ?? null,
        comment: comment ?? null,
        spaceId: row.scope_type === 'SPACE' ? row.scope_id : null,
      };
    });
  }
}
