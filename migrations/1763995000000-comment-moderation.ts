import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff hide a comment with a reason (co-creation threads, where customers write; administrators
 * anywhere). The comment stays, for its author (who reads the reason) and for staff; everyone else
 * no longer sees it. Unhiding clears the three columns.
 */
export class CommentModeration1763995000000 implements MigrationInterface {
  name = 'CommentModeration1763995000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table comments
        add column hidden_at timestamptz,
        add column hidden_reason text,
        add column hidden_by uuid references users (id),
        add constraint comments_hidden_check
          check ((hidden_at is null) = (hidden_reason is null) and (hidden_at is null) = (hidden_by is null))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table comments
        drop constraint comments_hidden_check,
        drop column hidden_by, drop column hidden_reason, drop column hidden_at`);
  }
}
