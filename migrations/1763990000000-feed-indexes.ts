import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the feed needs at volume, found by bench:feed (200,000 posts, 400,000 comments, 1,000,000
 * reactions): a page of 20 posts took seconds under load.
 *
 * Comments are looked up by target id alone (comment counts and threads of a page, for any kind of
 * content: ids are UUIDs, unique across kinds), but comments_target_idx starts with target_type, so
 * every count was a sequential scan of the whole table (about 240 ms per page on its own). The new
 * index leads with target_id, is ordered by created_at as threads are read, and carries deleted_at
 * so live comments are counted from the index alone.
 *
 * A reaction summary groups a page's reactions by kind with the viewer's own: with the kind and the
 * user in the index it is an index-only scan instead of one heap page per reaction. The former
 * index on target_id alone is a prefix of the new one, so it goes.
 */
export class FeedIndexes1763990000000 implements MigrationInterface {
  name = 'FeedIndexes1763990000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `create index comments_target_id_idx on comments (target_id, created_at) include (deleted_at)`,
    );
    await queryRunner.query(`create index reactions_target_summary_idx on reactions (target_id, kind, user_id)`);
    await queryRunner.query(`drop index reactions_target_id_idx`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`create index reactions_target_id_idx on reactions (target_id)`);
    await queryRunner.query(`drop index reactions_target_summary_idx`);
    await queryRunner.query(`drop index comments_target_id_idx`);
  }
}
