import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily rollups of the time-saved entries, so the ROI report reads a few thousand rows instead of a
 * quarter's entries (bench:roi: 1,000,000 entries, a quarter report took seconds).
 *
 * They are not a cache: statement-level triggers on time_saved_entries apply every insert, update
 * and delete to them in the same transaction, so a report never sees an entry without its rollups.
 * The triggers aggregate the statement's rows (transition tables) before touching the rollups, so a
 * bulk insert costs one upsert per rollup row, not one per entry.
 *
 * - time_saved_daily_teams (day, team): minutes and entries, what the value is computed from (rates
 *   are per team and date) and the team and weekly totals. About 200 rows a day at bench volume.
 * - time_saved_daily_people (day, person, team, category, content kind): the distinct-people figures
 *   (people logging, per week, per category, kind and team) and the contributors, by grouping rows.
 * - time_saved_daily_content (day, content, team): the most helpful content; one entry per person
 *   per content, so its entries are its people.
 *
 * The keys carry the sums (include): a report reads the rollups from their indexes alone.
 * team_id and content_type may be null (no team, entry not linked): the keys treat null as a value
 * (nulls not distinct), so the upserts find those rows too. Rows that fall to zero entries go.
 */
export class TimeSavedRollups1764000000000 implements MigrationInterface {
  name = 'TimeSavedRollups1764000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table time_saved_daily_teams (
        entry_date date not null,
        team_id uuid,
        minutes bigint not null,
        entries int not null,
        constraint time_saved_daily_teams_key unique nulls not distinct (entry_date, team_id) include (minutes, entries)
      )`);
    await queryRunner.query(`
      create table time_saved_daily_people (
        entry_date date not null,
        user_id uuid not null,
        team_id uuid,
        category varchar not null,
        content_type varchar,
        minutes bigint not null,
        entries int not null,
        constraint time_saved_daily_people_key
          unique nulls not distinct (entry_date, user_id, team_id, category, content_type) include (minutes, entries)
      )`);
    await queryRunner.query(`
      create table time_saved_daily_content (
        entry_date date not null,
        content_type varchar not null,
        content_id uuid not null,
        team_id uuid,
        minutes bigint not null,
        entries int not null,
        constraint time_saved_daily_content_key
          unique nulls not distinct (entry_date, content_id, team_id) include (content_type, minutes, entries)
      )`);
    // A report narrowed to some teams reads their rows only.
    await queryRunner.query(
      `create index time_saved_daily_people_team_idx on time_saved_daily_people (team_id, entry_date)`,
    );
    await queryRunner.query(
      `create index time_saved_daily_content_team_idx on time_saved_daily_content (team_id, entry_date)`,
    );

    // What one statement changed: +1 entry per new row, −1 per old row, with their minutes.
    await queryRunner.query(`
      create type time_saved_delta as (
        entry_date date, team_id uuid, user_id uuid, category varchar, content_type varchar, content_id uuid,
        minutes int, entries int
      )`);
    // Upserts in key order, so two transactions touching the same rollup rows wait instead of deadlocking.
    await queryRunner.query(`
      create function time_saved_rollups_apply(delta time_saved_delta[]) returns void language plpgsql as $$
      begin
        insert into time_saved_daily_teams as r (entry_date, team_id, minutes, entries)
        select d.entry_date, d.team_id, sum(d.minutes), sum(d.entries)
          from unnest(delta) d
         group by d.entry_date, d.team_id
        having sum(d.minutes) <> 0 or sum(d.entries) <> 0
         order by 1, 2
            on conflict (entry_date, team_id)
            do update set minutes = r.minutes + excluded.minutes, entries = r.entries + excluded.entries;
        delete from time_saved_daily_teams r
         using unnest(delta) d
         where r.entries = 0 and r.entry_date = d.entry_date and r.team_id is not distinct from d.team_id;

        insert into time_saved_daily_people as r (entry_date, user_id, team_id, category, content_type, minutes, entries)
        select d.entry_date, d.user_id, d.team_id, d.category, d.content_type, sum(d.minutes), sum(d.entries)
          from unnest(delta) d
         group by d.entry_date, d.user_id, d.team_id, d.category, d.content_type
        having sum(d.minutes) <> 0 or sum(d.entries) <> 0
         order by 1, 2, 3, 4, 5
            on conflict (entry_date, user_id, team_id, category, content_type)
            do update set minutes = r.minutes + excluded.minutes, entries = r.entries + excluded.entries;
        delete from time_saved_daily_people r
         using unnest(delta) d
         where r.entries = 0 and r.entry_date = d.entry_date and r.user_id = d.user_id
           and r.team_id is not distinct from d.team_id and r.category = d.category
           and r.content_type is not distinct from d.content_type;

        insert into time_saved_daily_content as r (entry_date, content_type, content_id, team_id, minutes, entries)
        select d.entry_date, d.content_type, d.content_id, d.team_id, sum(d.minutes), sum(d.entries)
          from unnest(delta) d
         where d.content_id is not null
         group by d.entry_date, d.content_type, d.content_id, d.team_id
        having sum(d.minutes) <> 0 or sum(d.entries) <> 0
         order by 1, 3, 4
            on conflict (entry_date, content_id, team_id)
            do update set minutes = r.minutes + excluded.minutes, entries = r.entries + excluded.entries;
        delete from time_saved_daily_content r
         using unnest(delta) d
         where r.entries = 0 and r.entry_date = d.entry_date and r.content_id = d.content_id
           and r.team_id is not distinct from d.team_id;
      end $$`);
    await queryRunner.query(`
      create function time_saved_rollups_on_insert() returns trigger language plpgsql as $$
      begin
        perform time_saved_rollups_apply(array(
          select row(n.entry_date, n.team_id, n.user_id, n.category, n.content_type, n.content_id, n.minutes, 1)::time_saved_delta
            from new_rows n));
        return null;
      end $$`);
    await queryRunner.query(`
      create function time_saved_rollups_on_delete() returns trigger language plpgsql as $$
      begin
        perform time_saved_rollups_apply(array(
          select row(o.entry_date, o.team_id, o.user_id, o.category, o.content_type, o.content_id, -o.minutes, -1)::time_saved_delta
            from old_rows o));
        return null;
      end $$`);
    // An edit is its old row taken out and its new row put in: a changed date, team, category or
    // content moves the minutes from one rollup row to another.
    await queryRunner.query(`
      create function time_saved_rollups_on_update() returns trigger language plpgsql as $$
      begin
        perform time_saved_rollups_apply(array(
          select row(o.entry_date, o.team_id, o.user_id, o.category, o.content_type, o.content_id, -o.minutes, -1)::time_saved_delta
            from old_rows o
          union all
          select row(n.entry_date, n.team_id, n.user_id, n.category, n.content_type, n.content_id, n.minutes, 1)::time_saved_delta
            from new_rows n));
        return null;
      end $$`);
    await queryRunner.query(`
      create function time_saved_rollups_on_truncate() returns trigger language plpgsql as $$
      begin
        truncate time_saved_daily_teams, time_saved_daily_people, time_saved_daily_content;
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger time_saved_rollups_insert after insert on time_saved_entries
        referencing new table as new_rows for each statement execute function time_saved_rollups_on_insert()`);
    await queryRunner.query(`
      create trigger time_saved_rollups_update after update on time_saved_entries
        referencing old table as old_rows new table as new_rows
        for each statement execute function time_saved_rollups_on_update()`);
    await queryRunner.query(`
      create trigger time_saved_rollups_delete after delete on time_saved_entries
        referencing old table as old_rows for each statement execute function time_saved_rollups_on_delete()`);
    await queryRunner.query(`
      create trigger time_saved_rollups_truncate after truncate on time_saved_entries
        for each statement execute function time_saved_rollups_on_truncate()`);

    // The entries already logged, while nobody writes (the triggers above take over from here).
    await queryRunner.query(`lock table time_saved_entries in share mode`);
    await queryRunner.query(`
      insert into time_saved_daily_teams (entry_date, team_id, minutes, entries)
      select entry_date, team_id, sum(minutes), count(*) from time_saved_entries group by entry_date, team_id`);
    await queryRunner.query(`
      insert into time_saved_daily_people (entry_date, user_id, team_id, category, content_type, minutes, entries)
      select entry_date, user_id, team_id, category, content_type, sum(minutes), count(*)
        from time_saved_entries group by entry_date, user_id, team_id, category, content_type`);
    await queryRunner.query(`
      insert into time_saved_daily_content (entry_date, content_type, content_id, team_id, minutes, entries)
      select entry_date, content_type, content_id, team_id, sum(minutes), count(*)
        from time_saved_entries where content_id is not null group by entry_date, content_type, content_id, team_id`);
    await queryRunner.query(`analyze time_saved_daily_teams, time_saved_daily_people, time_saved_daily_content`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop trigger time_saved_rollups_truncate on time_saved_entries`);
    await queryRunner.query(`drop trigger time_saved_rollups_delete on time_saved_entries`);
    await queryRunner.query(`drop trigger time_saved_rollups_update on time_saved_entries`);
    await queryRunner.query(`drop trigger time_saved_rollups_insert on time_saved_entries`);
    await queryRunner.query(`drop function time_saved_rollups_on_truncate()`);
    await queryRunner.query(`drop function time_saved_rollups_on_update()`);
    await queryRunner.query(`drop function time_saved_rollups_on_delete()`);
    await queryRunner.query(`drop function time_saved_rollups_on_insert()`);
    await queryRunner.query(`drop function time_saved_rollups_apply(time_saved_delta[])`);
    await queryRunner.query(`drop type time_saved_delta`);
    await queryRunner.query(`drop table time_saved_daily_content`);
    await queryRunner.query(`drop table time_saved_daily_people`);
    await queryRunner.query(`drop table time_saved_daily_teams`);
  }
}
