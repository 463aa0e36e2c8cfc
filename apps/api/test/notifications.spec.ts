import type { Actor, Role } from '@atelier/domain';
import { PostsService } from '../src/posts/posts.service';
import { SpacesService } from '../src/spaces/spaces.service';
import { UsersService } from '../src/users/users.service';
import { User } from '../src/users/user.entity';
import { errorCode, GqlClient, startTestApp, TestApp } from './support/test-app';

const CREATE_POST = `mutation ($input: CreatePostInput!) { createPost(input: $input) { id body bodyHtml } }`;
const EDIT_POST = `mutation ($id: ID!, $body: String!) { editPost(id: $id, body: $body) { id bodyHtml } }`;
const ADD_COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id bodyHtml } }`;
const EDIT_COMMENT = `mutation ($id: ID!, $body: String!) { editComment(id: $id, body: $body) { id bodyHtml } }`;
const REACT = `mutation ($id: ID!, $kind: ReactionKind!) { react(targetId: $id, kind: $kind) { total } }`;
const LIST = `query ($first: Int, $after: String) { notifications(first: $first, after: $after) {
  edges { cursor node { id kind actorCount count read createdAt actors { id displayName }
    target { type id postId spaceId excerpt } } }
  pageInfo { hasNextPage endCursor } } }`;
const COUNT = `{ unreadNotificationCount }`;
const MARK = `mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const CANDIDATES = `query ($contextId: ID!, $query: String!, $first: Int) {
  mentionCandidates(contextId: $contextId, query: $query, first: $first) { id displayName handle } }`;

interface Entry {
  id: string;
  kind: string;
  actorCount: number;
  count: number;
  read: boolean;
  actors: { id: string; displayName: string }[];
  target: { type: string; id: string; postId: string | null; spaceId: string | null; excerpt: string };
}
interface Person {
  user: User;
  client: GqlClient;
  handle: string;
}

const actor = (user: User): Actor => ({ id: user.id, role: user.role, active: true });

describe('mentions and notifications', () => {
  let t: TestApp;
  let counter = 0;
  let openId: string;
  let privateId: string;
  let owner: Person; // owns both spaces, member of the private one
  let member: Person; // member of the private one
  let outsider: Person; // staff, not in the private space

  /** A signed-in person whose handle (the part of their e-mail before the @) is predictable. */
  const person = async (role: Role = 'MARKETER', name?: string): Promise<Person> => {
    counter += 1;
    const handle = `${name ?? 'person'}.${counter}`;
    const user = await t.createUser(role, {
      email: `${handle}@atelier.test`,
      displayName: `${name ?? 'Person'} ${counter}`,
    });
    const client = t.client();
    const signIn = await client.signIn(user.email);
    if (signIn.errors) throw new Error(signIn.errors[0].message);
    return { user, client, handle };
  };

  const post = async (who: Person, body: string, spaceId = openId) => {
    const response = await who.client.request<{ createPost: { id: string; bodyHtml: string } }>(CREATE_POST, {
      input: { spaceId, body },
    });
    expect(response.errors).toBeUndefined();
    return response.data!.createPost;
  };
  const comment = async (who: Person, targetId: string, body: string, parentId?: string) => {
    const response = await who.client.request<{ addComment: { id: string; bodyHtml: string } }>(ADD_COMMENT, {
      input: { targetId, body, parentId },
    });
    expect(response.errors).toBeUndefined();
    return response.data!.addComment;
  };
  const react = async (who: Person, id: string, kind = 'LIKE') => {
    const response = await who.client.request(REACT, { id, kind });
    expect(response.errors).toBeUndefined();
  };
  /** Rows recorded, by recipient, for something. */
  const recorded = (targetId: string) =>
    t.sql<{ recipient_id: string; actor_id: string; kind: string }>(
      `select recipient_id, actor_id, kind from notifications where target_id = $1 order by created_at, id`,
      [targetId],
    );
  const list = async (who: Person, first = 20, after?: string) => {
    const response = await who.client.request<{
      notifications: {
        edges: { cursor: string; node: Entry }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(LIST, { first, after });
    expect(response.errors).toBeUndefined();
    return response.data!.notifications;
  };
  const unread = async (who: Person) =>
    (await who.client.request<{ unreadNotificationCount: number }>(COUNT)).data!.unreadNotificationCount;

  beforeAll(async () => {
    t = await startTestApp();
    owner = await person('MARKETER', 'owner');
    member = await person('MARKETER', 'member');
    outsider = await person('MARKETER', 'outsider');
    const spaces = t.app.get(SpacesService);
    openId = (await spaces.create(actor(owner.user), { name: 'Open', description: '', visibility: 'OPEN' })).id;
    privateId = (await spaces.create(actor(owner.user), { name: 'Secret', description: '', visibility: 'PRIVATE' })).id;
    await spaces.addMember(actor(owner.user), privateId, member.user.id);
  });
  afterAll(() => t.close());

  it('records a mention for the reader mentioned, links them, and tells nobody else (nor the author)', async () => {
    const reader = await person();
    const created = await post(
      owner,
      `Ask @${reader.handle.toUpperCase()}, not me (@${owner.handle}). \`@${outsider.handle}\``,
    );
    expect(created.bodyHtml).toContain(
      `<a href="/people/${reader.user.id}" class="mention">@${reader.handle.toUpperCase()}</a>`,
    );
    // The author mentioning themself links them but tells nobody; code is never a mention.
    expect(created.bodyHtml).toContain(`<code>@${outsider.handle}</code>`);
    expect(await recorded(created.id)).toEqual([
      { recipient_id: reader.user.id, actor_id: owner.user.id, kind: 'MENTION' },
    ]);
    const { edges } = await list(reader);
    expect(edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        kind: 'MENTION',
        actorCount: 1,
        read: false,
        actors: [{ id: owner.user.id, displayName: owner.user.displayName }],
        target: {
          type: 'POST',
          id: created.id,
          postId: created.id,
          spaceId: openId,
          excerpt: `Ask @${reader.handle.toUpperCase()}, not me (@${owner.handle}). @${outsider.handle}`,
        },
      }),
    ]);
    expect(await unread(reader)).toBe(1);
  });

  it('records a comment on your post for the post author, not for the commenter', async () => {
    const author = await person();
    const commenter = await person();
    const { id: postId } = await post(author, 'What do you think?');
    const own = await comment(author, postId, 'I start');
    expect(await recorded(own.id)).toEqual([]);
    const theirs = await comment(commenter, postId, 'Great');
    expect(await recorded(theirs.id)).toEqual([
      { recipient_id: author.user.id, actor_id: commenter.user.id, kind: 'COMMENT_ON_CONTENT' },
    ]);
    const [entry] = (await list(author)).edges;
    expect(entry.node).toMatchObject({
      kind: 'COMMENT_ON_CONTENT',
      target: { type: 'COMMENT', id: theirs.id, postId, spaceId: openId, excerpt: 'Great' },
    });
    expect((await list(commenter)).edges).toEqual([]);
  });

  it('records a reply for the comment author (and the comment for the post author), never for the replier', async () => {
    const author = await person();
    const commenter = await person();
    const replier = await person();
    const { id: postId } = await post(author, 'Thread');
    const top = await comment(commenter, postId, 'First');
    const reply = await comment(replier, postId, 'Answer', top.id);
    expect(await recorded(reply.id)).toEqual(
      expect.arrayContaining([
        { recipient_id: commenter.user.id, actor_id: replier.user.id, kind: 'REPLY_TO_COMMENT' },
        { recipient_id: author.user.id, actor_id: replier.user.id, kind: 'COMMENT_ON_CONTENT' },
      ]),
    );
    expect(await recorded(reply.id)).toHaveLength(2);
    // Replying to oneself tells the post author only; one person is told one thing, the most specific.
    const selfReply = await comment(commenter, postId, `Also @${author.handle}`, top.id);
    expect(await recorded(selfReply.id)).toEqual([
      { recipient_id: author.user.id, actor_id: commenter.user.id, kind: 'MENTION' },
    ]);
  });

  it('records a reaction for the content author, once, not for the reactor; taking it back removes it', async () => {
    const author = await person();
    const fan = await person();
    const { id: postId } = await post(author, 'React to me');
    await react(author, postId);
    expect(await recorded(postId)).toEqual([]);
    await react(fan, postId, 'LIKE');
    await react(fan, postId, 'CELEBRATE');
    expect(await recorded(postId)).toEqual([
      { recipient_id: author.user.id, actor_id: fan.user.id, kind: 'REACTION_ON_CONTENT' },
    ]);
    // Reactions to a comment tell the comment's author.
    const remark = await comment(fan, postId, 'A remark');
    await react(author, remark.id, 'INSIGHTFUL');
    expect((await recorded(remark.id)).filter((row) => row.kind === 'REACTION_ON_CONTENT')).toEqual([
      { recipient_id: fan.user.id, actor_id: author.user.id, kind: 'REACTION_ON_CONTENT' },
    ]);
    // One reaction of two taken back: still told; the last one taken back: the unread notification goes.
    await react(fan, postId, 'LIKE');
    expect(await recorded(postId)).toHaveLength(1);
    await react(fan, postId, 'CELEBRATE');
    expect(await recorded(postId)).toEqual([]);
  });

  it("tells nobody when mentioning someone who cannot read a private space's post, and does not link them", async () => {
    const withOutsider = await post(member, `Secret for @${outsider.handle} and @${owner.handle}`, privateId);
    const withNobody = await post(member, `Secret for @no.such.person and @${owner.handle}`, privateId);
    expect(await recorded(withOutsider.id)).toEqual([
      { recipient_id: owner.user.id, actor_id: member.user.id, kind: 'MENTION' },
    ]);
    expect(withOutsider.bodyHtml).toBe(
      `<p>Secret for @${outsider.handle} and <a href="/people/${owner.user.id}" class="mention">@${owner.handle}</a></p>\n`,
    );
    expect(withOutsider.bodyHtml).not.toContain(outsider.user.id);
    // Exactly as a handle nobody has: nothing tells whether the person exists.
    expect(withNobody.bodyHtml.replace('no.such.person', outsider.handle)).toBe(withOutsider.bodyHtml);
    expect((await list(outsider)).edges.filter((e) => e.node.target.spaceId === privateId)).toEqual([]);

    // A customer or a deactivated account is never linked nor told, even in an open space.
    const customer = await person('CUSTOMER', 'customer');
    const leaver = await person();
    await t.app.get(UsersService).setActive(leaver.user.id, false);
    const open = await post(owner, `Hi @${customer.handle} and @${leaver.handle}`);
    expect(open.bodyHtml).not.toContain('class="mention"');
    expect(await recorded(open.id)).toEqual([]);
  });

  it('hides a notification once the recipient cannot read its content any more', async () => {
    const temp = await person();
    await t.app.get(SpacesService).addMember(actor(owner.user), privateId, temp.user.id);
    const { id } = await post(owner, `For @${temp.handle}`, privateId);
    expect(await unread(temp)).toBe(1);
    await t.app.get(SpacesService).removeMember(actor(owner.user), privateId, temp.user.id);
    expect((await list(temp)).edges).toEqual([]);
    expect(await unread(temp)).toBe(0);
    expect(await recorded(id)).toHaveLength(1);
  });

  it('offers as mention candidates only the people who can read the space (private: members only)', async () => {
    const names = async (who: Person, contextId: string, query: string, first?: number) => {
      const response = await who.client.request<{ mentionCandidates: { id: string; handle: string }[] }>(CANDIDATES, {
        contextId,
        query,
        first,
      });
      expect(response.errors).toBeUndefined();
      return response.data!.mentionCandidates.map((c) => c.handle);
    };
    const customer = await person('CUSTOMER', 'owner');
    // Private: members only (the viewer aside), whatever the prefix.
    expect(await names(member, privateId, '')).toEqual([owner.handle]);
    expect(await names(member, privateId, '@OWN')).toEqual([owner.handle]);
    expect(await names(member, privateId, outsider.handle)).toEqual([]);
    // By a word of the display name, and through a post of the space.
    const secret = await post(owner, 'In the private space', privateId);
    expect(await names(owner, secret.id, 'Memb')).toEqual([member.handle]);
    // Open: every active staff member; never a customer.
    const open = await names(member, openId, 'o', 20);
    expect(open).toEqual(expect.arrayContaining([owner.handle, outsider.handle]));
    expect(open).not.toContain(customer.handle);
    expect(await names(member, openId, '%')).toEqual([]);
    const response = await member.client.request<{ mentionCandidates: { id: string; displayName: string }[] }>(
      CANDIDATES,
      { contextId: openId, query: owner.handle },
    );
    expect(response.data!.mentionCandidates).toEqual([
      { id: owner.user.id, displayName: owner.user.displayName, handle: owner.handle },
    ]);
    // Someone outside the private space cannot list its members: answered as a missing space.
    const hidden = await outsider.client.request(CANDIDATES, { contextId: privateId, query: '' });
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    expect(JSON.stringify(hidden)).not.toContain(member.handle);
    expect(errorCode(await outsider.client.request(CANDIDATES, { contextId: secret.id, query: '' }))).toBe('NOT_FOUND');
    // Customers and anonymous callers are refused.
    const refused = await customer.client.request(CANDIDATES, { contextId: openId, query: '' });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.data).toBeNull();
    expect(errorCode(await t.client().request(CANDIDATES, { contextId: openId, query: '' }))).toBe('UNAUTHENTICATED');
  });

  it('groups the unread events about one thing: three reactions to one post make one entry', async () => {
    const author = await person();
    const fans = [await person('MARKETER', 'fan'), await person('MARKETER', 'fan'), await person('MARKETER', 'fan')];
    const { id: postId } = await post(author, 'Please react');
    for (const fan of fans) await react(fan, postId);
    const first = await list(author);
    expect(first.edges).toHaveLength(1);
    expect(first.edges[0].node).toMatchObject({ kind: 'REACTION_ON_CONTENT', actorCount: 3, count: 3, read: false });
    // Latest first.
    expect(first.edges[0].node.actors.map((a) => a.id)).toEqual(fans.map((f) => f.user.id).reverse());
    expect(await unread(author)).toBe(1);

    // A fourth: still one entry, three actors shown, four counted.
    const fourth = await person();
    await react(fourth, postId);
    const [entry] = (await list(author)).edges;
    expect(entry.node.actorCount).toBe(4);
    expect(entry.node.actors.map((a) => a.id)).toEqual([fourth.user.id, fans[2].user.id, fans[1].user.id]);

    // Other things make other entries, newest first; pages follow one another.
    const { id: other } = await post(author, 'Another');
    await comment(fans[0], other, 'Hello');
    expect(await unread(author)).toBe(2);
    const page1 = await list(author, 1);
    expect(page1.edges.map((e) => e.node.kind)).toEqual(['COMMENT_ON_CONTENT']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await list(author, 1, page1.pageInfo.endCursor);
    expect(page2.edges.map((e) => e.node.kind)).toEqual(['REACTION_ON_CONTENT']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('counts unread entries and marks one, then all, read', async () => {
    const author = await person();
    const a = await person();
    const b = await person();
    const { id: p1 } = await post(author, 'One');
    const { id: p2 } = await post(author, 'Two');
    const { id: p3 } = await post(author, 'Three');
    await react(a, p1);
    await react(b, p1);
    await comment(a, p2, 'On two');
    await react(a, p3);
    expect(await unread(author)).toBe(3);
    const entries = (await list(author)).edges.map((e) => e.node);
    const reactionsToP1 = entries.find((e) => e.target.id === p1)!;

    // Someone else's ids change nothing.
    expect((await a.client.request(MARK, { ids: [reactionsToP1.id] })).data).toEqual({ markNotificationsRead: 0 });
    expect(await unread(author)).toBe(3);

    const one = await author.client.request(MARK, { ids: [reactionsToP1.id] });
    expect(one.data).toEqual({ markNotificationsRead: 2 });
    const after = (await list(author)).edges.map((e) => e.node);
    expect(after.find((e) => e.target.id === p1)).toMatchObject({ read: true, actorCount: 2 });
    expect(after.filter((e) => !e.read)).toHaveLength(2);

    // A new event about a read entry starts a new unread entry.
    const c = await person();
    await react(c, p1);
    expect(await unread(author)).toBe(3);
    expect((await list(author)).edges[0].node).toMatchObject({ target: { id: p1 }, read: false, actorCount: 1 });

    expect((await author.client.request(MARK, {})).data).toEqual({ markNotificationsRead: 0 });
    expect(await unread(author)).toBe(0);
    expect((await list(author)).edges.every((e) => e.node.read)).toBe(true);
    await react(b, p2);
    expect(await unread(author)).toBe(1);
    expect((await author.client.request(MARK, { ids: [] })).data).toEqual({ markNotificationsRead: 0 });
  });

  it('tells only the newly mentioned people when a post or a comment is edited', async () => {
    const first = await person();
    const second = await person();
    const { id } = await post(owner, `Hello @${first.handle}`);
    const edited = await owner.client.request<{ editPost: { bodyHtml: string } }>(EDIT_POST, {
      id,
      body: `Hello @${first.handle} and @${second.handle}`,
    });
    expect(edited.data!.editPost.bodyHtml).toContain(`href="/people/${second.user.id}"`);
    expect(await recorded(id)).toEqual([
      { recipient_id: first.user.id, actor_id: owner.user.id, kind: 'MENTION' },
      { recipient_id: second.user.id, actor_id: owner.user.id, kind: 'MENTION' },
    ]);
    // Removed then mentioned again: not told twice.
    await owner.client.request(EDIT_POST, { id, body: 'Hello' });
    await owner.client.request(EDIT_POST, { id, body: `Hello @${first.handle}` });
    expect(await recorded(id)).toHaveLength(2);

    const remark = await comment(first, id, 'A remark');
    const third = await person();
    const editedComment = await first.client.request<{ editComment: { bodyHtml: string } }>(EDIT_COMMENT, {
      id: remark.id,
      body: `A remark for @${third.handle}`,
    });
    expect(editedComment.data!.editComment.bodyHtml).toContain('class="mention"');
    expect(await recorded(remark.id)).toEqual([
      { recipient_id: owner.user.id, actor_id: first.user.id, kind: 'COMMENT_ON_CONTENT' },
      { recipient_id: third.user.id, actor_id: first.user.id, kind: 'MENTION' },
    ]);
  });

  it('gives a customer an empty list, and refuses anonymous callers', async () => {
    const customer = await person('CUSTOMER');
    expect((await customer.client.request(LIST, { first: 10 })).data).toEqual({
      notifications: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
    });
    expect((await customer.client.request(COUNT)).data).toEqual({ unreadNotificationCount: 0 });
    expect((await customer.client.request(MARK, {})).data).toEqual({ markNotificationsRead: 0 });
    const anonymous = t.client();
    for (const [query, variables] of [
      [LIST, {}],
      [COUNT, {}],
      [MARK, {}],
    ] as const) {
      const response = await anonymous.request(query, variables);
      expect(errorCode(response)).toBe('UNAUTHENTICATED');
      expect(response.data).toBeNull();
    }
  });

  it('refuses a bad page size or cursor', async () => {
    expect(errorCode(await owner.client.request(LIST, { first: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await owner.client.request(LIST, { first: 51 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await owner.client.request(LIST, { after: 'nonsense' }))).toBe('BAD_USER_INPUT');
  });

  describe('the groups the list reads', () => {
    const DELETE_COMMENT = `mutation ($id: ID!) { deleteComment(id: $id) { id } }`;
    interface GroupRow {
      recipient_id: string;
      group_key: string;
      unread: boolean;
      latest_id: string;
      latest_at: string;
      kind: string;
      target_id: string;
      root_id: string;
      scope_id: string;
      actor_ids: string[];
      actor_count: number;
      event_count: number;
    }
    const key = (row: Pick<GroupRow, 'recipient_id' | 'group_key' | 'unread'>) =>
      `${row.recipient_id}/${row.group_key}/${row.unread}`;

    /**
     * The groups recounted here from every notification, another way than the triggers do: rows
     * about a deleted comment left out, the latest event heads its group, the three latest actors.
     */
    const recount = async (): Promise<GroupRow[]> => {
      const rows = await t.sql<{
        id: string;
        recipient_id: string;
        group_key: string;
        unread: boolean;
        kind: string;
        actor_id: string;
        target_id: string;
        root_id: string;
        scope_id: string;
        at: string;
      }>(
        `select n.id, n.recipient_id, n.group_key, n.read_at is null as unread, n.kind, n.actor_id, n.target_id,
                n.root_id, n.scope_id, n.created_at::text as at
           from notifications n
           left join comments c on n.target_type = 'COMMENT' and c.id = n.target_id
          where n.target_type <> 'COMMENT' or (c.id is not null and c.deleted_at is null)
          order by n.created_at desc, n.id desc`,
      );
      const groups = new Map<string, typeof rows>();
      for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
      return [...groups.values()].map((events) => {
        const [head] = events;
        const actors = [...new Set(events.map((event) => event.actor_id))];
        // Events are newest first; among actors whose latest events tie, the smaller id first.
        const latest = (actor: string) => events.find((event) => event.actor_id === actor)!.at;
        actors.sort((x, y) => (latest(x) === latest(y) ? (x < y ? -1 : 1) : latest(x) > latest(y) ? -1 : 1));
        return {
          recipient_id: head.recipient_id,
          group_key: head.group_key,
          unread: head.unread,
          latest_id: head.id,
          latest_at: head.at,
          kind: head.kind,
          target_id: head.target_id,
          root_id: head.root_id,
          scope_id: head.scope_id,
          actor_ids: actors.slice(0, 3),
          actor_count: actors.length,
          event_count: events.length,
        };
      });
    };
    const stored = () =>
      t.sql<GroupRow>(
        `select recipient_id, group_key, unread, latest_id, latest_at::text as latest_at, kind, target_id, root_id,
                scope_id, actor_ids::text[] as actor_ids, actor_count, event_count
           from notification_groups`,
      );
    const expectConsistent = async () => {
      const byKey = (rows: GroupRow[]) => [...rows].sort((x, y) => (key(x) < key(y) ? -1 : 1));
      expect(byKey(await stored())).toEqual(byKey(await recount()));
    };

    it('equal a recount after notify, deleted comments, reactions taken back, mark read and mark all read', async () => {
      const author = await person();
      const fans = [await person(), await person(), await person(), await person()];
      const { id: postId } = await post(author, 'Le nouveau DS4 arrive en concession');
      const comments = [];
      for (const fan of fans) comments.push(await comment(fan, postId, `Essai réservé par ${fan.handle}`));
      await comment(fans[0], postId, 'Et un deuxième avis');
      await comment(fans[3], postId, `Une question pour @${author.handle}`);
      await comment(author, postId, 'Merci à tous', comments[1].id);
      for (const fan of fans.slice(0, 3)) await react(fan, postId);
      await expectConsistent();
      const head = (await list(author)).edges.find((e) => e.node.kind === 'COMMENT_ON_CONTENT')!.node;
      expect(head).toMatchObject({ actorCount: 4, count: 5 });
      expect((await list(author)).edges.map((e) => e.node.kind).sort()).toEqual([
        'COMMENT_ON_CONTENT',
        'MENTION',
        'REACTION_ON_CONTENT',
      ]);

      // A deleted comment leaves its group (and the list); the group's head moves back.
      expect((await fans[2].client.request(DELETE_COMMENT, { id: comments[2].id })).errors).toBeUndefined();
      await expectConsistent();
      expect((await list(author)).edges.find((e) => e.node.kind === 'COMMENT_ON_CONTENT')!.node).toMatchObject({
        actorCount: 3,
        count: 4,
      });

      // A reaction taken back removes its notification.
      await react(fans[1], postId);
      await expectConsistent();
      expect((await list(author)).edges.find((e) => e.node.kind === 'REACTION_ON_CONTENT')!.node.actorCount).toBe(2);

      // Marking one entry read moves its events to the read group; a new event starts an unread one.
      expect((await author.client.request(MARK, { ids: [head.id] })).errors).toBeUndefined();
      await expectConsistent();
      await comment(fans[3], postId, 'Encore une question sur la garantie');
      await expectConsistent();

      // Several people at once: each statement recounts the group after the others committed.
      const crowd = await Promise.all(Array.from({ length: 6 }, () => person()));
      await Promise.all(crowd.map((someone) => comment(someone, postId, 'Inscrit pour la journée portes ouvertes')));
      await Promise.all(crowd.map((someone) => react(someone, postId)));
      await expectConsistent();
      expect((await list(author)).edges.find((e) => e.node.kind === 'REACTION_ON_CONTENT')!.node.actorCount).toBe(8);

      expect((await author.client.request(MARK, {})).data).toEqual({ markNotificationsRead: 0 });
      await expectConsistent();
      expect(
        await t.sql(`select 1 from notification_groups where recipient_id = $1 and unread`, [author.user.id]),
      ).toEqual([]);
    });
  });

  it('records through the services too (the posts service resolves mentions itself)', async () => {
    const reader = await person();
    const created = await t.app.get(PostsService).create(actor(owner.user), openId, `cc @${reader.handle}`);
    expect(await recorded(created.id)).toEqual([
      { recipient_id: reader.user.id, actor_id: owner.user.id, kind: 'MENTION' },
    ]);
  });
});
