import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the ROI report of a quarter still computed from tens of thousands of rows each time, kept
 * instead by triggers in the same transaction as the writes (never stale), so a quarter over
 * 1,000,000 entries and 20,000 people reads about 20,000 rows per figure (bench:roi):
 *
 * - time_saved_quarterly_people (quarter, person, team): the shape of the weekly and monthly
 *   per-person rollups of migrations/1764020000000-roi-weekly-rollups.ts, one level up.
 * - `mask` on the three per-person rollups: bit i set when the row has entries in split i (the six
 *   categories, then the kinds POST, COMMENT, BRIEF, PROPOSAL, OFFER and "not linked"), so counting
 *   the people of each split is a bit_or per person, not two dozen sums. A generated column: it
 *   cannot disagree with the counts it is made from.
 * - time_saved_content_totals (MONTH or QUARTER, content): minutes and people per piece of content
 *   over each calendar month and quarter, indexed by minutes, so the most helpful content of such a
 *   period is the first rows of an index instead of a grouping of every piece of content it touched.
 * - weekly_activity (week, person): time-saved entries logged, posts and comments (not deleted) and
 *   proposals written that week; a row goes when all four fall to 0. weekly_activity_totals (week,
 *   shard): the week's active people, people logging, posts, comments and proposals, so the weekly
 *   active people of a quarter are a hundred rows, not 170,000 (person, week) pairs.
 *   Entries are dated in the company's calendar already; posts, comments and proposals carry an
 *   instant, cut into weeks in the zone of company_calendar. The API sets that zone from its TZ at
 *   start and rebuilds the table when it changes (weekly_activity_rebuild()).
 *
 * Upserts go in key order, so two transactions touching the same rows wait instead of deadlocking.
 * The categories and kinds are those of the CHECK constraints of time_saved_entries, written out
 * again rather than imported from another migration or from libs/domain: a migration stays as it
 * landed, whatever the code around it becomes.
 */
const CATEGORIES = [
  'FOUND_INFORMATION',
  'REUSED_CONTENT',
  'FASTER_APPROVAL',
  'AVOIDED_MEETING',
  'CUSTOMER_INSIGHT',
  'OTHER',
];
const KINDS = ['POST', 'COMMENT', 'BRIEF', 'PROPOSAL', 'OFFER', null];
/** Split i's column prefix, in bit order. */
const SPLITS = [
  ...CATEGORIES.map((category) => ({ column: `cat_${category.toLowerCase()}`, test: `category = '${category}'` })),
  ...KINDS.map((kind) => ({
    column: `kind_${(kind ?? 'none').toLowerCase()}`,
    test: kind ? `content_type = '${kind}'` : 'content_type is null',
  })),
];
const COUNTED = [
  'minutes',
  'entries',
  ...SPLITS.flatMap((split) => [`${split.column}_minutes`, `${split.column}_entries`]),
];
const SUMS = (d: string, entries: string) => [
  `sum(${d}.minutes)`,
  `sum(${entries})`,
  ...SPLITS.flatMap((split) => [
    `sum(case when ${d}.${split.test} then ${d}.minutes else 0 end)`,
    `sum(case when ${d}.${split.test} then ${entries} else 0 end)`,
  ]),
];
const MASK = SPLITS.map((split, bit) => `((${split.column}_entries > 0)::int << ${bit})`).join(' | ');
const PERSON_TABLES = ['time_saved_weekly_people', 'time_saved_monthly_people', 'time_saved_quarterly_people'];
const SPANS = [
  { span: 'MONTH', of: (date: string) => `date_trunc('month', ${date})::date` },
  { span: 'QUARTER', of: (date: string) => `date_trunc('quarter', ${date})::date` },
];
const SHARD = (person: string) => `get_byte(uuid_send(${person}), 15) & 7`;
const QUARTER_OF = (date: string) => `date_trunc('quarter', ${date})::date`;
const WEEK_OF = (date: string) => `date_trunc('week', ${date})::date`;
const COMPANY_WEEK_OF = (instant: string) =>
  `date_trunc('week', ${instant} at time zone (select c.zone from company_calendar c))::date`;

/** The weekly_activity rows of each source table `x`, each row counting `sign`. */
const ACTIVITY_SOURCES: Record<string, { filter: string; week: string; person: string; counts: string }> = {
  time_saved_entries: { filter: 'true', week: WEEK_OF('x.entry_date'), person: 'x.user_id', counts: '1, 0, 0, 0' },
  posts: {
    filter: 'x.deleted_at is null',
    week: COMPANY_WEEK_OF('x.created_at'),
    person: 'x.author_id',
    counts: '0, 1, 0, 0',
  },
  comments: {
    filter: 'x.deleted_at is null',
    week: COMPANY_WEEK_OF('x.created_at'),
    person: 'x.author_id',
    counts: '0, 0, 1, 0',
  },
  proposals: { filter: 'true', week: COMPANY_WEEK_OF('x.created_at'), person: 'x.author_id', counts: '0, 0, 0, 1' },
};
/** The weekly_activity counts of each row of `rows`, a copy of source `table`, each counting `sign`. */
const activityRows = (table: string, rows: string, sign: string) => {
  const source = ACTIVITY_SOURCES[table];
  const [logged, posts, comments, proposals] = source.counts.split(', ').map((count) => `${sign}${count}`);
  return `select ${source.week} as week, ${source.person} as user_id, ${logged} as logged, ${posts} as posts,
                 ${comments} as comments, ${proposals} as proposals
            from ${rows} x where ${source.filter}`;
};
const TRANSITIONS: Record<string, string> = {
  insert: 'new table as new_rows',
  update: 'old table as old_rows new table as new_rows',
  delete: 'old table as old_rows',
};
const activityDeltas = (selects: string[]) =>
  `array(select (y.week, y.user_id, y.logged, y.posts, y.comments, y.proposals)::activity_delta
           from (${selects.join(' union all ')}) y)`;

export class RoiQuartersAndActivity1764040000000 implements MigrationInterface {
  name = 'RoiQuartersAndActivity1764040000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table time_saved_quarterly_people (
        quarter date not null,
        user_id uuid not null,
        team_id uuid,
        ${COUNTED.map((column) => `${column} int not null`).join(',\n        ')},
        constraint time_saved_quarterly_people_key unique nulls not distinct (quarter, user_id, team_id)
      )`);
    await queryRunner.query(
      `create index time_saved_quarterly_people_team_idx on time_saved_quarterly_people (team_id, quarter)`,
    );
    await queryRunner.query(`
      create table time_saved_content_totals (
        span varchar not null check (span in ('MONTH', 'QUARTER')),
        starts date not null,
        content_type varchar not null,
        content_id uuid not null,
        minutes int not null,
        people int not null,
        primary key (span, starts, content_type, content_id)
      )`);
    await queryRunner.query(
      `create index time_saved_content_totals_top_idx on time_saved_content_totals (span, starts, minutes desc, content_id)`,
    );
    await queryRunner.query(`
      create table company_calendar (
        id boolean primary key default true check (id),
        zone varchar not null
      )`);
    // The default TZ; the API puts its own at start (see weekly_activity_rebuild).
    await queryRunner.query(`insert into company_calendar (zone) values ('Europe/Paris')`);
    await queryRunner.query(`
      create table weekly_activity (
        week date not null,
        user_id uuid not null,
        logged int not null,
        posts int not null,
        comments int not null,
        proposals int not null,
        primary key (week, user_id)
      )`);
    await queryRunner.query(`
      create table weekly_activity_totals (
        week date not null,
        shard smallint not null,
        active int not null,
        loggers int not null,
        posts int not null,
        comments int not null,
        proposals int not null,
        primary key (week, shard)
      )`);
    await queryRunner.query(
      `create type activity_delta as (week date, user_id uuid, logged int, posts int, comments int, proposals int)`,
    );

    await queryRunner.query(`
      create function time_saved_quarter_rollups_apply(delta time_saved_delta[]) returns void language plpgsql as $$
      begin
        insert into time_saved_quarterly_people as r (quarter, user_id, team_id, ${COUNTED.join(', ')})
        select ${QUARTER_OF('d.entry_date')}, d.user_id, d.team_id, ${SUMS('d', 'd.entries').join(', ')}
          from unnest(delta) d
         group by 1, 2, 3
        having ${SUMS('d', 'd.entries')
          .map((sum) => `${sum} <> 0`)
          .join(' or ')}
         order by 1, 2, 3
            on conflict (quarter, user_id, team_id)
            do update set ${COUNTED.map((column) => `${column} = r.${column} + excluded.${column}`).join(', ')};
        delete from time_saved_quarterly_people r
         using unnest(delta) d
         where r.entries = 0 and r.quarter = ${QUARTER_OF('d.entry_date')} and r.user_id = d.user_id
           and r.team_id is not distinct from d.team_id;
        ${SPANS.map(
          (span) => `
        insert into time_saved_content_totals as r (span, starts, content_type, content_id, minutes, people)
        select '${span.span}', ${span.of('d.entry_date')}, d.content_type, d.content_id, sum(d.minutes), sum(d.entries)
          from unnest(delta) d
         where d.content_id is not null
         group by 2, 3, 4
        having sum(d.minutes) <> 0 or sum(d.entries) <> 0
         order by 2, 3, 4
            on conflict (span, starts, content_type, content_id)
            do update set minutes = r.minutes + excluded.minutes, people = r.people + excluded.people;
        delete from time_saved_content_totals r
         using unnest(delta) d
         where r.people = 0 and r.span = '${span.span}' and r.starts = ${span.of('d.entry_date')}
           and r.content_type = d.content_type and r.content_id = d.content_id;`,
        ).join('')}
      end $$`);
    const entryDeltas = (rows: string, sign: string) =>
      `select row(x.entry_date, x.team_id, x.user_id, x.category, x.content_type, x.content_id, ${sign}x.minutes, ${sign}1)::time_saved_delta
         from ${rows} x`;
    await queryRunner.query(`
      create function time_saved_quarter_rollups_on_insert() returns trigger language plpgsql as $$
      begin
        perform time_saved_quarter_rollups_apply(array(${entryDeltas('new_rows', '')}));
        return null;
      end $$`);
    await queryRunner.query(`
      create function time_saved_quarter_rollups_on_delete() returns trigger language plpgsql as $$
      begin
        perform time_saved_quarter_rollups_apply(array(${entryDeltas('old_rows', '-')}));
        return null;
      end $$`);
    await queryRunner.query(`
      create function time_saved_quarter_rollups_on_update() returns trigger language plpgsql as $$
      begin
        perform time_saved_quarter_rollups_apply(array(${entryDeltas('old_rows', '-')} union all ${entryDeltas('new_rows', '')}));
        return null;
      end $$`);
    await queryRunner.query(`
      create function time_saved_quarter_rollups_on_truncate() returns trigger language plpgsql as $$
      begin
        truncate time_saved_quarterly_people, time_saved_content_totals;
        return null;
      end $$`);
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`
        create trigger time_saved_quarter_rollups_${event} after ${event} on time_saved_entries
          referencing ${TRANSITIONS[event]} for each statement execute function time_saved_quarter_rollups_on_${event}()`);
    }
    await queryRunner.query(`
      create trigger time_saved_quarter_rollups_truncate after truncate on time_saved_entries
        for each statement execute function time_saved_quarter_rollups_on_truncate()`);

    // The people of a week are counted as rows change: a row whose counts leave or reach all zeros
    // moves `active`, one whose entries leave or reach zero moves `loggers`. Spread over 8 rows a
    // week (by the last byte of the person's id), so writers of a week seldom wait on one row.
    const old = (column: string) => `(k.${column} - d.${column} > 0)`;
    await queryRunner.query(`
      create function weekly_activity_apply(delta activity_delta[]) returns void language plpgsql as $$
      begin
        with d as materialized (
               select x.week, x.user_id, sum(x.logged)::int as logged, sum(x.posts)::int as posts,
                      sum(x.comments)::int as comments, sum(x.proposals)::int as proposals
                 from unnest(delta) x
                group by 1, 2
               having sum(x.logged) <> 0 or sum(x.posts) <> 0 or sum(x.comments) <> 0 or sum(x.proposals) <> 0),
             kept as (
               insert into weekly_activity as a (week, user_id, logged, posts, comments, proposals)
               select d.week, d.user_id, d.logged, d.posts, d.comments, d.proposals from d order by 1, 2
                   on conflict (week, user_id)
                   do update set logged = a.logged + excluded.logged, posts = a.posts + excluded.posts,
                                 comments = a.comments + excluded.comments, proposals = a.proposals + excluded.proposals
               returning a.week, a.user_id, a.logged, a.posts, a.comments, a.proposals)
        insert into weekly_activity_totals as t (week, shard, active, loggers, posts, comments, proposals)
        select k.week, ${SHARD('k.user_id')},
               sum((k.logged > 0 or k.posts > 0 or k.comments > 0 or k.proposals > 0)::int
                   - (${old('logged')} or ${old('posts')} or ${old('comments')} or ${old('proposals')})::int),
               sum((k.logged > 0)::int - ${old('logged')}::int),
               sum(d.posts), sum(d.comments), sum(d.proposals)
          from kept k
          join d on d.week = k.week and d.user_id = k.user_id
         group by 1, 2
         order by 1, 2
            on conflict (week, shard)
            do update set active = t.active + excluded.active, loggers = t.loggers + excluded.loggers,
                          posts = t.posts + excluded.posts, comments = t.comments + excluded.comments,
                          proposals = t.proposals + excluded.proposals;
        delete from weekly_activity a
         using unnest(delta) d
         where a.week = d.week and a.user_id = d.user_id
           and a.logged = 0 and a.posts = 0 and a.comments = 0 and a.proposals = 0;
      end $$`);
    // Every source, from scratch: the backfill, a change of zone and a truncate of a source.
    await queryRunner.query(`
      create function weekly_activity_rebuild() returns void language plpgsql as $$
      begin
        delete from weekly_activity;
        delete from weekly_activity_totals;
        insert into weekly_activity (week, user_id, logged, posts, comments, proposals)
        select y.week, y.user_id, sum(y.logged), sum(y.posts), sum(y.comments), sum(y.proposals)
          from (${Object.keys(ACTIVITY_SOURCES)
            .map((table) => activityRows(table, table, ''))
            .join(' union all ')}) y
         group by 1, 2
         order by 1, 2;
        insert into weekly_activity_totals (week, shard, active, loggers, posts, comments, proposals)
        select a.week, ${SHARD('a.user_id')}, count(*), count(*) filter (where a.logged > 0),
               sum(a.posts), sum(a.comments), sum(a.proposals)
          from weekly_activity a
         group by 1, 2
         order by 1, 2;
      end $$`);
    for (const table of Object.keys(ACTIVITY_SOURCES)) {
      // An update nets its old row out against its new one: only a soft delete, a restore or a
      // changed date moves a count, and an edit of a body adds up to nothing written.
      const bodies = {
        insert: activityDeltas([activityRows(table, 'new_rows', '')]),
        delete: activityDeltas([activityRows(table, 'old_rows', '-')]),
        update: activityDeltas([activityRows(table, 'old_rows', '-'), activityRows(table, 'new_rows', '')]),
      };
      for (const [event, delta] of Object.entries(bodies)) {
        await queryRunner.query(`
          create function weekly_activity_on_${table}_${event}() returns trigger language plpgsql as $$
          begin
            perform weekly_activity_apply(${delta});
            return null;
          end $$`);
        await queryRunner.query(`
          create trigger weekly_activity_${event} after ${event} on ${table}
            referencing ${TRANSITIONS[event]} for each statement execute function weekly_activity_on_${table}_${event}()`);
      }
    }
    await queryRunner.query(`
      create function weekly_activity_on_truncate() returns trigger language plpgsql as $$
      begin
        perform weekly_activity_rebuild();
        return null;
      end $$`);
    for (const table of Object.keys(ACTIVITY_SOURCES)) {
      await queryRunner.query(`
        create trigger weekly_activity_truncate after truncate on ${table}
          for each statement execute function weekly_activity_on_truncate()`);
    }

    // What is already written, while nobody writes (the triggers above take over from here).
    await queryRunner.query(
      `lock table time_saved_entries, posts, comments, proposals, company_calendar in share mode`,
    );
    await queryRunner.query(`
      insert into time_saved_quarterly_people (quarter, user_id, team_id, ${COUNTED.join(', ')})
      select ${QUARTER_OF('e.entry_date')}, e.user_id, e.team_id, ${SUMS('e', '1').join(', ')}
        from time_saved_entries e
       group by 1, 2, 3
       order by 1, 2, 3`);
    for (const span of SPANS) {
      await queryRunner.query(`
        insert into time_saved_content_totals (span, starts, content_type, content_id, minutes, people)
        select '${span.span}', ${span.of('e.entry_date')}, e.content_type, e.content_id, sum(e.minutes), count(*)
          from time_saved_entries e
         where e.content_id is not null
         group by 2, 3, 4
         order by 2, 3, 4`);
    }
    await queryRunner.query(`select weekly_activity_rebuild()`);
    for (const table of PERSON_TABLES) {
      await queryRunner.query(`alter table ${table} add column mask int generated always as (${MASK}) stored`);
    }
    await queryRunner.query(`analyze ${[...PERSON_TABLES, 'time_saved_content_totals', 'weekly_activity'].join(', ')}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of PERSON_TABLES) await queryRunner.query(`alter table ${table} drop column mask`);
    for (const table of Object.keys(ACTIVITY_SOURCES)) {
      await queryRunner.query(`drop trigger weekly_activity_truncate on ${table}`);
      for (const event of ['insert', 'update', 'delete']) {
        await queryRunner.query(`drop trigger weekly_activity_${event} on ${table}`);
        await queryRunner.query(`drop function weekly_activity_on_${table}_${event}()`);
      }
    }
    await queryRunner.query(`drop function weekly_activity_on_truncate()`);
    await queryRunner.query(`drop function weekly_activity_rebuild()`);
    await queryRunner.query(`drop function weekly_activity_apply(activity_delta[])`);
    for (const event of ['truncate', 'delete', 'update', 'insert']) {
      await queryRunner.query(`drop trigger time_saved_quarter_rollups_${event} on time_saved_entries`);
      await queryRunner.query(`drop function time_saved_quarter_rollups_on_${event}()`);
    }
    await queryRunner.query(`drop function time_saved_quarter_rollups_apply(time_saved_delta[])`);
    await queryRunner.query(`drop type activity_delta`);
    await queryRunner.query(
      `drop table weekly_activity_totals, weekly_activity, company_calendar, time_saved_content_totals, time_saved_quarterly_people`,
    );
  }
}
