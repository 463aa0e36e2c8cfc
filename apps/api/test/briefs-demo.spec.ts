import { DemoService } from '../src/demo/demo.service';
import { GqlClient, startTestApp, TestApp } from './support/test-app';

const LIST = `query { briefs(first: 50) { edges { node { id title status } } } }`;
const GET = `query ($id: ID!) { brief(id: $id) { id status returnOnObjective { score kpiCount verifiedCount }
  kpis { metric result { verifiedValue claimedValue gap attainment } actuals { status } } } }`;

interface DemoBrief {
  id: string;
  title: string;
  status: string;
  returnOnObjective: { score: number | null; kpiCount: number; verifiedCount: number };
  kpis: {
    metric: string;
    result: { verifiedValue: number | null; claimedValue: number | null; gap: number | null };
    actuals: { status: string }[];
  }[];
}

describe('demo briefs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(DemoService).seed();
  }, 180_000);
  afterAll(() => t.close());

  it('has a brief in every state, the DS 4 launch live with a large claimed-vs-verified gap', async () => {
    const client = new GqlClient(t.baseUrl);
    await client.signIn('thomas.girard@atelier.example', 'atelier-demo-2026');
    const response = await client.request<{ briefs: { edges: { node: DemoBrief }[] } }>(LIST);
    expect(response.errors).toBeUndefined();
    const briefs = response.data!.briefs.edges.map((edge) => edge.node);
    expect(new Set(briefs.map((brief) => brief.status))).toEqual(
      new Set(['DRAFT', 'IN_REVIEW', 'APPROVED', 'LIVE', 'CLOSED']),
    );
    const ds4Id = briefs.find((brief) => brief.title.startsWith('Lancement DS 4'))!.id;
    const ds4 = (await client.request<{ brief: DemoBrief }>(GET, { id: ds4Id })).data!.brief;
    expect(ds4.status).toBe('LIVE');
    expect(ds4.kpis[0].result).toMatchObject({ verifiedValue: 640, claimedValue: 980, gap: 340 });
    expect(ds4.kpis.flatMap((kpi) => kpi.actuals.map((actual) => actual.status)).sort()).toEqual([
      'CLAIMED',
      'CLAIMED',
      'REJECTED',
      'VERIFIED',
      'VERIFIED',
      'VERIFIED',
    ]);
    expect(ds4.returnOnObjective).toMatchObject({ kpiCount: 4, verifiedCount: 3 });
  });

  it('keeps customers out of every demo brief', async () => {
    const client = new GqlClient(t.baseUrl);
    await client.signIn('pierre.durand@client.example', 'atelier-demo-2026');
    const response = await client.request(LIST);
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
