import { randomUUID } from 'node:crypto';
import { errorCode, GqlClient, startTestApp, TestApp } from './support/test-app';

const CREATE_SPACE = `mutation ($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`;
const CREATE_POST = `mutation ($input: CreatePostInput!) { createPost(input: $input) { id body } }`;
const ADD_COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id body } }`;
const REACT = `mutation ($id: ID!, $active: Boolean) { react(targetId: $id, kind: LIKE, active: $active) { total } }`;

/**
 * A client that lost an answer sends the same write again: it must be written once. Creations take
 * a client-generated id; reactions take the state wanted instead of a toggle.
 */
describe('retried writes', () => {
  let t: TestApp;
  let author: { client: GqlClient };
  let other: { client: GqlClient };
  let spaceId: string;
  let postId: string;

  beforeAll(async () => {
    t = await startTestApp();
    author = await t.signedIn('MARKETER');
    other = await t.signedIn('MARKETER');
    spaceId = (
      await author.client.request<{ createSpace: { id: string } }>(CREATE_SPACE, {
        input: { name: 'Retries', description: '', visibility: 'OPEN' },
      })
    ).data!.createSpace.id;
    postId = (
      await author.client.request<{ createPost: { id: string } }>(CREATE_POST, { input: { spaceId, body: 'Post' } })
    ).data!.createPost.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: string, where: string, params: unknown[]) =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`, params))[0].n;

  it('writes a post sent twice with the same id once, and announces it once', async () => {
    const id = randomUUID();
    const input = { spaceId, body: 'Posted once', id };
    const first = await author.client.request<{ createPost: { id: string } }>(CREATE_POST, { input });
    const again = await author.client.request<{ createPost: { id: string } }>(CREATE_POST, { input });
    expect(first.data?.createPost.id).toBe(id);
    expect(again.data?.createPost).toEqual(first.data?.createPost);
    expect(await count('posts', 'id = $1', [id])).toBe(1);
    const taken = await other.client.request(CREATE_POST, { input: { spaceId, body: 'Not mine', id } });
    expect(errorCode(taken)).toBe('CONFLICT');
    expect(await count('posts', "body = 'Not mine'", [])).toBe(0);
  });

  it('writes a comment sent twice with the same id once, and tells its readers once', async () => {
    const id = randomUUID();
    const input = { targetId: postId, body: 'Once', id };
    const first = await other.client.request<{ addComment: { id: string } }>(ADD_COMMENT, { input });
    const again = await other.client.request<{ addComment: { id: string } }>(ADD_COMMENT, { input });
    expect(first.data?.addComment.id).toBe(id);
    expect(again.data?.addComment).toEqual(first.data?.addComment);
    expect(await count('comments', 'id = $1', [id])).toBe(1);
    expect(await count('notifications', 'target_id = $1', [id])).toBe(1);
  });

  it("refuses an id already used by someone else's write, and a malformed id, writing nothing", async () => {
    const id = randomUUID();
    await other.client.request(ADD_COMMENT, { input: { targetId: postId, body: 'Mine', id } });
    const taken = await author.client.request(ADD_COMMENT, { input: { targetId: postId, body: 'Yours', id } });
    expect(errorCode(taken)).toBe('CONFLICT');
    expect(taken.errors?.[0].extensions?.reason).toBe('clientIdTaken');
    const malformed = await author.client.request(ADD_COMMENT, {
      input: { targetId: postId, body: 'Bad id', id: 'not-a-uuid' },
    });
    expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
    expect(await count('comments', "body in ('Yours', 'Bad id')", [])).toBe(0);
  });

  it('sets a reaction with `active` however often it is sent, where a toggle would flip', async () => {
    const first = await other.client.request<{ react: { total: number } }>(REACT, { id: postId, active: true });
    const again = await other.client.request<{ react: { total: number } }>(REACT, { id: postId, active: true });
    expect(first.data?.react.total).toBe(1);
    expect(again.data?.react.total).toBe(1);
    expect(await count('notifications', "target_id = $1 and kind = 'REACTION_ON_CONTENT'", [postId])).toBe(1);
    await other.client.request(REACT, { id: postId, active: false });
    const removedAgain = await other.client.request<{ react: { total: number } }>(REACT, {
      id: postId,
      active: false,
    });
    expect(removedAgain.data?.react.total).toBe(0);
    // Without `active`, it still toggles.
    expect((await other.client.request<{ react: { total: number } }>(REACT, { id: postId })).data?.react.total).toBe(1);
  });
});
