import type { Actor } from '@atelier/domain';
import { CommentsService } from '../src/comments/comments.service';
import { PostsService } from '../src/posts/posts.service';
import { ReactionsService } from '../src/reactions/reactions.service';
import { SpacesService } from '../src/spaces/spaces.service';
import { User } from '../src/users/user.entity';
import { countQueries } from './support/query-counter';
import { errorCode, GqlClient, startTestApp, TestApp } from './support/test-app';

const FEED = `query ($spaceId: ID, $first: Int, $after: String) {
  feed(spaceId: $spaceId, first: $first, after: $after) {
    edges { cursor node { id body pinned space { id name viewerIsMember } author { id displayName } commentCount
      reactions { total kinds { kind count viewerReacted } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The fields of the web's PostCard fragment (apps/web/src/graphql/operations/social.graphql). */
const CARD = `{ id body bodyHtml createdAt editedAt deletedAt pinned commentCount
  author { id displayName } space { id name owner { id } }
  reactions { targetId total kinds { kind count viewerReacted } }
  attachments { id kind mimeType sizeBytes originalName width height url }
  linkedBrief { id readable title status } }`;

const CARD_FEED = `query ($first: Int) {
  feed(first: $first) { edges { cursor node ${CARD} } pageInfo { hasNextPage endCursor } }
}`;

interface CardNode {
  commentCount: number;
  author: { displayName: string };
  space: { owner: { id: string } | null };
  reactions: { kinds: unknown[] };
}

interface FeedPage {
  feed: {
    edges: {
      cursor: string;
      node: { id: string; pinned: boolean; commentCount: number; author: { id: string }; reactions: { total: number } };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const actor = (user: User): Actor => ({ id: user.id, role: user.role, active: true });

describe('feed', () => {
  let t: TestApp;
  let viewer: { user: User; client: GqlClient };
  let writer: User;
  let openId: string;
  let hiddenId: string;

  const post = async (body: string, spaceId = openId, who = writer) =>
    (await t.app.get(PostsService).create(actor(who), spaceId, body)).id;

  const readAll = async (client: GqlClient, spaceId: string | null, first: number, between?: () => Promise<void>) => {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages += 1) {
      const response: { data?: FeedPage | null; errors?: unknown } = await client.request<FeedPage>(FEED, {
        spaceId,
        first,
        after,
      });
      expect(response.errors).toBeUndefined();
      const { edges, pageInfo } = response.data!.feed;
      ids.push(...edges.map((edge) => edge.node.id));
      if (!pageInfo.hasNextPage) return ids;
      after = pageInfo.endCursor;
      if (between) await between();
    }
    throw new Error('the feed never ended');
  };

  beforeAll(async () => {
    t = await startTestApp();
    viewer = await t.signedIn('MARKETER');
    writer = await t.createUser('MARKETER');
    const spaces = t.app.get(SpacesService);
    openId = (await spaces.create(actor(writer), { name: 'Open', description: '', visibility: 'OPEN' })).id;
    hiddenId = (await spaces.create(actor(writer), { name: 'Hidden', description: '', visibility: 'PRIVATE' })).id;
  });
  afterAll(() => t.close());

  it('shows on the home feed every readable post, newest first, and nothing from private spaces the viewer is not in', async () => {
    const first = await post('one');
    const secret = await post('secret', hiddenId);
    const second = await post('two');
    const deleted = await post('gone');
    await t.app.get(PostsService).delete(actor(writer), deleted);
    const ids = await readAll(viewer.client, null, 10);
    expect(ids).toEqual([second, first]);
    expect(ids).not.toContain(secret);
    // The writer, a member of the private space, sees it.
    const writerClient = t.client();
    await writerClient.signIn(writer.email);
    expect(await readAll(writerClient, null, 10)).toEqual([second, secret, first]);
  });

  it("puts pinned posts first in a space's feed, then the newest", async () => {
    const spaceId = (
      await t.app.get(SpacesService).create(actor(writer), { name: 'Pins', description: '', visibility: 'OPEN' })
    ).id;
    const a = await post('a', spaceId);
    const b = await post('b', spaceId);
    const c = await post('c', spaceId);
    const d = await post('d', spaceId);
    await t.app.get(PostsService).pin(actor(writer), b, true);
    await t.app.get(PostsService).pin(actor(writer), a, true);
    expect(await readAll(viewer.client, spaceId, 1)).toEqual([b, a, d, c]);
    expect(await readAll(viewer.client, spaceId, 3)).toEqual([b, a, d, c]);
    // The home feed ignores pins.
    expect((await readAll(viewer.client, null, 50)).slice(0, 4)).toEqual([d, c, b, a]);
  });

  it("gives a space's member count when the feed asks for it, and never a card's space without it elsewhere", async () => {
    const postId = await post('counted');
    const asked = await viewer.client.request<{
      feed: { edges: { node: { id: string; space: { id: string; memberCount: number } } }[] };
      space: { memberCount: number };
    }>(
      `query ($spaceId: ID!) {
        feed(first: 1) { edges { node { id space { id memberCount } } } }
        space(id: $spaceId) { memberCount }
      }`,
      { spaceId: openId },
    );
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.feed.edges[0].node.id).toBe(postId);
    expect(asked.data!.feed.edges[0].node.space.memberCount).toBe(asked.data!.space.memberCount);
    // The feed leaves the count out when not asked; the same space read through another post still has it.
    const mixed = await viewer.client.request<{ post: { space: { memberCount: number } } }>(
      `query ($postId: ID!) {
        feed(first: 1) { edges { node { id space { id name } } } }
        post(id: $postId) { space { memberCount } }
      }`,
      { postId },
    );
    expect(mixed.errors).toBeUndefined();
    expect(mixed.data!.post.space.memberCount).toBe(asked.data!.space.memberCount);
  });

  it('answers a card in the feed as it answers the post read alone', async () => {
    // The feed answers from what its one statement read (readWithPost), the post alone from the loaders.
    const postId = await post('the same card both ways');
    await t.app.get(CommentsService).add(actor(viewer.user), postId, 'a comment');
    await t.app.get(ReactionsService).toggle(actor(viewer.user), postId, 'LIKE');
    await t.app.get(ReactionsService).toggle(actor(writer), postId, 'CELEBRATE');
    const response = await viewer.client.request<{ feed: { edges: { node: { id: string } }[] }; post: unknown }>(
      `query ($postId: ID!) { feed(first: 1) { edges { node ${CARD} } } post(id: $postId) ${CARD} }`,
      { postId },
    );
    expect(response.errors).toBeUndefined();
    const fromFeed = response.data!.feed.edges[0].node;
    expect(fromFeed).toMatchObject({
      id: postId,
      commentCount: 1,
      author: { id: writer.id },
      space: { id: openId, owner: { id: writer.id } },
      reactions: { total: 2 },
      linkedBrief: null,
    });
    expect(fromFeed).toEqual(response.data!.post);
  });

  it("answers a private space's feed read by a non-member as NOT_FOUND", async () => {
    const response = await viewer.client.request(FEED, { spaceId: hiddenId });
    expect(errorCode(response)).toBe('NOT_FOUND');
    expect(JSON.stringify(response)).not.toMatch(/secret|Hidden/);
  });

  it('refuses the feed to a customer', async () => {
    const { client } = await t.signedIn('CUSTOMER');
    expect(errorCode(await client.request(FEED, {}))).toBe('FORBIDDEN');
    expect(errorCode(await client.request(FEED, { spaceId: openId }))).toBe('FORBIDDEN');
  });

  it('refuses a page size out of bounds and a forged cursor, with actionable messages', async () => {
    const big = await viewer.client.request(FEED, { first: 51 });
    expect(errorCode(big)).toBe('BAD_USER_INPUT');
    expect(big.errors?.[0].message).toMatch(/between 1 and 50/);
    expect(errorCode(await viewer.client.request(FEED, { first: 0 }))).toBe('BAD_USER_INPUT');
    const forged = await viewer.client.request(FEED, { after: 'not-a-cursor' });
    expect(errorCode(forged)).toBe('BAD_USER_INPUT');
    expect(forged.errors?.[0].extensions?.reason).toBe('invalidCursor');
    const injected = Buffer.from(JSON.stringify({ createdAt: "2020-01-01'; drop table posts; --", id: 'x' })).toString(
      'base64url',
    );
    expect(errorCode(await viewer.client.request(FEED, { after: injected }))).toBe('BAD_USER_INPUT');
    const badId = Buffer.from(JSON.stringify({ createdAt: '2026-01-01 10:00:00.123456+00', id: 'x' })).toString(
      'base64url',
    );
    expect(errorCode(await viewer.client.request(FEED, { after: badId }))).toBe('BAD_USER_INPUT');
  });

  it('returns every post exactly once across pages while new posts are written between fetches', async () => {
    const spaceId = (
      await t.app.get(SpacesService).create(actor(writer), { name: 'Busy', description: '', visibility: 'OPEN' })
    ).id;
    const existing: string[] = [];
    for (let i = 0; i < 23; i += 1) existing.push(await post(`post ${i}`, spaceId));
    await t.app.get(PostsService).pin(actor(writer), existing[5], true);
    let written = 0;
    const between = async () => {
      written += 1;
      await post(`written meanwhile ${written}`, spaceId);
      await post(`written meanwhile elsewhere ${written}`);
    };
    for (const target of [spaceId, null]) {
      const ids = await readAll(viewer.client, target, 4, between);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(existing));
    }
    expect(written).toBeGreaterThan(5);
  });

  it('costs the same number of SQL queries for a page of 5 posts as for a page of 50', async () => {
    const local = await startTestApp();
    try {
      const { client } = await local.signedIn('MARKETER');
      const authors = await Promise.all([0, 1, 2, 3, 4].map(() => local.createUser('MARKETER')));
      const spaces = local.app.get(SpacesService);
      const posts = local.app.get(PostsService);
      const comments = local.app.get(CommentsService);
      const reactions = local.app.get(ReactionsService);
      const spaceIds = [
        (await spaces.create(actor(authors[0]), { name: 'A', description: '', visibility: 'OPEN' })).id,
        (await spaces.create(actor(authors[1]), { name: 'B', description: '', visibility: 'OPEN' })).id,
      ];
      for (let i = 0; i < 55; i += 1) {
        const author = authors[i % authors.length];
        const id = (await posts.create(actor(author), spaceIds[i % 2], `post ${i}`)).id;
        await comments.add(actor(authors[(i + 1) % authors.length]), id, `comment on ${i}`);
        await reactions.toggle(actor(authors[(i + 2) % authors.length]), id, 'LIKE');
        if (i % 3 === 0) await reactions.toggle(actor(authors[(i + 3) % authors.length]), id, 'CELEBRATE');
      }
      const page = async (first: number) => {
        let data: FeedPage | null | undefined;
        const { count, statements } = await countQueries(async () => {
          const response = await client.request<FeedPage>(FEED, { first });
          expect(response.errors).toBeUndefined();
          data = response.data;
        });
        expect(data!.feed.edges).toHaveLength(first);
        expect(data!.feed.edges.every((edge) => edge.node.commentCount === 1 && edge.node.reactions.total >= 1)).toBe(
          true,
        );
        return { count, statements };
      };
      await page(5); // warm up (first use of the session, metadata)
      const small = await page(5);
      const large = await page(50);
      expect(large.count).toBe(small.count);
      // The session, the page with what its cards show, and the viewer's memberships (viewerIsMember).
      expect(small.count).toBe(3);
      if (process.env.SHOW_QUERIES) console.log(large.statements.join('\n---\n'));

      // What the web's post card asks: the session and ONE statement for the page (bench:feed).
      const { count } = await countQueries(async () => {
        const response = await client.request<{ feed: { edges: { node: CardNode }[] } }>(CARD_FEED, { first: 20 });
        expect(response.errors).toBeUndefined();
        const nodes = response.data!.feed.edges.map((edge) => edge.node);
        expect(nodes).toHaveLength(20);
        expect(nodes.every((node) => node.commentCount === 1 && node.reactions.kinds.length === 4)).toBe(true);
        expect(nodes.every((node) => node.space.owner?.id && node.author.displayName)).toBe(true);
      });
      expect(count).toBe(2);
    } finally {
      await local.close();
    }
    // 55 posts with comments and reactions written through the services first.
  }, 120_000);
});
