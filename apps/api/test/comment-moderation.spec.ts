import { expectOk, joinAsNewCustomer, openThread, OPS, submitProposal } from './co-creation-fixtures';
import { errorCode, GqlClient, startTestApp, TestApp } from './support/test-app';

const HIDE = `mutation ($id: ID!, $reason: String!) { hideComment(id: $id, reason: $reason) { id hidden hiddenReason } }`;
const UNHIDE = `mutation ($id: ID!) { unhideComment(id: $id) { id hidden } }`;
const COMMENTS = `query ($id: ID!) { proposal(id: $id) { commentCount comments { id body hidden hiddenReason } } }`;
const REACT = `mutation ($id: ID!) { react(targetId: $id, kind: LIKE) { total } }`;
const NOTIFICATIONS = `query { notifications(first: 20) { edges { node { kind target { id } } } } }`;

interface Comments {
  proposal: {
    commentCount: number;
    comments: { id: string; body: string; hidden: boolean; hiddenReason: string | null }[];
  };
}

/** Staff hide a comment with a reason in a co-creation thread; its author is told and still sees it. */
describe('comment moderation', () => {
  let t: TestApp;
  let staff: GqlClient;
  let author: { client: GqlClient; id: string };
  let otherCustomer: { client: GqlClient; id: string };
  let proposalId: string;

  beforeAll(async () => {
    t = await startTestApp();
    staff = (await t.signedIn('MARKETER')).client;
    const threadId = await openThread(staff);
    author = await joinAsNewCustomer(t, staff, threadId);
    otherCustomer = await joinAsNewCustomer(t, staff, threadId);
    proposalId = await submitProposal(otherCustomer.client, threadId);
  });
  afterAll(async () => {
    await t?.close();
  });

  const addComment = async (client: GqlClient, body: string) =>
    expectOk(
      await client.request<{ addComment: { id: string } }>(OPS.addComment, { input: { targetId: proposalId, body } }),
    ).addComment.id;

  it('hides a comment from other customers, keeps it for staff and its author with the reason, and tells the author', async () => {
    const id = await addComment(author.client, 'Un lien vers un concurrent');
    const hidden = expectOk(
      await staff.request<{ hideComment: { hidden: boolean; hiddenReason: string } }>(HIDE, {
        id,
        reason: 'Publicité pour une autre marque',
      }),
    );
    expect(hidden.hideComment).toMatchObject({ hidden: true, hiddenReason: 'Publicité pour une autre marque' });

    const seenByOther = expectOk(await otherCustomer.client.request<Comments>(COMMENTS, { id: proposalId }));
    expect(seenByOther.proposal.comments.map((comment) => comment.id)).not.toContain(id);
    expect(JSON.stringify(seenByOther)).not.toMatch(/concurrent|Publicité/);
    // Nor can they reach it by id.
    expect(errorCode(await otherCustomer.client.request(REACT, { id }))).toBe('NOT_FOUND');

    const seenByAuthor = expectOk(await author.client.request<Comments>(COMMENTS, { id: proposalId }));
    expect(seenByAuthor.proposal.comments.find((comment) => comment.id === id)).toMatchObject({
      hidden: true,
      hiddenReason: 'Publicité pour une autre marque',
    });
    const seenByStaff = expectOk(await staff.request<Comments>(COMMENTS, { id: proposalId }));
    expect(seenByStaff.proposal.comments.find((comment) => comment.id === id)?.body).toBe('Un lien vers un concurrent');

    const told = expectOk(
      await author.client.request<{ notifications: { edges: { node: { kind: string; target: { id: string } } }[] } }>(
        NOTIFICATIONS,
      ),
    );
    expect(told.notifications.edges.map((edge) => edge.node)).toContainEqual({
      kind: 'COMMENT_HIDDEN',
      target: { id },
    });

    expectOk(await staff.request(UNHIDE, { id }));
    const back = expectOk(await otherCustomer.client.request<Comments>(COMMENTS, { id: proposalId }));
    expect(back.proposal.comments.map((comment) => comment.id)).toContain(id);
  });

  it('refuses customers, and a hide without a reason, writing nothing', async () => {
    const id = await addComment(otherCustomer.client, 'Bonne idée');
    const byCustomer = await author.client.request(HIDE, { id, reason: 'Je ne suis pas d’accord' });
    expect(errorCode(byCustomer)).toBe('FORBIDDEN');
    const noReason = await staff.request(HIDE, { id, reason: '   ' });
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect(await t.sql('select hidden_at from comments where id = $1', [id])).toEqual([{ hidden_at: null }]);
  });

  it('leaves moderation of colleagues’ comments in spaces to administrators', async () => {
    const CREATE_SPACE = `mutation { createSpace(input: { name: "Équipe", description: "", visibility: OPEN }) { id } }`;
    const spaceId = expectOk(await staff.request<{ createSpace: { id: string } }>(CREATE_SPACE)).createSpace.id;
    const postId = expectOk(
      await staff.request<{ createPost: { id: string } }>(
        `mutation ($s: ID!) { createPost(input: { spaceId: $s, body: "Bonjour" }) { id } }`,
        { s: spaceId },
      ),
    ).createPost.id;
    const colleague = await t.signedIn('MANAGER');
    const commentId = expectOk(
      await colleague.client.request<{ addComment: { id: string } }>(OPS.addComment, {
        input: { targetId: postId, body: 'Hors sujet' },
      }),
    ).addComment.id;
    expect(errorCode(await staff.request(HIDE, { id: commentId, reason: 'Hors sujet' }))).toBe('FORBIDDEN');
    const admin = await t.signedIn('ADMIN');
    expect(
      expectOk(
        await admin.client.request<{ hideComment: { hidden: boolean } }>(HIDE, { id: commentId, reason: 'Hors sujet' }),
      ).hideComment.hidden,
    ).toBe(true);
  });
});
