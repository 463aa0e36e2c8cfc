import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments, reactions, notifications and search stop assuming "a post in a space": they point at any
 * content (a post, a brief, a proposal, an offer) whose readers are decided by its scope (a space, a
 * brief, a co-creation thread). The kinds allowed are now decided by the code that registers them
 * (ScopeRegistry), so the check constraints naming 'POST' go; what stays checked is the shape.
 */
export class Scopes1763940000000 implements MigrationInterface {
  name = 'Scopes1763940000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table comments drop constraint comments_target_type_check`);
    await queryRunner.query(`alter table reactions drop constraint reactions_target_type_check`);

    // A notification now names the content it opens (root: the post, brief, proposal… a comment is on)
    // and the scope its recipient must still read, instead of a post and a space.
    await queryRunner.query(`alter table notifications drop constraint notifications_kind_check`);
    await queryRunner.query(`alter table notifications drop constraint notifications_target_type_check`);
    await queryRunner.query(`
      alter table notifications
        add column root_type varchar, add column root_id uuid,
        add column scope_type varchar, add column scope_id uuid`);
    await queryRunner.query(`
      update notifications
         set root_type = 'POST', root_id = post_id, scope_type = 'SPACE', scope_id = space_id,
             kind = case kind when 'COMMENT_ON_POST' then 'COMMENT_ON_CONTENT' else kind end,
             group_key = case kind when 'COMMENT_ON_POST' then replace(group_key, 'COMMENT_ON_POST:', 'COMMENT_ON_CONTENT:')
                                   else group_key end`);
    await queryRunner.query(`delete from notifications where root_id is null or scope_id is null`);
    await queryRunner.query(`
      alter table notifications
        alter column root_type set not null, alter column root_id set not null,
        alter column scope_type set not null, alter column scope_id set not null,
        drop column post_id, drop column space_id`);
    await queryRunner.query(`create index notifications_scope_idx on notifications (scope_type, scope_id)`);

    // Search: any kind of document and scope. A comment is indexed in the scope of what it is on, taken
    // from that content's own document: content that is not searchable keeps its comments out too.
    await queryRunner.query(`alter table search_documents drop constraint search_documents_doc_type_check`);
    await queryRunner.query(`alter table search_documents drop constraint search_documents_scope_type_check`);
    await queryRunner.query(`
      create or replace function search_index_comment() returns trigger language plpgsql as $$
      declare
        parent_scope_type varchar;
        parent_scope_id uuid;
      begin
        if new.deleted_at is null then
          select d.scope_type, d.scope_id into parent_scope_type, parent_scope_id
            from search_documents d where d.doc_type = new.target_type and d.doc_id = new.target_id;
        end if;
        if parent_scope_id is null then
          delete from search_documents where doc_type = 'COMMENT' and doc_id = new.id;
          return null;
        end if;
        insert into search_documents (doc_type, doc_id, parent_type, parent_id, scope_type, scope_id, body, created_at)
        values ('COMMENT', new.id, new.target_type, new.target_id, parent_scope_type, parent_scope_id,
                search_plain_text(new.body_html), new.created_at)
        on conflict (doc_type, doc_id) do update
          set scope_type = excluded.scope_type, scope_id = excluded.scope_id, body = excluded.body,
              created_at = excluded.created_at;
        return null;
      end $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create or replace function search_index_comment() returns trigger language plpgsql as $$
      declare
        scope uuid;
      begin
        if new.target_type = 'POST' and new.deleted_at is null then
          select p.space_id into scope from posts p where p.id = new.target_id and p.deleted_at is null;
        end if;
        if scope is null then
          delete from search_documents where doc_type = 'COMMENT' and doc_id = new.id;
          return null;
        end if;
        insert into search_documents (doc_type, doc_id, parent_type, parent_id, scope_type, scope_id, body, created_at)
        values ('COMMENT', new.id, new.target_type, new.target_id, 'SPACE', scope,
                search_plain_text(new.body_html), new.created_at)
        on conflict (doc_type, doc_id) do update
          set scope_id = excluded.scope_id, body = excluded.body, created_at = excluded.created_at;
        return null;
      end $$`);
    await queryRunner.query(
      `delete from search_documents where doc_type not in ('POST', 'COMMENT') or scope_type <> 'SPACE'`,
    );
    await queryRunner.query(
      `alter table search_documents add constraint search_documents_scope_type_check check (scope_type in ('SPACE'))`,
    );
    await queryRunner.query(
      `alter table search_documents add constraint search_documents_doc_type_check check (doc_type in ('POST', 'COMMENT'))`,
    );

    await queryRunner.query(`drop index notifications_scope_idx`);
    await queryRunner.query(`delete from notifications where root_type <> 'POST' or scope_type <> 'SPACE'`);
    await queryRunner.query(`
      delete from notifications
       where kind not in ('MENTION', 'COMMENT_ON_CONTENT', 'REPLY_TO_COMMENT', 'REACTION_ON_CONTENT')
          or target_type not in ('POST', 'COMMENT')`);
    await queryRunner.query(`
      alter table notifications
        add column post_id uuid references posts (id) on delete cascade,
        add column space_id uuid references spaces (id) on delete cascade`);
    await queryRunner.query(`
      update notifications
         set post_id = root_id, space_id = scope_id,
             kind = case kind when 'COMMENT_ON_CONTENT' then 'COMMENT_ON_POST' else kind end,
             group_key = case kind when 'COMMENT_ON_CONTENT' then replace(group_key, 'COMMENT_ON_CONTENT:', 'COMMENT_ON_POST:')
                                   else group_key end`);
    await queryRunner.query(`
      alter table notifications
        drop column root_type, drop column root_id, drop column scope_type, drop column scope_id`);
    await queryRunner.query(
      `alter table notifications add constraint notifications_target_type_check check (target_type in ('POST', 'COMMENT'))`,
    );
    await queryRunner.query(`
      alter table notifications add constraint notifications_kind_check
        check (kind in ('MENTION', 'COMMENT_ON_POST', 'REPLY_TO_COMMENT', 'REACTION_ON_CONTENT'))`);

    await queryRunner.query(`delete from reactions where target_type not in ('POST', 'COMMENT')`);
    await queryRunner.query(
      `alter table reactions add constraint reactions_target_type_check check (target_type in ('POST', 'COMMENT'))`,
    );
    await queryRunner.query(`delete from comments where target_type <> 'POST'`);
    await queryRunner.query(
      `alter table comments add constraint comments_target_type_check check (target_type in ('POST'))`,
    );
  }
}
