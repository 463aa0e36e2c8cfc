import type { Actor } from '@atelier/domain';
import { CommentsService } from '../src/comments/comments.service';
import { PostsService } from '../src/posts/posts.service';
import { SearchRepository } from '../src/search/search.repository';
import { SpacesService } from '../src/spaces/spaces.service';
import { User } from '../src/users/user.entity';
import { errorCode, GqlClient, startTestApp, TestApp } from './support/test-app';

const SEARCH = `query ($query: String!, $first: Int, $after: String) {
  search(query: $query, first: $first, after: $after) {
    edges { cursor node { id type excerpt createdAt post { id body } comment { id body } space { id name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface Hit {
  id: string;
  type: 'POST' | 'COMMENT';
  excerpt: string;
  post: { id: string } | null;
  comment: { id: string } | null;
  space: { id: string; name: string } | null;
}
interface SearchData {
  search: { edges: { cursor: string; node: Hit }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const actor = (user: User): Actor => ({ id: user.id, role: user.role, active: true });

describe('search', () => {
  let t: TestApp;
  let reader: { user: User; client: GqlClient };
  let writer: User;
  let writerClient: GqlClient;
  let openId: string;
  let privateId: string;

  const post = async (body: string, spaceId = openId) =>
    (await t.app.get(PostsService).create(actor(writer), spaceId, body)).id;

  const search = async (client: GqlClient, query: string, first?: number, after?: string | null) => {
    const response = await client.request<SearchData>(SEARCH, { query, first, after });
    expect(response.errors).toBeUndefined();
    return response.data!.search;
  };
  const ids = async (client: GqlClient, query: string) =>
    (await search(client, query)).edges.map((edge) => edge.node.id);

  beforeAll(async () => {
    t = await startTestApp();
    reader = await t.signedIn('MARKETER');
    writer = await t.createUser('MARKETER');
    writerClient = t.client();
    await writerClient.signIn(writer.email);
    const spaces = t.app.get(SpacesService);
    openId = (await spaces.create(actor(writer), { name: 'Lancements', description: '', visibility: 'OPEN' })).id;
    privateId = (await spaces.create(actor(writer), { name: 'Secret', description: '', visibility: 'PRIVATE' })).id;
  });
  afterAll(() => t.close());

  it('matches French words whatever their accents and inflection', async () => {
    const id = await post('Notre **stratégie** pour les lancements de printemps est validée.');
    for (const query of ['strategie', 'Stratégies', 'STRATEGIE', 'lancement', 'valider', 'lancements printemps']) {
      expect({ query, ids: await ids(reader.client, query) }).toEqual({ query, ids: [id] });
    }
    expect(await ids(reader.client, 'stratégie automne')).toEqual([]);
  });

  it('matches English words by their stem, and French ones typed without accents', async () => {
    const id = await post('The dealers loved the campaigns we launched in Lyon; the événement was a success.');
    expect(await ids(reader.client, 'campaign')).toEqual([id]);
    expect(await ids(reader.client, 'launching dealer')).toEqual([id]);
    expect(await ids(reader.client, 'evenement')).toEqual([id]);
  });

  it('ranks a post with the words in several places above one with them once', async () => {
    const once = await post('Le cabriolet sera présenté au salon, avec le reste de la gamme et les accessoires.');
    const often = await post('Cabriolet : la vidéo du cabriolet, les photos du cabriolet et la fiche cabriolet.');
    const hits = (await search(reader.client, 'cabriolet')).edges.map((edge) => edge.node.id);
    expect(hits).toEqual([often, once]);
  });

  it('highlights matches with <mark> in an excerpt where no HTML written by people survives', async () => {
    await post(
      'Budget <script>alert(1)</script> zanzibar <img src=x onerror="alert(2)"> et [lien](javascript:alert(3)) "zanzibar" & <b>gras</b>',
    );
    const [edge] = (await search(reader.client, 'zanzibar')).edges;
    const { excerpt } = edge.node;
    expect(excerpt).toContain('<mark>zanzibar</mark>');
    // The only tags are <mark> and </mark>; everything people wrote is escaped text.
    expect(excerpt.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    expect(excerpt).not.toMatch(/<script|<img|<b>|<a /i);
    // What people wrote is shown as text, escaped.
    expect(excerpt).toContain('&quot;<mark>zanzibar</mark>&quot; &amp;');
  });

  it("never returns a private space's posts and comments to a non-member, and returns them to a member", async () => {
    const secret = await post('Le dossier confidentialissime du prochain modèle.', privateId);
    const comment = await t.app.get(CommentsService).add(actor(writer), secret, 'Encore du confidentialissime ici.');
    expect(await ids(reader.client, 'confidentialissime')).toEqual([]);
    expect((await ids(writerClient, 'confidentialissime')).sort()).toEqual([secret, comment.id].sort());
    // Added as a member, the reader finds them; removed, no longer.
    await t.app.get(SpacesService).addMember(actor(writer), privateId, reader.user.id);
    expect(await ids(reader.client, 'confidentialissime')).toHaveLength(2);
    await t.app.get(SpacesService).removeMember(actor(writer), privateId, reader.user.id);
    expect(await ids(reader.client, 'confidentialissime')).toEqual([]);
  });

  it('finds comments and replies, with the post they are on', async () => {
    const postId = await post('Débrief du salon de Genève.');
    const comments = t.app.get(CommentsService);
    const comment = await comments.add(actor(writer), postId, 'Le stand était trop petit pour la démonstration.');
    const reply = await comments.add(
      actor(writer),
      postId,
      'Démonstrations plus courtes la prochaine fois.',
      comment.id,
    );
    const { edges } = await search(reader.client, 'démonstration');
    expect(edges.map((edge) => edge.node.id).sort()).toEqual([comment.id, reply.id].sort());
    for (const { node } of edges) {
      expect(node).toMatchObject({ type: 'COMMENT', post: { id: postId }, space: { id: openId, name: 'Lancements' } });
      expect(node.comment?.id).toBe(node.id);
    }
  });

  it("gives a result's space with its member count when asked", async () => {
    await post('Calendrier des essais routiers à Quimperlé.');
    const response = await reader.client.request<{
      search: { edges: { node: { space: { id: string; name: string; memberCount: number } } }[] };
      space: { memberCount: number };
    }>(
      `query ($spaceId: ID!) {
        search(query: "Quimperlé") { edges { node { space { id name memberCount } } } }
        space(id: $spaceId) { memberCount }
      }`,
      { spaceId: openId },
    );
    expect(response.errors).toBeUndefined();
    const [hit] = response.data!.search.edges;
    expect(hit.node.space).toEqual({ id: openId, name: 'Lancements', memberCount: response.data!.space.memberCount });
  });

  it('follows edits and leaves deleted posts and comments out, with the comments of a deleted post', async () => {
    const posts = t.app.get(PostsService);
    const comments = t.app.get(CommentsService);
    const edited = await post('Premier jet du texte sur la berline.');
    await posts.edit(actor(writer), edited, 'Texte définitif sur le coupé.');
    expect(await ids(reader.client, 'berline')).toEqual([]);
    expect(await ids(reader.client, 'coupé')).toEqual([edited]);

    const gone = await post('Annonce obsolète du showroom éphémère.');
    const onGone = await comments.add(actor(writer), gone, 'Le showroom éphémère ferme samedi.');
    const stays = await post('Autre post sur le showroom éphémère.');
    const deletedComment = await comments.add(actor(writer), stays, 'Commentaire éphémère retiré.');
    expect(await ids(reader.client, 'éphémère')).toHaveLength(4);
    await posts.delete(actor(writer), gone);
    await comments.delete(actor(writer), deletedComment.id);
    expect(await ids(reader.client, 'éphémère')).toEqual([stays]);
    expect(await ids(reader.client, 'obsolète')).toEqual([]);
    expect(onGone.id).toBeDefined();
  });

  it('returns every result exactly once across pages, best first, while content is written between pages', async () => {
    const written: string[] = [];
    for (let i = 0; i < 9; i += 1) {
      written.push(await post(`${'Concession '.repeat(1 + (i % 3))}numéro ${i} : retour du réseau.`));
    }
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages += 1) {
      const page: SearchData['search'] = await search(reader.client, 'concession', 2, after);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
      await post('Concession concession concession concession : écrit entre deux pages.');
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(written));
  });

  it('ranks the newest matches whatever their age, looking in older periods only for what newer ones lack', async () => {
    // Ages on both sides of the periods' bounds (7 and 90 days), and a private post that must not
    // take a place among the newest.
    const ages = [2, 6, 8, 30, 89, 91, 400];
    const byAge = new Map<number, string>();
    for (const days of ages) {
      const id = await post(`Vitrine ornithorynque, ${days} jours.`);
      await t.sql(`update posts set created_at = now() - make_interval(days => $2) where id = $1`, [id, days]);
      byAge.set(days, id);
    }
    const hidden = await post('Vitrine ornithorynque privée.', privateId);
    await t.sql(`update posts set created_at = now() - interval '1 day' where id = $1`, [hidden]);

    expect(new Set(await ids(reader.client, 'ornithorynque'))).toEqual(new Set(byAge.values()));
    const repository = t.app.get(SearchRepository);
    const newest = async (ranked: number) =>
      new Set((await repository.page(reader.user.id, 'ornithorynque', 20, null, ranked)).map((row) => row.doc_id));
    const expected = (count: number) => new Set(ages.slice(0, count).map((days) => byAge.get(days)));
    for (const ranked of [1, 2, 3, 4, 5, 6, 7]) expect(await newest(ranked)).toEqual(expected(ranked));
  });

  it('refuses customers', async () => {
    const { client } = await t.signedIn('CUSTOMER');
    expect(errorCode(await client.request(SEARCH, { query: 'stratégie' }))).toBe('FORBIDDEN');
    expect(errorCode(await t.client().request(SEARCH, { query: 'stratégie' }))).toBe('UNAUTHENTICATED');
  });

  it('refuses an empty, too short or stop-word-only query, a bad page size and a forged cursor, saying what to do', async () => {
    for (const query of ['', '   ', 'a', '!!']) {
      const response = await reader.client.request(SEARCH, { query });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].extensions?.reason).toBe('searchTooShort');
      expect(response.errors?.[0].message).toMatch(/at least 2 letters/);
    }
    const common = await reader.client.request(SEARCH, { query: 'le the de' });
    expect(errorCode(common)).toBe('BAD_USER_INPUT');
    expect(common.errors?.[0].extensions?.reason).toBe('searchNoWords');
    expect(errorCode(await reader.client.request(SEARCH, { query: 'x'.repeat(201) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await reader.client.request(SEARCH, { query: 'stratégie', first: 51 }))).toBe('BAD_USER_INPUT');
    const forged = await reader.client.request(SEARCH, { query: 'stratégie', after: 'bm90LWEtY3Vyc29y' });
    expect(forged.errors?.[0].extensions?.reason).toBe('invalidCursor');
    const injected = Buffer.from(JSON.stringify(["1'; drop table posts; --", '2026-01-01 10:00:00+00', 'x'])).toString(
      'base64url',
    );
    expect(errorCode(await reader.client.request(SEARCH, { query: 'stratégie', after: injected }))).toBe(
      'BAD_USER_INPUT',
    );
    // Web-search syntax is accepted, never a syntax error.
    expect((await reader.client.request(SEARCH, { query: '"stratégie" or -( & | ! :*' })).errors).toBeUndefined();
  });
});
