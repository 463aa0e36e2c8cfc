import type { Actor } from '@atelier/domain';
import { PostsService } from '../src/posts/posts.service';
import { SpacesService } from '../src/spaces/spaces.service';
import { CompanyClock } from '../src/time-saved/clock';
import { User } from '../src/users/user.entity';
import { GqlClient, startTestApp, TestApp } from './support/test-app';

const LOG = `mutation ($input: LogTimeSavedInput!) { logTimeSaved(input: $input) { id } }`;
const UPDATE = `mutation ($id: ID!, $input: TimeSavedInput!) { updateTimeSaved(id: $id, input: $input) { id } }`;
const DELETE = `mutation ($id: ID!) { deleteTimeSaved(id: $id) }`;
const SAVED = `mutation ($id: ID!, $minutes: Int) { savedMeTime(contentType: POST, contentId: $id, minutes: $minutes) { id } }`;
const UNDO = `mutation ($id: ID!) { undoSavedMeTime(id: $id) }`;

const actor = (user: User): Actor => ({ id: user.id, role: user.role, active: true });

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
    const [{ n }] = await t.sql<{ n: string }>(`select count(*) as n from time_saved_daily_people`);
    expect(Number(n)).toBeGreaterThan(0);
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
});
