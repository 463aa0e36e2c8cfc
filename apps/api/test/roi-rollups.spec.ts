import { type Actor, TIME_SAVED_CATEGORIES, TIME_SAVED_CONTENT_TYPES } from '@atelier/domain';
import { CommentsService } from '../src/comments/comments.service';
import { PostsService } from '../src/posts/posts.service';
import { SpacesService } from '../src/spaces/spaces.service';
import { CompanyClock } from '../src/time-saved/clock';
import { User } from '../src/users/user.entity';
import { UsersService } from '../src/users/users.service';
import { GqlClient, startTestApp, TestApp } from './support/test-app';

const LOG = `mutation ($input: LogTimeSavedInput!) { logTimeSaved(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: TimeSavedInput!) { updateTimeSaved(id: $id, input: $input) { id } }`;
const DELETE = `mutation ($id: ID!) { deleteTimeSaved(id: $id) }`;
const SAVED = `mutation ($id: ID!, $minutes: Int) { savedMeTime(contentType: POST, contentId: $id, minutes: $minutes) { id } }`;
const UNDO = `mutation ($id: ID!) { undoSavedMeTime(id: $id) }`;

const actor = (user: User): Actor => ({ id: user.id, role: user.role, active: true });

/** The split columns of the weekly and monthly rollups, each with the entries it counts. */
const SPLITS = [
  ...TIME_SAVED_CATEGORIES.map((key) => [`cat_${key.toLowerCase()}`, `category = '${key}'`]),
  ...TIME_SAVED_CONTENT_TYPES.map((key) => [`kind_${key.toLowerCase()}`, `content_type = '${key}'`]),
  ['kind_none', 'content_type is null'],
];
/** A per-person rollup (`unit`: week or month) against its recount from the entries, both ways. */
const periodDrift = (table: string, column: string, unit: string) => {
  const recount = `select date_trunc('${unit}', entry_date)::date::text, user_id::text, team_id::text,
      sum(minutes)::int, count(*)::int, ${SPLITS.flatMap(([, test]) => [
        `coalesce(sum(minutes) filter (where ${test}), 0)::int`,
        `(count(*) filter (where ${test}))::int`,
      ]).join(', ')}
    from time_saved_entries group by 1, 2, 3`;
  const kept = `select ${column}::text, user_id::text, team_id::text, minutes, entries, ${SPLITS.flatMap(([split]) => [
    `${split}_minutes`,
    `${split}_entries`,
  ]).join(', ')} from ${table}`;
  return `(${recount} except all ${kept}) union all (${kept} except all ${recount})`;
};

/**
 * Each rollup, recomputed from the entries, against the rollup the triggers keep: rows in one and
 * not the other. Both sides ordered for a readable failure.
 */
const DRIFT = {
  teams: `
    (select entry_date::text, team_id::text, sum(minutes)::bigint as minutes, count(*)::int as entries
       from time_saved_entries group by entry_date, team_id
     except all
     select entry_date::text, team_id::text, minutes, entries from time_saved_daily_teams)
    union all
    (select entry_date::text, team_id::text, minutes, entries from time_saved_daily_teams
     except all
     select entry_date::text, team_id::text, sum(minutes)::bigint, count(*)::int
       from time_saved_entries group by entry_date, team_id)`,
  people: `
    (select entry_date::text, user_id::text, team_id::text, category, content_type, sum(minutes)::bigint as minutes, count(*)::int as entries
       from time_saved_entries group by entry_date, user_id, team_id, category, content_type
     except all
     select entry_date::text, user_id::text, team_id::text, category, content_type, minutes, entries from time_saved_daily_people)
    union all
    (select entry_date::text, user_id::text, team_id::text, category, content_type, minutes, entries from time_saved_daily_people
     except all
     select entry_date::text, user_id::text, team_id::text, category, content_type, sum(minutes)::bigint, count(*)::int
       from time_saved_entries group by entry_date, user_id, team_id, category, content_type)`,
  content: `
    (select entry_date::text, content_type, content_id::text, team_id::text, sum(minutes)::bigint as minutes, count(*)::int as entries
       from time_saved_entries where content_id is not null group by entry_date, content_type, content_id, team_id
     except all
     select entry_date::text, content_type, content_id::text, team_id::text, minutes, entries from time_saved_daily_content)
    union all
    (select entry_date::text, content_type, content_id::text, team_id::text, minutes, entries from time_saved_daily_content
     except all
     select entry_date::text, content_type, content_id::text, team_id::text, sum(minutes)::bigint, count(*)::int
       from time_saved_entries where content_id is not null group by entry_date, content_type, content_id, team_id)`,
  weekly: periodDrift('time_saved_weekly_people', 'week', 'week'),
  monthly: periodDrift('time_saved_monthly_people', 'month', 'month'),
  quarterly: periodDrift('time_saved_quarterly_people', 'quarter', 'quarter'),
  contentTotals: ['month', 'quarter']
    .map((unit) => {
      const recount = `select date_trunc('${unit}', entry_date)::date::text, content_type, content_id::text,
          sum(minutes)::int, count(*)::int
        from time_saved_entries where content_id is not null group by 1, 2, 3`;
      const kept = `select starts::text, content_type, content_id::text, minutes, people
        from time_saved_content_totals where span = '${unit.toUpperCase()}'`;
      return `(${recount} except all ${kept}) union all (${kept} except all ${recount})`;
    })
    .join(' union all '),
  // Posts and comments not deleted, and proposals, cut into weeks in the company's zone.
  activity: (() => {
    const written = (table: string, filter: string, kind: string) =>
      `select date_trunc('week', created_at at time zone (select zone from company_calendar))::date as week,
              author_id as user_id, '${kind}' as kind from ${table} where ${filter}`;
    const recount = `select week::text, user_id::text, count(*) filter (where kind = 'logged')::int,
        count(*) filter (where kind = 'post')::int, count(*) filter (where kind = 'comment')::int,
        count(*) filter (where kind = 'proposal')::int
      from (select date_trunc('week', entry_date)::date as week, user_id, 'logged' as kind from time_saved_entries
            union all ${written('posts', 'deleted_at is null', 'post')}
            union all ${written('comments', 'deleted_at is null', 'comment')}
            union all ${written('proposals', 'true', 'proposal')}) x
      group by 1, 2`;
    const kept = `select week::text, user_id::text, logged, posts, comments, proposals from weekly_activity`;
    return `(${recount} except all ${kept}) union all (${kept} except all ${recount})`;
  })(),
  activityTotals: (() => {
    const recount = `select week::text, count(*)::int, (count(*) filter (where logged > 0))::int, sum(posts)::int,
        sum(comments)::int, sum(proposals)::int from weekly_activity group by week`;
    const kept = `select week::text, sum(active)::int, sum(loggers)::int, sum(posts)::int, sum(comments)::int,
        sum(proposals)::int from weekly_activity_totals group by week
        having sum(active) <> 0 or sum(loggers) <> 0 or sum(posts) <> 0 or sum(comments) <> 0 or sum(proposals) <> 0`;
    return `(${recount} except all ${kept}) union all (${kept} except all ${recount})`;
  })(),
  // The mask's bits, in the repository's order (categories, then kinds), against the split counts.
  masks: ['time_saved_weekly_people', 'time_saved_monthly_people', 'time_saved_quarterly_people']
    .map(
      (table) =>
        `select '${table}', user_id::text from ${table}
          where mask <> ${SPLITS.map(([split], bit) => `(case when ${split}_entries > 0 then ${1 << bit} else 0 end)`).join(' + ')}`,
    )
    .join(' union all '),
};

describe('the ROI rollups', () => {
  let t: TestApp;
  let clock: CompanyClock;
  let teamA: string;
  let a1: { user: User; client: GqlClient };
  let a2: { user: User; client: GqlClient };
  let loner: { user: User; client: GqlClient };
  let postId: string;

  const signIn = async (teamIds: string[]) => {
    const user = await t.createUser('MARKETER', { teamIds });
    const client = t.client();
    await client.signIn(user.email);
    return { user, client };
  };
  const ok = async <T>(client: GqlClient, query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await client.request<T>(query, variables);
    expect(response.errors).toBeUndefined();
    return response.data!;
  };
  const log = async (who: { client: GqlClient }, date: string, minutes: number, category: string) =>
    (await ok<{ logTimeSaved: { id: string } }>(who.client, LOG, { input: { date, minutes, category } })).logTimeSaved
      .id;
  /** The rollups match the entries exactly, and are not empty (a vacuous match proves nothing). */
  const expectInStep = async () => {
    for (const sql of Object.values(DRIFT)) expect(await t.sql(sql)).toEqual([]);
    for (const table of [
      'time_saved_daily_people',
      'time_saved_weekly_people',
      'time_saved_monthly_people',
      'time_saved_quarterly_people',
      'weekly_activity',
    ]) {
      const [{ n }] = await t.sql<{ n: string }>(`select count(*) as n from ${table}`);
      expect(Number(n)).toBeGreaterThan(0);
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(CompanyClock);
    clock.setNow(new Date('2026-03-20T10:00:00Z'));
    teamA = await t.createTeam('Marque & Contenus');
    a1 = await signIn([teamA]);
    a2 = await signIn([teamA]);
    loner = await signIn([]);
    const space = await t.app
      .get(SpacesService)
      .create(actor(a1.user), { name: 'DS4', description: '', visibility: 'OPEN' });
    postId = (await t.app.get(PostsService).create(actor(a1.user), space.id, 'Argumentaire DS4')).id;
  });
  afterAll(() => t.close());

  it('follow inserts, edits of minutes, date and category, deletes, clicks and their undo', async () => {
    const first = await log(a1, '2026-03-02', 30, 'FOUND_INFORMATION');
    await log(a1, '2026-03-02', 15, 'FOUND_INFORMATION');
    const other = await log(a2, '2026-03-02', 60, 'AVOIDED_MEETING');
    // No team: its rows are keyed on a null team, found again by the next writes.
    const alone = await log(loner, '2026-03-03', 20, 'OTHER');
    await log(loner, '2026-03-03', 25, 'OTHER');
    await expectInStep();

    await ok(a1.client, UPDATE, {
      id: first,
      input: { date: '2026-03-02', minutes: 90, category: 'FOUND_INFORMATION' },
    });
    await expectInStep();
    await ok(a1.client, UPDATE, {
      id: first,
      input: { date: '2026-03-05', minutes: 90, category: 'FOUND_INFORMATION' },
    });
    await expectInStep();
    await ok(a1.client, UPDATE, { id: first, input: { date: '2026-03-05', minutes: 90, category: 'REUSED_CONTENT' } });
    await ok(loner.client, UPDATE, { id: alone, input: { date: '2026-03-04', minutes: 5, category: 'OTHER' } });
    await expectInStep();

    const click = (await ok<{ savedMeTime: { id: string } }>(a2.client, SAVED, { id: postId })).savedMeTime.id;
    await ok(a1.client, SAVED, { id: postId, minutes: 10 });
    await expectInStep();
    // A second click edits the entry: the content's rollup moves, it does not add a person.
    await ok(a2.client, SAVED, { id: postId, minutes: 45 });
    const [content] = await t.sql<{ minutes: string; entries: number }>(
      `select sum(minutes) as minutes, sum(entries)::int as entries from time_saved_daily_content where content_id = $1`,
      [postId],
    );
    expect([Number(content.minutes), content.entries]).toEqual([55, 2]);
    await expectInStep();

    await ok(a2.client, UNDO, { id: click });
    await ok(a2.client, DELETE, { id: other });
    await expectInStep();
    // A day whose last entry goes leaves no empty row behind.
    expect(
      await t.sql(`select 1 from time_saved_daily_people where entry_date = '2026-03-02' and user_id = $1`, [
        a2.user.id,
      ]),
    ).toEqual([]);
  });

  it('follow bulk statements, concurrent clicks and a team removed from under its entries', async () => {
    await Promise.all([1, 2, 3].map(() => a2.client.request(SAVED, { id: postId, minutes: 20 })));
    await expectInStep();
    // One statement touching many entries at once, as a cascade or a data fix does.
    await t.sql(`update time_saved_entries set minutes = minutes + 1 where entry_date <= '2026-03-20'`);
    await expectInStep();
    await t.sql(`delete from teams where id = $1`, [teamA]);
    await expectInStep();
    const [{ n }] = await t.sql<{ n: string }>(
      `select count(*) as n from time_saved_daily_teams where team_id is not null`,
    );
    expect(Number(n)).toBe(0);
    await t.sql(`delete from time_saved_entries where user_id = $1`, [loner.user.id]);
    await expectInStep();
  });
  it('follow a week and a month edge and a team change; the report counts each person once', async () => {
    const teamC = await t.createTeam('CRM & Fidélisation');
    const teamD = await t.createTeam('Réseau & Événements');
    const mover = await signIn([teamC]);
    const writer = await signIn([teamC]);
    const manager = await t.createUser('MANAGER', { teamIds: [teamC, teamD] });
    const managerClient = t.client();
    await managerClient.signIn(manager.email);

    // Saturday 28 February (February, week of 23 February) and Sunday 1 March (March, same week).
    await log(mover, '2026-02-28', 20, 'OTHER');
    const sunday = await log(mover, '2026-03-01', 30, 'FOUND_INFORMATION');
    await expectInStep();
    // To Monday 2 March: another week, same month.
    await ok(mover.client, UPDATE, {
      id: sunday,
      input: { date: '2026-03-02', minutes: 30, category: 'FOUND_INFORMATION' },
    });
    await expectInStep();
    // The same person logs for team D in the same week: two rollup rows for one person that week.
    await t.app.get(UsersService).update(mover.user.id, { teamIds: [teamD] });
    await log(mover, '2026-03-03', 15, 'AVOIDED_MEETING');
    await expectInStep();
    const rows = await t.sql<{ team_id: string }>(
      `select team_id from time_saved_weekly_people where user_id = $1 and week = '2026-03-02' order by team_id`,
      [mover.user.id],
    );
    expect(rows.map((row) => row.team_id).sort()).toEqual([teamC, teamD].sort());

    // Adoption: the mover posts in a week they logged (counted once), the writer only posts.
    const space = await t.app
      .get(SpacesService)
      .create(actor(mover.user), { name: 'Réseau', description: '', visibility: 'OPEN' });
    const posts = t.app.get(PostsService);
    const dated = async (who: User, text: string, at: string) => {
      const post = await posts.create(actor(who), space.id, text);
      // Posts are dated by the database clock: this one is moved into the period under test.
      await t.sql(`update posts set created_at = $2 where id = $1`, [post.id, at]);
      await expectInStep();
      return post.id;
    };
    await dated(mover.user, 'Planning des essais DS4', '2026-02-28T11:00:00Z');
    await dated(writer.user, 'Retour des concessions', '2026-03-01T11:00:00Z');
    const review = await dated(mover.user, 'Bilan des essais', '2026-03-04T11:00:00Z');

    // 28 February (a day), March (a whole month); the weeks of 23 February (cut) and 2 March (whole).
    const response = await managerClient.request<{
      roiReport: {
        figures: { entries: number; peopleLogging: number; minutes: number };
        weekly: { weekStart: string; people: number }[];
        byCategory: { key: string; minutes: number; entries: number; people: number }[];
        byTeam: { key: string; minutes: number; entries: number; people: number }[];
        topContributors: { userId: string; minutes: number; entries: number }[];
        adoption: { weekStart: string; activePeople: number; posts: number }[];
      };
    }>(
      `query { roiReport(from: "2026-02-28", to: "2026-03-31") {
        figures { entries peopleLogging minutes }
        weekly { weekStart people }
        byCategory { key minutes entries people }
        byTeam { key minutes entries people }
        topContributors { userId minutes entries }
        adoption { weekStart activePeople posts }
      } }`,
    );
    expect(response.errors).toBeUndefined();
    const report = response.data!.roiReport;
    expect(report.figures).toEqual({ entries: 3, peopleLogging: 1, minutes: 65 });
    expect(report.weekly.map((week) => [week.weekStart, week.people])).toEqual([
      ['2026-02-23', 1],
      ['2026-03-02', 1],
      ['2026-03-09', 0],
      ['2026-03-16', 0],
      ['2026-03-23', 0],
      ['2026-03-30', 0],
    ]);
    expect(report.byCategory).toEqual([
      { key: 'FOUND_INFORMATION', minutes: 30, entries: 1, people: 1 },
      { key: 'OTHER', minutes: 20, entries: 1, people: 1 },
      { key: 'AVOIDED_MEETING', minutes: 15, entries: 1, people: 1 },
    ]);
    expect(report.byTeam).toEqual([
      { key: teamC, minutes: 50, entries: 2, people: 1 },
      { key: teamD, minutes: 15, entries: 1, people: 1 },
    ]);
    expect(report.topContributors).toEqual([{ userId: mover.user.id, minutes: 65, entries: 3 }]);
    expect(report.adoption.map((week) => [week.weekStart, week.activePeople, week.posts])).toEqual([
      ['2026-02-23', 2, 2],
      ['2026-03-02', 1, 1],
      ['2026-03-09', 0, 0],
      ['2026-03-16', 0, 0],
      ['2026-03-23', 0, 0],
      ['2026-03-30', 0, 0],
    ]);
    await posts.delete(actor(mover.user), review);
    await expectInStep();
  });

  it('follow posts and comments written, deleted and restored', async () => {
    const writer = await signIn([]);
    const space = await t.app
      .get(SpacesService)
      .create(actor(writer.user), { name: 'Salon', description: '', visibility: 'OPEN' });
    const post = await t.app.get(PostsService).create(actor(writer.user), space.id, 'Stand du salon');
    const comments = t.app.get(CommentsService);
    const first = await comments.add(actor(writer.user), post.id, 'Photos à venir');
    await comments.add(actor(a1.user), post.id, 'Merci');
    await expectInStep();
    await comments.delete(actor(writer.user), first.id);
    await expectInStep();
    await t.app.get(PostsService).delete(actor(writer.user), post.id);
    await expectInStep();
    // A restore, as a data fix does it.
    await t.sql(`update posts set deleted_at = null where id = $1`, [post.id]);
    await expectInStep();
    await t.sql(`delete from comments where target_id = $1`, [post.id]);
    await expectInStep();
  });
});
