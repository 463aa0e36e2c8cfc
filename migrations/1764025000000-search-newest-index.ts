import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search ranks only the newest matches (RANKED_MATCHES in apps/api/src/search). For a common word
 * the GIN index hands over every match, each then read from the table to learn its date and sorted:
 * 100 to 250 ms on 200,000 posts (bench:search). With this index PostgreSQL can instead walk the
 * documents newest first, test each against the query, and stop once it has enough; the planner
 * chooses between the two from the lexemes' statistics, so a rare word still goes through the GIN
 * index. doc_id breaks ties in the same order the search sorts by.
 */
export class SearchNewestIndex1764025000000 implements MigrationInterface {
  name = 'SearchNewestIndex1764025000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `create index search_documents_newest_idx on search_documents (created_at desc, doc_id desc)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop index search_documents_newest_idx`);
  }
}
