import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search functions named their text search configurations and the unaccent dictionary without a
 * schema. pg_dump's restore runs with an empty search_path (so a restored function cannot be
 * hijacked), and computing the search documents' generated column then failed ("text search
 * configuration atelier_fr does not exist"): a backup could not be restored. Same functions, every
 * name qualified; results are unchanged, so no document needs recomputing.
 */
export class SearchQualifiedNames1763985000000 implements MigrationInterface {
  name = 'SearchQualifiedNames1763985000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.define(queryRunner, 'public.');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.define(queryRunner, '');
  }

  private async define(queryRunner: QueryRunner, schema: string): Promise<void> {
    await queryRunner.query(`
      create or replace function atelier_unaccent(value text) returns text
        language sql immutable parallel safe strict
        as $$ select ${schema}unaccent('${schema}unaccent'::regdictionary, value) $$`);
    await queryRunner.query(`
      create or replace function atelier_search_vector(value text) returns tsvector
        language sql immutable parallel safe
        as $$
          select to_tsvector('${schema}atelier_fr', coalesce(value, ''))
              || ${schema}atelier_unaccent(to_tsvector('${schema}atelier_fr_stem', coalesce(value, ''))::text)::tsvector
              || to_tsvector('${schema}atelier_en', coalesce(value, ''))
        $$`);
    await queryRunner.query(`
      create or replace function atelier_search_query(value text) returns tsquery
        language sql immutable parallel safe
        as $$
          select websearch_to_tsquery('${schema}atelier_fr', value)
              || ${schema}atelier_unaccent(websearch_to_tsquery('${schema}atelier_fr_stem', value)::text)::tsquery
              || websearch_to_tsquery('${schema}atelier_en', value)
        $$`);
  }
}
