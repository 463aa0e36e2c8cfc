import { DemoService } from '../src/demo/demo.service';
import { DEMO_PASSWORD } from '../src/demo/demo-workspace';
import { startTestApp, TestApp } from './support/test-app';

describe('demo workspace and first administrator', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  it('loads a department of 4 teams, 12 staff across the roles and 3 customers, once', async () => {
    const demo = t.app.get(DemoService);
    expect((await demo.seed()).seeded).toBe(true);
    const roles = await t.sql<{ role: string; n: number }>(
      'select role, count(*)::int n from users group by role order by role',
    );
    expect(roles).toEqual([
      { role: 'ADMIN', n: 1 },
      { role: 'CUSTOMER', n: 3 },
      { role: 'MANAGER', n: 3 },
      { role: 'MARKETER', n: 8 },
    ]);
    expect(await t.sql('select name from teams')).toHaveLength(4);
    expect((await t.client().signIn('camille.martin@atelier.example', DEMO_PASSWORD)).errors).toBeUndefined();
    expect((await demo.seed()).seeded).toBe(false);
    expect(await t.sql('select id from users')).toHaveLength(15);
  });

  it('creates the first administrator on an empty database only', async () => {
    const demo = t.app.get(DemoService);
    expect(await demo.ensureFirstAdmin('Boss@Example.com', 'a-long-admin-password')).toBe(true);
    const client = t.client();
    expect((await client.signIn('boss@example.com', 'a-long-admin-password')).errors).toBeUndefined();
    expect((await client.request('{ me { role } }')).data).toEqual({ me: { role: 'ADMIN' } });
    expect(await demo.ensureFirstAdmin('other@example.com', 'a-long-admin-password')).toBe(false);
    expect(await t.sql('select id from users')).toHaveLength(1);
  });
});
