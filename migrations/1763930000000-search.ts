import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search: one table of search documents, kept by triggers, read by SearchRepository.
 *
 * Why one table rather than a tsvector column on each content table: search is one feature over
 * several kinds of content (posts and comments now; briefs and co-creation threads next). One table
 * means one GIN index, one ranking, one pagination and one access filter, and a new kind of content
 * only adds its trigger (and, if it has a new kind of audience, a `scope_type` branch in the
 * repository's access filter).
 *
 * Why triggers rather than calls from the services: the document changes in the same transaction
 * as the content, whatever writes it (a service, the demo loader backdating its content, a future
 * bulk moderation, this migration's backfill), so the index cannot drift or miss a path.
 *
 * The indexed text is plain text taken from body_html, which our Markdown renderer has already
 * sanitised: tags are dropped and the few entities it writes decoded. The text may therefore hold
 * `<` or `&` written by people: the repository escapes excerpts before adding its `<mark>`s. The two
 * private-use characters the excerpts are marked with are removed here, so content cannot forge them.
 *
 * French and English together: every document and query goes through both languages
 * (atelier_search_vector = fr || en, atelier_search_query = fr || en), so either language's stemming
 * matches; accents are ignored (unaccent) and both languages' stop words dropped (otherwise "le"
 * would be a word in English and "the" one in French).
 */
export class Search1763930000000 implements MigrationInterface {
  name = 'Search1763930000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // A trusted extension since PostgreSQL 13: the database owner may create it.
    await queryRunner.query(`create extension if not exists unaccent`);
    await queryRunner.query(
      `create text search dictionary atelier_french_stop (template = simple, stopwords = french, accept = false)`,
    );
    await queryRunner.query(
      `create text search dictionary atelier_english_stop (template = simple, stopwords = english, accept = false)`,
    );
    await queryRunner.query(`create text search configuration atelier_fr (copy = french)`);
    await queryRunner.query(`
      alter text search configuration atelier_fr alter mapping for asciiword, asciihword, hword_asciipart
        with atelier_english_stop, french_stem`);
    await queryRunner.query(`
      alter text search configuration atelier_fr alter mapping for word, hword, hword_part
        with atelier_english_stop, atelier_french_stop, unaccent, french_stem`);
    await queryRunner.query(`create text search configuration atelier_en (copy = english)`);
    await queryRunner.query(`
      alter text search configuration atelier_en alter mapping for asciiword, asciihword, hword_asciipart
        with atelier_french_stop, english_stem`);
    await queryRunner.query(`
      alter text search configuration atelier_en alter mapping for word, hword, hword_part
        with atelier_french_stop, unaccent, english_stem`);
    // French stemming needs the accents ("validée" stems to "valid", "validee" to "valide"): this one
    // keeps them, and its lexemes are unaccented afterwards (atelier_search_vector/atelier_search_query).
    await queryRunner.query(`create text search configuration atelier_fr_stem (copy = french)`);
    await queryRunner.query(`
      alter text search configuration atelier_fr_stem
        alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part
        with atelier_english_stop, french_stem`);
    // unaccent() is only stable (its rules file could change); pinned here so generated columns may use it.
    await queryRunner.query(`
      create function atelier_unaccent(value text) returns text
        language sql immutable parallel safe strict
        as $$ select unaccent('unaccent'::regdictionary, value) $$`);
    /*
     * The one definition of how text is searched, used by the documents' generated column and by
     * every query: French with accents ignored before stemming (what people type), French stemmed
     * then unaccented (what French stemming gets right), and English.
     */
    await queryRunner.query(`
      create function atelier_search_vector(value text) returns tsvector
        language sql immutable parallel safe
        as $$
          select to_tsvector('atelier_fr', coalesce(value, ''))
              || atelier_unaccent(to_tsvector('atelier_fr_stem', coalesce(value, ''))::text)::tsvector
              || to_tsvector('atelier_en', coalesce(value, ''))
        $$`);
    await queryRunner.query(`
      create function atelier_search_query(value text) returns tsquery
        language sql immutable parallel safe
        as $$
          select websearch_to_tsquery('atelier_fr', value)
              || atelier_unaccent(websearch_to_tsquery('atelier_fr_stem', value)::text)::tsquery
              || websearch_to_tsquery('atelier_en', value)
        $$`);

    await queryRunner.query(`
      create function search_plain_text(html text) returns text
        language sql immutable parallel safe
        as $$
          select btrim(regexp_replace(translate(
            replace(replace(replace(replace(replace(
              regexp_replace(html, '<[^>]*>', ' ', 'g'),
              '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'),
            U&'\\E000\\E001', ''), '\\s+', ' ', 'g'))
        $$`);

    await queryRunner.query(`
      create table search_documents (
        doc_type varchar not null check (doc_type in ('POST', 'COMMENT')),
        doc_id uuid not null,
        -- What the document belongs to and opens: the post of a comment.
        parent_type varchar,
        parent_id uuid,
        -- Who may read it: SPACE = whoever reads the space scope_id (canReadSql).
        scope_type varchar not null check (scope_type in ('SPACE')),
        scope_id uuid not null,
        title text,
        body text not null,
        created_at timestamptz not null,
        tsv tsvector generated always as (setweight(atelier_search_vector(title), 'A') || atelier_search_vector(body)) stored,
        primary key (doc_type, doc_id)
      )`);
    await queryRunner.query(`create index search_documents_tsv_idx on search_documents using gin (tsv)`);
    await queryRunner.query(
      `create index search_documents_parent_idx on search_documents (parent_type, parent_id) where parent_id is not null`,
    );

    // A post: indexed while live; its deletion takes its comments' documents with it.
    await queryRunner.query(`
      create function search_index_post() returns trigger language plpgsql as $$
      begin
        if new.deleted_at is not null then
          delete from search_documents
           where (doc_type = 'POST' and doc_id = new.id) or (parent_type = 'POST' and parent_id = new.id);
          return null;
        end if;
        insert into search_documents (doc_type, doc_id, scope_type, scope_id, body, created_at)
        values ('POST', new.id, 'SPACE', new.space_id, search_plain_text(new.body_html), new.created_at)
        on conflict (doc_type, doc_id) do update
          set scope_id = excluded.scope_id, body = excluded.body, created_at = excluded.created_at;
        if tg_op = 'UPDATE' and new.space_id is distinct from old.space_id then
          update search_documents set scope_id = new.space_id where parent_type = 'POST' and parent_id = new.id;
        end if;
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger posts_search_index
        after insert or update of body_html, deleted_at, space_id, created_at on posts
        for each row execute function search_index_post()`);

    // A comment: indexed while it and its post are live, readable by whoever reads the post's space.
    await queryRunner.query(`
      create function search_index_comment() returns trigger language plpgsql as $$
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
    await queryRunner.query(`
      create trigger comments_search_index
        after insert or update of body_html, deleted_at, created_at on comments
        for each row execute function search_index_comment()`);

    // Backfill what exists.
    await queryRunner.query(`
      insert into search_documents (doc_type, doc_id, scope_type, scope_id, body, created_at)
      select 'POST', p.id, 'SPACE', p.space_id, search_plain_text(p.body_html), p.created_at
        from posts p where p.deleted_at is null`);
    await queryRunner.query(`
      insert into search_documents (doc_type, doc_id, parent_type, parent_id, scope_type, scope_id, body, created_at)
      select 'COMMENT', c.id, 'POST', p.id, 'SPACE', p.space_id, search_plain_text(c.body_html), c.created_at
        from comments c join posts p on p.id = c.target_id and p.deleted_at is null
       where c.target_type = 'POST' and c.deleted_at is null`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop trigger comments_search_index on comments`);
    await queryRunner.query(`drop trigger posts_search_index on posts`);
    await queryRunner.query(`drop function search_index_comment()`);
    await queryRunner.query(`drop function search_index_post()`);
    await queryRunner.query(`drop table search_documents`);
    await queryRunner.query(`drop function search_plain_text(text)`);
    await queryRunner.query(`drop function atelier_search_query(text)`);
    await queryRunner.query(`drop function atelier_search_vector(text)`);
    await queryRunner.query(`drop function atelier_unaccent(text)`);
    await queryRunner.query(`drop text search configuration atelier_fr_stem`);
    await queryRunner.query(`drop text search configuration atelier_en`);
    await queryRunner.query(`drop text search configuration atelier_fr`);
    await queryRunner.query(`drop text search dictionary atelier_english_stop`);
    await queryRunner.query(`drop text search dictionary atelier_french_stop`);
    await queryRunner.query(`drop extension if exists unaccent`);
  }
}
