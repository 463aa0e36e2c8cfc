import { DemoService } from '../src/demo/demo.service';
import { DEMO_PASSWORD } from '../src/demo/demo-workspace';
import { expectOk } from './co-creation-fixtures';
import { TestApp, startTestApp } from './support/test-app';

/** Accounts are hashed with argon2 and the app boots: generous on a busy machine. */
const SETUP_TIMEOUT_MS = 120_000;

describe('co-creation: the demo threads', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoService).seed();
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t.close());

  it('gives the demo customers a contest in its voting period and a closed thread with a published offer', async () => {
    const pierre = t.client();
    expectOk(await pierre.signIn('pierre.durand@client.example', DEMO_PASSWORD));
    const { coCreationThreads } = expectOk(
      await pierre.request<{
        coCreationThreads: { edges: { node: { id: string; title: string; status: string; proposalCount: number } }[] };
      }>(`query { coCreationThreads(first: 10) { edges { node { id title status proposalCount } } } }`),
    );
    const threads = coCreationThreads.edges.map((edge) => edge.node);
    expect(threads.map((thread) => thread.status)).toEqual(['VOTING', 'CLOSED']);
    expect(threads[0].proposalCount).toBe(3);
    const { offers } = expectOk(
      await pierre.request<{ offers: { title: string; credits: { displayName: string }[] }[] }>(
        `query ($threadId: ID!) { offers(threadId: $threadId) { title credits { displayName } } }`,
        { threadId: threads[1].id },
      ),
    );
    expect(offers).toEqual([
      {
        title: 'Essai DS 4 « Grand Week-end »',
        credits: [{ displayName: 'Karim Benali' }, { displayName: 'Aurélie Chevalier' }],
      },
    ]);
    const [{ n }] = await t.sql<{ n: string }>(
      `select count(*) as n from outbox_messages where to_address like 'sylvie%'`,
    );
    expect(Number(n)).toBe(1);
  });
});
