import { Injectable } from '@nestjs/common';
import {
  type CalendarDate,
  type DailyMinutes,
  TIME_SAVED_CATEGORIES,
  TIME_SAVED_CONTENT_TYPES,
  addDays,
  countPeople,
} from '@atelier/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { periodCover, spanOf, weekCover } from './period-cover';

/**
 * Every query of the ROI report, in one place. The time-saved figures read only rollups, which
 * triggers keep in step with time_saved_entries in the same transaction (never stale):
 *   time_saved_daily_teams   (day, team) → minutes, entries
 *   time_saved_daily_people  (day, person, team, category, content kind) → minutes, entries
 *   time_saved_daily_content (day, content, team) → minutes, entries (= people: one entry per person)
 *     (migrations/1764000000000-time-saved-rollups.ts)
 *   time_saved_weekly_people / _monthly_people / _quarterly_people (week, month or quarter, person,
 *     team) → minutes, entries, both split per category and per kind of content in columns of their
 *     own, and `mask`: one bit per split with entries (migrations/1764020000000-roi-weekly-rollups.ts,
 *     1764040000000-roi-quarters-and-activity.ts)
 *   time_saved_content_totals (calendar month or quarter, content) → minutes, people
 *   weekly_activity (week, person) → entries logged, posts, comments, proposals written, and
 *     weekly_activity_totals (week, shard) → active people, people logging, posts, comments, proposals
 * Distinct people are counted per person: a period is tiled with whole quarters, months, weeks and
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

type Params = [CalendarDate, CalendarDate, string[] | null];

/** A week of activity as both of its statements return it (counts come back as bigint strings). */
interface ActivityRow {
  week: string;
  loggers: string;
  active: string;
  posts: string;
  comments: string;
  proposals: string;
}
const activityWeekOf = (row: ActivityRow): ActivityWeek => ({
  weekStart: row.week,
  loggers: Number(row.loggers),
  activePeople: Number(row.active),
  posts: Number(row.posts),
  comments: Number(row.comments),
  proposals: Number(row.proposals),
});

/**
 * The split columns of the per-person rollups, and what the report calls them, in the bit order of
 * their `mask` (migrations/1764040000000-roi-quarters-and-activity.ts).
 */
const SPLITS = [
  ...TIME_SAVED_CATEGORIES.map((key) => ({ dim: 'category', key, column: `cat_${key.toLowerCase()}` })),
  ...[...TIME_SAVED_CONTENT_TYPES, 'NONE'].map((key) => ({
    dim: 'contentType',
    key,
    column: `kind_${key.toLowerCase()}`,
  })),
];
const SPLIT_COLUMNS = SPLITS.flatMap((split) => [`${split.column}_minutes`, `${split.column}_entries`]);
/** What each split holds, as a test on a daily rollup row `r`, which carries its category and kind. */
const DAILY_SPLIT_TESTS = [
  ...TIME_SAVED_CATEGORIES.map((key) => `r.category = '${key}'`),
  ...TIME_SAVED_CONTENT_TYPES.map((key) => `r.content_type = '${key}'`),
  'r.content_type is null',
];
/** The split columns and mask out of a daily rollup row `r`. */
const DAILY_SPLIT_VALUES = DAILY_SPLIT_TESTS.flatMap((test) => [
  `case when ${test} then r.minutes else 0 end`,
  `case when ${test} then r.entries else 0 end`,
]);
const DAILY_MASK = DAILY_SPLIT_TESTS.map((test, bit) => `case when ${test} then ${1 << bit} else 0 end`).join(' | ');
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

  /**
   * Minutes per team over runs of days that share a week and every hourly rate: what the value and
   * the weekly series are computed from. Each row is dated on its run's first day, which stands for
   * all of them (same week, same rate for every team), so a quarter of the whole department is
   * ~3,000 rows instead of ~18,000 (day, team) rows. Runs start on the period's first day, on each
   * Monday and on each day an hourly rate changes.
   */
  async dailyMinutes(...params: Params): Promise<DailyMinutes[]> {
    const rows = await this.dataSource.query<{ date: string; team_id: string | null; minutes: string }[]>(
      `with runs as (
              select array_agg(b.day order by b.day) as starts
                from (select $1::date as day
                      union
                      select monday::date from generate_series(date_trunc('week', $1::date), $2::date, interval '7 days') monday
                       where monday >= $1::date
                      union
                      select h.effective_from from hourly_costs h where h.effective_from between $1::date and $2::date) b)
       select (runs.starts)[width_bucket(r.entry_date, runs.starts)]::text as date, r.team_id, sum(r.minutes) as minutes
         from time_saved_daily_teams r
        cross join runs
        where ${IN_REPORT}
        group by 1, 2`,
      params,
    );
    return rows.map((row) => ({ date: row.date, teamId: row.team_id, minutes: Number(row.minutes) }));
  }

  /**
   * Everything counted per person: people logging in the period, minutes, entries and people per
   * category, per kind of content ('NONE': not linked) and per team ('NONE': no team), and the
   * `limit` top contributors. The period's whole quarters, months, weeks and days are read from the
   * per-person rollups (20,000 rows for a calendar quarter at bench volume, where the daily rollup
   * has 250,000) and summed per (person, team), unless one bucket holds the whole period (its rows
   * are one per person and team already); countPeople (libs/domain) then counts persons, teams and
   * the people of each split from those rows' masks. The minutes and entries of each split are
   * summed in a statement of their own, side by side.
   */
  async people(limit: number, ...params: Params): Promise<PeopleFigures> {
    const cover = periodCover({ from: params[0], to: params[1] });
    const counted = ['minutes', 'entries', ...SPLIT_COLUMNS];
    const buckets = [params[0], params[1], params[2], cover.quarters, cover.months, cover.weeks, cover.days];
    /** The period's rollup rows, each with `columns` (a daily row has its own `daily` values instead). */
    const rollupRows = (columns: string[], daily: string[]) =>
      [
        ['time_saved_quarterly_people', 'quarter', '$4'],
        ['time_saved_monthly_people', 'month', '$5'],
        ['time_saved_weekly_people', 'week', '$6'],
      ]
        .map(
          ([table, column, list]) => `select ${columns.join(', ')} from ${table} r where ${IN_BUCKETS(column, list)}`,
        )
        .concat(`select ${daily.join(', ')} from time_saved_daily_people r where ${IN_BUCKETS('entry_date', '$7')}`)
        .join(' union all ');
    const oneBucket = !cover.days.length && cover.quarters.length + cover.months.length + cover.weeks.length === 1;
    const pieces = rollupRows(
      ['r.user_id', 'r.team_id', 'r.minutes', 'r.entries', 'r.mask'],
      ['r.user_id', 'r.team_id', 'r.minutes', 'r.entries', DAILY_MASK],
    );
    const [personTeams, [sums]] = await Promise.all([
      this.withMemory((manager) =>
        manager.query<{ user_id: string; team_id: string | null; minutes: string; entries: string; mask: number }[]>(
          oneBucket
            ? pieces
            : `select p.user_id, p.team_id, sum(p.minutes)::int as minutes, sum(p.entries)::int as entries,
                      bit_or(p.mask) as mask
                 from (${pieces}) p(user_id, team_id, minutes, entries, mask)
                group by p.user_id, p.team_id`,
          buckets,
        ),
      ),
      this.dataSource.query<Record<string, string>[]>(
        `select ${counted.map((column) => `coalesce(sum(p.${column}), 0) as ${column}`).join(', ')}
           from (${rollupRows(
             counted.map((column) => `r.${column}`),
             ['r.minutes', 'r.entries', ...DAILY_SPLIT_VALUES],
           )}) p`,
        buckets,
      ),
    ]);
    const count = countPeople(
      personTeams.map((row) => ({
        userId: row.user_id,
        teamId: row.team_id,
        // bigint where a daily rollup row joins in: a string then.
        minutes: Number(row.minutes),
        entries: Number(row.entries),
        mask: row.mask,
      })),
      SPLITS.length,
      limit,
    );
    const names = await this.displayNames(count.contributors.map((person) => person.userId));
    const byMinutes = (a: Breakdown, b: Breakdown) => b.minutes - a.minutes || a.key.localeCompare(b.key);
    const splitsOf = (dim: string): Breakdown[] =>
      SPLITS.flatMap((split, bit) =>
        split.dim === dim && Number(sums[`${split.column}_entries`]) > 0
          ? [
              {
                key: split.key,
                minutes: Number(sums[`${split.column}_minutes`]),
                entries: Number(sums[`${split.column}_entries`]),
                people: count.peoplePerBit[bit],
              },
            ]
          : [],
      ).sort(byMinutes);
    return {
      total: count.people,
      entries: Number(sums.entries),
      category: splitsOf('category'),
      contentType: splitsOf('contentType'),
      team: count.teams
        .map((team) => ({
          key: team.teamId ?? 'NONE',
          minutes: team.minutes,
          entries: team.entries,
          people: team.people,
        }))
        .sort(byMinutes),
      contributors: count.contributors.map((person) => ({ ...person, displayName: names.get(person.userId) ?? '' })),
    };
  }

  private async displayNames(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<{ id: string; display_name: string }[]>(
      `select id, display_name from users where id = any($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.display_name]));
  }

  /**
   * The `limit` pieces of content that saved the most minutes. For the whole department over a
   * calendar month or quarter, the first rows of time_saved_content_totals' index; otherwise
   * grouped from the daily rollup.
   */
  async topContent(limit: number, ...params: Params): Promise<RankedContent[]> {
    type Row = { content_type: string; content_id: string; minutes: string; people: string };
    const span = params[2] === null ? spanOf({ from: params[0], to: params[1] }) : null;
    const rows = span
      ? await this.dataSource.query<Row[]>(
          `select r.content_type, r.content_id, r.minutes, r.people
             from time_saved_content_totals r
            where r.span = $1 and r.starts = $2::date
            order by r.minutes desc, r.content_id
            limit $3`,
          [span.span, span.starts, limit],
        )
      : await this.withMemory((manager) =>
          manager.query<Row[]>(
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
   * active people: who posted, commented, proposed or logged time. For the whole department, whole
   * weeks are read from weekly_activity_totals, whose week of a post is cut in the zone of
   * company_calendar, which the API keeps equal to `zone` (alignZone); the days of cut weeks, and
   * any report narrowed to teams, are counted from the rollups and base tables (activityFromBase).
   */
  async activity(zone: string, ...params: Params): Promise<ActivityWeek[]> {
    if (params[2] !== null) return this.activityFromBase(zone, ...params);
    const cover = weekCover(params[0], params[1]);
    const runs: { from: CalendarDate; to: CalendarDate }[] = [];
    for (const day of cover.days) {
      const run = runs[runs.length - 1];
      if (run && addDays(run.to, 1) === day) run.to = day;
      else runs.push({ from: day, to: day });
    }
    const [whole, ...cut] = await Promise.all([
      this.dataSource.query<ActivityRow[]>(
        `select a.week::text as week, sum(a.loggers) as loggers, sum(a.active) as active,
                sum(a.posts) as posts, sum(a.comments) as comments, sum(a.proposals) as proposals
           from weekly_activity_totals a
          where a.week = any($1::date[])
          group by a.week`,
        [cover.weeks],
      ),
      ...runs.map((run) => this.activityFromBase(zone, run.from, run.to, null)),
    ]);
    return [...whole.map(activityWeekOf), ...cut.flat()];
  }

  /**
   * The same counted from the rollups of time saved and from the base tables: loggers from the
   * weekly rollup's key for whole weeks and from the daily rollup for the cut weeks' days; writers
   * from posts, comments and proposals (indexed on created_at), cut into the company's days of the
   * zone $4; a week's people are its distinct persons among them (a sort per week, cheaper here
   * than hashing every (week, person) pair).
   */
  private async activityFromBase(zone: string, ...params: Params): Promise<ActivityWeek[]> {
    const cover = weekCover(params[0], params[1]);
    const rows = await this.withMemory((manager) =>
      manager.query<ActivityRow[]>(
        `select x.week::text as week, count(distinct x.user_id) filter (where x.kind = 'LOG') as loggers,
                count(distinct x.user_id) as active, count(*) filter (where x.kind = 'POST') as posts,
                count(*) filter (where x.kind = 'COMMENT') as comments,
                count(*) filter (where x.kind = 'PROPOSAL') as proposals
           from (select r.week, r.user_id, 'LOG' as kind from time_saved_weekly_people r where ${IN_BUCKETS('week', '$5')}
                 union all
                 select date_trunc('week', r.entry_date)::date, r.user_id, 'LOG'
                   from time_saved_daily_people r where ${IN_BUCKETS('entry_date', '$6')}
                 union all
                 select ${WEEK_OF_AT('p.created_at')}, p.author_id, 'POST'
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
          group by x.week`,
        [...params, zone, cover.weeks, cover.days],
      ),
    );
    return rows.map(activityWeekOf);
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

  /**
   * Puts the company's zone in company_calendar, where weekly_activity's triggers read it, and
   * rebuilds weekly_activity in it when it was another (TZ changed). The sources are locked first,
   * so no write lands between the rebuild and the new zone; an instance starting with the same zone
   * finds it already set and rebuilds nothing.
   */
  async alignZone(zone: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, changed] = await manager.query<[unknown, number]>(
        `update company_calendar set zone = $1 where zone <> $1`,
        [zone],
      );
      if (!changed) return false;
      await manager.query(`lock table time_saved_entries, posts, comments, proposals in share mode`);
      await manager.query(`select weekly_activity_rebuild()`);
      return true;
    });
  }
}
