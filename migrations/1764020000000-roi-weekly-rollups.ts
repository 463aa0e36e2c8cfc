import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-person weekly and monthly rollups of the time-saved entries, so the ROI report counts distinct
 * people over a quarter from about 60,000 rows instead of a quarter of daily rows (bench:roi, 1,000,000
 * entries, 20,000 people: the daily per-person rollup barely compresses there, a person logs about
 * once a week, so a quarter was still ~250,000 rows grouped five times).
 *
 * - time_saved_weekly_people (week, person, team) and time_saved_monthly_people (month, person, team):
 *   minutes and entries, and the same split per category and per kind of content in columns of
 *   their own. One row holds everything a person did in the bucket, so the people of a category are
 *   the persons whose category entries are above zero: a report adds up whole months, whole weeks
 *   at its edges and the daily rollup for the days left over, per person, and counts.
 * - The categories and kinds are those of the CHECK constraints of time_saved_entries: a migration
 *   that adds one to those constraints adds its two columns here and to the triggers' function.
 *
 * Not a cache: statement-level triggers apply every insert, update and delete in the same
 * transaction, like the daily rollups of migrations/1764000000000-time-saved-rollups.ts (whose
 * time_saved_delta type they reuse). Rows that fall to zero entries go.
 *
 * Also the indexes the report's adoption figures need: comments and proposals by creation time.
 */
const CATEGORIES = [
  'FOUND_INFORMATION',
  'REUSED_CONTENT',
  'FASTER_APPROVAL',
  'AVOIDED_MEETING',
  'CUSTOMER_INSIGHT',
  'OTHER',
];
/** null: the entry is not linked to content. */
const KINDS = ['POST', 'COMMENT', 'BRIEF', 'PROPOSAL', 'OFFER', null];

const SPLITS = [
  ...CATEGORIES.map((category) => ({ column: `cat_${category.toLowerCase()}`, test: `category = '${category}'` })),
  ...KINDS.map((kind) => ({
    column: `kind_${(kind ?? 'none').toLowerCase()}`,
    test: kind ? `content_type = '${kind}'` : 'content_type is null',
  })),
];
/** Every counted column: the totals, then each split's minutes and entries. */
const COUNTED = [
  'minutes',
  'entries',
  ...SPLITS.flatMap((split) => [`${split.column}_minutes`, `${split.column}_entries`]),
];
/** The same columns' values, summed over rows `d` carrying entry_date, category, content_type, minutes and entries. */
const SUMS = (d: string, entries: string) => [
  `sum(${d}.minutes)`,
  `sum(${entries})`,
  ...SPLITS.flatMap((split) => [
    `sum(case when ${d}.${split.test} then ${d}.minutes else 0 end)`,
    `sum(case when ${d}.${split.test} then ${entries} else 0 end)`,
  ]),
];

const BUCKETS = [
  { table: 'time_saved_weekly_people', column: 'week', of: (date: string) => `date_trunc('week', ${date})::date` },
  { table: 'time_saved_monthly_people', column: 'month', of: (date: string) => `date_trunc('month', ${date})::date` },
];

export class RoiWeeklyRollups1764020000000 implements MigrationInterface {
  name = 'RoiWeeklyRollups1764020000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const bucket of BUCKETS) {
      // Key without the sums: the weekly people of a report are read from the key alone.
      await queryRunner.query(`
        create table ${bucket.table} (
          ${bucket.column} date not null,
          user_id uuid not null,
          team_id uuid,
          ${COUNTED.map((column) => `${column} int not null`).join(',\n          ')},
          constraint ${bucket.table}_key unique nulls not distinct (${bucket.column}, user_id, team_id)
        )`);
      // A report narrowed to some teams reads their rows only.
      await queryRunner.query(`create index ${bucket.table}_team_idx on ${bucket.table} (team_id, ${bucket.column})`);
    }

    const upserts = BUCKETS.map(
      (bucket) => `
        insert into ${bucket.table} as r (${bucket.column}, user_id, team_id, ${COUNTED.join(', ')})
        select ${bucket.of('d.entry_date')}, d.user_id, d.team_id, ${SUMS('d', 'd.entries').join(', ')}
          from unnest(delta) d
         group by 1, 2, 3
        having ${SUMS('d', 'd.entries')
          .map((sum) => `${sum} <> 0`)
          .join(' or ')}
         order by 1, 2, 3
            on conflict (${bucket.column}, user_id, team_id)
            do update set ${COUNTED.map((column) => `${column} = r.${column} + excluded.${column}`).join(', ')};
        delete from ${bucket.table} r
         using unnest(delta) d
         where r.entries = 0 and r.${bucket.column} = ${bucket.of('d.entry_date')} and r.user_id = d.user_id
           and r.team_id is not distinct from d.team_id;`,
    );
    // Upserts in key order, so two transactions touching the same rows wait instead of deadlocking.
    // A statement that only moves an entry to another category changes no total: the having keeps it
    // as long as one split changes.
    await queryRunner.query(`
      create function time_saved_period_rollups_apply(delta time_saved_delta[]) returns void language plpgsql as $$
      begin
        ${upserts.join('\n')}
      end $$`);
    const deltas = (rows: string, sign: string) =>
      `select row(x.entry_date, x.team_id, x.user_id, x.category, x.content_type, x.content_id, ${sign}x.minutes, ${sign}1)::time_saved_delta
         from ${rows} x`;
    await queryRunner.query(`
      create function time_saved_period_rollups_on_insert() returns trigger language plpgsql as $$
      begin
        perform time_saved_period_rollups_apply(array(${deltas('new_rows', '')}));
        return null;
      end $$`);
    await queryRunner.query(`
      create function time_saved_period_rollups_on_delete() returns trigger language plpgsql as $$
      begin
        perform time_saved_period_rollups_apply(array(${deltas('old_rows', '-')}));
        return null;
      end $$`);
    // An edit is its old row taken out and its new row put in (another week, team or category).
    await queryRunner.query(`
      create function time_saved_period_rollups_on_update() returns trigger language plpgsql as $$
      begin
        perform time_saved_period_rollups_apply(array(${deltas('old_rows', '-')} union all ${deltas('new_rows', '')}));
        return null;
      end $$`);
    await queryRunner.query(`
      create function time_saved_period_rollups_on_truncate() returns trigger language plpgsql as $$
      begin
        truncate ${BUCKETS.map((bucket) => bucket.table).join(', ')};
        return null;
      end $$`);
    await queryRunner.query(`
      create trigger time_saved_period_rollups_insert after insert on time_saved_entries
        referencing new table as new_rows for each statement execute function time_saved_period_rollups_on_insert()`);
    await queryRunner.query(`
      create trigger time_saved_period_rollups_update after update on time_saved_entries
        referencing old table as old_rows new table as new_rows
        for each statement execute function time_saved_period_rollups_on_update()`);
    await queryRunner.query(`
      create trigger time_saved_period_rollups_delete after delete on time_saved_entries
        referencing old table as old_rows for each statement execute function time_saved_period_rollups_on_delete()`);
    await queryRunner.query(`
      create trigger time_saved_period_rollups_truncate after truncate on time_saved_entries
        for each statement execute function time_saved_period_rollups_on_truncate()`);

    // The entries already logged, while nobody writes (the triggers above take over from here), in
    // bucket order: a report reads a few buckets, from a few pages.
    await queryRunner.query(`lock table time_saved_entries in share mode`);
    for (const bucket of BUCKETS) {
      await queryRunner.query(`
        insert into ${bucket.table} (${bucket.column}, user_id, team_id, ${COUNTED.join(', ')})
        select ${bucket.of('e.entry_date')}, e.user_id, e.team_id, ${SUMS('e', '1').join(', ')}
          from time_saved_entries e
         group by 1, 2, 3
         order by 1, 2, 3`);
    }
    await queryRunner.query(`analyze ${BUCKETS.map((bucket) => bucket.table).join(', ')}`);

    // Adoption counts the period's comments and proposals (posts have posts_feed_idx already); the
    // author rides along so the scan never visits the table.
    await queryRunner.query(
      `create index comments_created_idx on comments (created_at) include (author_id) where deleted_at is null`,
    );
    await queryRunner.query(`create index proposals_created_idx on proposals (created_at) include (author_id)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop index proposals_created_idx`);
    await queryRunner.query(`drop index comments_created_idx`);
    for (const event of ['truncate', 'delete', 'update', 'insert']) {
      await queryRunner.query(`drop trigger time_saved_period_rollups_${event} on time_saved_entries`);
      await queryRunner.query(`drop function time_saved_period_rollups_on_${event}()`);
    }
    await queryRunner.query(`drop function time_saved_period_rollups_apply(time_saved_delta[])`);
    for (const bucket of BUCKETS) await queryRunner.query(`drop table ${bucket.table}`);
  }
}
