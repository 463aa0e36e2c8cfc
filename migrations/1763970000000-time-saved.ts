import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Time saved, the costs that value it, and the preferences of the one-click "saved me time".
 * The ROI report reads these tables directly: every figure is recomputed from the entries and the
 * cost history, so there is no cache to go stale.
 */
export class TimeSaved1763970000000 implements MigrationInterface {
  name = 'TimeSaved1763970000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table time_saved_entries (
        id uuid primary key default gen_random_uuid(),
        user_id uuid not null references users (id) on delete cascade,
        -- The author's team when the entry was logged: moving to another team later does not move
        -- past time saved (nor its rate) to the new team.
        team_id uuid references teams (id) on delete set null,
        -- A calendar date in the company's time zone (TZ), not an instant.
        entry_date date not null,
        minutes int not null check (minutes between 1 and 480),
        category varchar not null check (category in
          ('FOUND_INFORMATION', 'REUSED_CONTENT', 'FASTER_APPROVAL', 'AVOIDED_MEETING', 'CUSTOMER_INSIGHT', 'OTHER')),
        note text not null default '' check (char_length(note) <= 500),
        content_type varchar check (content_type in ('POST', 'COMMENT', 'BRIEF', 'PROPOSAL', 'OFFER')),
        content_id uuid,
        -- Who wrote that content, so "my content that helped most" needs no join per content kind.
        content_author_id uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((content_type is null) = (content_id is null))
      )`);
    // One entry per person per piece of content: a second click edits it; two concurrent clicks make one.
    await queryRunner.query(
      `create unique index time_saved_entries_content_key on time_saved_entries (user_id, content_type, content_id)
        where content_id is not null`,
    );
    // A person's own list, newest date first, keyset on (entry_date, id).
    await queryRunner.query(
      `create index time_saved_entries_user_idx on time_saved_entries (user_id, entry_date desc, id desc)`,
    );
    // The report: a date range, optionally some teams, read from the index alone.
    await queryRunner.query(
      `create index time_saved_entries_report_idx on time_saved_entries (entry_date, team_id)
        include (user_id, minutes, category, content_type, content_id)`,
    );
    // Per-content counters shown under every post and comment.
    await queryRunner.query(
      `create index time_saved_entries_counter_idx on time_saved_entries (content_id)
        include (user_id, minutes) where content_id is not null`,
    );
    await queryRunner.query(
      `create index time_saved_entries_content_author_idx on time_saved_entries (content_author_id)
        where content_author_id is not null`,
    );

    await queryRunner.query(`
      create table time_saved_preferences (
        user_id uuid primary key references users (id) on delete cascade,
        default_minutes int not null check (default_minutes between 1 and 480),
        default_category varchar not null check (default_category in
          ('FOUND_INFORMATION', 'REUSED_CONTENT', 'FASTER_APPROVAL', 'AVOIDED_MEETING', 'CUSTOMER_INSIGHT', 'OTHER')),
        updated_at timestamptz not null default now()
      )`);

    // Cost history is append-only: a change is a new row, so past periods keep their rates.
    await queryRunner.query(`
      create table hourly_costs (
        id uuid primary key default gen_random_uuid(),
        -- null: the default rate, for everyone whose team has none.
        team_id uuid references teams (id) on delete cascade,
        amount numeric(10, 2) not null check (amount >= 0),
        effective_from date not null,
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create index hourly_costs_team_idx on hourly_costs (team_id, effective_from)`);
    await queryRunner.query(`
      create table platform_costs (
        id uuid primary key default gen_random_uuid(),
        monthly_amount numeric(12, 2) not null check (monthly_amount >= 0),
        effective_from date not null,
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`
      create table cost_currencies (
        id uuid primary key default gen_random_uuid(),
        code varchar(3) not null check (code ~ '^[A-Z]{3}$'),
        created_by uuid references users (id) on delete set null,
        created_at timestamptz not null default now()
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table cost_currencies`);
    await queryRunner.query(`drop table platform_costs`);
    await queryRunner.query(`drop table hourly_costs`);
    await queryRunner.query(`drop table time_saved_preferences`);
    await queryRunner.query(`drop table time_saved_entries`);
  }
}
