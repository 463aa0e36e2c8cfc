import { MigrationInterface, QueryRunner } from 'typeorm';

export class SpacesPosts1763900000000 implements MigrationInterface {
  name = 'SpacesPosts1763900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table spaces (
        id uuid primary key default gen_random_uuid(),
        name varchar not null,
        description text not null default '',
        kind varchar not null check (kind in ('TEAM', 'TOPIC')),
        visibility varchar not null check (visibility in ('OPEN', 'PRIVATE')),
        team_id uuid references teams (id) on delete cascade,
        owner_id uuid references users (id) on delete set null,
        created_at timestamptz not null default now(),
        check ((kind = 'TEAM') = (team_id is not null))
      )`);
    // One space per team.
    await queryRunner.query(`create unique index spaces_team_id_key on spaces (team_id) where team_id is not null`);

    await queryRunner.query(`
      create table space_members (
        space_id uuid not null references spaces (id) on delete cascade,
        user_id uuid not null references users (id) on delete cascade,
        joined_at timestamptz not null default now(),
        primary key (space_id, user_id)
      )`);
    await queryRunner.query(`create index space_members_user_id_idx on space_members (user_id)`);

    await queryRunner.query(`
      create table posts (
        id uuid primary key default gen_random_uuid(),
        space_id uuid not null references spaces (id) on delete cascade,
        author_id uuid not null references users (id),
        body text not null,
        body_html text not null,
        pinned boolean not null default false,
        created_at timestamptz not null default now(),
        edited_at timestamptz,
        deleted_at timestamptz
      )`);
    // The home feed: every live post, newest first, keyset on (created_at, id).
    await queryRunner.query(`create index posts_feed_idx on posts (created_at desc, id desc) where deleted_at is null`);
    // A space's feed: pinned first, then newest, keyset on (pinned, created_at, id).
    await queryRunner.query(
      `create index posts_space_feed_idx on posts (space_id, pinned desc, created_at desc, id desc) where deleted_at is null`,
    );

    await queryRunner.query(`
      create table post_revisions (
        id uuid primary key default gen_random_uuid(),
        post_id uuid not null references posts (id) on delete cascade,
        body text not null,
        body_html text not null,
        created_at timestamptz not null
      )`);
    await queryRunner.query(`create index post_revisions_post_id_idx on post_revisions (post_id, created_at)`);

    // Comments and reactions are shared pieces: they point at any target (a post today) by type and id.
    await queryRunner.query(`
      create table comments (
        id uuid primary key default gen_random_uuid(),
        target_type varchar not null check (target_type in ('POST')),
        target_id uuid not null,
        parent_id uuid references comments (id) on delete cascade,
        author_id uuid not null references users (id),
        body text not null,
        body_html text not null,
        created_at timestamptz not null default now(),
        edited_at timestamptz,
        deleted_at timestamptz
      )`);
    await queryRunner.query(`create index comments_target_idx on comments (target_type, target_id, created_at)`);
    await queryRunner.query(`create index comments_parent_id_idx on comments (parent_id) where parent_id is not null`);

    await queryRunner.query(`
      create table reactions (
        target_type varchar not null check (target_type in ('POST', 'COMMENT')),
        target_id uuid not null,
        user_id uuid not null references users (id) on delete cascade,
        kind varchar not null check (kind in ('LIKE', 'CELEBRATE', 'INSIGHTFUL', 'SUPPORT')),
        created_at timestamptz not null default now(),
        primary key (target_type, target_id, user_id, kind)
      )`);
    // Summaries are read for a page of targets at once, by id (ids are UUIDs, unique across types).
    await queryRunner.query(`create index reactions_target_id_idx on reactions (target_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table reactions`);
    await queryRunner.query(`drop table comments`);
    await queryRunner.query(`drop table post_revisions`);
    await queryRunner.query(`drop table posts`);
    await queryRunner.query(`drop table space_members`);
    await queryRunner.query(`drop table spaces`);
  }
}
