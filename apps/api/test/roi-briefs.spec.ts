import { addDays } from '@atelier/domain';
import { CompanyClock } from '../src/time-saved/clock';
import { User } from '../src/users/user.entity';
import { GqlClient, startTestApp, TestApp } from './support/test-app';

const CREATE = `mutation ($input: CreateBriefInput!) { createBrief(input: $input) { id kpis { id } } }`;
const SUBMIT = `mutation ($id: ID!) { submitBrief(id: $id) { id } }`;
const APPROVE = `mutation ($id: ID!) { approveBrief(id: $id) { id } }`;
const LAUNCH = `mutation ($id: ID!) { launchBrief(id: $id) { id } }`;
const CLOSE = `mutation ($id: ID!) { closeBrief(id: $id) { id } }`;
const RECORD = `mutation ($kpiId: ID!, $input: RecordKpiActualInput!) { recordKpiActual(kpiId: $kpiId, input: $input) { id } }`;
const VERIFY = `mutation ($id: ID!) { verifyKpiActual(id: $id) { id } }`;
const REPORT = `query ($from: String, $to: String, $teamId: ID) { roiReport(from: $from, to: $to, teamId: $teamId) {
  briefs { briefId title status teamName liveFrom closedOn score kpiCount verifiedCount } } }`;

interface RoiBrief {
  briefId: string;
  title: string;
  status: string;
  teamName: string;
  liveFrom: string;
  closedOn: string | null;
  score: number | null;
  kpiCount: number;
  verifiedCount: number;
}

describe('the ROI report’s briefs', () => {
  let t: TestApp;
  let today: string;
  let teamA: string;
  let teamB: string;
  let channelId: string;
  const as: Record<string, { user: User; client: GqlClient }> = {};

  const signIn = async (key: string, role: User['role'], teamIds: string[]) => {
    const user = await t.createUser(role, { teamIds });
    const client = t.client();
    await client.signIn(user.email);
    as[key] = { user, client };
  };
  const ok = async <T>(who: string, query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await as[who].client.request<T>(query, variables);
    if (response.errors) throw new Error(`${who}: ${response.errors[0].message}`);
    return response.data!;
  };
  const brief = async (owner: string, approver: string, teamId: string, title: string) => {
    const { createBrief } = await ok<{ createBrief: { id: string; kpis: { id: string }[] } }>(owner, CREATE, {
      input: {
        teamId,
        title,
        campaignName: 'DS4 printemps',
        objective: 'Générer des essais',
        channelIds: [channelId],
        kpis: [
          { metric: 'TEST_DRIVE_REQUESTS', channelId, target: 100, direction: 'HIGHER', weight: 2 },
          { metric: 'LEADS', channelId, target: 400, direction: 'HIGHER', weight: 1 },
        ],
      },
    });
    await ok(owner, SUBMIT, { id: createBrief.id });
    await ok(approver, APPROVE, { id: createBrief.id });
    return createBrief;
  };
  const briefsIn = async (who: string, variables: Record<string, unknown> = {}) =>
    (
      await ok<{ roiReport: { briefs: RoiBrief[] } }>(who, REPORT, {
        from: addDays(today, -29),
        to: today,
        ...variables,
      })
    ).roiReport.briefs;

  beforeAll(async () => {
    t = await startTestApp();
    today = t.app.get(CompanyClock).today();
    teamA = await t.createTeam('Marque & Contenus');
    teamB = await t.createTeam('Digital & Social');
    await signIn('marketerA', 'MARKETER', [teamA]);
    await signIn('managerA', 'MANAGER', [teamA]);
    await signIn('marketerB', 'MARKETER', [teamB]);
    await signIn('managerB', 'MANAGER', [teamB]);
    await signIn('admin', 'ADMIN', []);
    [{ id: channelId }] = await t.sql<{ id: string }>(`select id from channels where code = 'WEB_SITE'`);
  });
  afterAll(() => t.close());

  it('lists the briefs live during the period with their return on objective, to whom may see them', async () => {
    const live = await brief('marketerA', 'managerA', teamA, 'Essais DS4 en concession');
    await ok('marketerA', LAUNCH, { id: live.id });
    // 150 test drives for a target of 100: 150% (the cap); the leads KPI has only a claim, so it is
    // left out of the score and counted apart.
    const { recordKpiActual } = await ok<{ recordKpiActual: { id: string } }>('marketerA', RECORD, {
      kpiId: live.kpis[0].id,
      input: { value: 150, periodFrom: today, periodTo: today, source: 'CRM', evidenceUrl: 'https://crm.example/1' },
    });
    await ok('managerA', VERIFY, { id: recordKpiActual.id });
    await ok('marketerA', RECORD, {
      kpiId: live.kpis[1].id,
      input: { value: 300, periodFrom: today, periodTo: today, source: 'CRM', evidenceUrl: 'https://crm.example/2' },
    });
    const closed = await brief('marketerB', 'managerB', teamB, 'Salon de Lyon');
    await ok('marketerB', LAUNCH, { id: closed.id });
    await ok('marketerB', CLOSE, { id: closed.id });
    // Approved but never launched: not part of the period's results.
    await brief('marketerA', 'managerA', teamA, 'Newsletter de juin');

    const forAdmin = await briefsIn('admin');
    expect(forAdmin).toEqual([
      {
        briefId: live.id,
        title: 'Essais DS4 en concession',
        status: 'LIVE',
        teamName: 'Marque & Contenus',
        liveFrom: today,
        closedOn: null,
        score: 1.5,
        kpiCount: 2,
        verifiedCount: 1,
      },
      {
        briefId: closed.id,
        title: 'Salon de Lyon',
        status: 'CLOSED',
        teamName: 'Digital & Social',
        liveFrom: today,
        closedOn: today,
        score: null,
        kpiCount: 2,
        verifiedCount: 0,
      },
    ]);
    expect((await briefsIn('managerA')).map((row) => row.briefId)).toEqual([live.id]);
    expect((await briefsIn('admin', { teamId: teamB })).map((row) => row.briefId)).toEqual([closed.id]);
    // A period that ended before they went live.
    expect(await briefsIn('admin', { from: addDays(today, -60), to: addDays(today, -31) })).toEqual([]);
  });
});
