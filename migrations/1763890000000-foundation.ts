import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1763890000000 implements MigrationInterface {
  name = 'Foundation1763890000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table users (
        id uuid primary key default gen_random_uuid(),
        email varchar not null,
        display_name varchar not null,
        role varchar not null check (role in ('ADMIN', 'MANAGER', 'MARKETER', 'CUSTOMER')),
        locale varchar not null default 'fr' check (locale in ('fr', 'en')),
        active boolean not null default true,
        password_hash varchar not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create unique index users_email_key on users (lower(email))`);

    await queryRunner.query(`
      create table teams (
        id uuid primary key default gen_random_uuid(),
        name varchar not null,
        created_at timestamptz not null default now()
      )`);
    await queryRunner.query(`create unique index teams_name_key on teams (lower(name))`);

    await queryRunner.query(`
      create table team_members (
        user_id uuid not null references users (id) on delete cascade,
        team_id uuid not null references teams (id) on delete cascade,
        primary key (user_id, team_id)
      )`);
    await queryRunner.query(`create index team_members_team_id_idx on team_members (team_id)`);

    await queryRunner.query(`
      create table sessions (
        id_hash varchar primary key,
        user_id uuid not null references users (id) on delete cascade,
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        user_agent varchar,
        ip varchar
      )`);
    await queryRunner.query(`create index sessions_user_id_idx on sessions (user_id)`);
    await queryRunner.query(`create index sessions_expires_at_idx on sessions (expires_at)`);

    await queryRunner.query(`
      create table rate_limit_buckets (
        key varchar not null,
        window_start timestamptz not null,
        hits int not null,
        primary key (key, window_start)
      )`);
    await queryRunner.query(`create index rate_limit_buckets_window_start_idx on rate_limit_buckets (window_start)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table rate_limit_buckets`);
    await queryRunner.query(`drop table sessions`);
    await queryRunner.query(`drop table team_members`);
    await queryRunner.query(`drop table teams`);
    await queryRunner.query(`drop table users`);
  }
}
