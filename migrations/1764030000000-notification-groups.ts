import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification list and badge read pre-grouped rows instead of grouping every notification of
 * the recipient on each read (a busy person with 50,000 notifications paid for all of them twice per
 * page: once for the heads, once for the actors).
 *
 * notification_groups holds one row per recipient, group_key and read state: the entry the list
 * shows (its latest event, the three latest actors, how many actors and events). It is not a cache:
 * triggers on notifications (insert, update, delete, cascades included) and on comments (deleted or
 * restored: a notification about a deleted comment is not listed) recount the groups touched in the
 * same transaction. Triggers rather than the service's statements because rows also go through
 * paths the service never sees: foreign-key cascades (a user deleted), other modules' deletes,
 * comments deleted by their own service.
 *
 * A group is recounted whole (not applied as a delta) because the head, the latest actors and the
 * distinct actors cannot be taken back by subtraction when a row goes. The cost is the group's own
 * rows, read through notifications_list_idx; marking everything read recounts each of the person's
 * groups once per statement (statement-level triggers over the transition tables).
 *
 * Recounts of one recipient are serialised by a transaction-scoped advisory lock taken in recipient
 * order: two transactions adding to the same group would otherwise each count without the other's
 * uncommitted row and the last write would lose one. After the lock, each statement of the recount
 * sees what the other transaction committed (read committed, volatile function).
 *
 * What still depends on the reader and the moment (may the recipient read the scope, is the content
 * live and visible to them) is checked when listing, on the group's root and scope: every row of a
 * group shares them (the group key names the content, the comment or the target, and content never
 * changes scope).
 */
export class NotificationGroups1764030000000 implements MigrationInterface {
  name = 'NotificationGroups1764030000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table notification_groups (
        recipient_id uuid not null references users (id) on delete cascade,
        group_key varchar not null,
        unread boolean not null,
        latest_id uuid not null,
        latest_at timestamptz not null,
        kind varchar not null,
        target_type varchar not null,
        target_id uuid not null,
        root_type varchar not null,
        root_id uuid not null,
        scope_type varchar not null,
        scope_id uuid not null,
        actor_ids uuid[] not null,
        actor_count int not null,
        event_count int not null,
        primary key (recipient_id, group_key, unread)
      )`);
    // The list: newest group first, keyset on (latest_at, latest_id).
    await queryRunner.query(
      `create index notification_groups_list_idx on notification_groups (recipient_id, latest_at desc, latest_id desc)`,
    );
    // The badge: the unread groups only.
    await queryRunner.query(
      `create index notification_groups_unread_idx on notification_groups (recipient_id) where unread`,
    );

    // Rebuilds the groups named by (recipient, group_key) pairs from their notifications. The list
    // names the three latest actors and counts the others.
    await queryRunner.query(`
      create function notification_groups_recount(recipients uuid[], group_keys varchar[]) returns void
      language sql as $$
        delete from notification_groups g
         using unnest(recipients, group_keys) k(recipient_id, group_key)
         where g.recipient_id = k.recipient_id and g.group_key = k.group_key;
        with keys as (
          select distinct k.recipient_id, k.group_key from unnest(recipients, group_keys) k(recipient_id, group_key)
        ),
        live as (
          select n.*, n.read_at is null as unread
            from keys k
            join notifications n on n.recipient_id = k.recipient_id and n.group_key = k.group_key
           where n.target_type <> 'COMMENT'
              or exists (select 1 from comments c where c.id = n.target_id and c.deleted_at is null)
        ),
        heads as (
          select distinct on (l.recipient_id, l.group_key, l.unread) l.*
            from live l
           order by l.recipient_id, l.group_key, l.unread, l.created_at desc, l.id desc
        ),
        actors as (
          select l.recipient_id, l.group_key, l.unread, l.actor_id, max(l.created_at) as last, count(*) as events
            from live l
           group by l.recipient_id, l.group_key, l.unread, l.actor_id
        ),
        totals as (
          select a.recipient_id, a.group_key, a.unread,
                 (array_agg(a.actor_id order by a.last desc, a.actor_id))[1:3] as actor_ids,
                 count(*)::int as actor_count, sum(a.events)::int as event_count
            from actors a
           group by a.recipient_id, a.group_key, a.unread
        )
        insert into notification_groups
          (recipient_id, group_key, unread, latest_id, latest_at, kind, target_type, target_id,
           root_type, root_id, scope_type, scope_id, actor_ids, actor_count, event_count)
        select h.recipient_id, h.group_key, h.unread, h.id, h.created_at, h.kind, h.target_type, h.target_id,
               h.root_type, h.root_id, h.scope_type, h.scope_id, t.actor_ids, t.actor_count, t.event_count
          from heads h
          join totals t using (recipient_id, group_key, unread);
      $$`);

    await queryRunner.query(`
      create function notification_groups_refresh(recipients uuid[], group_keys varchar[]) returns void
      language plpgsql as $$
      declare
        recipient uuid;
      begin
        if recipients is null then
          return;
        end if;
        for recipient in select distinct r from unnest(recipients) r order by r loop
          perform pg_advisory_xact_lock(hashtext('notification_groups'), hashtext(recipient::text));
        end loop;
        perform notification_groups_recount(recipients, group_keys);
      end $$`);

    await queryRunner.query(`
      create function notifications_sync_groups() returns trigger language plpgsql as $$
      declare
        recipients uuid[];
        group_keys varchar[];
      begin
        if tg_op = 'INSERT' then
          select array_agg(n.recipient_id), array_agg(n.group_key) into recipients, group_keys from new_rows n;
        elsif tg_op = 'DELETE' then
          select array_agg(o.recipient_id), array_agg(o.group_key) into recipients, group_keys from old_rows o;
        else
          select array_agg(c.recipient_id), array_agg(c.group_key) into recipients, group_keys
            from (select o.recipient_id, o.group_key
                    from old_rows o join new_rows n on n.id = o.id
                   where o is distinct from n
                  union
                  select n.recipient_id, n.group_key
                    from old_rows o join new_rows n on n.id = o.id
                   where o is distinct from n) c;
        end if;
        perform notification_groups_refresh(recipients, group_keys);
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger notifications_groups_insert after insert on notifications
      referencing new table as new_rows for each statement execute function notifications_sync_groups()`);
    await queryRunner.query(`
      create trigger notifications_groups_update after update on notifications
      referencing old table as old_rows new table as new_rows for each statement execute function notifications_sync_groups()`);
    await queryRunner.query(`
      create trigger notifications_groups_delete after delete on notifications
      referencing old table as old_rows for each statement execute function notifications_sync_groups()`);

    // A comment deleted (or restored) hides (or shows again) the notifications about it.
    await queryRunner.query(`
      create function comments_sync_notification_groups() returns trigger language plpgsql as $$
      begin
        perform notification_groups_refresh(array_agg(n.recipient_id), array_agg(n.group_key))
           from notifications n
          where n.target_id = old.id and n.target_type = 'COMMENT';
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger comments_notification_groups_update after update of deleted_at on comments
      for each row when (old.deleted_at is distinct from new.deleted_at)
      execute function comments_sync_notification_groups()`);
    await queryRunner.query(`
      create trigger comments_notification_groups_delete after delete on comments
      for each row execute function comments_sync_notification_groups()`);

    // Backfill in one pass, without the per-recipient locks: creating the triggers above locked
    // notifications against writes until this migration commits, so the backfill sees every row.
    await queryRunner.query(`
      select notification_groups_recount(array_agg(d.recipient_id), array_agg(d.group_key))
        from (select distinct recipient_id, group_key from notifications) d`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop trigger comments_notification_groups_delete on comments`);
    await queryRunner.query(`drop trigger comments_notification_groups_update on comments`);
    await queryRunner.query(`drop function comments_sync_notification_groups()`);
    await queryRunner.query(`drop trigger notifications_groups_delete on notifications`);
    await queryRunner.query(`drop trigger notifications_groups_update on notifications`);
    await queryRunner.query(`drop trigger notifications_groups_insert on notifications`);
    await queryRunner.query(`drop function notifications_sync_groups()`);
    await queryRunner.query(`drop function notification_groups_refresh(uuid[], varchar[])`);
    await queryRunner.query(`drop function notification_groups_recount(uuid[], varchar[])`);
    await queryRunner.query(`drop table notification_groups`);
  }
}
