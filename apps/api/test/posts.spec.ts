import type { Actor } from '@atelier/domain';
import { Parser } from 'htmlparser2';
import { PostsService } from '../src/posts/posts.service';
import { SpacesService } from '../src/spaces/spaces.service';
import { User } from '../src/users/user.entity';
import { errorCode, GqlClient, startTestApp, TestApp } from './support/test-app';

const POST_FIELDS = `id body bodyHtml pinned createdAt editedAt deletedAt commentCount
  space { id } author { id displayName }
  reactions { targetId total kinds { kind count viewerReacted } }
  revisions { body bodyHtml createdAt }
  comments { id body bodyHtml parentId deletedAt author { id } replies { id body parentId author { id } } }`;
const POST = `query ($id: ID!) { post(id: $id) { ${POST_FIELDS} } }`;
const CREATE = `mutation ($input: CreatePostInput!) { createPost(input: $input) { ${POST_FIELDS} } }`;
const EDIT = `mutation ($id: ID!, $body: String!) { editPost(id: $id, body: $body) { id body bodyHtml editedAt revisions { body } } }`;
const DELETE = `mutation ($id: ID!) { deletePost(id: $id) { id body bodyHtml deletedAt } }`;
const PIN = `mutation ($id: ID!, $pinned: Boolean!) { pinPost(id: $id, pinned: $pinned) { id pinned } }`;
const ADD_COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { id body bodyHtml parentId author { id } } }`;
const EDIT_COMMENT = `mutation ($id: ID!, $body: String!) { editComment(id: $id, body: $body) { id body bodyHtml editedAt } }`;
const DELETE_COMMENT = `mutation ($id: ID!) { deleteComment(id: $id) { id body deletedAt } }`;
const REACT = `mutation ($id: ID!, $kind: ReactionKind!) { react(targetId: $id, kind: $kind) { targetId total kinds { kind count viewerReacted } } }`;

const actor = (user: User): Actor => ({ id: user.id, role: user.role, active: true });

interface PostView {
  id: string;
  body: string;
  bodyHtml: string;
  commentCount: number;
  comments: { id: string; body: string; deletedAt: string | null; replies: { id: string }[] }[];
  reactions: { total: number; kinds: { kind: string; count: number; viewerReacted: boolean }[] };
}

describe('posts, comments and reactions', () => {
  let t: TestApp;
  let author: { user: User; client: GqlClient };
  let other: { user: User; client: GqlClient };
  let admin: { user: User; client: GqlClient };
  let openId: string;
  let privateId: string;
  let privatePostId: string;

  const newPost = async (body = 'Hello **team**', spaceId = openId, who = author.user) =>
    (await t.app.get(PostsService).create(actor(who), spaceId, body)).id;

  beforeAll(async () => {
    t = await startTestApp();
    author = await t.signedIn('MARKETER');
    other = await t.signedIn('MARKETER');
    admin = await t.signedIn('ADMIN');
    const spaces = t.app.get(SpacesService);
    openId = (await spaces.create(actor(author.user), { name: 'Open', description: '', visibility: 'OPEN' })).id;
    privateId = (await spaces.create(actor(author.user), { name: 'Private', description: '', visibility: 'PRIVATE' }))
      .id;
    privatePostId = await newPost('The confidential launch date is **March 3**', privateId);
  });
  afterAll(() => t.close());

  it('creates a post rendered to HTML, readable by id with its author, space, counts and reactions', async () => {
    const created = await author.client.request<{ createPost: PostView }>(CREATE, {
      input: { spaceId: openId, body: '# Launch\n\nRead [the brief](https://example.com/brief) and `npm test`' },
    });
    expect(created.errors).toBeUndefined();
    const post = created.data!.createPost;
    expect(post).toMatchObject({
      body: '# Launch\n\nRead [the brief](https://example.com/brief) and `npm test`',
      pinned: false,
      editedAt: null,
      deletedAt: null,
      commentCount: 0,
      space: { id: openId },
      author: { id: author.user.id },
      revisions: [],
      comments: [],
      reactions: { targetId: post.id, total: 0 },
    });
    expect(post.bodyHtml).toContain('<h1>Launch</h1>');
    expect(post.bodyHtml).toContain(
      '<a href="https://example.com/brief" rel="noopener noreferrer nofollow ugc" target="_blank">the brief</a>',
    );
    expect(post.bodyHtml).toContain('<code>npm test</code>');
    expect(post.reactions.kinds.map((k) => k.kind)).toEqual(['LIKE', 'CELEBRATE', 'INSIGHTFUL', 'SUPPORT']);
    expect((await other.client.request(POST, { id: post.id })).data).toMatchObject({ post: { id: post.id } });
  });

  it('refuses an empty post and a post in a private space the author is not in', async () => {
    const empty = await author.client.request(CREATE, { input: { spaceId: openId, body: '  ' } });
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(empty.errors?.[0].message).toMatch(/cannot be empty/);
    expect(errorCode(await other.client.request(CREATE, { input: { spaceId: privateId, body: 'hi' } }))).toBe(
      'NOT_FOUND',
    );
  });

  it("answers a private space's post read by a non-member as NOT_FOUND, revealing nothing", async () => {
    const hidden = await other.client.request(POST, { id: privatePostId });
    const missing = await other.client.request(POST, { id: '00000000-0000-0000-0000-000000000000' });
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    expect(hidden.data).toBeNull();
    expect(hidden.errors?.[0].message).toBe(missing.errors?.[0].message);
    expect(JSON.stringify(hidden)).not.toMatch(/confidential|March|Private/);
    // Nor can they comment on or react to it.
    expect(errorCode(await other.client.request(ADD_COMMENT, { input: { targetId: privatePostId, body: 'x' } }))).toBe(
      'NOT_FOUND',
    );
    expect(errorCode(await other.client.request(REACT, { id: privatePostId, kind: 'LIKE' }))).toBe('NOT_FOUND');
    // A member reads it.
    expect((await author.client.request(POST, { id: privatePostId })).data).toMatchObject({
      post: { id: privatePostId },
    });
  });

  it('refuses every post query and mutation to a customer, and answers their comments and reactions as missing', async () => {
    const { client } = await t.signedIn('CUSTOMER');
    const postId = await newPost();
    const attempts: [string, Record<string, unknown>][] = [
      [POST, { id: postId }],
      ['{ feed { edges { node { id } } } }', {}],
      [`query ($s: ID!) { feed(spaceId: $s) { edges { node { id } } } }`, { s: openId }],
      [CREATE, { input: { spaceId: openId, body: 'hi' } }],
      [EDIT, { id: postId, body: 'x' }],
      [DELETE, { id: postId }],
      [PIN, { id: postId, pinned: true }],
    ];
    for (const [query, variables] of attempts) {
      const response = await client.request(query, variables);
      expect(errorCode(response)).toBe('FORBIDDEN');
      expect(response.data).toBeNull();
    }
    // Comments and reactions are open to customers on what they may read (their co-creation
    // threads); a post is not, so it is answered as missing, like an id that does not exist.
    for (const [query, variables] of [
      [ADD_COMMENT, { input: { targetId: postId, body: 'x' } }],
      [REACT, { id: postId, kind: 'LIKE' }],
    ] as const) {
      const response = await client.request(query, variables);
      expect(errorCode(response)).toBe('NOT_FOUND');
      expect(response.data).toBeNull();
      expect(JSON.stringify(response)).not.toMatch(/Hello|team/);
    }
    expect(await t.sql('select count(*)::int as n from comments where target_id = $1', [postId])).toEqual([{ n: 0 }]);
    expect(await t.sql('select count(*)::int as n from reactions where target_id = $1', [postId])).toEqual([{ n: 0 }]);
  });

  it('lets the author edit, keeping the history, and refuses anyone else', async () => {
    const id = await newPost('first version');
    const refused = await other.client.request(EDIT, { id, body: 'hijacked' });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(errorCode(await admin.client.request(EDIT, { id, body: 'hijacked' }))).toBe('FORBIDDEN');
    await author.client.request(EDIT, { id, body: 'second version' });
    const edited = await author.client.request<{
      editPost: { body: string; bodyHtml: string; editedAt: string; revisions: { body: string }[] };
    }>(EDIT, {
      id,
      body: 'third *version*',
    });
    expect(edited.data!.editPost).toMatchObject({
      body: 'third *version*',
      bodyHtml: '<p>third <em>version</em></p>\n',
      editedAt: expect.any(String),
      revisions: [{ body: 'first version' }, { body: 'second version' }],
    });
  });

  it('lets the author or an admin delete (soft), and refuses anyone else', async () => {
    const mine = await newPost('to be deleted');
    expect(errorCode(await other.client.request(DELETE, { id: mine }))).toBe('FORBIDDEN');
    const deleted = await author.client.request(DELETE, { id: mine });
    expect(deleted.data).toEqual({ deletePost: { id: mine, body: '', bodyHtml: '', deletedAt: expect.any(String) } });
    expect(errorCode(await author.client.request(POST, { id: mine }))).toBe('NOT_FOUND');
    const [row] = await t.sql<{ body: string; deleted_at: Date | null }>(
      'select body, deleted_at from posts where id = $1',
      [mine],
    );
    expect(row.body).toBe('to be deleted');
    expect(row.deleted_at).not.toBeNull();

    const moderated = await newPost('off-topic');
    expect((await admin.client.request(DELETE, { id: moderated })).data).toMatchObject({
      deletePost: { id: moderated },
    });
  });

  it("lets the space's owner, managers and admins pin, and refuses other members", async () => {
    const id = await newPost('pin me', openId, other.user);
    expect(errorCode(await other.client.request(PIN, { id, pinned: true }))).toBe('FORBIDDEN');
    expect((await author.client.request(PIN, { id, pinned: true })).data).toEqual({ pinPost: { id, pinned: true } });
    const { client: manager } = await t.signedIn('MANAGER');
    expect((await manager.request(PIN, { id, pinned: false })).data).toEqual({ pinPost: { id, pinned: false } });
    expect((await admin.client.request(PIN, { id, pinned: true })).data).toEqual({ pinPost: { id, pinned: true } });
  });

  it('threads comments one level deep and counts them', async () => {
    const postId = await newPost('Discuss');
    const top = await other.client.request<{ addComment: { id: string } }>(ADD_COMMENT, {
      input: { targetId: postId, body: 'Great **idea**' },
    });
    expect(top.data?.addComment).toMatchObject({
      body: 'Great **idea**',
      bodyHtml: '<p>Great <strong>idea</strong></p>\n',
      parentId: null,
      author: { id: other.user.id },
    });
    const topId = top.data!.addComment.id;
    const reply = await author.client.request<{ addComment: { id: string } }>(ADD_COMMENT, {
      input: { targetId: postId, body: 'Thanks', parentId: topId },
    });
    expect(reply.data?.addComment).toMatchObject({ parentId: topId });
    const tooDeep = await other.client.request(ADD_COMMENT, {
      input: { targetId: postId, body: 'deeper', parentId: reply.data!.addComment.id },
    });
    expect(errorCode(tooDeep)).toBe('BAD_USER_INPUT');
    expect(tooDeep.errors?.[0].extensions?.reason).toBe('replyTooDeep');
    const elsewhere = await newPost('Another');
    expect(
      errorCode(
        await other.client.request(ADD_COMMENT, { input: { targetId: elsewhere, body: 'x', parentId: topId } }),
      ),
    ).toBe('BAD_USER_INPUT');

    const post = (await author.client.request<{ post: PostView }>(POST, { id: postId })).data!.post;
    expect(post.commentCount).toBe(2);
    expect(post.comments).toEqual([
      expect.objectContaining({
        id: topId,
        replies: [expect.objectContaining({ id: reply.data!.addComment.id, body: 'Thanks', parentId: topId })],
      }),
    ]);
  });

  it('lets the author edit and delete a comment, an admin delete it, and refuses anyone else', async () => {
    const postId = await newPost('Comments');
    const { data } = await other.client.request<{ addComment: { id: string } }>(ADD_COMMENT, {
      input: { targetId: postId, body: 'typo' },
    });
    const id = data!.addComment.id;
    expect(errorCode(await author.client.request(EDIT_COMMENT, { id, body: 'hijacked' }))).toBe('FORBIDDEN');
    expect(errorCode(await author.client.request(DELETE_COMMENT, { id }))).toBe('FORBIDDEN');
    expect((await other.client.request(EDIT_COMMENT, { id, body: 'fixed' })).data).toMatchObject({
      editComment: { body: 'fixed', editedAt: expect.any(String) },
    });
    expect((await other.client.request(DELETE_COMMENT, { id })).data).toEqual({
      deleteComment: { id, body: '', deletedAt: expect.any(String) },
    });
    expect(errorCode(await other.client.request(EDIT_COMMENT, { id, body: 'again' }))).toBe('NOT_FOUND');

    const second = (
      await author.client.request<{ addComment: { id: string } }>(ADD_COMMENT, {
        input: { targetId: postId, body: 'moderate me' },
      })
    ).data!.addComment.id;
    expect((await admin.client.request(DELETE_COMMENT, { id: second })).errors).toBeUndefined();
    const post = (await author.client.request<{ post: PostView }>(POST, { id: postId })).data!.post;
    expect(post.commentCount).toBe(0);
    expect(post.comments).toEqual([]);
  });

  it('toggles reactions per kind and viewer, on posts and comments', async () => {
    const postId = await newPost('React');
    const liked = await other.client.request<{ react: PostView['reactions'] }>(REACT, { id: postId, kind: 'LIKE' });
    expect(liked.data!.react).toEqual({
      targetId: postId,
      total: 1,
      kinds: [
        { kind: 'LIKE', count: 1, viewerReacted: true },
        { kind: 'CELEBRATE', count: 0, viewerReacted: false },
        { kind: 'INSIGHTFUL', count: 0, viewerReacted: false },
        { kind: 'SUPPORT', count: 0, viewerReacted: false },
      ],
    });
    await other.client.request(REACT, { id: postId, kind: 'CELEBRATE' });
    const mine = await author.client.request<{ react: PostView['reactions'] }>(REACT, { id: postId, kind: 'LIKE' });
    expect(mine.data!.react.kinds[0]).toEqual({ kind: 'LIKE', count: 2, viewerReacted: true });
    expect(mine.data!.react.kinds[1]).toEqual({ kind: 'CELEBRATE', count: 1, viewerReacted: false });
    const undone = await other.client.request<{ react: PostView['reactions'] }>(REACT, { id: postId, kind: 'LIKE' });
    expect(undone.data!.react.kinds[0]).toEqual({ kind: 'LIKE', count: 1, viewerReacted: false });
    expect(undone.data!.react.total).toBe(2);

    const { data } = await other.client.request<{ addComment: { id: string } }>(ADD_COMMENT, {
      input: { targetId: postId, body: 'nice' },
    });
    const onComment = await author.client.request<{ react: PostView['reactions'] }>(REACT, {
      id: data!.addComment.id,
      kind: 'INSIGHTFUL',
    });
    expect(onComment.data!.react).toMatchObject({ targetId: data!.addComment.id, total: 1 });
    const seen = await author.client.request(
      `query ($id: ID!) { post(id: $id) { comments { reactions { total } } } }`,
      { id: postId },
    );
    expect(seen.data).toEqual({ post: { comments: [{ reactions: { total: 1 } }] } });
    expect(
      errorCode(await author.client.request(REACT, { id: '00000000-0000-0000-0000-000000000000', kind: 'LIKE' })),
    ).toBe('NOT_FOUND');
  });

  describe('Markdown is rendered inert', () => {
    const PAYLOADS = [
      '<script>alert(1)</script>',
      '<SCRIPT SRC=//evil.example/xss.js></SCRIPT>',
      '<img src=x onerror=alert(1)>',
      '<body onload=alert(1)>',
      '<svg onload=alert(1)>',
      '<svg><script>alert(1)</script></svg>',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '[click](javascript&#58;alert(1))',
      '[click](&#106;avascript:alert(1))',
      '[click](java\tscript:alert(1))',
      '[click](%6A%61%76%61%73%63%72%69%70%74%3Aalert(1))',
      '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[click](vbscript:msgbox(1))',
      '![x](javascript:alert(1))',
      '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
      '<a href="javascript:alert(1)">x</a>',
      '<div style="background:url(javascript:alert(1))">x</div>',
      '<div style="width: expression(alert(1))">x</div>',
      '<style>body{background:url("javascript:alert(1)")}</style>',
      '<<script>script>alert(1)<</script>/script>',
      '<img src="x" /onerror=alert(1)>',
      '<a href="x" onmouseover="alert(1)">hover</a>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<object data="javascript:alert(1)"></object>',
      '<embed src="data:text/html,<script>alert(1)</script>">',
      '<form action="javascript:alert(1)"><button>x</button></form>',
      '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
      '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
      '<details open ontoggle=alert(1)>',
      '`<script>alert(1)</script>` and\n\n    <script>alert(2)</script>',
      '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(1)">x</a>',
      '<scr<script>ipt>alert(1)</script>',
    ];

    const ALLOWED_TAGS = [
      'p',
      'a',
      'code',
      'pre',
      'br',
      'em',
      'strong',
      'h1',
      'h2',
      'h3',
      'ul',
      'li',
      'ol',
      'blockquote',
    ];

    /**
     * Parsed as a browser would (entities decoded): only allow-listed elements, no event handler,
     * no style, and every link either http(s)/mailto or relative (no scheme at all).
     */
    const assertInert = (html: string) => {
      const elements: { name: string; attribs: Record<string, string> }[] = [];
      const parser = new Parser(
        { onopentag: (name, attribs) => elements.push({ name, attribs }) },
        { decodeEntities: true },
      );
      parser.write(html);
      parser.end();
      for (const { name, attribs } of elements) {
        expect(ALLOWED_TAGS).toContain(name);
        for (const [attribute, value] of Object.entries(attribs)) {
          expect(attribute).not.toMatch(/^on/i);
          expect(['href', 'title', 'rel', 'target', 'start']).toContain(attribute);
          if (attribute === 'href') {
            const compact = value.replace(/\s|\p{Cc}/gu, '');
            expect(compact).toMatch(/^(https?:|mailto:|[^:]*$)/i);
          }
        }
      }
    };

    it.each(PAYLOADS)('%s', async (payload) => {
      const response = await author.client.request<{ createPost: { id: string; body: string; bodyHtml: string } }>(
        CREATE,
        {
          input: { spaceId: openId, body: payload },
        },
      );
      expect(response.errors).toBeUndefined();
      expect(response.data!.createPost.body).toBe(payload.trim());
      assertInert(response.data!.createPost.bodyHtml);
      const comment = await author.client.request<{ addComment: { bodyHtml: string } }>(ADD_COMMENT, {
        input: { targetId: response.data!.createPost.id, body: payload },
      });
      assertInert(comment.data!.addComment.bodyHtml);
    });

    it('keeps the text of raw HTML visible, escaped', async () => {
      const response = await author.client.request<{ createPost: { bodyHtml: string } }>(CREATE, {
        input: { spaceId: openId, body: '<script>alert(1)</script>' },
      });
      expect(response.data!.createPost.bodyHtml).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
    });
  });
});
