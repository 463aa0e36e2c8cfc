import type { ChildProcess } from 'node:child_process';
import { LiveGateway } from '../src/live/live.gateway';
import { UsersService } from '../src/users/users.service';
import { LiveClient, QUIET_MS, sleep } from './support/live-client';
import { startRedis, stopRedis } from './support/redis';
import { GqlClient, startTestApp, TestApp } from './support/test-app';

const CREATE_SPACE = `mutation ($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`;
const CREATE_POST = `mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }`;
const ADD_MEMBER = `mutation ($spaceId: ID!, $userId: ID!) { addSpaceMember(spaceId: $spaceId, userId: $userId) { id } }`;
const REMOVE_MEMBER = `mutation ($spaceId: ID!, $userId: ID!) { removeSpaceMember(spaceId: $spaceId, userId: $userId) { id } }`;
const ADD_COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id } }`;
const REACT = `mutation ($targetId: ID!) { react(targetId: $targetId, kind: LIKE) { total } }`;
const EDIT_COMMENT = `mutation ($id: ID!, $body: String!) { editComment(id: $id, body: $body) { id } }`;
const DELETE_COMMENT = `mutation ($id: ID!) { deleteComment(id: $id) { id } }`;
const EDIT_POST = `mutation ($id: ID!, $body: String!) { editPost(id: $id, body: $body) { id } }`;
const DELETE_POST = `mutation ($id: ID!) { deletePost(id: $id) { id } }`;
const SIGN_OUT = `mutation { signOut }`;
const DEACTIVATE = `mutation ($id: ID!) { deactivateUser(id: $id) { id } }`;

async function request<T>(client: GqlClient, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await client.request<T>(query, variables);
  if (response.errors) throw new Error(`${query}: ${response.errors[0].message}`);
  return response.data!;
}

const createSpace = async (client: GqlClient, visibility: 'OPEN' | 'PRIVATE', name = `Space ${Math.random()}`) =>
  (
    await request<{ createSpace: { id: string } }>(client, CREATE_SPACE, {
      input: { name, description: '', visibility },
    })
  ).createSpace.id;

const createPost = async (client: GqlClient, spaceId: string, body = 'Hello') =>
  (await request<{ createPost: { id: string } }>(client, CREATE_POST, { input: { spaceId, body } })).createPost.id;

describe('live updates', () => {
  let t: TestApp;
  const sockets: LiveClient[] = [];
  const open = async (client: GqlClient) => {
    const live = await LiveClient.open(t.baseUrl, client);
    sockets.push(live);
    return live;
  };

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(() => t.close());

  it('delivers post.created exactly once to another staff member reading the open space, ids only', async () => {
    const author = await t.signedIn('MARKETER');
    const reader = await t.signedIn('MARKETER');
    const spaceId = await createSpace(author.client, 'OPEN');
    const readerSocket = await open(reader.client);
    const authorSocket = await open(author.client);

    const postId = await createPost(author.client, spaceId, 'Campaign brief is out');

    await readerSocket.expectExactly('post.created', { postId });
    expect(readerSocket.of('post.created')).toEqual([{ postId, spaceId }]);
    await authorSocket.expectExactly('post.created', { postId });
  });

  it('puts staff connections in the room of an open space created after they connected', async () => {
    const author = await t.signedIn('MARKETER');
    const reader = await t.signedIn('MANAGER');
    const readerSocket = await open(reader.client);
    const spaceId = await createSpace(author.client, 'OPEN');
    const postId = await createPost(author.client, spaceId);
    await readerSocket.expectExactly('post.created', { postId, spaceId });
  });

  it('delivers post, comment and reaction events with ids only', async () => {
    const author = await t.signedIn('MARKETER');
    const reader = await t.signedIn('MARKETER');
    const spaceId = await createSpace(author.client, 'OPEN');
    const postId = await createPost(author.client, spaceId);
    const readerSocket = await open(reader.client);

    const commentId = (
      await request<{ addComment: { id: string } }>(author.client, ADD_COMMENT, {
        input: { targetId: postId, body: 'First!' },
      })
    ).addComment.id;
    await readerSocket.expectExactly('comment.created', { commentId });
    const onPost = { rootType: 'POST', rootId: postId, scopeType: 'SPACE', scopeId: spaceId, postId, spaceId };
    expect(readerSocket.of('comment.created')).toEqual([
      { commentId, parentId: null, targetType: 'POST', targetId: postId, ...onPost },
    ]);

    await request(author.client, REACT, { targetId: commentId });
    await readerSocket.expectExactly('reaction.changed', { targetId: commentId });
    expect(readerSocket.of('reaction.changed')).toEqual([{ targetId: commentId, targetType: 'COMMENT', ...onPost }]);

    const replyId = (
      await request<{ addComment: { id: string } }>(author.client, ADD_COMMENT, {
        input: { targetId: postId, body: 'A reply', parentId: commentId },
      })
    ).addComment.id;
    await readerSocket.expectExactly('comment.created', { commentId: replyId, parentId: commentId });
    await request(author.client, EDIT_COMMENT, { id: replyId, body: 'A better reply' });
    await readerSocket.expectExactly('comment.updated', { commentId: replyId, postId, spaceId, parentId: commentId });
    await request(author.client, DELETE_COMMENT, { id: replyId });
    await readerSocket.expectExactly('comment.deleted', { commentId: replyId, postId, spaceId, parentId: commentId });

    await request(author.client, EDIT_POST, { id: postId, body: 'Edited' });
    await readerSocket.expectExactly('post.updated', { postId, spaceId });
    await request(author.client, DELETE_POST, { id: postId });
    await readerSocket.expectExactly('post.deleted', { postId, spaceId });
    // Nothing but ids, whatever the event.
    for (const { payload } of readerSocket.received) {
      expect(
        Object.keys(payload).every((key) =>
          [
            'postId',
            'spaceId',
            'commentId',
            'parentId',
            'targetId',
            'targetType',
            'rootId',
            'rootType',
            'scopeId',
            'scopeType',
          ].includes(key),
        ),
      ).toBe(true);
    }
  });

  it('refuses a connection without a session, with a garbage cookie, or from another site', async () => {
    const none = new LiveClient(t.baseUrl);
    sockets.push(none);
    expect((await none.refused()).message).toBe('unauthenticated');

    const garbage = new LiveClient(t.baseUrl, { cookie: 'atelier_sid=not-a-session' });
    sockets.push(garbage);
    expect((await garbage.refused()).message).toBe('unauthenticated');

    const { client } = await t.signedIn('MARKETER');
    const elsewhere = new LiveClient(t.baseUrl, { cookie: client.cookie!, origin: 'https://evil.example' });
    sockets.push(elsewhere);
    expect((await elsewhere.refused()).message).toBe('forbiddenOrigin');
  });

  it("sends a customer nothing of a space's activity", async () => {
    const author = await t.signedIn('MARKETER');
    const customer = await t.signedIn('CUSTOMER');
    const spaceId = await createSpace(author.client, 'OPEN');
    const customerSocket = await open(customer.client);
    const staffSocket = await open((await t.signedIn('MARKETER')).client);

    const postId = await createPost(author.client, spaceId);
    await staffSocket.expectExactly('post.created', { postId });
    expect(customerSocket.received).toEqual([]);
  });

  it('follows a role change: a customer made marketer starts receiving open spaces', async () => {
    const author = await t.signedIn('MARKETER');
    const customer = await t.signedIn('CUSTOMER');
    const spaceId = await createSpace(author.client, 'OPEN');
    const socket = await open(customer.client);
    await t.app.get(UsersService).update(customer.user.id, { role: 'MARKETER' });
    const postId = await createPost(author.client, spaceId);
    await socket.expectExactly('post.created', { postId });
  });

  it('stops sending a private space to a member removed from it, at once', async () => {
    const owner = await t.signedIn('MARKETER');
    const member = await t.signedIn('MARKETER');
    const outsider = await t.signedIn('MARKETER');
    const spaceId = await createSpace(owner.client, 'PRIVATE');
    const memberSocket = await open(member.client);
    const outsiderSocket = await open(outsider.client);

    // Added after connecting: the connection joins the room at once.
    await request(owner.client, ADD_MEMBER, { spaceId, userId: member.user.id });
    const before = await createPost(owner.client, spaceId, 'for members');
    await memberSocket.expectExactly('post.created', { postId: before });

    await request(owner.client, REMOVE_MEMBER, { spaceId, userId: member.user.id });
    const after = await createPost(owner.client, spaceId, 'not for former members');
    await sleep(QUIET_MS);
    expect(memberSocket.of('post.created').map((payload) => payload.postId)).toEqual([before]);
    expect(outsiderSocket.received).toEqual([]);
    expect(after).toBeDefined();
  });

  it('disconnects the sockets of a session at sign-out, and leaves the other sessions connected', async () => {
    const { user, client } = await t.signedIn('MARKETER');
    const other = t.client();
    await other.signIn(user.email);
    const socket = await open(client);
    const otherSocket = await open(other);

    await request(client, SIGN_OUT);
    expect(await socket.waitDisconnected()).toBe('io server disconnect');
    await sleep(QUIET_MS);
    expect(otherSocket.socket.connected).toBe(true);
  });

  it('disconnects every socket of a deactivated user at once', async () => {
    const admin = await t.signedIn('ADMIN');
    const { user, client } = await t.signedIn('MARKETER');
    const socket = await open(client);
    await request(admin.client, DEACTIVATE, { id: user.id });
    expect(await socket.waitDisconnected()).toBe('io server disconnect');
  });

  it('closes, at the periodic check, a socket whose session ended otherwise', async () => {
    const { user, client } = await t.signedIn('MARKETER');
    const socket = await open(client);
    await t.sql('delete from sessions where user_id = $1', [user.id]);
    await t.app.get(LiveGateway).recheckSessions();
    expect(await socket.waitDisconnected()).toBe('io server disconnect');
  });
});

describe.each(['Redis', 'PostgreSQL'] as const)('live updates across instances (%s adapter)', (adapter) => {
  let redis: { url: string; process: ChildProcess } | undefined;
  let a: TestApp | undefined;
  let b: TestApp | undefined;
  const sockets: LiveClient[] = [];

  beforeAll(async () => {
    // Without REDIS_URL, the instances talk through PostgreSQL (LISTEN/NOTIFY on their database).
    redis = adapter === 'Redis' ? await startRedis() : undefined;
    const env: Record<string, string> = redis ? { REDIS_URL: redis.url } : {};
    a = await startTestApp(env);
    b = await startTestApp(env, { databaseUrl: a.databaseUrl });
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await stopRedis(redis);
  });

  it('delivers a post made through instance A exactly once to a socket on instance B', async () => {
    const author = await a!.signedIn('MARKETER');
    const reader = await a!.signedIn('MARKETER');
    const spaceId = await createSpace(author.client, 'OPEN');
    // Sessions live in the database: the reader's cookie opens a socket on B.
    const onA = await LiveClient.open(a!.baseUrl, author.client);
    const onB = await LiveClient.open(b!.baseUrl, reader.client);
    sockets.push(onA, onB);

    const postId = await createPost(author.client, spaceId, 'across instances');
    await onB.expectExactly('post.created', { postId, spaceId });
    await onA.expectExactly('post.created', { postId, spaceId });
  });

  it('moves and closes sockets on another instance: private membership and sign-out', async () => {
    const owner = await a!.signedIn('MARKETER');
    const member = await a!.signedIn('MARKETER');
    const spaceId = await createSpace(owner.client, 'PRIVATE');
    const onB = await LiveClient.open(b!.baseUrl, member.client);
    sockets.push(onB);

    await request(owner.client, ADD_MEMBER, { spaceId, userId: member.user.id });
    await sleep(100); // the room change travels through the adapter
    const before = await createPost(owner.client, spaceId);
    await onB.expectExactly('post.created', { postId: before });

    await request(owner.client, REMOVE_MEMBER, { spaceId, userId: member.user.id });
    await sleep(100);
    await createPost(owner.client, spaceId);
    await sleep(QUIET_MS);
    expect(onB.of('post.created').map((payload) => payload.postId)).toEqual([before]);

    await request(member.client, SIGN_OUT);
    expect(await onB.waitDisconnected()).toBe('io server disconnect');
  });
});
