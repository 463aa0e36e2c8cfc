import type { Actor } from '@atelier/domain';
import { CommentsService } from '../src/comments/comments.service';
import { PostsService } from '../src/posts/posts.service';
import { RoiReportRepository } from '../src/roi-report/roi-report.repository';
import { SpacesService } from '../src/spaces/spaces.service';
import { CompanyClock } from '../src/time-saved/clock';
import type { User } from '../src/users/user.entity';
import { GqlClient, startTestApp, TestApp } from './support/test-app';

const LOG = `mutation ($input: LogTimeSavedInput!) { logTimeSaved(input: $input) { id } }`;
const SAVED = `mutation ($id: ID!, $minutes: Int) { savedMeTime(contentType: POST, contentId: $id, minutes: $minutes) { id } }`;
const REPORT = `query ($from: String, $to: String) { roiReport(from: $from, to: $to) {
  figures { entries peopleLogging minutes }
  byCategory { key minutes entries people }
  byContentType { key minutes entries people }
  byTeam { key minutes entries people }
  topContent { contentId minutes people }
  topContributors { userId minutes entries }
  weekly { weekStart people }
  adoption { weekStart activePeople posts comments proposals }
} }`;

interface Report {
  figures: { entries: number; peopleLogging: number; minutes: number };
  byCategory: { key: string; minutes: number; entries: number; people: number }[];
  byContentType: { key: string; minutes: number; entries: number; people: number }[];
  byTeam: { key: string; minutes: number; entries: number; people: number }[];
  topContent: { contentId: string; minutes: number; people: number }[];
  topContributors: { userId: string; minutes: number; entries: number }[];
  weekly: { weekStart: string; people: number }[];
  adoption: {
    weekStart: string;
    activePeople: number;
    posts: number;
    comments: number;
    proposals: number;
  }[];
}

const actor = (user: User): Actor => ({ id: user.id, role: user.role, active: true });

/**
 * The whole department over a calendar quarter: the report reads the quarter's per-person rollup,
 * the content totals of the quarter and weekly_activity for its whole weeks, and counts the days of
 * the two weeks it cuts from the base tables. Figures computed by hand.
 */
describe('the ROI report of a calendar quarter for the whole department', () => {
  let t: TestApp;
  let clock: CompanyClock;
  let admin: GqlClient;
  let team: string;
  let u1: { user: User; client: GqlClient };
  let u2: { user: User; client: GqlClient };
  let u3: { user: User; client: GqlClient };
  let p1: string;
  let p2: string;

  const ok = async <T>(client: GqlClient, query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await client.request<T>(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const signIn = async (teamIds: string[]) => {
    const user = await t.createUser('MARKETER', { teamIds });
    const client = t.client();
    await client.signIn(user.email);
    return { user, client };
  };
  /** Logged on the day itself: entries can be dated 30 days back at most. */
  const log = async (who: { client: GqlClient }, date: string, minutes: number, category: string) => {
    clock.setNow(new Date(`${date}T10:00:00Z`));
    await ok(who.client, LOG, { input: { date, minutes, category } });
  };
  const report = async (from: string, to: string) =>
    (await ok<{ roiReport: Report }>(admin, REPORT, { from, to })).roiReport;

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(CompanyClock);
    team = await t.createTeam('Marque & Contenus');
    u1 = await signIn([team]);
    u2 = await signIn([team]);
    u3 = await signIn([]);
    admin = (await t.signedIn('ADMIN')).client;

    // Posts are dated by the database clock: each is moved to its instant.
    const posts = t.app.get(PostsService);
    const space = await t.app
      .get(SpacesService)
      .create(actor(u1.user), { name: 'DS4', description: '', visibility: 'OPEN' });
    const dated = async (who: User, text: string, at: string) => {
      const post = await posts.create(actor(who), space.id, text);
      await t.sql(`update posts set created_at = $2 where id = $1`, [post.id, at]);
      return post.id;
    };
    p1 = await dated(u1.user, 'Argumentaire DS4', '2026-08-11T10:00:00Z');
    p2 = await dated(u1.user, 'Planning des essais', '2026-08-11T11:00:00Z');
    // Wednesday 1 July at 00:30 in Paris, still 30 June in UTC: in the period, in its first (cut) week.
    await dated(u3.user, 'Retour de concession', '2026-06-30T22:30:00Z');
    // Monday 17 August at 00:30 in Paris: a whole week of the period.
    await dated(u2.user, 'Essais du week-end', '2026-08-16T22:30:00Z');
    // Outside the period, and deleted: neither counts.
    await dated(u2.user, 'Bilan du trimestre précédent', '2026-06-29T10:00:00Z');
    const gone = await dated(u2.user, 'Brouillon', '2026-08-12T10:00:00Z');
    await posts.delete(actor(u2.user), gone);

    const comments = t.app.get(CommentsService);
    const comment = await comments.add(actor(u2.user), p1, 'Merci, repris tel quel');
    await t.sql(`update comments set created_at = '2026-08-12T09:00:00Z' where id = $1`, [comment.id]);
    const deleted = await comments.add(actor(u3.user), p1, 'Doublon');
    await comments.delete(actor(u3.user), deleted.id);

    await log(u1, '2026-07-01', 30, 'FOUND_INFORMATION');
    await log(u1, '2026-09-30', 20, 'OTHER');
    await log(u2, '2026-08-10', 60, 'AVOIDED_MEETING');
    await log(u3, '2026-06-30', 45, 'OTHER');
    await log(u3, '2026-07-05', 15, 'REUSED_CONTENT');
    // Clicks are dated today: Wednesday 12 August.
    clock.setNow(new Date('2026-08-12T10:00:00Z'));
    await ok(u1.client, SAVED, { id: p1 });
    await ok(u3.client, SAVED, { id: p1, minutes: 25 });
    await ok(u2.client, SAVED, { id: p2, minutes: 50 });
    clock.setNow(new Date('2026-11-20T10:00:00Z'));
  });
  afterAll(() => t.close());

  /**
   * Weeks with activity, as [Monday, people logging, active people, posts, comments]; every other
   * week is all zeros.
   */
  const busyWeeks = ({ weekly, adoption }: Report) => {
    expect(weekly.map((week) => week.weekStart)).toEqual(adoption.map((week) => week.weekStart));
    for (const week of adoption) expect(week.proposals).toBe(0);
    return adoption
      .map((week, i) => [week.weekStart, weekly[i].people, week.activePeople, week.posts, week.comments])
      .filter(([, , active]) => active !== 0);
  };

  it('counts people, splits, content and weekly activity from the rollups', async () => {
    const quarter = await report('2026-07-01', '2026-09-30');
    expect(quarter.figures).toEqual({ entries: 7, peopleLogging: 3, minutes: 215 });
    // Clicks take the default category, FOUND_INFORMATION.
    expect(quarter.byCategory).toEqual([
      { key: 'FOUND_INFORMATION', minutes: 120, entries: 4, people: 3 },
      { key: 'AVOIDED_MEETING', minutes: 60, entries: 1, people: 1 },
      { key: 'OTHER', minutes: 20, entries: 1, people: 1 },
      { key: 'REUSED_CONTENT', minutes: 15, entries: 1, people: 1 },
    ]);
    expect(quarter.byContentType).toEqual([
      { key: 'NONE', minutes: 125, entries: 4, people: 3 },
      { key: 'POST', minutes: 90, entries: 3, people: 3 },
    ]);
    expect(quarter.byTeam).toEqual([
      { key: team, minutes: 175, entries: 5, people: 2 },
      { key: 'NONE', minutes: 40, entries: 2, people: 1 },
    ]);
    expect(quarter.topContent).toEqual([
      { contentId: p2, minutes: 50, people: 1 },
      { contentId: p1, minutes: 40, people: 2 },
    ]);
    expect(quarter.topContributors).toEqual([
      { userId: u2.user.id, minutes: 110, entries: 2 },
      { userId: u1.user.id, minutes: 65, entries: 3 },
      { userId: u3.user.id, minutes: 40, entries: 2 },
    ]);
    expect(quarter.adoption).toHaveLength(14);
    // The first and last weeks are cut (1 to 5 July, 28 to 30 September): only their days count.
    expect(busyWeeks(quarter)).toEqual([
      ['2026-06-29', 2, 2, 1, 0],
      ['2026-08-10', 3, 3, 2, 1],
      ['2026-08-17', 0, 1, 1, 0],
      ['2026-09-28', 1, 1, 0, 0],
    ]);
  });

  it('gives the same figures for a period that is not a calendar quarter, read from other rollups', async () => {
    // One more day, 30 June: u3's 45 minutes; u2's post of 29 June stays out.
    const longer = await report('2026-06-30', '2026-09-30');
    expect(longer.figures).toEqual({ entries: 8, peopleLogging: 3, minutes: 260 });
    expect(longer.byCategory.find((row) => row.key === 'OTHER')).toEqual({
      key: 'OTHER',
      minutes: 65,
      entries: 2,
      people: 2,
    });
    expect(longer.topContent).toEqual([
      { contentId: p2, minutes: 50, people: 1 },
      { contentId: p1, minutes: 40, people: 2 },
    ]);
    expect(busyWeeks(longer)).toEqual([
      ['2026-06-29', 2, 2, 1, 0],
      ['2026-08-10', 3, 3, 2, 1],
      ['2026-08-17', 0, 1, 1, 0],
      ['2026-09-28', 1, 1, 0, 0],
    ]);
  });

  it('cuts the weeks again in the new zone when the API starts with another TZ', async () => {
    // u2's post of Monday 17 August 00:30 in Paris is Sunday 16 August in New York: the week before.
    const other = await startTestApp({ TZ: 'America/New_York' }, { databaseUrl: t.databaseUrl });
    try {
      const [calendar] = await t.sql<{ zone: string }>(`select zone from company_calendar`);
      expect(calendar.zone).toBe('America/New_York');
      const rows = await t.sql<{ week: string; posts: number }>(
        `select week::text, posts from weekly_activity where user_id = $1 and posts > 0 order by week`,
        [u2.user.id],
      );
      expect(rows).toEqual([
        { week: '2026-06-29', posts: 1 },
        { week: '2026-08-10', posts: 1 },
      ]);
    } finally {
      await other.close();
    }
    // Back in Paris, as this test app runs: the rollup follows again.
    expect(await t.app.get(RoiReportRepository).alignZone('Europe/Paris')).toBe(true);
    expect(await t.app.get(RoiReportRepository).alignZone('Europe/Paris')).toBe(false);
    expect(busyWeeks(await report('2026-07-01', '2026-09-30'))).toEqual([
      ['2026-06-29', 2, 2, 1, 0],
      ['2026-08-10', 3, 3, 2, 1],
      ['2026-08-17', 0, 1, 1, 0],
      ['2026-09-28', 1, 1, 0, 0],
    ]);
  });
});
