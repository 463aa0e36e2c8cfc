import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1763920000000 implements MigrationInterface {
  name = 'Notifications1763920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A person's handle is the part of their e-mail before the @, lower-cased: mentions resolve through it.
    await queryRunner.query(`create index users_handle_idx on users (lower(split_part(email, '@', 1)))`);

    // One row per event and recipient. The target is what the recipient opens (the post or comment that
    // mentions them, the new comment or reply, the content reacted to); post_id and space_id let a read
    // check the recipient still reads it. group_key gathers rows the list shows as one entry
    // ("Alice and 3 others reacted to your post"). Later kinds (briefs, co-creation) extend the checks.
    await queryRunner.query(`
      create table notifications (
        id uuid primary key default gen_random_uuid(),
        recipient_id uuid not null references users (id) on delete cascade,
        kind varchar not null check (kind in ('MENTION', 'COMMENT_ON_POST', 'REPLY_TO_COMMENT', 'REACTION_ON_CONTENT')),
        actor_id uuid not null references users (id) on delete cascade,
        target_type varchar not null check (target_type in ('POST', 'COMMENT')),
        target_id uuid not null,
        post_id uuid references posts (id) on delete cascade,
        space_id uuid references spaces (id) on delete cascade,
        group_key varchar not null,
        created_at timestamptz not null default now(),
        read_at timestamptz,
        check (recipient_id <> actor_id)
      )`);
    // The list: a recipient's groups, newest first (distinct on group_key, then keyset on the heads).
    await queryRunner.query(
      `create index notifications_list_idx on notifications (recipient_id, group_key, created_at desc, id desc)`,
    );
    // The unread count (distinct groups among unread rows) and marking read.
    await queryRunner.query(
      `create index notifications_unread_idx on notifications (recipient_id, group_key) where read_at is null`,
    );
    // A person is told once that a post or comment mentions them, however often it is edited.
    await queryRunner.query(
      `create unique index notifications_mention_key on notifications (recipient_id, target_id) where kind = 'MENTION'`,
    );
    // Taking back a reaction removes its unread notification.
    await queryRunner.query(`create index notifications_target_idx on notifications (target_id, actor_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table notifications`);
    await queryRunner.query(`drop index users_handle_idx`);
  }
}
