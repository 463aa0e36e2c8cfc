import { Injectable } from '@nestjs/common';
import { type CalendarDate, type DailyMinutes, TIME_SAVED_CATEGORIES, TIME_SAVED_CONTENT_TYPES } from '@atelier/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { periodCover, weekCover } from './period-cover';

/**
 * Every query of the ROI report, in one place. The time-saved figures read only rollups, which
 * triggers keep in step with time_saved_entries in the same transaction (never stale):
 *   time_saved_daily_teams   (day, team) → minutes, entries
 *   time_saved_daily_people  (day, person, team, category, content kind) → minutes, entries
 *   time_saved_daily_content (day, content, team) → minutes, entries (= people: one entry per person)
 *     (migrations/1764000000000-time-saved-rollups.ts)
 *   time_saved_weekly_people / time_saved_monthly_people (week or month, person, team) → minutes,
 *     entries, and both split per category and per kind of content in columns of their own
 *     (migrations/1764020000000-roi-weekly-rollups.ts)
 * Distinct people are counted per person: a period is tiled with whole months, whole weeks and
 * days (period-cover.ts), each person's rows are added up, then persons are counted.
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
const WEEK_OF_AT = (column: string) => `date_trunc('week', ${column} at time zone $4)::date`;

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

export interface ActivityWeek {
  weekStart: CalendarDate;
  /** People who logged time. */
  loggers: number;
  /** People who posted, commented, proposed or logged time. */
  activePeople: number;
  posts: number;
  comments: number;
  proposals: number;
}

export interface PeopleFigures {
  /** People who logged at least once in the period. */
  total: number;
  entries: number;
  category: Breakdown[];
  contentType: Breakdown[];
  team: Breakdown[];
  contributors: RankedContributor[];
}

type Dimension = 'category' | 'contentType' | 'team' | 'total' | 'contributor';
type Params = [CalendarDate, CalendarDate, string[] | null];

/** The split columns of the weekly and monthly rollups, and what the report calls them. */
const SPLITS = [
  ...TIME_SAVED_CATEGORIES.map((key) => ({ dim: 'category', key, column: `cat_${key.toLowerCase()}` })),
  ...[...TIME_SAVED_CONTENT_TYPES, 'NONE'].map((key) => ({
    dim: 'contentType',
    key,
    column: `kind_${key.toLowerCase()}`,
  })),
];
const SPLIT_COLUMNS = SPLITS.flatMap((split) => [`${split.column}_minutes`, `${split.column}_entries`]);
/** The same columns out of a daily rollup row `r`, which carries its category and kind instead. */
const DAILY_SPLIT_VALUES = [
  ...TIME_SAVED_CATEGORIES.map((key) => `r.category = '${key}'`),
  ...TIME_SAVED_CONTENT_TYPES.map((key) => `r.content_type = '${key}'`),
  'r.content_type is null',
].flatMap((test) => [`case when ${test} then r.minutes else 0 end`, `case when ${test} then r.entries else 0 end`]);
const OF_TEAMS = `($3::uuid[] is null or r.team_id = any($3::uuid[]))`;
/** Rollup rows `r` of the buckets listed in the array parameter `list`, all of which start in the period. */
const IN_BUCKETS = (column: string, list: string) =>
  `r.${column} = any(${list}::date[]) and r.${column} between $1::date and $2::date and ${OF_TEAMS}`;

@Injectable()
export class RoiReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A statement that groups tens of thousands of rows at bench volume (people, contents, weekly
   * pairs): with the default work_mem its hash tables spill to disk.
   */
  private withMemory<T>(run: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`set local work_mem = '64MB'`);
      return run(manager);
    });
  }

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
   * Everything counted per person: people logging in the period, minutes, entries and people per
   * category, per kind of content ('NONE': not linked) and per team ('NONE': no team), and the
   * `limit` top contributors. The period's whole months, whole weeks and days are read from the
   * monthly, weekly and daily rollups (40,000 to 100,000 rows for a quarter at bench volume,
   * depending on its edges, where the daily rollup has 250,000), added up
   * per (person, team), then per person: a person is counted in a category when their entries
   * there are above zero.
   */
  async people(limit: number, ...params: Params): Promise<PeopleFigures> {
    type Row = { dim: Dimension; key: string; minutes: string; entries: string; people: string; name: string | null };
    const cover = periodCover({ from: params[0], to: params[1] });
    const counted = ['minutes', 'entries', ...SPLIT_COLUMNS];
    // A person's sums over a period fit an int (480 minutes an entry): int sums add up in bigint, not numeric.
    const sums = counted.map((column) => `sum(p.${column})::int as ${column}`).join(', ');
    const rows = await this.withMemory((manager) =>
      manager.query<Row[]>(
        `with pieces as (
                select r.user_id, r.team_id, ${counted.map((column) => `r.${column}`).join(', ')}
                  from time_saved_monthly_people r where ${IN_BUCKETS('month', '$4')}
                union all
                select r.user_id, r.team_id, ${counted.map((column) => `r.${column}`).join(', ')}
                  from time_saved_weekly_people r where ${IN_BUCKETS('week', '$5')}
                union all
                select r.user_id, r.team_id, r.minutes, r.entries, ${DAILY_SPLIT_VALUES.join(', ')}
                  from time_saved_daily_people r where ${IN_BUCKETS('entry_date', '$6')}),
              per_team as materialized (select p.user_id, p.team_id, ${sums} from pieces p group by p.user_id, p.team_id),
              per_person as materialized (select p.user_id, ${sums} from per_team p group by p.user_id),
              overall as (
                select count(*) as people, ${counted
                  .map((column) => `coalesce(sum(p.${column}), 0) as ${column}`)
                  .join(', ')}, ${SPLITS.map(
                  (split) => `count(*) filter (where p.${split.column}_entries > 0) as ${split.column}_people`,
                ).join(', ')}
                  from per_person p)
         select v.dim, v.key, v.minutes, v.entries, v.people, null as name
           from overall o
          cross join lateral (values ('total', '', o.minutes, o.entries, o.people), ${SPLITS.map(
            (split) =>
              `('${split.dim}', '${split.key}', o.${split.column}_minutes, o.${split.column}_entries, o.${split.column}_people)`,
          ).join(', ')}) v(dim, key, minutes, entries, people)
          where v.dim = 'total' or v.entries > 0
         union all
         select 'team', coalesce(p.team_id::text, 'NONE'), sum(p.minutes), sum(p.entries), count(*), null
           from per_team p
          group by p.team_id
         union all
         select 'contributor', top.user_id::text, top.minutes, top.entries, 1, u.display_name
           from (select p.user_id, p.minutes, p.entries from per_person p order by p.minutes desc, p.user_id limit $7) top
           join users u on u.id = top.user_id`,
        [...params, cover.months, cover.weeks, cover.days, limit],
      ),
    );
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
    const [total] = of('total');
    return {
      total: total.people,
      entries: total.entries,
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
    const rows = await this.withMemory((manager) =>
      manager.query<{ content_type: string; content_id: string; minutes: string; people: string }[]>(
        `select r.content_type, r.content_id, sum(r.minutes) as minutes, sum(r.entries) as people
           from time_saved_daily_content r
          where ${IN_REPORT}
          group by r.content_type, r.content_id
          order by sum(r.minutes) desc, r.content_id
          limit $4`,
        [...params, limit],
      ),
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
   * Each week of the period (Monday, YYYY-MM-DD), counting only the period's days of the weeks it
   * cuts: the people who logged time, the posts, comments and proposals written, and the weekly
   * active people: who posted, commented, proposed or logged time. Loggers come from the weekly
   * rollup's key for whole weeks and from the daily rollup for the cut weeks' days; writers from
   * the base tables (indexed on created_at), cut into the company's days of the zone $4, grouped
   * per (week, person) and matched to the loggers in one hash join.
   */
  async activity(zone: string, ...params: Params): Promise<ActivityWeek[]> {
    const cover = weekCover(params[0], params[1]);
    const rows = await this.withMemory((manager) =>
      manager.query<
        { week: string; loggers: string; active: string; posts: string; comments: string; proposals: string }[]
      >(
        `with loggers as (
                select distinct r.week, r.user_id from time_saved_weekly_people r where ${IN_BUCKETS('week', '$5')}
                union all
                select distinct date_trunc('week', r.entry_date)::date, r.user_id
                  from time_saved_daily_people r where ${IN_BUCKETS('entry_date', '$6')}),
              writers as (
                select x.week, x.user_id,
                       count(*) filter (where x.kind = 'POST') as posts,
                       count(*) filter (where x.kind = 'COMMENT') as comments,
                       count(*) filter (where x.kind = 'PROPOSAL') as proposals
                  from (select ${WEEK_OF_AT('p.created_at')} as week, p.author_id as user_id, 'POST' as kind
                          from posts p
                         where p.deleted_at is null and ${IN_PERIOD_AT('p.created_at')} and ${BY_TEAM_MEMBER('p.author_id')}
                        union all
                        select ${WEEK_OF_AT('c.created_at')}, c.author_id, 'COMMENT'
                          from comments c
                         where c.deleted_at is null and ${IN_PERIOD_AT('c.created_at')} and ${BY_TEAM_MEMBER('c.author_id')}
                        union all
                        select ${WEEK_OF_AT('p.created_at')}, p.author_id, 'PROPOSAL'
                          from proposals p
                         where ${IN_PERIOD_AT('p.created_at')} and ${BY_TEAM_MEMBER('p.author_id')}) x
                 group by x.week, x.user_id)
         select (coalesce(l.week, w.week))::text as week, count(l.user_id) as loggers, count(*) as active,
                coalesce(sum(w.posts), 0) as posts, coalesce(sum(w.comments), 0) as comments,
                coalesce(sum(w.proposals), 0) as proposals
           from loggers l
           full join writers w on w.week = l.week and w.user_id = l.user_id
          group by coalesce(l.week, w.week)`,
        [...params, zone, cover.weeks, cover.days],
      ),
    );
    return rows.map((row) => ({
      weekStart: row.week,
      loggers: Number(row.loggers),
      activePeople: Number(row.active),
      posts: Number(row.posts),
      comments: Number(row.comments),
      proposals: Number(row.proposals),
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
