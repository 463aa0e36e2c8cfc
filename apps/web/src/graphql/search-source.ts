import { request } from './client';
import { SearchDocument } from './generated';

export interface SearchHit {
  id: string;
  type: 'POST' | 'COMMENT' | (string & {});
  /** Safe HTML from the API: escaped text with <mark> around the matches. */
  excerpt: string;
  createdAt: string;
  /** The content to open (the result, or what the comment is on) and its title when it has one. */
  rootType: string;
  rootId: string;
  title: string | null;
  authorName: string | null;
  spaceName: string | null;
}

export interface SearchPage {
  hits: SearchHit[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface SearchSource {
  search(query: string, after?: string | null): Promise<SearchPage>;
}

export const SEARCH_PAGE = 20;

/** The API's `search(query, first, after)`. */
export const searchSource: SearchSource | null = {
  async search(query, after = null) {
    const { search } = await request(SearchDocument, { query, first: SEARCH_PAGE, after });
    return {
      hits: search.edges.map(({ node }) => ({
        id: node.id,
        type: node.type,
        excerpt: node.excerpt,
        createdAt: node.createdAt,
        rootType: node.rootType,
        rootId: node.rootId,
        title: node.title ?? null,
        authorName: (node.type === 'COMMENT' ? node.comment?.author : node.post?.author)?.displayName ?? null,
        spaceName: node.space?.name ?? null,
      })),
      endCursor: search.pageInfo.endCursor,
      hasNextPage: search.pageInfo.hasNextPage,
    };
  },
};
