import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { SpacesService } from '../src/spaces/spaces.service';
import { User } from '../src/users/user.entity';
import { errorCode, GqlClient, startTestApp, TestApp } from './support/test-app';

const BRIEF_FIELDS = `id title campaignName status version budgetAmount budgetCurrency startDate endDate
  context objective html { objective }
  owner { id } team { id } channels { id code }
  kpis { id metric customName target unit direction weight dueDate channel { id }
         result { verifiedValue attainment cappedAttainment claimedValue gap }
         actuals { id value status rejectionReason recordedBy { id } reviewedBy { id } } }
  transitions { fromStatus toStatus comment actor { id } }
  returnOnObjective { score kpiCount verifiedCount }
  viewerCan { edit submit review launch close recordActuals verifyActuals changeTargets }
  watching watcherCount commentCount reactions { total }`;

const CREATE = `mutation ($input: CreateBriefInput!) { createBrief(input: $input) { ${BRIEF_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: BriefFieldsInput!) { updateBrief(id: $id, input: $input) { ${BRIEF_FIELDS} } }`;
const SET_KPIS = `mutation ($id: ID!, $kpis: [KpiInputType!]!) { setKpis(briefId: $id, kpis: $kpis) { ${BRIEF_FIELDS} } }`;
const GET = `query ($id: ID!) { brief(id: $id) { ${BRIEF_FIELDS} } }`;
const LIST = `query ($filter: BriefFilter, $first: Int, $after: String) {
  briefs(filter: $filter, first: $first, after: $after) { edges { cursor node { id title status } } pageInfo { hasNextPage endCursor } } }`;
const SUBMIT = `mutation ($id: ID!) { submitBrief(id: $id) { id status version } }`;
const APPROVE = `mutation ($id: ID!, $comment: String) { approveBrief(id: $id, comment: $comment) { id status } }`;
const CHANGES = `mutation ($id: ID!, $comment: String!) { requestBriefChanges(id: $id, comment: $comment) { id status } }`;
const LAUNCH = `mutation ($id: ID!) { launchBrief(id: $id) { id status } }`;
const CLOSE = `mutation ($id: ID!) { closeBrief(id: $id) { id status } }`;
const WATCH = `mutation ($id: ID!, $w: Boolean!) { watchBrief(id: $id, watching: $w) { id watching watcherCount } }`;
const VERSIONS = `query ($id: ID!) { briefVersions(briefId: $id) { number cause createdBy { id } snapshotJson } }`;
const DIFF = `query ($id: ID!, $from: Int!, $to: Int!) { briefDiff(briefId: $id, fromVersion: $from, toVersion: $to) {
  fromVersion toVersion fields { field before after parts { value added removed } } channelsAdded channelsRemoved
  kpis { kpiId change metric targetChanged fields { field before after } } } }`;
const RECORD = `mutation ($kpiId: ID!, $input: RecordKpiActualInput!) { recordKpiActual(kpiId: $kpiId, input: $input) { id value status recordedBy { id } } }`;
const VERIFY = `mutation ($id: ID!) { verifyKpiActual(id: $id) { id status reviewedBy { id } } }`;
const REJECT = `mutation ($id: ID!, $reason: String!) { rejectKpiActual(id: $id, reason: $reason) { id status rejectionReason } }`;
const CHANNELS = `query { channels { id code name } }`;
const CREATE_CHANNEL = `mutation ($name: String!) { createChannel(name: $name) { id code name } }`;
const SCORECARD = `query ($from: String!, $to: String!, $teamId: ID) { channelScorecard(from: $from, to: $to, teamId: $teamId) {
  from to currency rows { channel { id code } score kpiCount verifiedCount briefCount budget budgetShare
  kpis { kpiId target verifiedValue attainment } } } }`;
const SHARE = `mutation ($b: ID!, $s: ID!, $body: String!) { shareBriefToSpace(briefId: $b, spaceId: $s, body: $body) { id linkedBrief { id readable title status } } }`;
const POST = `query ($id: ID!) { post(id: $id) { id body linkedBrief { id readable title status } } }`;
const SEARCH = `query ($q: String!) { search(query: $q) { edges { node { type rootType rootId } } } }`;

interface KpiView {
  id: string;
  target: number;
  result: { verifiedValue: number | null; attainment: number | null; claimedValue: number | null; gap: number | null };
  actuals: { id: string; status: string }[];
}
interface BriefView {
  id: string;
  status: string;
  version: number;
  kpis: KpiView[];
  transitions: { fromStatus: string | null; toStatus: string; comment: string | null; actor: { id: string } }[];
  returnOnObjective: { score: number | null; kpiCount: number; verifiedCount: number };
  viewerCan: Record<string, boolean>;
  [key: string]: unknown;
}

describe('campaign briefs', () => {
  let t: TestApp;
  let teamId: string;
  let otherTeamId: string;
  let channels: Record<string, string>;
  const as: Record<string, { user: User; client: GqlClient }> = {};

  const signIn = async (key: string, role: User['role'], teamIds: string[] = []) => {
    const user = await t.createUser(role, { teamIds });
    const client = t.client();
    await client.signIn(user.email);
    as[key] = { user, client };
  };

  const briefCount = async () => Number((await t.sql<{ n: string }>('select count(*) as n from briefs'))[0].n);
  const rowCounts = async () =>
    (
      await t.sql<Record<string, string>>(`select (select count(*) from briefs) b, (select count(*) from brief_kpis) k,
        (select count(*) from brief_versions) v, (select count(*) from brief_transitions) tr,
        (select count(*) from kpi_actuals) a, (select count(*) from brief_channels) c, (select count(*) from channels) ch,
        (select string_agg(status || version, ',' order by id) from briefs) s,
        (select string_agg(status, ',' order by id) from kpi_actuals) ast`)
    )[0];

  const kpi = (overrides: Record<string, unknown> = {}): Record<string, unknown> & { id?: string } => ({
    metric: 'TEST_DRIVE_REQUESTS',
    channelId: channels.WEB_SITE,
    target: 500,
    direction: 'HIGHER',
    weight: 2,
    ...overrides,
  });
  const baseInput = () => ({
    teamId,
    title: 'Lancement DS4',
    campaignName: 'DS4 printemps 2026',
    objective: 'Générer des essais',
    budgetAmount: 120000,
    budgetCurrency: 'EUR',
    startDate: '2026-03-01',
    endDate: '2026-04-30',
    channelIds: [channels.WEB_SITE, channels.DEALER_NETWORK],
    kpis: [kpi(), kpi({ metric: 'LEADS', channelId: channels.DEALER_NETWORK, target: 2000, weight: 1 })],
  });
  const create = async (who = 'marketer', input: Record<string, unknown> = {}) => {
    const response = await as[who].client.request<{ createBrief: BriefView }>(CREATE, {
      input: { ...baseInput(), ...input },
    });
    if (response.errors) throw new Error(response.errors[0].message);
    return response.data!.createBrief;
  };
  const get = async (id: string, who = 'marketer') =>
    (await as[who].client.request<{ brief: BriefView }>(GET, { id })).data!.brief;
  const ok = async <T = Record<string, unknown>>(who: string, query: string, variables: Record<string, unknown>) => {
    const response = await as[who].client.request<T>(query, variables);
    if (response.errors) throw new Error(`${who}: ${response.errors[0].message}`);
    return response.data!;
  };

  /** A brief taken to LIVE through the workflow, ready for figures. */
  const liveBrief = async (input: Record<string, unknown> = {}) => {
    const brief = await create('marketer', input);
    await ok('marketer', SUBMIT, { id: brief.id });
    await ok('manager', APPROVE, { id: brief.id });
    await ok('marketer', LAUNCH, { id: brief.id });
    return get(brief.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    teamId = await t.createTeam('Digital & Social');
    otherTeamId = await t.createTeam('Réseau & Événements');
    await signIn('marketer', 'MARKETER', [teamId]);
    await signIn('teammate', 'MARKETER', [teamId]);
    await signIn('outsider', 'MARKETER', [otherTeamId]);
    await signIn('manager', 'MANAGER');
    await signIn('manager2', 'MANAGER');
    await signIn('admin', 'ADMIN');
    await signIn('customer', 'CUSTOMER');
    const rows = await t.sql<{ id: string; code: string }>('select id, code from channels where code is not null');
    channels = Object.fromEntries(rows.map((row) => [row.code, row.id]));
  });
  afterAll(() => t.close());

  it('seeds the nine channels of the issue and lists them to staff', async () => {
    const { channels: list } = await ok<{ channels: { code: string }[] }>('marketer', CHANNELS, {});
    expect(list.map((channel) => channel.code)).toEqual([
      'WEB_SITE',
      'SOCIAL_NETWORKS',
      'EMAIL',
      'MOBILE_APP',
      'DEALER_NETWORK',
      'EVENTS',
      'PRESS',
      'DISPLAY_ADS',
      'SEARCH_ADS',
    ]);
  });

  it('lets admins add a channel, nobody else; names are unique', async () => {
    for (const who of ['manager', 'marketer', 'customer']) {
      const response = await as[who].client.request(CREATE_CHANNEL, { name: 'Radio' });
      expect(errorCode(response)).toBe('FORBIDDEN');
    }
    expect(await t.sql(`select 1 from channels where name = 'Radio'`)).toHaveLength(0);
    const { createChannel } = await ok<{ createChannel: { code: string | null; name: string } }>(
      'admin',
      CREATE_CHANNEL,
      {
        name: ' Radio ',
      },
    );
    expect(createChannel).toMatchObject({ code: null, name: 'Radio' });
    expect(errorCode(await as.admin.client.request(CREATE_CHANNEL, { name: 'radio' }))).toBe('CONFLICT');
    expect(errorCode(await as.admin.client.request(CREATE_CHANNEL, { name: '  ' }))).toBe('BAD_USER_INPUT');
  });

  it('creates a draft with its KPIs and channels, the creation in its timeline', async () => {
    const brief = await create();
    expect(brief).toMatchObject({
      title: 'Lancement DS4',
      status: 'DRAFT',
      version: 0,
      budgetAmount: 120000,
      startDate: '2026-03-01',
      owner: { id: as.marketer.user.id },
      team: { id: teamId },
      html: { objective: '<p>Générer des essais</p>\n' },
    });
    expect(brief.kpis.map((k) => [k.target, (k as unknown as { metric: string }).metric])).toEqual([
      [500, 'TEST_DRIVE_REQUESTS'],
      [2000, 'LEADS'],
    ]);
    expect(brief.transitions).toEqual([
      { fromStatus: null, toStatus: 'DRAFT', comment: null, actor: { id: as.marketer.user.id } },
    ]);
    expect(brief.viewerCan).toMatchObject({ edit: true, submit: true, review: false, launch: false });
  });

  describe('bad input: a clear error, nothing written', () => {
    const unknownId = '7b5f7c1e-0000-4000-8000-000000000000';
    const cases: [string, () => Record<string, unknown>, string, string][] = [
      ['a negative budget', () => ({ budgetAmount: -10 }), 'negativeBudget', 'budgetAmount'],
      [
        'an end before the start',
        () => ({ startDate: '2026-05-01', endDate: '2026-04-01' }),
        'endBeforeStart',
        'endDate',
      ],
      ['a KPI without target', () => ({ kpis: [kpi({ target: null })] }), 'kpiTargetRequired', 'kpis.0.target'],
      [
        'an unknown channel on a KPI',
        () => ({ kpis: [kpi({ channelId: unknownId })] }),
        'unknownChannel',
        'kpis.0.channelId',
      ],
      ['an unknown channel on the brief', () => ({ channelIds: [unknownId] }), 'unknownChannel', 'channelIds.0'],
      [
        'weights summing to zero',
        () => ({ kpis: [kpi({ weight: 0 }), kpi({ weight: 0 })] }),
        'weightNotPositive',
        'kpis.0.weight',
      ],
      ['a currency that is not ISO', () => ({ budgetCurrency: 'euros' }), 'invalidCurrency', 'budgetCurrency'],
      ['an empty title', () => ({ title: '  ' }), 'required', 'title'],
      [
        'a custom metric without a name',
        () => ({ kpis: [kpi({ metric: 'CUSTOM' })] }),
        'required',
        'kpis.0.customName',
      ],
    ];
    for (const [name, input, reason, field] of cases) {
      it(`refuses ${name}`, async () => {
        const before = await rowCounts();
        const response = await as.marketer.client.request(CREATE, { input: { ...baseInput(), ...input() } });
        expect(errorCode(response)).toBe('BAD_USER_INPUT');
        expect(response.errors![0].extensions).toMatchObject({ reason, field });
        expect(response.errors![0].message).toMatch(/\w+ \w+/);
        expect(await rowCounts()).toEqual(before);
      });
    }

    it('refuses the same mistakes on update and on setKpis', async () => {
      const brief = await create();
      const before = await rowCounts();
      for (const [input, reason] of [
        [{ budgetAmount: -1 }, 'negativeBudget'],
        [{ endDate: '2026-01-01' }, 'endBeforeStart'],
        [{ channelIds: ['7b5f7c1e-0000-4000-8000-000000000000'] }, 'unknownChannel'],
      ] as const) {
        const response = await as.marketer.client.request(UPDATE, { id: brief.id, input });
        expect(response.errors?.[0].extensions?.reason).toBe(reason);
      }
      const noTarget = await as.marketer.client.request(SET_KPIS, { id: brief.id, kpis: [kpi({ target: null })] });
      expect(noTarget.errors?.[0].extensions?.reason).toBe('kpiTargetRequired');
      const zero = await as.marketer.client.request(SET_KPIS, { id: brief.id, kpis: [kpi({ weight: 0 })] });
      expect(zero.errors?.[0].extensions?.reason).toBe('weightNotPositive');
      expect(await rowCounts()).toEqual(before);
      expect((await get(brief.id)).kpis).toHaveLength(2);
    });
  });

  describe('who reads and who writes', () => {
    it('gives customers nothing: no brief, no list, no channel, no scorecard, no mutation', async () => {
      const brief = await create();
      const before = await rowCounts();
      const c = as.customer.client;
      for (const [query, variables] of [
        [GET, { id: brief.id }],
        [LIST, {}],
        [CHANNELS, {}],
        [SCORECARD, { from: '2026-01-01', to: '2026-12-31' }],
        [VERSIONS, { id: brief.id }],
        [CREATE, { input: baseInput() }],
        [UPDATE, { id: brief.id, input: { title: 'x' } }],
        [SUBMIT, { id: brief.id }],
        [WATCH, { id: brief.id, w: true }],
        [SEARCH, { q: 'DS4' }],
      ] as const) {
        const response = await c.request(query, variables);
        expect(response.data?.[Object.keys(response.data ?? {})[0]] ?? null).toBeNull();
        expect(errorCode(response)).toBe('FORBIDDEN');
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('hides a brief from a marketer of another team, and refuses them every write', async () => {
      const brief = await create();
      const before = await rowCounts();
      expect(errorCode(await as.outsider.client.request(GET, { id: brief.id }))).toBe('NOT_FOUND');
      const list = await ok<{ briefs: { edges: { node: { id: string } }[] } }>('outsider', LIST, { first: 50 });
      expect(list.briefs.edges.map((e) => e.node.id)).not.toContain(brief.id);
      for (const [query, variables] of [
        [UPDATE, { id: brief.id, input: { title: 'Hijacked' } }],
        [SET_KPIS, { id: brief.id, kpis: [] }],
        [SUBMIT, { id: brief.id }],
        [WATCH, { id: brief.id, w: true }],
      ] as const) {
        expect(errorCode(await as.outsider.client.request(query, variables))).toBe('NOT_FOUND');
      }
      const search = await ok<{ search: { edges: { node: { rootId: string } }[] } }>('outsider', SEARCH, {
        q: 'Lancement DS4',
      });
      expect(search.search.edges.map((e) => e.node.rootId)).not.toContain(brief.id);
      expect(await rowCounts()).toEqual(before);
    });

    it('lets the team, managers and admins read it; search finds it for them', async () => {
      const brief = await create('marketer', { title: 'Opération Cabriolet été' });
      for (const who of ['teammate', 'manager', 'admin']) expect((await get(brief.id, who)).id).toBe(brief.id);
      const search = await ok<{ search: { edges: { node: { type: string; rootId: string } }[] } }>('teammate', SEARCH, {
        q: 'cabriolet',
      });
      expect(search.search.edges.map((e) => e.node)).toContainEqual({
        type: 'BRIEF',
        rootType: 'BRIEF',
        rootId: brief.id,
      });
    });

    it('takes comments and reactions from its readers only, through the shared pieces', async () => {
      const brief = await create();
      const ADD = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`;
      const REACT = `mutation ($id: ID!) { react(targetId: $id, kind: LIKE) { total } }`;
      await ok('teammate', ADD, { input: { targetId: brief.id, body: 'Pensons aux concessions de Lyon.' } });
      await ok('manager', REACT, { id: brief.id });
      const before = await t.sql('select count(*) from comments');
      for (const who of ['outsider', 'customer']) {
        const response = await as[who].client.request(ADD, { input: { targetId: brief.id, body: 'Intrus' } });
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain(errorCode(response));
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain(errorCode(await as[who].client.request(REACT, { id: brief.id })));
      }
      expect(await t.sql('select count(*) from comments')).toEqual(before);
      const seen = await get(brief.id);
      expect(seen.commentCount).toBe(1);
      expect(seen.reactions).toEqual({ total: 1 });
      // The owner is told of the comment on their brief.
      const told = await t.sql(`select kind from notifications where recipient_id = $1 and root_id = $2`, [
        as.marketer.user.id,
        brief.id,
      ]);
      expect(told.map((row) => row.kind)).toContain('COMMENT_ON_CONTENT');
    });

    it('refuses a marketer creating a brief for a team they are not in', async () => {
      const before = await briefCount();
      expect(errorCode(await as.outsider.client.request(CREATE, { input: baseInput() }))).toBe('FORBIDDEN');
      expect(await briefCount()).toBe(before);
    });

    it('lets people watch and unwatch a brief they read', async () => {
      const brief = await create();
      expect((await ok<{ watchBrief: unknown }>('manager', WATCH, { id: brief.id, w: true })).watchBrief).toEqual({
        id: brief.id,
        watching: true,
        watcherCount: 1,
      });
      expect(
        (await ok<{ watchBrief: unknown }>('manager', WATCH, { id: brief.id, w: false })).watchBrief,
      ).toMatchObject({
        watching: false,
        watcherCount: 0,
      });
    });
  });

  describe('the workflow through the API', () => {
    it('runs DRAFT → IN_REVIEW → DRAFT → IN_REVIEW → APPROVED → LIVE → CLOSED, with versions, timeline and notifications', async () => {
      const brief = await create();
      await ok('manager2', WATCH, { id: brief.id, w: true });

      // Nothing but SUBMIT from DRAFT.
      for (const [who, query, variables] of [
        ['manager', APPROVE, { id: brief.id }],
        ['manager', CHANGES, { id: brief.id, comment: 'x' }],
        ['marketer', LAUNCH, { id: brief.id }],
        ['marketer', CLOSE, { id: brief.id }],
      ] as const) {
        const before = await rowCounts();
        const response = await as[who].client.request(query, variables);
        expect(errorCode(response)).toBe('CONFLICT');
        expect(response.errors![0].extensions?.reason).toBe('briefWrongStatus');
        expect(await rowCounts()).toEqual(before);
      }

      expect((await ok<{ submitBrief: unknown }>('teammate', SUBMIT, { id: brief.id })).submitBrief).toEqual({
        id: brief.id,
        status: 'IN_REVIEW',
        version: 1,
      });

      // In review: frozen, and only a manager decides.
      let before = await rowCounts();
      const frozen = await as.marketer.client.request(UPDATE, { id: brief.id, input: { title: 'Edit' } });
      expect(frozen.errors?.[0].extensions?.reason).toBe('briefInReview');
      for (const who of ['marketer', 'admin', 'customer']) {
        expect(errorCode(await as[who].client.request(APPROVE, { id: brief.id }))).toBe('FORBIDDEN');
        expect(errorCode(await as[who].client.request(CHANGES, { id: brief.id, comment: 'x' }))).toBe('FORBIDDEN');
      }
      const noComment = await as.manager.client.request(CHANGES, { id: brief.id, comment: '  ' });
      expect(noComment.errors?.[0].extensions).toMatchObject({ reason: 'required', field: 'comment' });
      expect(await rowCounts()).toEqual(before);

      await ok('manager', CHANGES, { id: brief.id, comment: 'Chiffrez l’objectif d’essais.' });
      expect((await get(brief.id)).status).toBe('DRAFT');
      await ok('marketer', UPDATE, { id: brief.id, input: { objective: 'Générer 600 essais' } });
      expect((await get(brief.id)).version).toBe(1);
      await ok('marketer', SUBMIT, { id: brief.id });
      await ok('manager', APPROVE, { id: brief.id, comment: 'Parfait' });

      // Launch and close: the owner or a manager, never a teammate.
      before = await rowCounts();
      expect(errorCode(await as.teammate.client.request(LAUNCH, { id: brief.id }))).toBe('FORBIDDEN');
      expect(await rowCounts()).toEqual(before);
      await ok('marketer', LAUNCH, { id: brief.id });
      expect(errorCode(await as.teammate.client.request(CLOSE, { id: brief.id }))).toBe('FORBIDDEN');
      await ok('manager', CLOSE, { id: brief.id });

      const closed = await get(brief.id);
      expect(closed.status).toBe('CLOSED');
      expect(closed.version).toBe(2);
      expect(closed.transitions.map((row) => [row.fromStatus, row.toStatus, row.comment, row.actor.id])).toEqual([
        [null, 'DRAFT', null, as.marketer.user.id],
        ['DRAFT', 'IN_REVIEW', null, as.teammate.user.id],
        ['IN_REVIEW', 'DRAFT', 'Chiffrez l’objectif d’essais.', as.manager.user.id],
        ['DRAFT', 'IN_REVIEW', null, as.marketer.user.id],
        ['IN_REVIEW', 'APPROVED', 'Parfait', as.manager.user.id],
        ['APPROVED', 'LIVE', null, as.marketer.user.id],
        ['LIVE', 'CLOSED', null, as.manager.user.id],
      ]);
      const versions = await ok<{ briefVersions: { number: number; cause: string }[] }>('marketer', VERSIONS, {
        id: brief.id,
      });
      expect(versions.briefVersions.map((v) => [v.number, v.cause])).toEqual([
        [2, 'SUBMITTED'],
        [1, 'SUBMITTED'],
      ]);

      // The owner and the watcher were told of each step they did not take themselves.
      const kinds = await t.sql<{ recipient_id: string; kind: string }>(
        `select recipient_id, kind from notifications where root_id = $1 order by created_at, kind`,
        [brief.id],
      );
      const of = (user: User) =>
        kinds
          .filter((row) => row.recipient_id === user.id)
          .map((row) => row.kind)
          .sort();
      expect(of(as.marketer.user)).toEqual([
        'BRIEF_APPROVED',
        'BRIEF_CHANGES_REQUESTED',
        'BRIEF_CLOSED',
        'BRIEF_SUBMITTED',
      ]);
      expect(of(as.manager2.user)).toEqual(
        expect.arrayContaining([
          'BRIEF_APPROVED',
          'BRIEF_CHANGES_REQUESTED',
          'BRIEF_CLOSED',
          'BRIEF_LAUNCHED',
          'BRIEF_SUBMITTED',
        ]),
      );

      // Closed: read-only for everyone.
      before = await rowCounts();
      for (const [who, query, variables] of [
        ['marketer', UPDATE, { id: brief.id, input: { title: 'Après coup' } }],
        ['admin', UPDATE, { id: brief.id, input: { title: 'Après coup' } }],
        ['manager', SET_KPIS, { id: brief.id, kpis: [] }],
        [
          'marketer',
          RECORD,
          {
            kpiId: closed.kpis[0].id,
            input: {
              value: 1,
              periodFrom: '2026-03-01',
              periodTo: '2026-03-31',
              source: 'CRM',
              evidenceUrl: 'https://crm.example/1',
            },
          },
        ],
        ['manager', CLOSE, { id: brief.id }],
        ['manager', LAUNCH, { id: brief.id }],
        ['marketer', SUBMIT, { id: brief.id }],
      ] as const) {
        const response = await as[who].client.request(query, variables);
        expect(errorCode(response)).toBe('CONFLICT');
        expect(response.errors![0].extensions?.reason).toBe('briefClosed');
      }
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses to submit a brief without a KPI, writing nothing', async () => {
      const brief = await create('marketer', { kpis: [] });
      const before = await rowCounts();
      const response = await as.marketer.client.request(SUBMIT, { id: brief.id });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].extensions).toMatchObject({ reason: 'briefNeedsKpi', field: 'kpis' });
      expect(await rowCounts()).toEqual(before);
    });

    it('refuses a manager approving their own brief while another manager exists', async () => {
      const own = await create('manager');
      await ok('manager', SUBMIT, { id: own.id });
      const before = await rowCounts();
      const response = await as.manager.client.request(APPROVE, { id: own.id });
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect(response.errors![0].message).toMatch(/Another manager/);
      expect(await rowCounts()).toEqual(before);
      await ok('manager2', APPROVE, { id: own.id });
    });

    it('lets the only active manager approve their own brief', async () => {
      const own = await create('manager');
      await ok('manager', SUBMIT, { id: own.id });
      await t.sql(`update users set active = false where id = $1`, [as.manager2.user.id]);
      try {
        expect(
          (await ok<{ approveBrief: { status: string } }>('manager', APPROVE, { id: own.id })).approveBrief.status,
        ).toBe('APPROVED');
      } finally {
        await t.sql(`update users set active = true where id = $1`, [as.manager2.user.id]);
      }
    });
  });

  describe('versions after approval and the diff', () => {
    it('versions each edit after approval; only managers move a KPI target, and the diff shows it', async () => {
      const brief = await create();
      await ok('marketer', SUBMIT, { id: brief.id });
      await ok('manager', APPROVE, { id: brief.id });
      const kpis = (await get(brief.id)).kpis.map(({ id, target }, index) =>
        kpi({ id, target, ...(index === 1 ? { metric: 'LEADS', channelId: channels.DEALER_NETWORK, weight: 1 } : {}) }),
      );

      // A marketer edits the text: version 2.
      await ok('marketer', UPDATE, { id: brief.id, input: { objective: 'Générer 600 essais' } });
      expect((await get(brief.id)).version).toBe(2);
      // Saving the same thing again makes no version.
      await ok('marketer', UPDATE, { id: brief.id, input: { objective: 'Générer 600 essais' } });
      expect((await get(brief.id)).version).toBe(2);

      // A marketer cannot move a target now; nothing is written.
      const before = await rowCounts();
      const moved = [{ ...kpis[0], target: 400 }, kpis[1]];
      const refused = await as.marketer.client.request(SET_KPIS, { id: brief.id, kpis: moved });
      expect(errorCode(refused)).toBe('FORBIDDEN');
      expect(errorCode(await as.marketer.client.request(SET_KPIS, { id: brief.id, kpis: [kpis[0]] }))).toBe(
        'FORBIDDEN',
      );
      expect(await rowCounts()).toEqual(before);
      // A weight is not a target: the marketer may change it (version 3).
      await ok('marketer', SET_KPIS, { id: brief.id, kpis: [{ ...kpis[0], weight: 3 }, kpis[1]] });
      // A manager may move the target: version 4.
      await ok('manager', SET_KPIS, { id: brief.id, kpis: [{ ...kpis[0], weight: 3, target: 400 }, kpis[1]] });
      const after = await get(brief.id);
      expect(after.version).toBe(4);
      expect(after.kpis[0].id).toBe(kpis[0].id);
      expect(after.viewerCan.changeTargets).toBe(false);

      const versions = await ok<{ briefVersions: { number: number; cause: string; snapshotJson: string }[] }>(
        'marketer',
        VERSIONS,
        { id: brief.id },
      );
      expect(versions.briefVersions.map((v) => [v.number, v.cause])).toEqual([
        [4, 'EDITED'],
        [3, 'EDITED'],
        [2, 'EDITED'],
        [1, 'SUBMITTED'],
      ]);
      expect(JSON.parse(versions.briefVersions[0].snapshotJson).kpis[0].target).toBe(400);

      const diff = await ok<{ briefDiff: Record<string, unknown> }>('teammate', DIFF, { id: brief.id, from: 3, to: 4 });
      expect(diff.briefDiff).toEqual({
        fromVersion: 3,
        toVersion: 4,
        fields: [],
        channelsAdded: [],
        channelsRemoved: [],
        kpis: [
          {
            kpiId: kpis[0].id,
            change: 'CHANGED',
            metric: 'TEST_DRIVE_REQUESTS',
            targetChanged: true,
            fields: [{ field: 'target', before: '500', after: '400' }],
          },
        ],
      });
      const text = await ok<{
        briefDiff: { fields: { field: string; parts: { value: string; added: boolean; removed: boolean }[] }[] };
      }>('teammate', DIFF, { id: brief.id, from: 1, to: 2 });
      expect(text.briefDiff.fields.map((f) => f.field)).toEqual(['objective']);
      expect(text.briefDiff.fields[0].parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['600']);
      const missing = await as.marketer.client.request(DIFF, { id: brief.id, from: 1, to: 9 });
      expect(missing.errors?.[0].extensions).toMatchObject({ reason: 'unknownVersion', field: 'toVersion' });
    });
  });

  describe('actuals and return on objective', () => {
    const figure = (value: number, periodTo = '2026-03-31') => ({
      value,
      periodFrom: `${periodTo.slice(0, 8)}01`,
      periodTo,
      source: 'CRM',
      evidenceUrl: 'https://crm.example/report/42',
    });

    it('records claims on live briefs only, with evidence', async () => {
      const draft = await create();
      const before = await rowCounts();
      const notLive = await as.marketer.client.request(RECORD, { kpiId: draft.kpis[0].id, input: figure(10) });
      expect(notLive.errors?.[0].extensions?.reason).toBe('briefNotLive');
      const live = await liveBrief();
      const noEvidence = await as.marketer.client.request(RECORD, {
        kpiId: live.kpis[0].id,
        input: { ...figure(10), evidenceUrl: null },
      });
      expect(noEvidence.errors?.[0].extensions?.reason).toBe('evidenceRequired');
      const reversed = await as.marketer.client.request(RECORD, {
        kpiId: live.kpis[0].id,
        input: { ...figure(10), periodTo: '2026-02-01' },
      });
      expect(reversed.errors?.[0].extensions?.reason).toBe('endBeforeStart');
      const negative = await as.marketer.client.request(RECORD, { kpiId: live.kpis[0].id, input: figure(-3) });
      expect(negative.errors?.[0].extensions?.reason).toBe('invalidActualValue');
      for (const who of ['outsider', 'customer']) {
        const response = await as[who].client.request(RECORD, { kpiId: live.kpis[0].id, input: figure(10) });
        expect(['NOT_FOUND', 'FORBIDDEN']).toContain(errorCode(response));
      }
      expect(Number((await rowCounts()).a)).toBe(Number(before.a));
    });

    it('is checked by a manager other than the recorder, and the numbers add up', async () => {
      // In 2027, so that no other brief of this file falls in the scorecard's period.
      const live = await liveBrief({ startDate: '2027-03-01', endDate: '2027-04-30' });
      const [drives, leads] = live.kpis;
      // The manager records a figure: they cannot verify it themselves.
      const own = await ok<{ recordKpiActual: { id: string; status: string } }>('manager', RECORD, {
        kpiId: drives.id,
        input: figure(300, '2027-03-15'),
      });
      expect(own.recordKpiActual.status).toBe('CLAIMED');
      let before = await rowCounts();
      const selfCheck = await as.manager.client.request(VERIFY, { id: own.recordKpiActual.id });
      expect(errorCode(selfCheck)).toBe('FORBIDDEN');
      expect(selfCheck.errors![0].message).toMatch(/you recorded it/);
      for (const who of ['marketer', 'admin', 'customer']) {
        expect(errorCode(await as[who].client.request(VERIFY, { id: own.recordKpiActual.id }))).toBe('FORBIDDEN');
        expect(errorCode(await as[who].client.request(REJECT, { id: own.recordKpiActual.id, reason: 'x' }))).toBe(
          'FORBIDDEN',
        );
      }
      expect(await rowCounts()).toEqual(before);
      await ok('manager2', VERIFY, { id: own.recordKpiActual.id });

      // The marketer claims more for a later period: shown beside the verified figure with the gap.
      const claim = await ok<{ recordKpiActual: { id: string } }>('marketer', RECORD, {
        kpiId: drives.id,
        input: figure(450, '2027-03-31'),
      });
      // Leads: 2400 verified, a rejected 5000.
      const leadsOk = await ok<{ recordKpiActual: { id: string } }>('marketer', RECORD, {
        kpiId: leads.id,
        input: figure(2400, '2027-03-31'),
      });
      const leadsBad = await ok<{ recordKpiActual: { id: string } }>('marketer', RECORD, {
        kpiId: leads.id,
        input: figure(5000, '2027-04-15'),
      });
      await ok('manager', VERIFY, { id: leadsOk.recordKpiActual.id });
      before = await rowCounts();
      const noReason = await as.manager.client.request(REJECT, { id: leadsBad.recordKpiActual.id, reason: ' ' });
      expect(noReason.errors?.[0].extensions).toMatchObject({ reason: 'required', field: 'reason' });
      expect(await rowCounts()).toEqual(before);
      const rejected = await ok<{ rejectKpiActual: unknown }>('manager', REJECT, {
        id: leadsBad.recordKpiActual.id,
        reason: 'Doublons CRM non dédupliqués',
      });
      expect(rejected.rejectKpiActual).toEqual({
        id: leadsBad.recordKpiActual.id,
        status: 'REJECTED',
        rejectionReason: 'Doublons CRM non dédupliqués',
      });
      const again = await as.manager2.client.request(VERIFY, { id: leadsBad.recordKpiActual.id });
      expect(again.errors?.[0].extensions?.reason).toBe('actualAlreadyReviewed');

      const brief = await get(live.id);
      // Drives: target 500, verified 300 → 60%; claim 450, gap 150. Leads: target 2000, verified 2400 → 120%.
      expect(brief.kpis[0].result).toEqual({
        verifiedValue: 300,
        attainment: 0.6,
        cappedAttainment: 0.6,
        claimedValue: 450,
        gap: 150,
      });
      expect(brief.kpis[1].result).toMatchObject({
        verifiedValue: 2400,
        attainment: 1.2,
        claimedValue: null,
        gap: null,
      });
      // Score: (2 × 0.6 + 1 × 1.2) / 3 = 0.8.
      expect(brief.returnOnObjective.kpiCount).toBe(2);
      expect(brief.returnOnObjective.verifiedCount).toBe(2);
      expect(brief.returnOnObjective.score).toBeCloseTo(0.8, 10);
      expect(brief.kpis[0].actuals.map((a) => a.id)).toContain(claim.recordKpiActual.id);

      // The channel scorecard for March–April, this team: the web site carries drives, dealers the leads.
      const card = await ok<{
        channelScorecard: {
          rows: {
            channel: { code: string };
            score: number | null;
            kpiCount: number;
            verifiedCount: number;
            budget: number;
            budgetShare: number;
          }[];
        };
      }>('manager', SCORECARD, { from: '2027-03-01', to: '2027-04-30', teamId });
      // The 120 000 € budget splits evenly over the brief's two channels; each carries one KPI.
      const byCode = Object.fromEntries(card.channelScorecard.rows.map((row) => [row.channel.code, row]));
      expect(Object.keys(byCode).sort()).toEqual(['DEALER_NETWORK', 'WEB_SITE']);
      expect(byCode.WEB_SITE).toMatchObject({
        kpiCount: 1,
        verifiedCount: 1,
        score: 0.6,
        budget: 60000,
        budgetShare: 0.5,
        briefCount: 1,
      });
      expect(byCode.DEALER_NETWORK).toMatchObject({
        kpiCount: 1,
        verifiedCount: 1,
        score: 1.2,
        budget: 60000,
        budgetShare: 0.5,
      });
      // A customer, or a marketer of another team, gets no scorecard row of this team's briefs.
      const outsider = await ok<{ channelScorecard: { rows: unknown[] } }>('outsider', SCORECARD, {
        from: '2027-03-01',
        to: '2027-04-30',
      });
      expect(outsider.channelScorecard.rows).toEqual([]);

      // The same figures as CSV, for spreadsheets; customers and anonymous callers get none.
      const path = `/exports/channel-scorecard.csv?from=2027-03-01&to=2027-04-30&teamId=${teamId}`;
      const csv = await as.manager.client.raw({ path, headers: { accept: 'text/html' } });
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).split('\r\n');
      expect(lines[0]).toBe('channel;score;kpis;verified_kpis;briefs;budget_EUR;budget_share');
      expect(lines).toContain('WEB_SITE;0.6;1;1;1;60000;0.5');
      expect(lines).toContain('DEALER_NETWORK;1.2;1;1;1;60000;0.5');
      expect((await as.customer.client.raw({ path })).status).toBe(403);
      expect((await t.client().raw({ path })).status).toBe(401);
      const reversed = await as.manager.client.raw({
        path: '/exports/channel-scorecard.csv?from=2027-05-01&to=2027-04-01',
      });
      expect(reversed.status).toBe(400);
      const bad = await as.manager.client.request(SCORECARD, { from: '2026-05-01', to: '2026-04-01' });
      expect(bad.errors?.[0].extensions?.reason).toBe('endBeforeStart');
    });
  });

  describe('sharing into a space', () => {
    it('shows the post to the space, the brief only to those who read it', async () => {
      const brief = await create('marketer', { title: 'Stratégie tarifaire confidentielle' });
      const spaces = t.app.get(SpacesService);
      const space = await spaces.create(
        { id: as.marketer.user.id, role: 'MARKETER', active: true },
        { name: 'Tout le monde', description: '', visibility: 'OPEN' },
      );
      const shared = await ok<{ shareBriefToSpace: { id: string; linkedBrief: unknown } }>('marketer', SHARE, {
        b: brief.id,
        s: space.id,
        body: 'Le brief est prêt, vos avis sont bienvenus.',
      });
      expect(shared.shareBriefToSpace.linkedBrief).toEqual({
        id: brief.id,
        readable: true,
        title: 'Stratégie tarifaire confidentielle',
        status: 'DRAFT',
      });
      const seen = await ok<{ post: { body: string; linkedBrief: unknown } }>('outsider', POST, {
        id: shared.shareBriefToSpace.id,
      });
      expect(seen.post.body).toBe('Le brief est prêt, vos avis sont bienvenus.');
      expect(seen.post.linkedBrief).toEqual({ id: brief.id, readable: false, title: null, status: null });
      expect(JSON.stringify(seen)).not.toContain('confidentielle');

      // Sharing a brief one cannot read is answered as if it did not exist.
      const before = await t.sql('select count(*) from posts');
      const response = await as.outsider.client.request(SHARE, { b: brief.id, s: space.id, body: 'x' });
      expect(errorCode(response)).toBe('NOT_FOUND');
      expect(await t.sql('select count(*) from posts')).toEqual(before);
    });
  });

  describe('files on a brief', () => {
    /** A valid 1×1 PNG. */
    const PNG = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0d4e5c90000000049454e44ae426082',
      'hex',
    );
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
    const FILES = 'attachments { id kind mimeType sizeBytes originalName width height url }';
    const CREATE_WITH_FILES = `mutation ($input: CreateBriefInput!) { createBrief(input: $input) { id ${FILES} } }`;
    const UPDATE_FILES = `mutation ($id: ID!, $input: BriefFieldsInput!) { updateBrief(id: $id, input: $input) { id title ${FILES} } }`;
    const GET_FILES = `query ($id: ID!) { brief(id: $id) { id title ${FILES} } }`;
    interface FileView {
      id: string;
      kind: string;
      mimeType: string;
      sizeBytes: number;
      originalName: string;
      width: number | null;
      height: number | null;
      url: string;
    }

    const upload = async (who: string, bytes = PNG, name = 'visuel.png'): Promise<string> => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      const response = await fetch(`${t.baseUrl}/uploads`, {
        method: 'POST',
        body: form,
        headers: { 'x-atelier-upload': '1', cookie: as[who].client.cookie! },
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const uploads = (who: string, n: number) => Promise.all(Array.from({ length: n }, () => upload(who)));
    const filesOf = async (id: string) =>
      (await ok<{ brief: { title: string; attachments: FileView[] } }>('marketer', GET_FILES, { id })).brief;
    const targetsOf = async (ids: string[]) =>
      (
        await t.sql<{ id: string; target_id: string | null }>(
          'select id, target_id from attachments where id = any($1::uuid[])',
          [ids],
        )
      )
        .sort((x, y) => ids.indexOf(x.id) - ids.indexOf(y.id))
        .map((row) => row.target_id);
    const briefWith = async (attachmentIds: string[]) =>
      (
        await ok<{ createBrief: { id: string; attachments: FileView[] } }>('marketer', CREATE_WITH_FILES, {
          input: { ...baseInput(), attachmentIds },
        })
      ).createBrief;

    it('lists its files with the fields of a post’s files', async () => {
      const image = await upload('marketer', PNG, 'affiche DS4.png');
      const pdf = await upload('marketer', PDF, 'plan média.pdf');
      const brief = await briefWith([image, pdf]);
      expect(brief.attachments).toEqual([
        {
          id: image,
          kind: 'IMAGE',
          mimeType: 'image/png',
          sizeBytes: PNG.length,
          originalName: 'affiche DS4.png',
          width: 1,
          height: 1,
          url: `/files/${image}`,
        },
        {
          id: pdf,
          kind: 'PDF',
          mimeType: 'application/pdf',
          sizeBytes: PDF.length,
          originalName: 'plan média.pdf',
          width: null,
          height: null,
          url: `/files/${pdf}`,
        },
      ]);
    });

    it('replaces the files with the list given, keeps them when it is left out, and empties them with []', async () => {
      const [a, b, c] = await uploads('marketer', 3);
      const brief = await briefWith([a, b]);

      const replaced = await ok<{ updateBrief: { attachments: FileView[] } }>('marketer', UPDATE_FILES, {
        id: brief.id,
        input: { attachmentIds: [b, c] },
      });
      expect(replaced.updateBrief.attachments.map((f) => f.id).sort()).toEqual([b, c].sort());
      // Left out: detached, swept later with the other unattached uploads.
      expect(await targetsOf([a, b, c])).toEqual([null, brief.id, brief.id]);

      await ok('marketer', UPDATE_FILES, { id: brief.id, input: { title: 'Lancement DS4 — version 2' } });
      expect((await filesOf(brief.id)).attachments.map((f) => f.id).sort()).toEqual([b, c].sort());

      // A teammate edits the brief: they may take files out, and add their own uploads only.
      const theirs = await upload('teammate');
      await ok('teammate', UPDATE_FILES, { id: brief.id, input: { attachmentIds: [c, theirs] } });
      expect((await filesOf(brief.id)).attachments.map((f) => f.id).sort()).toEqual([c, theirs].sort());

      await ok('marketer', UPDATE_FILES, { id: brief.id, input: { attachmentIds: [] } });
      expect((await filesOf(brief.id)).attachments).toEqual([]);
      expect(await targetsOf([b, c, theirs])).toEqual([null, null, null]);
    });

    it('keeps the evidence of recorded figures whatever the list says, and counts it in the maximum', async () => {
      const [own] = await uploads('marketer', 1);
      const live = await liveBrief({ attachmentIds: [own] });
      const evidence = await upload('marketer', PDF, 'export CRM mars.pdf');
      await ok('marketer', RECORD, {
        kpiId: live.kpis[0].id,
        input: {
          value: 120,
          periodFrom: '2026-03-01',
          periodTo: '2026-03-31',
          source: 'CRM',
          evidenceAttachmentId: evidence,
        },
      });

      await ok('marketer', UPDATE_FILES, { id: live.id, input: { attachmentIds: [] } });
      expect((await filesOf(live.id)).attachments.map((f) => f.id)).toEqual([evidence]);
      expect(await targetsOf([own, evidence])).toEqual([null, live.id]);

      // Four files and the evidence make five: refused, nothing changed.
      const four = await uploads('marketer', 4);
      const before = await rowCounts();
      const tooMany = await as.marketer.client.request(UPDATE_FILES, {
        id: live.id,
        input: { title: 'Jamais enregistré', attachmentIds: four },
      });
      expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'tooManyAttachments' });
      expect(await filesOf(live.id)).toMatchObject({ title: live.title, attachments: [{ id: evidence }] });
      expect(await targetsOf(four)).toEqual([null, null, null, null]);
      expect(await rowCounts()).toEqual(before);

      // Three fit beside the evidence.
      await ok('marketer', UPDATE_FILES, { id: live.id, input: { attachmentIds: four.slice(0, 3) } });
      expect((await filesOf(live.id)).attachments).toHaveLength(4);
    });

    it('refuses bad lists with a clear reason and writes nothing, not even the other fields', async () => {
      const [a, b] = await uploads('marketer', 2);
      const brief = await briefWith([a]);
      const elsewhere = await briefWith([b]);
      const someoneElses = await upload('teammate');
      const fresh = await uploads('marketer', 4);
      const cases: [unknown[], string][] = [
        [[a, someoneElses], 'unknownAttachment'],
        [[a, 'not-an-id'], 'unknownAttachment'],
        [[a, '00000000-0000-4000-8000-000000000000'], 'unknownAttachment'],
        [[a, b], 'attachmentAlreadyUsed'],
        [[a, ...fresh], 'tooManyAttachments'],
      ];
      for (const [attachmentIds, reason] of cases) {
        const before = await rowCounts();
        const response = await as.marketer.client.request(UPDATE_FILES, {
          id: brief.id,
          input: { title: 'Jamais enregistré', attachmentIds },
        });
        expect(response.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          reason,
          field: 'attachmentIds',
        });
        expect(await rowCounts()).toEqual(before);
        expect(await filesOf(brief.id)).toMatchObject({ title: 'Lancement DS4', attachments: [{ id: a }] });
      }
      expect(await targetsOf([b, someoneElses, ...fresh])).toEqual([elsewhere.id, null, null, null, null, null]);
    });

    it('refuses to change the files of anyone who may not edit the brief, writing nothing', async () => {
      const [a] = await uploads('marketer', 1);
      const brief = await briefWith([a]);
      const refusals: [string, string][] = [
        ['outsider', 'NOT_FOUND'],
        ['customer', 'FORBIDDEN'],
      ];
      for (const [who, code] of refusals) {
        const theirs = who === 'customer' ? [] : [await upload(who)];
        const response = await as[who].client.request(UPDATE_FILES, {
          id: brief.id,
          input: { attachmentIds: theirs },
        });
        expect(errorCode(response)).toBe(code);
        expect((await filesOf(brief.id)).attachments.map((f) => f.id)).toEqual([a]);
        expect(await targetsOf(theirs)).toEqual(theirs.map(() => null));
      }
      // In review, nobody edits it, its files included.
      await ok('marketer', SUBMIT, { id: brief.id });
      for (const who of ['marketer', 'manager', 'admin']) {
        const response = await as[who].client.request(UPDATE_FILES, { id: brief.id, input: { attachmentIds: [] } });
        expect(response.errors).toBeDefined();
        expect((await filesOf(brief.id)).attachments.map((f) => f.id)).toEqual([a]);
      }
    });
  });

  describe('the list', () => {
    it('pages with a keyset cursor and filters by status, team, owner and words', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i += 1) ids.push((await create('teammate', { title: `Salon auto ${i}` })).id);
      const first = await ok<{
        briefs: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
      }>('teammate', LIST, { filter: { ownerId: as.teammate.user.id }, first: 2 });
      expect(first.briefs.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
      expect(first.briefs.pageInfo.hasNextPage).toBe(true);
      const second = await ok<{ briefs: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } } }>(
        'teammate',
        LIST,
        { filter: { ownerId: as.teammate.user.id }, first: 2, after: first.briefs.pageInfo.endCursor },
      );
      expect(second.briefs.edges.map((e) => e.node.id)).toEqual([ids[0]]);
      expect(second.briefs.pageInfo.hasNextPage).toBe(false);

      const words = await ok<{ briefs: { edges: { node: { id: string } }[] } }>('manager', LIST, {
        filter: { search: 'salon auto 1' },
      });
      expect(words.briefs.edges.map((e) => e.node.id)).toEqual([ids[1]]);
      const other = await ok<{ briefs: { edges: unknown[] } }>('manager', LIST, { filter: { teamId: otherTeamId } });
      expect(other.briefs.edges).toEqual([]);
      const live = await ok<{ briefs: { edges: { node: { status: string } }[] } }>('manager', LIST, {
        filter: { status: 'LIVE', channel: channels.WEB_SITE },
        first: 50,
      });
      expect(live.briefs.edges.every((e) => e.node.status === 'LIVE')).toBe(true);
      expect(errorCode(await as.manager.client.request(LIST, { first: 500 }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await as.manager.client.request(LIST, { after: 'garbage' }))).toBe('BAD_USER_INPUT');
    });
  });
});

/** The web app's own brief operations, exactly as it sends them (armor limits included). */
describe('the web app’s brief operations', () => {
  let t: TestApp;
  let client: GqlClient;
  let teamId: string;

  const operation = (name: string): string => {
    const files = ['briefs.graphql', 'social.graphql'].map((file) =>
      readFileSync(join(__dirname, '../../web/src/graphql/operations', file), 'utf8'),
    );
    const definitions = files.flatMap((text) => parse(text).definitions);
    const fragments = new Map(
      definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const root = definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
    )!;
    const used = new Set<string>();
    const collect = (node: unknown) =>
      visit(node as OperationDefinitionNode, {
        FragmentSpread(spread) {
          if (used.has(spread.name.value)) return;
          used.add(spread.name.value);
          collect(fragments.get(spread.name.value));
        },
      });
    collect(root);
    return [root, ...[...used].map((fragment) => fragments.get(fragment)!)].map((d) => print(d)).join('\n');
  };

  beforeAll(async () => {
    t = await startTestApp();
    teamId = await t.createTeam();
    const user = await t.createUser('MANAGER', { teamIds: [teamId] });
    client = t.client();
    await client.signIn(user.email);
  });
  afterAll(() => t.close());

  it('runs Briefs, Brief, BriefVersions and ChannelScorecard within the API limits', async () => {
    const created = await client.request<{ createBrief: { id: string } }>(operation('CreateBrief'), {
      input: { teamId, title: 'Web', context: 'Texte' },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createBrief.id;
    for (const [name, variables] of [
      ['Briefs', { filter: {}, first: 20, after: null }],
      ['Brief', { id }],
      ['BriefVersions', { briefId: id }],
      ['Channels', {}],
      ['BriefTeams', {}],
      ['ChannelScorecard', { from: '2026-01-01', to: '2026-12-31', teamId: null }],
    ] as const) {
      const response = await client.request(operation(name), variables);
      expect({ name, errors: response.errors }).toEqual({ name, errors: undefined });
    }
  });
});
