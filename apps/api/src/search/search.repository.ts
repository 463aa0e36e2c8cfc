import { Injectable } from '@nestjs/common';
import { badInput } from '@atelier/domain';
import { DataSource } from 'typeorm';
import { isUuid } from '../common/ids';
import { ScopeRegistry } from '../scopes/scope-registry';
import { SPACE_COLUMNS_SQL, type SpaceRow, spaceFromRow } from '../spaces/space-row';
import type { Space } from '../spaces/space.entity';

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
  doc_type: string;
  doc_id: string;
  parent_type: string | null;
  parent_id: string | null;
  scope_type: string;
  scope_id: string;
  /** The document's title, or for a comment the title of what it is on (null for posts). */
  title: string | null;
  rank: string;
  created_at: string;
  /** Plain text with MARK_START/MARK_END around matches: not HTML yet. */
  headline: string;
}

/**
 * How many matches are ranked: the newest ones, by creation date. Ranking (ts_rank_cd over vectors
 * holding three configurations' lexemes) grows with the number of matches, and so does finding
 * them: for a common word (14 % of 200,000 posts) the GIN index hands over every match, each read
 * from the table and sorted by date, 100 to 250 ms (bench:search). With this bound, the matches are
 * looked for in the most recent period first (PERIODS) and older periods only for what is missing:
 * about 2,000 rows read for such a word, about 10 ms.
 * The trade-off, deliberate: for a word matching more than this many readable documents, an older
 * document is not found however well it ranks, and a document pushed out by newer ones between two
 * pages is skipped (never repeated). 500 is 25 pages of 20; any query narrow enough to be under it,
 * which adding a word usually makes it, ranks every match as before.
 */
export const RANKED_MATCHES = 500;

/** The query as PostgreSQL sees it: French and English stemming, accents ignored, both languages' stop words dropped. */
const TSQUERY = `atelier_search_query($1)`;

/**
 * The periods the newest matches are looked for in, newest first. The GIN index hands over every
 * match of a word however old, and each is then read from the table to be sorted by date: for a word
 * in 6 % of 200,000 documents, 12,000 rows read to keep 500. Bounded by a period, PostgreSQL ANDs
 * the GIN bitmap with the date index's and reads only the period's matches. A period is searched
 * only while the newer ones hold fewer than RANKED_MATCHES readable matches, and only for the rest,
 * so together they return exactly the newest RANKED_MATCHES, as one search of all time would.
 */
const PERIODS: { from?: string; to?: string }[] = [
  { from: `now() - interval '7 days'` },
  { from: `now() - interval '90 days'`, to: `now() - interval '7 days'` },
  { to: `now() - interval '90 days'` },
];

/** One materialized CTE per period (p0, p1…), each reading what the newer ones left to find. */
function periodsSql(match: string, rankedParam: string): string {
  return PERIODS.map(({ from, to }, i) => {
    const found = PERIODS.slice(0, i)
      .map((_, newer) => `(select count(*) from p${newer})`)
      .join(' + ');
    const conditions = [
      match,
      from && `sd.created_at >= ${from}`,
      to && `sd.created_at < ${to}`,
      found && `${found} < ${rankedParam}`,
    ];
    // offset 0 keeps the inner select a plan of its own: a period's matches are gathered whole
    // through the indexes, never by walking the date index and testing every document, which the
    // planner picks when it overestimates the matches (words that seldom go together) and which then
    // reads tens of thousands of rows. A period's matches are few: it is read only when the newer
    // ones held few.
    return `p${i} as materialized (
         select * from (
           select sd.doc_type, sd.doc_id, sd.created_at, sd.tsv
             from search_documents sd
            where ${conditions.filter(Boolean).join(' and ')}
           offset 0
         ) m
          order by m.created_at desc, m.doc_id desc
          limit ${found ? `${rankedParam} - (${found})` : rankedParam}
       )`;
  }).join(',\n       ');
}

/**
 * The only SQL of search: one query for a page, over the search_documents table the triggers keep.
 *
 * Access: a document is returned only if the viewer may read its scope, by the rule every other read
 * uses (the ScopeRegistry: a space's readers, a brief's, a thread's), read once into `readable` and
 * probed as a hash. Deleted content has no document (the triggers remove it), so nothing more to
 * filter.
 *
 * Cost: the matches are looked for period by period, newest first (PERIODS), each through the GIN
 * index ANDed with the date index; of those readable, only the RANKED_MATCHES newest are ranked and
 * sorted (a deliberate trade-off, see there), and only the page (at most 50 rows, not the one read
 * to know whether another page follows) gets a ts_headline.
 */
@Injectable()
export class SearchRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scopes: ScopeRegistry,
  ) {}

  page(
    viewerId: string,
    query: string,
    first: number,
    after: SearchCursor | null,
    rankedMatches = RANKED_MATCHES,
  ): Promise<SearchHitRow[]> {
    // The query written out in the match, not q.query: a constant the planner sees, so it estimates
    // how many documents match and whether ANDing the date index's bitmap pays.
    const match = `sd.tsv @@ ${TSQUERY} and (sd.scope_type, sd.scope_id) in (select scope_type, scope_id from readable)`;
    return this.dataSource.query<SearchHitRow[]>(
      `with q as (select ${TSQUERY} as query),
       readable as materialized (${this.scopes.readableScopesSql('$2')}),
       ${periodsSql(match, '$8')},
       newest as (${PERIODS.map((_, i) => `select * from p${i}`).join(' union all ')}),
       hits as (
         select newest.doc_type, newest.doc_id, newest.created_at, ts_rank_cd(newest.tsv, q.query, 1) as rank
           from newest cross join q
       ),
       page as (
         select hits.*, row_number() over (order by rank desc, created_at desc, doc_id desc) as n from hits
          where $3::real is null or (rank, created_at, doc_id) < ($3::real, $4::timestamptz, $5::uuid)
          order by rank desc, created_at desc, doc_id desc
          limit $6
       )
       select page.doc_type, page.doc_id, sd.parent_type, sd.parent_id, sd.scope_type, sd.scope_id,
              coalesce(sd.title, pd.title) as title, page.rank::text as rank, page.created_at::text as created_at,
              case when page.n > $9 then ''
                   when strpos(fr.headline, U&'\\E000') > 0 then fr.headline
                   else ts_headline('atelier_en', sd.body, q.query, $7) end as headline
         from page cross join q
         join search_documents sd on sd.doc_type = page.doc_type and sd.doc_id = page.doc_id
         left join search_documents pd on pd.doc_type = sd.parent_type and pd.doc_id = sd.parent_id
         -- The row after the page only tells whether there is a next one: no excerpt for it.
         cross join lateral (
           select case when page.n <= $9 then ts_headline('atelier_fr', sd.body, q.query, $7) end as headline
         ) fr
        order by page.rank desc, page.created_at desc, page.doc_id desc`,
      [
        query,
        viewerId,
        after?.rank ?? null,
        after?.createdAt ?? null,
        after?.id ?? null,
        first + 1,
        HEADLINE_OPTIONS,
        rankedMatches,
        first,
      ],
    );
  }

  /**
   * The spaces of a page of results as their `space` field shows them, without the member count (a
   * count over two tables per space), which the resolver reads through the space loader when asked.
   */
  async spacesWithoutMemberCount(ids: readonly string[]): Promise<Map<string, Space>> {
    const rows = await this.dataSource.query<SpaceRow[]>(
      `select ${SPACE_COLUMNS_SQL('s')} from spaces s where s.id = any($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, spaceFromRow(row)]));
  }

  /** Whether the query keeps any word once stop words and punctuation are dropped. */
  async hasWords(query: string): Promise<boolean> {
    const [row] = await this.dataSource.query<{ n: number }[]>(`select numnode(${TSQUERY})::int as n`, [query]);
    return row.n > 0;
  }
}
