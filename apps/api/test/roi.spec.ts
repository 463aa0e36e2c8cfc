import type { Actor } from '@atelier/domain';
import { PostsService } from '../src/posts/posts.service';
import { SpacesService } from '../src/spaces/spaces.service';
import { CompanyClock } from '../src/time-saved/clock';
import { User } from '../src/users/user.entity';
import { errorCode, GqlClient, startTestApp, TestApp } from './support/test-app';

const REPORT = `query ($from: String, $to: String, $preset: PeriodPreset, $teamId: ID) {
  roiReport(from: $from, to: $to, preset: $preset, teamId: $teamId) {
    from to currency costShare
    figures { minutes hours value unpricedMinutes platformCost netBenefit roiPercent paybackDays entries peopleLogging activeStaff adoptionRate }
    weekly { weekStart from to minutes value platformCost people }
    byCategory { key minutes entries people }
    byContentType { key minutes }
    byTeam { key label minutes value people }
    topContent { contentType contentId excerpt minutes people }
    topContributors { userId minutes entries }
    adoption { weekStart activePeople posts comments proposals }
  } }`;
const LOG = `mutation ($input: LogTimeSavedInput!) { logTimeSaved(input: $input) { id } }`;
const SAVED = `mutation ($id: ID!, $minutes: Int) { savedMeTime(contentType: POST, contentId: $id, minutes: $minutes) { id date } }`;
const HOURLY = `mutation ($teamId: ID, $amount: Float!, $from: String!) { setTeamHourlyCost(teamId: $teamId, amount: $amount, effectiveFrom: $from) { id teamId amount effectiveFrom } }`;
const PLATFORM = `mutation ($amount: Float!, $from: String!) { setPlatformMonthlyCost(amount: $amount, effectiveFrom: $from) { id monthlyAmount effectiveFrom } }`;
const CURRENCY = `mutation ($code: String!) { setCurrency(code: $code) }`;
const SETTINGS = `{ costSettings { currency hourlyCosts { teamId amount effectiveFrom } platformCosts { monthlyAmount effectiveFrom } } }`;

const actor = (user: User): Actor => ({ id: user.id, role: user.role, active: true });

interface Report {
  from: string;
  to: string;
  currency: string;
  costShare: number;
  figures: Record<string, number | null>;
  weekly: {
    weekStart: string;
    from: string;
    to: string;
    minutes: number;
    value: number;
    platformCost: number;
    people: number;
  }[];
  byCategory: { key: string; minutes: number; entries: number; people: number }[];
  byContentType: { key: string; minutes: number }[];
  byTeam: { key: string; label: string | null; minutes: number; value: number; people: number }[];
  topContent: { contentId: string; excerpt: string | null; minutes: number; people: number }[];
  topContributors: { userId: string; minutes: number; entries: number }[];
  adoption: { weekStart: string; activePeople: number; posts: number; comments: number }[];
}

/**
 * A small department in January 2026, every figure computed by hand below.
 *
 * Rates: default 60 €/h from 2025-12-01, then 66 €/h from 2026-01-16 (mid-period); team A 90 €/h
 * from 2026-01-01; team B has no rate of its own. Platform: 1 550 €/month from 2025-12-01, i.e.
 * 50 € per day of January.
 *
 * Entries (team, date, minutes → value):
 *   a1  A 2026-01-01 30 → 30/60 × 90 = 45    (first day of the period)
 *   a2  A 2026-01-20 60 → 90
 *   b1  B 2026-01-15 60 → 60 × 60/60 = 60    (the day before the default rate changes)
 *   b1  B 2026-01-16 30 → 30/60 × 66 = 33    (the day it changes)
 *   b1  B 2026-01-31 20 → 20/60 × 66 = 22    (one click at 23:30 in Paris on the last day)
 *   a1  A 2026-02-01 45 → outside January
 * January: 200 minutes, 250 € of value, 1 550 € of cost.
 */
describe('the ROI report, costs and exports', () => {
  let t: TestApp;
  let clock: CompanyClock;
  let teamA: string;
  let teamB: string;
  let a1: { user: User; client: GqlClient };
  let a2: { user: User; client: GqlClient };
  let b1: { user: User; client: GqlClient };
  let managerA: { user: User; client: GqlClient };
  let admin: { user: User; client: GqlClient };
  let customer: { user: User; client: GqlClient };
  let postId: string;
  /** Active staff: a1, a2, b1, managerA, admin. */
  const ACTIVE_STAFF = 5;
  const STAFF_A = 3;

  const signIn = async (role: 'MARKETER' | 'MANAGER', teamIds: string[]) => {
    const user = await t.createUser(role, { teamIds });
    const client = t.client();
    await client.signIn(user.email);
    return { user, client };
  };
  const rows = async (table: string) => Number((await t.sql<{ n: string }>(`select count(*) as n from ${table}`))[0].n);
  const report = async (client: GqlClient, variables: Record<string, unknown>) => {
    const response = await client.request<{ roiReport: Report }>(REPORT, variables);
    expect(response.errors).toBeUndefined();
    return response.data!.roiReport;
  };

  beforeAll(async () => {
    t = await startTestApp({ TZ: 'Europe/Paris' });
    clock = t.app.get(CompanyClock);
    teamA = await t.createTeam('Marque & Contenus');
    teamB = await t.createTeam('Digital & Social');
    a1 = await signIn('MARKETER', [teamA]);
    a2 = await signIn('MARKETER', [teamA]);
    b1 = await signIn('MARKETER', [teamB]);
    managerA = await signIn('MANAGER', [teamA]);
    admin = await t.signedIn('ADMIN');
    customer = await t.signedIn('CUSTOMER');
    const space = await t.app
      .get(SpacesService)
      .create(actor(a1.user), { name: 'DS4', description: '', visibility: 'OPEN' });
    postId = (
      await t.app.get(PostsService).create(actor(a1.user), space.id, 'Argumentaire **DS4** pour les concessions')
    ).id;

    clock.setNow(new Date('2026-01-31T22:30:00Z'));
    for (const [variables, expected] of [
      [{ teamId: null, amount: 60, from: '2025-12-01' }, 60],
      [{ teamId: teamA, amount: 90, from: '2026-01-01' }, 90],
      [{ teamId: null, amount: 66, from: '2026-01-16' }, 66],
    ] as const) {
      const set = await admin.client.request<{ setTeamHourlyCost: { amount: number } }>(HOURLY, variables);
      expect(set.data!.setTeamHourlyCost.amount).toBe(expected);
    }
    expect((await admin.client.request(PLATFORM, { amount: 1550, from: '2025-12-01' })).errors).toBeUndefined();

    const log = async (who: { client: GqlClient }, date: string, minutes: number, category: string) =>
      expect((await who.client.request(LOG, { input: { date, minutes, category } })).errors).toBeUndefined();
    await log(a1, '2026-01-01', 30, 'FOUND_INFORMATION');
    await log(a2, '2026-01-20', 60, 'AVOIDED_MEETING');
    await log(b1, '2026-01-15', 60, 'FOUND_INFORMATION');
    await log(b1, '2026-01-16', 30, 'REUSED_CONTENT');
    // 22:30 UTC is 23:30 in Paris: the click is dated 31 January.
    const click = await b1.client.request<{ savedMeTime: { date: string } }>(SAVED, { id: postId, minutes: 20 });
    expect(click.data!.savedMeTime.date).toBe('2026-01-31');
    clock.setNow(new Date('2026-02-01T09:00:00Z'));
    await log(a1, '2026-02-01', 45, 'OTHER');
    clock.setNow(new Date('2026-02-10T09:00:00Z'));
  });
  afterAll(() => t.close());

  it('gives an admin the whole department’s figures for January, computed at each day’s rate', async () => {
    const r = await report(admin.client, { from: '2026-01-01', to: '2026-01-31' });
    expect(r.currency).toBe('EUR');
    expect(r.costShare).toBe(1);
    expect(r.figures).toEqual({
      minutes: 200,
      hours: 3.33,
      value: 250,
      unpricedMinutes: 0,
      platformCost: 1550,
      netBenefit: -1300,
      // (250 − 1550) / 1550 = −83.87 %
      roiPercent: -83.9,
      // 1550 × 31 / 250 = 192.2 days
      paybackDays: 192.2,
      entries: 5,
      peopleLogging: 3,
      activeStaff: ACTIVE_STAFF,
      adoptionRate: 3 / ACTIVE_STAFF,
    });
    // Weeks of January 2026, Monday to Sunday, clipped to the month; 50 € of platform per day.
    expect(r.weekly.map((w) => [w.from, w.to, w.minutes, w.value, w.platformCost, w.people])).toEqual([
      ['2026-01-01', '2026-01-04', 30, 45, 200, 1],
      ['2026-01-05', '2026-01-11', 0, 0, 350, 0],
      ['2026-01-12', '2026-01-18', 90, 93, 350, 1],
      ['2026-01-19', '2026-01-25', 60, 90, 350, 1],
      ['2026-01-26', '2026-01-31', 20, 22, 300, 1],
    ]);
    // The click takes the person's default category, FOUND_INFORMATION: 30 + 60 + 20 by a1 and b1.
    expect(r.byCategory).toEqual([
      { key: 'FOUND_INFORMATION', minutes: 110, entries: 3, people: 2 },
      { key: 'AVOIDED_MEETING', minutes: 60, entries: 1, people: 1 },
      { key: 'REUSED_CONTENT', minutes: 30, entries: 1, people: 1 },
    ]);
    expect(r.byContentType).toEqual([
      { key: 'NONE', minutes: 180 },
      { key: 'POST', minutes: 20 },
    ]);
    expect(r.byTeam).toEqual(
      expect.arrayContaining([
        { key: teamA, label: 'Marque & Contenus', minutes: 90, value: 135, people: 2 },
        { key: teamB, label: 'Digital & Social', minutes: 110, value: 115, people: 1 },
      ]),
    );
    expect(r.topContent).toEqual([
      {
        contentType: 'POST',
        contentId: postId,
        excerpt: 'Argumentaire DS4 pour les concessions',
        minutes: 20,
        people: 1,
      },
    ]);
    expect(r.topContributors).toEqual([
      { userId: b1.user.id, minutes: 110, entries: 3 },
      { userId: a2.user.id, minutes: 60, entries: 1 },
      { userId: a1.user.id, minutes: 30, entries: 1 },
    ]);
    // a1 wrote the post in the week of 23 November 2026, outside January: adoption counts the loggers.
    expect(r.adoption.map((w) => w.activePeople)).toEqual([1, 0, 1, 1, 1]);
  });

  it('counts the 23:30 click in January, not February', async () => {
    const february = await report(admin.client, { from: '2026-02-01', to: '2026-02-28' });
    expect(february.figures.minutes).toBe(45);
    // February: 45 min of team A at 90 = 67.5; the whole monthly cost.
    expect(february.figures.value).toBe(67.5);
    expect(february.figures.platformCost).toBe(1550);
  });

  it('reads the current month, week or quarter from a preset', async () => {
    const month = await report(admin.client, { preset: 'MONTH' });
    expect([month.from, month.to]).toEqual(['2026-02-01', '2026-02-28']);
    const quarter = await report(admin.client, { preset: 'QUARTER' });
    expect([quarter.from, quarter.to, quarter.figures.minutes]).toEqual(['2026-01-01', '2026-03-31', 245]);
  });

  it('gives a manager their teams, with the teams’ share of the platform cost', async () => {
    const r = await report(managerA.client, { from: '2026-01-01', to: '2026-01-31' });
    // Team A: a1 30 min at 90 + a2 60 min at 90 = 135; 3 of the 5 active staff carry 3/5 of 1550 = 930.
    expect(r.costShare).toBe(STAFF_A / ACTIVE_STAFF);
    expect(r.figures).toMatchObject({
      minutes: 90,
      value: 135,
      platformCost: 930,
      peopleLogging: 2,
      activeStaff: STAFF_A,
    });
    expect(r.byTeam.map((row) => row.key)).toEqual([teamA]);
    const sameWithFilter = await report(managerA.client, { from: '2026-01-01', to: '2026-01-31', teamId: teamA });
    expect(sameWithFilter.figures).toEqual(r.figures);
    const other = await managerA.client.request(REPORT, { from: '2026-01-01', to: '2026-01-31', teamId: teamB });
    expect(errorCode(other)).toBe('FORBIDDEN');
  });

  it('refuses the report to marketers and customers, and bad periods to everyone', async () => {
    for (const who of [a1, customer]) {
      expect(errorCode(await who.client.request(REPORT, { preset: 'MONTH' }))).toBe('FORBIDDEN');
    }
    const reversed = await admin.client.request(REPORT, { from: '2026-02-01', to: '2026-01-01' });
    expect(reversed.errors![0].extensions!.reason).toBe('periodReversed');
    const unknownTeam = await admin.client.request(REPORT, {
      preset: 'MONTH',
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(errorCode(unknownTeam)).toBe('NOT_FOUND');
  });

  describe('costs', () => {
    it('keeps the whole history, newest first, and refuses a rate that would rewrite it', async () => {
      const settings = await admin.client.request<{
        costSettings: { currency: string; hourlyCosts: unknown[]; platformCosts: unknown[] };
      }>(SETTINGS);
      expect(settings.data!.costSettings.hourlyCosts).toEqual([
        { teamId: null, amount: 66, effectiveFrom: '2026-01-16' },
        { teamId: teamA, amount: 90, effectiveFrom: '2026-01-01' },
        { teamId: null, amount: 60, effectiveFrom: '2025-12-01' },
      ]);
      const before = await rows('hourly_costs');
      const back = await admin.client.request(HOURLY, { teamId: null, amount: 70, from: '2026-01-10' });
      expect(errorCode(back)).toBe('CONFLICT');
      expect(back.errors![0].extensions!.reason).toBe('costRewritesHistory');
      const platformBack = await admin.client.request(PLATFORM, { amount: 10, from: '2025-11-01' });
      expect(errorCode(platformBack)).toBe('CONFLICT');
      for (const bad of [-1, 12.345]) {
        expect(errorCode(await admin.client.request(HOURLY, { teamId: null, amount: bad, from: '2026-03-01' }))).toBe(
          'BAD_USER_INPUT',
        );
      }
      expect(errorCode(await admin.client.request(HOURLY, { teamId: null, amount: 70, from: '2026-13-01' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(await rows('hourly_costs')).toBe(before);
    });

    it('lets only admins read and change costs; nothing is written otherwise', async () => {
      const before = [await rows('hourly_costs'), await rows('platform_costs'), await rows('cost_currencies')];
      for (const who of [managerA, a1, customer]) {
        expect(errorCode(await who.client.request(SETTINGS))).toBe('FORBIDDEN');
        expect(errorCode(await who.client.request(HOURLY, { teamId: null, amount: 1, from: '2026-03-01' }))).toBe(
          'FORBIDDEN',
        );
        expect(errorCode(await who.client.request(PLATFORM, { amount: 1, from: '2026-03-01' }))).toBe('FORBIDDEN');
        expect(errorCode(await who.client.request(CURRENCY, { code: 'USD' }))).toBe('FORBIDDEN');
      }
      expect([await rows('hourly_costs'), await rows('platform_costs'), await rows('cost_currencies')]).toEqual(before);
      expect(errorCode(await admin.client.request(CURRENCY, { code: 'euro' }))).toBe('BAD_USER_INPUT');
    });

    it('a rate change from a later date leaves January’s figures as they were', async () => {
      expect(
        (await admin.client.request(HOURLY, { teamId: teamA, amount: 120, from: '2026-02-01' })).errors,
      ).toBeUndefined();
      expect((await admin.client.request(PLATFORM, { amount: 2000, from: '2026-02-15' })).errors).toBeUndefined();
      const january = await report(admin.client, { from: '2026-01-01', to: '2026-01-31' });
      expect(january.figures).toMatchObject({ value: 250, platformCost: 1550 });
      const february = await report(admin.client, { from: '2026-02-01', to: '2026-02-28' });
      // 45 min at the new team A rate of 120 = 90; 14 days at 1550/28 + 14 days at 2000/28 = 775 + 1000.
      expect(february.figures).toMatchObject({ value: 90, platformCost: 1775 });
      expect((await admin.client.request(CURRENCY, { code: 'chf' })).data).toEqual({ setCurrency: 'CHF' });
      expect((await report(admin.client, { preset: 'MONTH' })).currency).toBe('CHF');
      await admin.client.request(CURRENCY, { code: 'EUR' });
    });
  });

  describe('CSV exports', () => {
    const download = (client: GqlClient, path: string) => client.raw({ path, method: 'GET' });

    it('exports the report as UTF-8 with BOM, comma or semicolon, with the page’s totals', async () => {
      const response = await download(admin.client, '/exports/roi.csv?from=2026-01-01&to=2026-01-31');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toContain('roi-2026-01-01-2026-01-31.csv');
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      expect(text).toContain('hours_saved,3.33\r\n');
      expect(text).toContain('value,250\r\n');
      expect(text).toContain('platform_cost,1550\r\n');
      expect(text).toContain('Marque & Contenus,1.5,135,2,2\r\n');

      const french = await (
        await download(admin.client, '/exports/roi.csv?from=2026-01-01&to=2026-01-31&separator=semicolon')
      ).text();
      expect(french).toContain('hours_saved;3,33\r\n');
      expect(french).toContain('roi_percent;-83,9\r\n');
    });

    it('exports the entries a manager may see, and only those', async () => {
      const text = await (
        await download(managerA.client, '/exports/time-entries.csv?from=2026-01-01&to=2026-02-28')
      ).text();
      const lines = text.trim().split('\r\n');
      // fetch's text() reads the byte-order mark away; the bytes are checked with the report above.
      expect(lines[0]).toBe('date,person,team,minutes,category,note,content_kind,content_id,logged_at');
      expect(lines.slice(1).map((line) => line.split(',').slice(0, 4).join(','))).toEqual([
        `2026-01-01,${a1.user.displayName},Marque & Contenus,30`,
        `2026-01-20,${a2.user.displayName},Marque & Contenus,60`,
        `2026-02-01,${a1.user.displayName},Marque & Contenus,45`,
      ]);
      const all = await (
        await download(admin.client, '/exports/time-entries.csv?from=2026-01-01&to=2026-01-31')
      ).text();
      expect(all.trim().split('\r\n')).toHaveLength(6);
    });

    it('refuses marketers, customers, other teams and anonymous callers with a JSON error', async () => {
      for (const [client, path, status, code] of [
        [a1.client, '/exports/roi.csv', 403, 'FORBIDDEN'],
        [customer.client, '/exports/time-entries.csv', 403, 'FORBIDDEN'],
        [managerA.client, `/exports/roi.csv?teamId=${teamB}`, 403, 'FORBIDDEN'],
        [managerA.client, `/exports/time-entries.csv?teamId=${teamB}`, 403, 'FORBIDDEN'],
        [t.client(), '/exports/roi.csv', 401, 'UNAUTHENTICATED'],
        [admin.client, '/exports/roi.csv?separator=tab', 400, 'BAD_USER_INPUT'],
        [admin.client, '/exports/roi.csv?from=2026-02-01&to=2026-01-01', 400, 'BAD_USER_INPUT'],
      ] as const) {
        const response = await download(client, path);
        expect(response.status).toBe(status);
        expect(response.headers.get('content-type')).toContain('application/json');
        const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
        expect(body.errors[0].extensions.code).toBe(code);
      }
    });
  });
});
