import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Without Redis, live events cross API instances through PostgreSQL (socket.io's PostgreSQL
 * adapter: LISTEN/NOTIFY). NOTIFY carries at most 8000 bytes; bigger messages are written here and
 * fetched by id, and the adapter deletes rows older than its cleanup interval. Our payloads are ids,
 * so this table stays nearly empty; the adapter requires it all the same.
 */
export class LiveAdapter1763980000000 implements MigrationInterface {
  name = 'LiveAdapter1763980000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table socket_io_attachments (
        id bigserial unique,
        created_at timestamptz default now(),
        payload bytea
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table socket_io_attachments`);
  }
}
