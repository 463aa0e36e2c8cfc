import { Injectable } from '@nestjs/common';
import type { CalendarDate, DailyMinutes } from '@atelier/domain';
import { DataSource } from 'typeorm';

/**
 * Every query of the ROI report, in one place. The time-saved figures read only the daily rollups
 * of migrations/1764000000000-time-saved-rollups.ts, which triggers keep in step with
 * time_saved_entries in the same transaction (never stale):
 *   time_saved_daily_teams   (day, team) → minutes, entries
 *   time_saved_daily_people  (day, person, team, category, content kind) → minutes, entries
 *   time_saved_daily_content (day, content, team) → minutes, entries (= people: one entry per person)
 * Distinct people are counted by grouping per person first (hash aggregates, no sort of the rows).
 *
 * Parameters, always in this order: $1 first date, $2 last date (both included), $3 the teams
 * (uuid[] or null: the whole department), then each query's own.
 */
const IN_REPORT = `r.entry_date between $1::date and $2::date and ($3::uuid[] is null or r.team_id = any($3::uuid[]))`;

/** "Written by someone of the teams", for the adoption figures (posts and comments carry no team). */
const BY_TEAM_MEMBER = (userColumn: string) =>
  `($3::uuid[] is null or exists (select 1 from team_members tm where tm.user_id = ${userColumn} and tm.team_id = any($3::uuid[])))`;

/** Timestamps cut into the company's calendar days: $4 is the time zone. */
const IN_PERIOD_AT = (column: string) =>
  `${column} >= ($1::date::timestamp at time zone $4) and ${column} < (($2::date + 1)::timestamp at time zone $4)`;
const WEEK_OF_AT = (column: string) => `date_trunc('week', ${column} at time zone $4)::date::text`;

export interface Breakdown {
  key: string;
  minutes: number;
  entries: number;
  people: number;
}

export interface RankedContent {
  contentType: string;
  contentId: string;
  minutes: number;
  people: number;
}

export interface RankedContributor {
  userId: string;
  displayName: string;
  minutes: number;
  entries: number;
}

export interface BriefInPeriod {
  id: string;
  title: string;
  status: string;
  teamId: string;
  teamName: string;
  liveFrom: CalendarDate;
  closedOn: CalendarDate | null;
}

export interface AdoptionWeek {
  weekStart: CalendarDate;
  activePeople: number;
  posts: number;
  comments: number;
  proposals: number | null;
}

export interface PeopleFigures {
  /** People who logged at least once in the period. */
  total: number;
  entries: number;
  /** People who logged in each week (Monday, YYYY-MM-DD). */
  byWeek: Map<string, number>;
  category: Breakdown[];
  contentType: Breakdown[];
  team: Breakdown[];
  contributors: RankedContributor[];
}

type Dimension = 'category' | 'contentType' | 'team' | 'week' | 'total' | 'contributor';
type Params = [CalendarDate, CalendarDate, string[] | null];

@Injectable()
export class RoiReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Minutes per day and team: what the value is computed from, at each day's rate. */
  async dailyMinutes(...params: Params): Promise<DailyMinutes[]> {
    const rows = await this.dataSource.query<{ date: string; team_id: string | null; minutes: string }[]>(
      `select r.entry_date::text as date, r.team_id, r.minutes
         from time_saved_daily_teams r
        where ${IN_REPORT}`,
      params,
    );
    return rows.map((row) => ({ date: row.date, teamId: row.team_id, minutes: Number(row.minutes) }));
  }

  /**
   * Everything counted per person, in one pass over the period's rollup rows: people logging (in
   * the period and each week), minutes, entries and people per category, per kind of content
   * ('NONE': not linked) and per team ('NONE': no team), and the `limit` top contributors.
   * Each dimension is grouped by (value, person) first, so counting its groups counts people.
   */
  async people(limit: number, ...params: Params): Promise<PeopleFigures> {
    type Row = { dim: Dimension; key: string; minutes: string; entries: string; people: string; name: string | null };
    const rows = await this.dataSource.transaction(async (manager) => {
      // The per-person groups of a quarter at bench volume (~250,000) fit in memory instead of spilling.
      await manager.query(`set local work_mem = '64MB'`);
      return manager.query<Row[]>(
        `with period as materialized (
                select r.user_id, r.team_id, r.category, r.content_type,
                       date_trunc('week', r.entry_date)::date as week, r.minutes, r.entries
                  from time_saved_daily_people r
                 where ${IN_REPORT}),
              per_person as materialized (
                select p.user_id, sum(p.minutes) as minutes, sum(p.entries) as entries from period p group by p.user_id),
              per_value as (
                select 'category' as dim, p.category::text as key, p.user_id, sum(p.minutes) as minutes,
                       sum(p.entries) as entries
                  from period p group by p.category, p.user_id
                union all
                select 'contentType', coalesce(p.content_type::text, 'NONE'), p.user_id, sum(p.minutes), sum(p.entries)
                  from period p group by p.content_type, p.user_id
                union all
                select 'team', coalesce(p.team_id::text, 'NONE'), p.user_id, sum(p.minutes), sum(p.entries)
                  from period p group by p.team_id, p.user_id
                union all
                select 'week', p.week::text, p.user_id, sum(p.minutes), sum(p.entries)
                  from period p group by p.week, p.user_id
                union all
                select 'total', '', pp.user_id, pp.minutes, pp.entries from per_person pp)
         select v.dim, v.key, sum(v.minutes) as minutes, sum(v.entries) as entries, count(*) as people, null as name
           from per_value v
          group by v.dim, v.key
         union all
         select 'contributor', top.user_id::text, top.minutes, top.entries, 1, u.display_name
           from (select pp.* from per_person pp order by pp.minutes desc, pp.user_id limit $4) top
           join users u on u.id = top.user_id`,
        [...params, limit],
      );
    });
    const of = (dim: Dimension): Breakdown[] =>
      rows
        .filter((row) => row.dim === dim)
        .map((row) => ({
          key: row.key,
          minutes: Number(row.minutes),
          entries: Number(row.entries),
          people: Number(row.people),
        }))
        .sort((a, b) => b.minutes - a.minutes || a.key.localeCompare(b.key));
    const total = of('total')[0];
    return {
      total: total?.people ?? 0,
      entries: total?.entries ?? 0,
      byWeek: new Map(of('week').map((row) => [row.key, row.people])),
      category: of('category'),
      contentType: of('contentType'),
      team: of('team'),
      contributors: rows
        .filter((row) => row.dim === 'contributor')
        .map((row) => ({
          userId: row.key,
          displayName: row.name!,
          minutes: Number(row.minutes),
          entries: Number(row.entries),
        }))
        .sort((a, b) => b.minutes - a.minutes || a.userId.localeCompare(b.userId)),
    };
  }

  async topContent(limit: number, ...params: Params): Promise<RankedContent[]> {
    const rows = await this.dataSource.query<
      { content_type: string; content_id: string; minutes: string; people: string }[]
    >(
      `select r.content_type, r.content_id, sum(r.minutes) as minutes, sum(r.entries) as people
         from time_saved_daily_content r
        where ${IN_REPORT}
        group by r.content_type, r.content_id
        order by sum(r.minutes) desc, r.content_id
        limit $4`,
      [...params, limit],
    );
    return rows.map((row) => ({
      contentType: row.content_type,
      contentId: row.content_id,
      minutes: Number(row.minutes),
      people: Number(row.people),
    }));
  }

  /** Active staff accounts, of the teams when given: the base of the adoption share and of the cost share. */
  async activeStaff(teams: string[] | null): Promise<number> {
    const [row] = await this.dataSource.query<{ count: string }[]>(
      `select count(*) as count from users u
        where u.active and u.role <> 'CUSTOMER'
          and ($1::uuid[] is null or exists (select 1 from team_members tm where tm.user_id = u.id and tm.team_id = any($1::uuid[])))`,
      [teams],
    );
    return Number(row.count);
  }

  async teamNames(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<{ id: string; name: string }[]>(
      `select id, name from teams where id = any($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /**
   * Weekly activity on the network: people who posted, commented, proposed or logged time, and the
   * posts, comments and proposals written. Proposals are counted once the co-creation tables exist.
   */
  async adoption(zone: string, ...params: Params): Promise<AdoptionWeek[]> {
    const [{ proposals: hasProposals }] = await this.dataSource.query<{ proposals: boolean }[]>(
      `select to_regclass('public.proposals') is not null as proposals`,
    );
    const proposalsSql = hasProposals
      ? `select ${WEEK_OF_AT('p.created_at')} as week, p.author_id as user_id, 'PROPOSAL' as kind
           from proposals p where ${IN_PERIOD_AT('p.created_at')} and ${BY_TEAM_MEMBER('p.author_id')}`
      : `select null::text, null::uuid, null::text where false`;
    const rows = await this.dataSource.query<
      { week: string; active: string; posts: string; comments: string; proposals: string }[]
    >(
      // Grouped by (week, person) first: counting those groups counts the week's active people.
      `select a.week, count(*) as active, sum(a.posts) as posts, sum(a.comments) as comments,
              sum(a.proposals) as proposals
         from (select w.week, w.user_id,
                      count(*) filter (where w.kind = 'POST') as posts,
                      count(*) filter (where w.kind = 'COMMENT') as comments,
                      count(*) filter (where w.kind = 'PROPOSAL') as proposals
                 from (select ${WEEK_OF_AT('p.created_at')} as week, p.author_id as user_id, 'POST' as kind
                         from posts p
                        where p.deleted_at is null and ${IN_PERIOD_AT('p.created_at')} and ${BY_TEAM_MEMBER('p.author_id')}
                       union all
                       select ${WEEK_OF_AT('c.created_at')}, c.author_id, 'COMMENT'
                         from comments c
                        where c.deleted_at is null and ${IN_PERIOD_AT('c.created_at')} and ${BY_TEAM_MEMBER('c.author_id')}
                       union all
                       ${proposalsSql}
                       union all
                       select date_trunc('week', r.entry_date)::date::text, r.user_id, 'TIME_SAVED'
                         from time_saved_daily_people r
                        where ${IN_REPORT}) w
                group by w.week, w.user_id) a
        group by a.week`,
      [...params, zone],
    );
    return rows.map((row) => ({
      weekStart: row.week,
      activePeople: Number(row.active),
      posts: Number(row.posts),
      comments: Number(row.comments),
      proposals: hasProposals ? Number(row.proposals) : null,
    }));
  }

  /**
   * Briefs live at some time during the period: launched before it ended and still live, or closed
   * after it began; of the teams when given. $4 is the time zone (transitions are instants).
   */
  async briefsLive(zone: string, ...params: Params): Promise<BriefInPeriod[]> {
    const rows = await this.dataSource.query<
      {
        id: string;
        title: string;
        status: string;
        team_id: string;
        team_name: string;
        live_from: string;
        closed_on: string | null;
      }[]
    >(
      `select b.id, b.title, b.status, b.team_id, t.name as team_name,
              (launched.at at time zone $4)::date::text as live_from,
              (closed.at at time zone $4)::date::text as closed_on
         from briefs b
         join teams t on t.id = b.team_id
         cross join lateral (select min(x.created_at) as at from brief_transitions x
                              where x.brief_id = b.id and x.to_status = 'LIVE') launched
         cross join lateral (select max(x.created_at) as at from brief_transitions x
                              where x.brief_id = b.id and x.to_status = 'CLOSED') closed
        where b.status in ('LIVE', 'CLOSED')
          and ($3::uuid[] is null or b.team_id = any($3::uuid[]))
          and launched.at < (($2::date + 1)::timestamp at time zone $4)
          and (b.status = 'LIVE' or closed.at >= ($1::date::timestamp at time zone $4))
        order by launched.at, b.id`,
      [...params, zone],
    );
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      teamId: row.team_id,
      teamName: row.team_name,
      liveFrom: row.live_from,
      closedOn: row.closed_on,
    }));
  }

  /** The live text of content, to quote in the report: comments directly, other kinds through `contentSql`. */
  async contentTexts(ids: string[], contentSql: string): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.query<{ id: string; html: string }[]>(
      `select c.id, c.body_html as html from comments c where c.id = any($1::uuid[]) and c.deleted_at is null
       ${contentSql ? `union all select x.id, x.html from (${contentSql}) x where x.id = any($1::uuid[])` : ''}`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.html]));
  }
}
