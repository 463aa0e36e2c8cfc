import { Injectable } from '@nestjs/common';
import { badInput } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/ids';
import { canReadSql } from '../spaces/space-member.entity';
import type { SearchDocumentType } from './search-document.entity';

/**
 * Where a page ends. Results are ordered by (rank desc, created_at desc, doc_id desc) and the next
 * page starts strictly after the last one: keyset pagination, never OFFSET. ts_rank_cd depends
 * only on the document and the query (no corpus statistics), so a result's rank does not move when
 * other content is written: each result comes once across pages, unless its own text is edited
 * meanwhile. rank and createdAt travel as PostgreSQL prints them (a real prints exactly since
 * PostgreSQL 12; a timestamptz keeps its microseconds), so the comparison is exact.
 */
export interface SearchCursor {
  rank: string;
  createdAt: string;
  id: string;
}

export const encodeSearchCursor = (cursor: SearchCursor): string =>
  Buffer.from(JSON.stringify([cursor.rank, cursor.createdAt, cursor.id])).toString('base64url');

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const REAL = /^\d+(\.\d+)?(e[+-]?\d+)?$/;

export function decodeSearchCursor(raw: string): SearchCursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (!Array.isArray(value) || value.length !== 3) throw new Error('bad cursor');
    const [rank, createdAt, id] = value as unknown[];
    if (
      typeof rank !== 'string' ||
      !REAL.test(rank) ||
      typeof createdAt !== 'string' ||
      !TIMESTAMP.test(createdAt) ||
      typeof id !== 'string' ||
      !isUuid(id)
    ) {
      throw new Error('bad cursor');
    }
    return { rank, createdAt, id };
  } catch {
    throw badInput('invalidCursor', 'This page marker is not valid any more: run the search again.', 'after');
  }
}

/** Matches in excerpts are marked with these private-use characters, removed from content at indexing. */
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

export interface SearchHitRow {
  doc_type: SearchDocumentType;
  doc_id: string;
  parent_type: string | null;
  parent_id: string | null;
  scope_type: 'SPACE';
  scope_id: string;
  rank: string;
  created_at: string;
  /** Plain text with MARK_START/MARK_END around matches: not HTML yet. */
  headline: string;
}

/** The query as PostgreSQL sees it: French and English stemming, accents ignored, both languages' stop words dropped. */
const TSQUERY = `atelier_search_query($1)`;

/**
 * The only SQL of search: one query for a page, over the search_documents table the triggers keep.
 *
 * Access: a document is returned only if the viewer may read its scope. SPACE scopes use the same
 * rule as everywhere else (canReadSql: open spaces, private ones the viewer belongs to). New kinds of
 * scope (co-creation threads, briefs) add an `or (sd.scope_type = '…' and …)` branch here.
 * Deleted content has no document (the triggers remove it), so nothing more to filter.
 *
 * Cost: the GIN index finds the matching documents; only those readable are ranked and sorted, and
 * only the page (at most 51 rows) gets a ts_headline, the expensive part.
 */
@Injectable()
export class SearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  page(viewerId: string, query: string, first: number, after: SearchCursor | null): Promise<SearchHitRow[]> {
    const readable = canReadSql('s', 'viewer').replace(/:viewer\b/g, '$2');
    return this.dataSource.query<SearchHitRow[]>(
      `with q as (select ${TSQUERY} as query),
       hits as (
         select sd.doc_type, sd.doc_id, sd.parent_type, sd.parent_id, sd.scope_type, sd.scope_id,
                sd.title, sd.body, sd.created_at, ts_rank_cd(sd.tsv, q.query, 1) as rank
           from search_documents sd cross join q
          where sd.tsv @@ q.query
            and (sd.scope_type = 'SPACE' and sd.scope_id in (select s.id from spaces s where ${readable}))
       ),
       page as (
         select * from hits
          where $3::real is null or (rank, created_at, doc_id) < ($3::real, $4::timestamptz, $5::uuid)
          order by rank desc, created_at desc, doc_id desc
          limit $6
       )
       select page.doc_type, page.doc_id, page.parent_type, page.parent_id, page.scope_type, page.scope_id,
              page.rank::text as rank, page.created_at::text as created_at,
              case when strpos(fr.headline, U&'\\E000') > 0 then fr.headline
                   else ts_headline('atelier_en', page.body, q.query, $7) end as headline
         from page cross join q
         cross join lateral (select ts_headline('atelier_fr', page.body, q.query, $7) as headline) fr
        order by page.rank desc, page.created_at desc, page.doc_id desc`,
      [query, viewerId, after?.rank ?? null, after?.createdAt ?? null, after?.id ?? null, first + 1, HEADLINE_OPTIONS],
    );
  }

  /** Whether the query keeps any word once stop words and punctuation are dropped. */
  async hasWords(query: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ n: number }[]>(`select numnode(${TSQUERY})::int as n`, [query]);
    return row.n > 0;
  }
}
