import type { Actor } from '@atelier/domain';
import { PostsService } from '../src/posts/posts.service';
import { SpacesService } from '../src/spaces/spaces.service';
import { CompanyClock } from '../src/time-saved/clock';
import { User } from '../src/users/user.entity';
import { countQueries } from './support/query-counter';
import { errorCode, GqlClient, startTestApp, TestApp } from './support/test-app';

const ENTRY = `id minutes date category note contentType contentId locked editableUntil user { id }`;
const LOG = `mutation ($input: LogTimeSavedInput!) { logTimeSaved(input: $input) { ${ENTRY} } }`;
const UPDATE = `mutation ($id: ID!, $input: TimeSavedInput!) { updateTimeSaved(id: $id, input: $input) { ${ENTRY} } }`;
const DELETE = `mutation ($id: ID!) { deleteTimeSaved(id: $id) }`;
const SAVED = `mutation ($type: TimeSavedContentType!, $id: ID!, $minutes: Int) {
  savedMeTime(contentType: $type, contentId: $id, minutes: $minutes) { ${ENTRY} } }`;
const UNDO = `mutation ($id: ID!) { undoSavedMeTime(id: $id) }`;
const DEFAULTS = `mutation ($minutes: Int!, $category: TimeSavedCategory!) {
  setTimeSavedDefaults(minutes: $minutes, category: $category) { minutes category } }`;
const MINE = `query ($first: Int, $after: String) { myTimeSaved(first: $first, after: $after) {
  nodes { ${ENTRY} } pageInfo { hasNextPage endCursor } totalMinutes totalCount } }`;
const SUMMARY = `{ myTimeSavedSummary { totalMinutes entries monthMinutes weekMinutes today } timeSavedDefaults { minutes category } }`;
const ENTRIES = `query ($filter: TimeSavedFilter) { timeSavedEntries(filter: $filter) { nodes { id minutes user { id } } totalMinutes totalCount } }`;
const COUNTER = `query ($type: TimeSavedContentType!, $id: ID!) { contentTimeSaved(contentType: $type, contentId: $id) { totalMinutes people mine myEntryId } }`;
const HELPFUL = `{ myHelpfulContent { contentType contentId rootType rootId excerpt totalMinutes people } }`;
const POST_COUNTERS = `query ($id: ID!) { post(id: $id) { timeSaved { totalMinutes people mine } comments { id timeSaved { totalMinutes people mine } } } }`;

const actor = (user: User): Actor => ({ id: user.id, role: user.role, active: true });

interface Entry {
  id: string;
  minutes: number;
  date: string;
  category: string;
  contentType: string | null;
  locked: boolean;
}

describe('time saved', () => {
  let t: TestApp;
  let clock: CompanyClock;
  let teamA: string;
  let teamB: string;
  let author: { user: User; client: GqlClient };
  let reader: { user: User; client: GqlClient };
  let colleague: { user: User; client: GqlClient };
  let outsider: { user: User; client: GqlClient };
  let managerA: { user: User; client: GqlClient };
  let admin: { user: User; client: GqlClient };
  let customer: { user: User; client: GqlClient };
  let postId: string;
  let privatePostId: string;
  let commentId: string;

  const signIn = async (role: 'MARKETER' | 'MANAGER', teamIds: string[]) => {
    const user = await t.createUser(role, { teamIds });
    const client = t.client();
    await client.signIn(user.email);
    return { user, client };
  };
  const count = async (userId?: string): Promise<number> =>
    Number(
      (
        await t.sql<{ n: string }>(
          `select count(*) as n from time_saved_entries ${userId ? 'where user_id = $1' : ''}`,
          userId ? [userId] : [],
        )
      )[0].n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(CompanyClock);
    teamA = await t.createTeam('Marque & Contenus');
    teamB = await t.createTeam('Digital & Social');
    author = await signIn('MARKETER', [teamA]);
    reader = await signIn('MARKETER', [teamA]);
    colleague = await signIn('MARKETER', [teamA]);
    outsider = await signIn('MARKETER', [teamB]);
    managerA = await signIn('MANAGER', [teamA]);
    admin = await t.signedIn('ADMIN');
    customer = await t.signedIn('CUSTOMER');
    const spaces = t.app.get(SpacesService);
    const posts = t.app.get(PostsService);
    const open = await spaces.create(actor(author.user), { name: 'DS4', description: '', visibility: 'OPEN' });
    const hidden = await spaces.create(actor(author.user), { name: 'Secret', description: '', visibility: 'PRIVATE' });
    postId = (await posts.create(actor(author.user), open.id, 'Le **kit presse DS4** est prêt')).id;
    privatePostId = (await posts.create(actor(author.user), hidden.id, 'Date de lancement confidentielle')).id;
    const comment = await author.client.request<{ addComment: { id: string } }>(
      `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`,
      { input: { targetId: postId, body: 'Le fichier des concessions est joint.' } },
    );
    expect(comment.errors).toBeUndefined();
    commentId = comment.data!.addComment.id;
  });
  afterEach(() => clock.setNow(null));
  afterAll(() => t.close());

  describe('logging, listing, editing and deleting', () => {
    it('logs an entry dated today in the company time zone by default, and lists it with totals', async () => {
      const logged = await reader.client.request<{ logTimeSaved: Entry }>(LOG, {
        input: { minutes: 25, category: 'FOUND_INFORMATION', note: 'Trouvé le planning des essais' },
      });
      expect(logged.errors).toBeUndefined();
      const { myTimeSavedSummary: summary } = (
        await reader.client.request<{ myTimeSavedSummary: { today: string } }>(SUMMARY)
      ).data!;
      expect(logged.data!.logTimeSaved).toMatchObject({
        minutes: 25,
        date: summary.today,
        locked: false,
        contentType: null,
      });

      const mine = await reader.client.request<{ myTimeSaved: { nodes: Entry[]; totalMinutes: number } }>(MINE, {});
      expect(mine.data!.myTimeSaved.nodes.map((e) => e.id)).toContain(logged.data!.logTimeSaved.id);
      expect(mine.data!.myTimeSaved.totalMinutes).toBeGreaterThanOrEqual(25);

      const updated = await reader.client.request<{ updateTimeSaved: Entry }>(UPDATE, {
        id: logged.data!.logTimeSaved.id,
        input: { minutes: 40, category: 'AVOIDED_MEETING' },
      });
      expect(updated.data!.updateTimeSaved).toMatchObject({ minutes: 40, category: 'AVOIDED_MEETING' });

      const deleted = await reader.client.request(DELETE, { id: logged.data!.logTimeSaved.id });
      expect(deleted.data).toEqual({ deleteTimeSaved: logged.data!.logTimeSaved.id });
      expect(await count(reader.user.id)).toBe(0);
    });

    it('pages through a person’s entries newest date first', async () => {
      clock.setNow(new Date('2026-03-20T10:00:00Z'));
      for (const date of ['2026-03-01', '2026-03-10', '2026-03-05']) {
        await colleague.client.request(LOG, { input: { minutes: 10, category: 'OTHER', date } });
      }
      const first = await colleague.client.request<{
        myTimeSaved: { nodes: Entry[]; pageInfo: { endCursor: string; hasNextPage: boolean }; totalCount: number };
      }>(MINE, { first: 2 });
      expect(first.data!.myTimeSaved.nodes.map((e) => e.date)).toEqual(['2026-03-10', '2026-03-05']);
      expect(first.data!.myTimeSaved).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      const second = await colleague.client.request<{
        myTimeSaved: { nodes: Entry[]; pageInfo: { hasNextPage: boolean } };
      }>(MINE, { first: 2, after: first.data!.myTimeSaved.pageInfo.endCursor });
      expect(second.data!.myTimeSaved.nodes.map((e) => e.date)).toEqual(['2026-03-01']);
      expect(second.data!.myTimeSaved.pageInfo.hasNextPage).toBe(false);
      await t.sql(`delete from time_saved_entries where user_id = $1`, [colleague.user.id]);
    });

    it.each([
      [{ minutes: 0, category: 'OTHER' }, 'timeSavedMinutesRange'],
      [{ minutes: 481, category: 'OTHER' }, 'timeSavedMinutesRange'],
      [{ minutes: 30, category: 'OTHER', date: '2026-04-02' }, 'timeSavedFutureDate'],
      [{ minutes: 30, category: 'OTHER', date: '2026-02-28' }, 'timeSavedDateTooOld'],
      [{ minutes: 30, category: 'OTHER', date: '01/04/2026' }, 'invalidDate'],
      [{ minutes: 30, category: 'OTHER', note: 'x'.repeat(501) }, 'timeSavedNoteTooLong'],
    ])('refuses %j (%s) and writes nothing', async (input, reason) => {
      clock.setNow(new Date('2026-04-01T08:00:00Z'));
      const response = await reader.client.request(LOG, { input });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].extensions!.reason).toBe(reason);
      expect(await count(reader.user.id)).toBe(0);
    });

    it('refuses a content id the person cannot read, unknown or of another kind, writing nothing', async () => {
      for (const input of [
        { contentType: 'POST', contentId: privatePostId },
        { contentType: 'POST', contentId: '00000000-0000-4000-8000-000000000000' },
        { contentType: 'POST', contentId: 'not-an-id' },
        { contentType: 'COMMENT', contentId: postId },
      ]) {
        const response = await reader.client.request(LOG, { input: { minutes: 10, category: 'OTHER', ...input } });
        expect(errorCode(response)).toBe('NOT_FOUND');
        const click = await reader.client.request(SAVED, { type: input.contentType, id: input.contentId });
        expect(errorCode(click)).toBe('NOT_FOUND');
      }
      expect(await count(reader.user.id)).toBe(0);
    });

    it('locks an entry 30 days after it was logged: edits and deletes are refused, nothing changes', async () => {
      clock.setNow(new Date('2026-01-10T09:00:00Z'));
      const logged = await colleague.client.request<{ logTimeSaved: Entry }>(LOG, {
        input: { minutes: 15, category: 'REUSED_CONTENT' },
      });
      const id = logged.data!.logTimeSaved.id;
      clock.setNow(new Date('2026-02-09T09:00:00Z'));
      expect(
        (await colleague.client.request<{ myTimeSaved: { nodes: Entry[] } }>(MINE, {})).data!.myTimeSaved.nodes[0]
          .locked,
      ).toBe(false);
      clock.setNow(new Date('2026-02-09T09:00:01Z'));
      const edit = await colleague.client.request(UPDATE, {
        id,
        input: { minutes: 50, category: 'OTHER', date: '2026-02-01' },
      });
      expect(errorCode(edit)).toBe('CONFLICT');
      expect(edit.errors![0].extensions!.reason).toBe('timeSavedLocked');
      const del = await colleague.client.request(DELETE, { id });
      expect(errorCode(del)).toBe('CONFLICT');
      const [row] = await t.sql<{ minutes: number }>(`select minutes from time_saved_entries where id = $1`, [id]);
      expect(row.minutes).toBe(15);
      expect(
        (await colleague.client.request<{ myTimeSaved: { nodes: Entry[] } }>(MINE, {})).data!.myTimeSaved.nodes[0]
          .locked,
      ).toBe(true);
      await t.sql(`delete from time_saved_entries where user_id = $1`, [colleague.user.id]);
    });

    it("answers someone else's entry as missing for editing and deleting", async () => {
      const logged = await colleague.client.request<{ logTimeSaved: Entry }>(LOG, {
        input: { minutes: 15, category: 'OTHER' },
      });
      const id = logged.data!.logTimeSaved.id;
      expect(errorCode(await reader.client.request(UPDATE, { id, input: { minutes: 1, category: 'OTHER' } }))).toBe(
        'NOT_FOUND',
      );
      expect(errorCode(await reader.client.request(DELETE, { id }))).toBe('NOT_FOUND');
      expect(errorCode(await admin.client.request(DELETE, { id }))).toBe('NOT_FOUND');
      const [row] = await t.sql<{ minutes: number }>(`select minutes from time_saved_entries where id = $1`, [id]);
      expect(row.minutes).toBe(15);
      await t.sql(`delete from time_saved_entries where user_id = $1`, [colleague.user.id]);
    });
  });

  describe('one click "saved me time"', () => {
    afterEach(() => t.sql(`delete from time_saved_entries`));

    it('logs the usual minutes, and a second click edits the same entry', async () => {
      const first = await reader.client.request<{ savedMeTime: Entry }>(SAVED, { type: 'POST', id: postId });
      expect(first.errors).toBeUndefined();
      expect(first.data!.savedMeTime).toMatchObject({
        minutes: 15,
        contentType: 'POST',
        category: 'FOUND_INFORMATION',
      });
      const second = await reader.client.request<{ savedMeTime: Entry }>(SAVED, {
        type: 'POST',
        id: postId,
        minutes: 30,
      });
      expect(second.data!.savedMeTime).toMatchObject({ id: first.data!.savedMeTime.id, minutes: 30 });
      expect(await count(reader.user.id)).toBe(1);
      // Logging the same content through the form is refused: the click's entry is the one to change.
      const again = await reader.client.request(LOG, {
        input: { minutes: 10, category: 'OTHER', contentType: 'POST', contentId: postId },
      });
      expect(errorCode(again)).toBe('CONFLICT');
      expect(await count(reader.user.id)).toBe(1);
    });

    it('makes one entry of a concurrent double click', async () => {
      const responses = await Promise.all([
        reader.client.request<{ savedMeTime: Entry }>(SAVED, { type: 'POST', id: postId }),
        reader.client.request<{ savedMeTime: Entry }>(SAVED, { type: 'POST', id: postId }),
        reader.client.request<{ savedMeTime: Entry }>(SAVED, { type: 'POST', id: postId }),
      ]);
      for (const response of responses) expect(response.errors).toBeUndefined();
      expect(new Set(responses.map((r) => r.data!.savedMeTime.id)).size).toBe(1);
      expect(await count(reader.user.id)).toBe(1);
    });

    it('uses the defaults the person set, and refuses out-of-range minutes', async () => {
      const set = await reader.client.request(DEFAULTS, { minutes: 30, category: 'REUSED_CONTENT' });
      expect(set.data).toEqual({ setTimeSavedDefaults: { minutes: 30, category: 'REUSED_CONTENT' } });
      expect(errorCode(await reader.client.request(DEFAULTS, { minutes: 481, category: 'OTHER' }))).toBe(
        'BAD_USER_INPUT',
      );
      const click = await reader.client.request<{ savedMeTime: Entry }>(SAVED, { type: 'COMMENT', id: commentId });
      expect(click.data!.savedMeTime).toMatchObject({
        minutes: 30,
        category: 'REUSED_CONTENT',
        contentType: 'COMMENT',
      });
      expect(errorCode(await reader.client.request(SAVED, { type: 'POST', id: postId, minutes: 0 }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await reader.client.request(SAVED, { type: 'POST', id: postId, minutes: 481 }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(await count(reader.user.id)).toBe(1);
      await reader.client.request(DEFAULTS, { minutes: 15, category: 'FOUND_INFORMATION' });
    });

    it('can be undone within 60 seconds only, by its author only', async () => {
      clock.setNow(new Date('2026-05-04T10:00:00Z'));
      const click = await reader.client.request<{ savedMeTime: Entry }>(SAVED, { type: 'POST', id: postId });
      const id = click.data!.savedMeTime.id;
      expect(errorCode(await colleague.client.request(UNDO, { id }))).toBe('NOT_FOUND');
      clock.setNow(new Date('2026-05-04T10:01:00Z'));
      expect((await reader.client.request(UNDO, { id })).data).toEqual({ undoSavedMeTime: id });
      expect(await count(reader.user.id)).toBe(0);

      clock.setNow(new Date('2026-05-04T10:02:00Z'));
      const later = await reader.client.request<{ savedMeTime: Entry }>(SAVED, { type: 'POST', id: postId });
      clock.setNow(new Date('2026-05-04T10:03:01Z'));
      const late = await reader.client.request(UNDO, { id: later.data!.savedMeTime.id });
      expect(errorCode(late)).toBe('CONFLICT');
      expect(late.errors![0].extensions!.reason).toBe('timeSavedUndoExpired');
      expect(await count(reader.user.id)).toBe(1);
    });

    it('shows per-content counters to every reader, in one query for a page, and authors their most helpful content', async () => {
      await reader.client.request(SAVED, { type: 'POST', id: postId, minutes: 30 });
      await colleague.client.request(SAVED, { type: 'POST', id: postId, minutes: 45 });
      await colleague.client.request(SAVED, { type: 'COMMENT', id: commentId, minutes: 10 });

      const counter = await outsider.client.request(COUNTER, { type: 'POST', id: postId });
      expect(counter.data).toEqual({ contentTimeSaved: { totalMinutes: 75, people: 2, mine: null, myEntryId: null } });
      const many = await colleague.client.request<{
        timeSavedCounters: { contentId: string; totalMinutes: number; mine: number | null }[];
      }>(`query ($ids: [ID!]!) { timeSavedCounters(contentIds: $ids) { contentId totalMinutes mine } }`, {
        ids: [postId, commentId, privatePostId, 'nope'],
      });
      // Content the viewer cannot read is left out, not counted.
      expect(many.data!.timeSavedCounters).toEqual([
        { contentId: postId, totalMinutes: 75, mine: 45 },
        { contentId: commentId, totalMinutes: 10, mine: 10 },
      ]);
      expect(errorCode(await outsider.client.request(COUNTER, { type: 'POST', id: privatePostId }))).toBe('NOT_FOUND');

      let view: { post: { timeSaved: unknown; comments: { timeSaved: unknown }[] } } | undefined;
      const { statements } = await countQueries(async () => {
        view = (await reader.client.request<NonNullable<typeof view>>(POST_COUNTERS, { id: postId })).data!;
      });
      expect(view!.post.timeSaved).toEqual({ totalMinutes: 75, people: 2, mine: 30 });
      expect(view!.post.comments[0].timeSaved).toEqual({ totalMinutes: 10, people: 1, mine: null });
      // One batched statement per level of the tree (the post, then all its comments), not one per item.
      expect(statements.filter((sql) => sql.includes('from time_saved_entries where content_id')).length).toBe(2);

      const helpful = await author.client.request<{
        myHelpfulContent: {
          contentId: string;
          rootId: string;
          excerpt: string;
          totalMinutes: number;
          people: number;
        }[];
      }>(HELPFUL);
      expect(helpful.data!.myHelpfulContent).toEqual([
        expect.objectContaining({
          contentId: postId,
          rootId: postId,
          totalMinutes: 75,
          people: 2,
          excerpt: 'Le kit presse DS4 est prêt',
        }),
        expect.objectContaining({ contentId: commentId, rootId: postId, totalMinutes: 10, people: 1 }),
      ]);
    });
  });

  describe('who sees whose entries', () => {
    beforeAll(async () => {
      await reader.client.request(LOG, { input: { minutes: 20, category: 'OTHER' } });
      await outsider.client.request(LOG, { input: { minutes: 35, category: 'OTHER' } });
    });
    afterAll(() => t.sql(`delete from time_saved_entries`));

    it('a marketer sees their own entries and is refused anybody else’s or a team’s', async () => {
      const own = await reader.client.request<{
        timeSavedEntries: { totalMinutes: number; nodes: { user: { id: string } }[] };
      }>(ENTRIES, {});
      expect(own.data!.timeSavedEntries.totalMinutes).toBe(20);
      expect(own.data!.timeSavedEntries.nodes.every((n) => n.user.id === reader.user.id)).toBe(true);
      expect(errorCode(await reader.client.request(ENTRIES, { filter: { userId: outsider.user.id } }))).toBe(
        'FORBIDDEN',
      );
      expect(errorCode(await reader.client.request(ENTRIES, { filter: { teamId: teamA } }))).toBe('FORBIDDEN');
    });

    it('a manager sees the entries of their teams only', async () => {
      const all = await managerA.client.request<{
        timeSavedEntries: { totalMinutes: number; nodes: { user: { id: string } }[] };
      }>(ENTRIES, {});
      expect(all.data!.timeSavedEntries.nodes.map((n) => n.user.id)).toEqual([reader.user.id]);
      const ofReader = await managerA.client.request<{ timeSavedEntries: { totalMinutes: number } }>(ENTRIES, {
        filter: { userId: reader.user.id, teamId: teamA },
      });
      expect(ofReader.data!.timeSavedEntries.totalMinutes).toBe(20);
      expect(errorCode(await managerA.client.request(ENTRIES, { filter: { teamId: teamB } }))).toBe('FORBIDDEN');
      expect(errorCode(await managerA.client.request(ENTRIES, { filter: { userId: outsider.user.id } }))).toBe(
        'FORBIDDEN',
      );
    });

    it('an admin sees everyone’s', async () => {
      const all = await admin.client.request<{ timeSavedEntries: { totalMinutes: number } }>(ENTRIES, {});
      expect(all.data!.timeSavedEntries.totalMinutes).toBe(55);
      const ofB = await admin.client.request<{ timeSavedEntries: { totalMinutes: number } }>(ENTRIES, {
        filter: { teamId: teamB },
      });
      expect(ofB.data!.timeSavedEntries.totalMinutes).toBe(35);
    });

    it('a customer is refused everything here, and nothing is written', async () => {
      const before = await count();
      const calls: [string, Record<string, unknown>][] = [
        [LOG, { input: { minutes: 10, category: 'OTHER' } }],
        [SAVED, { type: 'POST', id: postId }],
        [DEFAULTS, { minutes: 10, category: 'OTHER' }],
        [UNDO, { id: '00000000-0000-4000-8000-000000000000' }],
        [UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { minutes: 1, category: 'OTHER' } }],
        [DELETE, { id: '00000000-0000-4000-8000-000000000000' }],
        [MINE, {}],
        [SUMMARY, {}],
        [ENTRIES, {}],
        [COUNTER, { type: 'POST', id: postId }],
        [HELPFUL, {}],
      ];
      for (const [query, variables] of calls) {
        expect(errorCode(await customer.client.request(query, variables))).toBe('FORBIDDEN');
      }
      expect(await count()).toBe(before);
      expect(await t.sql(`select 1 from time_saved_preferences where user_id = $1`, [customer.user.id])).toEqual([]);
    });
  });
});
