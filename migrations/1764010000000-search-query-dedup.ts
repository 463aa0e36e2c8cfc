import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A search for "campagne" asked for 'campagn' | 'campagn' | 'campagn': the three configurations
 * (French, French stemmed then unaccented, English) mostly yield the same lexemes, and ts_rank_cd
 * then scores every matching document against each copy. Same matches, a third of the ranking work:
 * each distinct query is kept once, in the same order. The documents' vectors are unchanged, so
 * nothing needs recomputing; a query whose three forms differ reads exactly as before.
 */
export class SearchQueryDedup1764010000000 implements MigrationInterface {
  name = 'SearchQueryDedup1764010000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create or replace function atelier_search_query(value text) returns tsquery
        language sql immutable parallel safe
        as $$
          select case
                   when s = f then (case when e = f then f else f || e end)
                   when e = f or e = s then f || s
                   else f || s || e
                 end
            from (select websearch_to_tsquery('public.atelier_fr', value) as f,
                         public.atelier_unaccent(websearch_to_tsquery('public.atelier_fr_stem', value)::text)::tsquery as s,
                         websearch_to_tsquery('public.atelier_en', value) as e) as forms
        $$`);
  }

  /** Back to the definition of 1763985000000 (each form, duplicates included). */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create or replace function atelier_search_query(value text) returns tsquery
        language sql immutable parallel safe
        as $$
          select websearch_to_tsquery('public.atelier_fr', value)
              || public.atelier_unaccent(websearch_to_tsquery('public.atelier_fr_stem', value)::text)::tsquery
              || websearch_to_tsquery('public.atelier_en', value)
        $$`);
  }
}
