import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { dropDatabase, freshDatabase } from './support/test-app';

const tables = async (dataSource: DataSource): Promise<string[]> =>
  (
    await dataSource.query<{ table_name: string }[]>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_name <> 'migrations' order by 1`,
    )
  ).map((row) => row.table_name);

describe('migrations', () => {
  it('go up from empty, all the way down, and up again', async () => {
    const url = await freshDatabase();
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied.length).toBeGreaterThan(0);
      const schema = await tables(dataSource);
      expect(schema).toEqual(
        expect.arrayContaining(['users', 'teams', 'team_members', 'sessions', 'rate_limit_buckets']),
      );

      for (let i = 0; i < applied.length; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
      expect(await tables(dataSource)).toEqual([]);

      await dataSource.runMigrations({ transaction: 'each' });
      expect(await tables(dataSource)).toEqual(schema);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      await dataSource.destroy();
      await dropDatabase(url);
    }
  });
});
