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

  it('fills the team spaces and two topic spaces with a few weeks of activity, searchable', async () => {
    await t.app.get(DemoService).seed();
    const spaces = await t.sql<{ name: string; visibility: string; posts: number; pinned: number }>(
      `select s.name, s.visibility, count(p.id)::int posts, count(p.id) filter (where p.pinned)::int pinned
         from spaces s left join posts p on p.space_id = s.id group by s.id order by s.name`,
    );
    expect(spaces.map((space) => space.name)).toEqual(
      expect.arrayContaining(['Lancement DS4', 'Veille concurrentielle', 'Marque & Contenus', 'Réseau & Événements']),
    );
    expect(spaces).toHaveLength(6);
    for (const space of spaces) {
      expect(space.posts).toBeGreaterThanOrEqual(5);
      expect(space.pinned).toBe(1);
    }
    expect(spaces.find((space) => space.name === 'Veille concurrentielle')?.visibility).toBe('PRIVATE');
    const [counts] = await t.sql<{
      posts: number;
      comments: number;
      replies: number;
      reactions: number;
      oldest: number;
    }>(
      `select (select count(*)::int from posts) posts, (select count(*)::int from comments) comments,
              (select count(*)::int from comments where parent_id is not null) replies,
              (select count(*)::int from reactions) reactions,
              (select extract(day from now() - min(created_at))::int from posts) oldest`,
    );
    expect(counts.posts).toBeGreaterThanOrEqual(40);
    expect(counts.comments).toBeGreaterThanOrEqual(35);
    expect(counts.replies).toBeGreaterThanOrEqual(8);
    expect(counts.reactions).toBeGreaterThanOrEqual(100);
    expect(counts.oldest).toBeGreaterThanOrEqual(25);
    expect(counts.oldest).toBeLessThanOrEqual(28);

    const client = t.client();
    await client.signIn('julien.moreau@atelier.example', DEMO_PASSWORD);
    const query = `query ($q: String!) { search(query: $q, first: 50) { edges { node { excerpt space { name } } } } }`;
    // Briefs and co-creation content are found too; they are in no space.
    const found = await client.request<{
      search: { edges: { node: { excerpt: string; space: { name: string } | null } }[] };
    }>(query, { q: 'lancement' });
    expect(found.data?.search.edges.length).toBeGreaterThan(3);
    // Julien is not in the private competitor watch: nothing from it reaches him.
    const names = found.data!.search.edges.map((edge) => edge.node.space?.name);
    expect(names).not.toContain('Veille concurrentielle');
    expect((await client.request<typeof found.data>(query, { q: 'concurrent' })).data?.search.edges).toEqual([]);
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
