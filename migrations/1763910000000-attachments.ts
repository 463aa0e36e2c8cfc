import { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1763910000000 implements MigrationInterface {
  name = 'Attachments1763910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table attachments (
        id uuid primary key default gen_random_uuid(),
        uploader_id uuid not null references users (id),
        kind varchar not null check (kind in ('IMAGE', 'PDF')),
        mime_type varchar not null,
        size_bytes integer not null check (size_bytes >= 0),
        original_name varchar(200) not null,
        storage_key varchar not null,
        width integer,
        height integer,
        target_type varchar,
        target_id uuid,
        created_at timestamptz not null default now(),
        -- Attached to both a type and an id, or to nothing yet.
        constraint attachments_target_check check ((target_type is null) = (target_id is null))
      )`);
    await queryRunner.query(`create unique index attachments_storage_key_key on attachments (storage_key)`);
    await queryRunner.query(`create index attachments_target_idx on attachments (target_type, target_id)`);
    await queryRunner.query(`create index attachments_uploader_id_idx on attachments (uploader_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table attachments`);
  }
}
