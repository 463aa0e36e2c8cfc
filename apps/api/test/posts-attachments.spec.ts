import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '@atelier/domain';
import { AttachmentsService, UNATTACHED_TTL_MS } from '../src/attachments/attachments.service';
import { PostsService } from '../src/posts/posts.service';
import { SpacesService } from '../src/spaces/spaces.service';
import { User } from '../src/users/user.entity';
import { countQueries } from './support/query-counter';
import { errorCode, GqlClient, startTestApp, TestApp } from './support/test-app';

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0d4e5c90000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

const ATTACHMENT_FIELDS = 'attachments { id kind mimeType sizeBytes originalName width height url }';
const CREATE = `mutation ($input: CreatePostInput!) { createPost(input: $input) { id ${ATTACHMENT_FIELDS} } }`;
const EDIT = `mutation ($id: ID!, $body: String!, $attachmentIds: [ID!]) {
  editPost(id: $id, body: $body, attachmentIds: $attachmentIds) { id body editedAt revisions { body } ${ATTACHMENT_FIELDS} }
}`;
const EDIT_BODY = `mutation ($id: ID!, $body: String!) { editPost(id: $id, body: $body) { id body ${ATTACHMENT_FIELDS} } }`;
const POST = `query ($id: ID!) { post(id: $id) { id ${ATTACHMENT_FIELDS} } }`;
const FEED = `query ($first: Int) {
  feed(first: $first) {
    edges { node { id author { id displayName } commentCount reactions { total } space { id name }
      attachments { id kind url originalName } } }
  }
}`;

interface AttachmentView {
  id: string;
  kind: string;
  mimeType: string;
  sizeBytes: number;
  originalName: string;
  width: number | null;
  height: number | null;
  url: string;
}

const actor = (user: User): Actor => ({ id: user.id, role: user.role, active: true });

describe('attachments on posts', () => {
  let t: TestApp;
  let dataDir: string;
  let author: { user: User; client: GqlClient };
  let reader: { user: User; client: GqlClient };
  let customer: { user: User; client: GqlClient };
  let openId: string;
  let privateId: string;

  const upload = async (client: GqlClient, bytes = PNG, name = 'visuel.png'): Promise<string> => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), name);
    const response = await fetch(`${t.baseUrl}/uploads`, {
      method: 'POST',
      body: form,
      headers: { 'x-atelier-upload': '1', cookie: client.cookie! },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const download = (client: GqlClient, id: string) =>
    fetch(`${t.baseUrl}/files/${id}`, { headers: { cookie: client.cookie! } });
  const storedFiles = async (): Promise<string[]> => {
    const entries = await readdir(path.join(dataDir, 'attachments'), { recursive: true, withFileTypes: true }).catch(
      () => [],
    );
    return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
  };
  const targetsOf = async (ids: string[]) =>
    (
      await t.sql<{ id: string; target_id: string | null }>(
        'select id, target_id from attachments where id = any($1)',
        [ids],
      )
    ).map((row) => row.target_id);
  const postsBy = async (userId: string) =>
    (await t.sql<{ n: string }>('select count(*) as n from posts where author_id = $1', [userId]))[0].n;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-post-attachments-'));
    t = await startTestApp({ DATA_DIR: dataDir });
    author = await t.signedIn('MARKETER');
    reader = await t.signedIn('MARKETER');
    customer = await t.signedIn('CUSTOMER');
    const spaces = t.app.get(SpacesService);
    openId = (await spaces.create(actor(author.user), { name: 'Lancement DS4', description: '', visibility: 'OPEN' }))
      .id;
    privateId = (await spaces.create(actor(author.user), { name: 'Prix', description: '', visibility: 'PRIVATE' })).id;
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('attaches the author’s uploads on create, in order, and lists them on the post', async () => {
    const image = await upload(author.client, PNG, 'affiche.png');
    const pdf = await upload(author.client, PDF, 'plan média.pdf');
    const created = await author.client.request<{ createPost: { id: string; attachments: AttachmentView[] } }>(CREATE, {
      input: { spaceId: openId, body: 'Les visuels du lancement', attachmentIds: [image, pdf] },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createPost.attachments).toEqual([
      {
        id: image,
        kind: 'IMAGE',
        mimeType: 'image/png',
        sizeBytes: PNG.length,
        originalName: 'affiche.png',
        width: 1,
        height: 1,
        url: `/files/${image}`,
      },
      {
        id: pdf,
        kind: 'PDF',
        mimeType: 'application/pdf',
        sizeBytes: PDF.length,
        originalName: 'plan média.pdf',
        width: null,
        height: null,
        url: `/files/${pdf}`,
      },
    ]);
    const read = await reader.client.request<{ post: { attachments: AttachmentView[] } }>(POST, {
      id: created.data!.createPost.id,
    });
    expect(read.data!.post.attachments.map((a) => a.id)).toEqual([image, pdf]);
    // A post without files has an empty list.
    const plain = await author.client.request<{ createPost: { attachments: AttachmentView[] } }>(CREATE, {
      input: { spaceId: openId, body: 'Sans fichier' },
    });
    expect(plain.data!.createPost.attachments).toEqual([]);
  });

  it('refuses more than 4 files, writing neither the post nor the links', async () => {
    const ids = [];
    for (let i = 0; i < 5; i += 1) ids.push(await upload(author.client));
    const before = await postsBy(author.user.id);
    const response = await author.client.request(CREATE, {
      input: { spaceId: openId, body: 'Trop de fichiers', attachmentIds: ids },
    });
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions).toEqual(
      expect.objectContaining({ reason: 'tooManyAttachments', field: 'attachmentIds' }),
    );
    expect(response.errors![0].message).toMatch(/at most 4 files/);
    expect(await postsBy(author.user.id)).toBe(before);
    expect(await targetsOf(ids)).toEqual([null, null, null, null, null]);
  });

  it("refuses someone else's upload and an upload already attached, writing nothing", async () => {
    const theirs = await upload(reader.client);
    const mine = await upload(author.client);
    const before = await postsBy(author.user.id);
    const stolen = await author.client.request(CREATE, {
      input: { spaceId: openId, body: 'Avec le fichier d’un autre', attachmentIds: [mine, theirs] },
    });
    expect(errorCode(stolen)).toBe('BAD_USER_INPUT');
    expect(stolen.errors![0].extensions?.reason).toBe('unknownAttachment');
    expect(stolen.errors![0].message).toMatch(/not among your uploads/);
    expect(await targetsOf([mine, theirs])).toEqual([null, null]);

    const first = await author.client.request(CREATE, {
      input: { spaceId: openId, body: 'Premier', attachmentIds: [mine] },
    });
    expect(first.errors).toBeUndefined();
    const again = await author.client.request(CREATE, {
      input: { spaceId: openId, body: 'Second', attachmentIds: [mine] },
    });
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(again.errors![0].extensions?.reason).toBe('attachmentAlreadyUsed');
    expect(await postsBy(author.user.id)).toBe(String(Number(before) + 1));
  });

  it('replaces the set on editPost when attachmentIds is given, and keeps it otherwise', async () => {
    const [a, b, c] = [await upload(author.client), await upload(author.client), await upload(author.client)];
    const created = await author.client.request<{ createPost: { id: string } }>(CREATE, {
      input: { spaceId: openId, body: 'Version 1', attachmentIds: [a, b] },
    });
    const id = created.data!.createPost.id;

    const bodyOnly = await author.client.request<{ editPost: { attachments: AttachmentView[] } }>(EDIT_BODY, {
      id,
      body: 'Version 2',
    });
    expect(bodyOnly.data!.editPost.attachments.map((x) => x.id)).toEqual([a, b]);

    const replaced = await author.client.request<{
      editPost: { body: string; editedAt: string; revisions: { body: string }[]; attachments: AttachmentView[] };
    }>(EDIT, { id, body: 'Version 2', attachmentIds: [b, c] });
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data!.editPost.attachments.map((x) => x.id)).toEqual([b, c]);
    // Only the body makes a revision.
    expect(replaced.data!.editPost.revisions.map((r) => r.body)).toEqual(['Version 1']);
    expect(await targetsOf([a])).toEqual([null]);

    // A refused set changes neither the body nor the files.
    const theirs = await upload(reader.client);
    const refused = await author.client.request(EDIT, { id, body: 'Version 3', attachmentIds: [b, theirs] });
    expect(refused.errors![0].extensions?.reason).toBe('unknownAttachment');
    const after = await reader.client.request<{ post: { attachments: AttachmentView[] } }>(POST, { id });
    expect(after.data!.post.attachments.map((x) => x.id)).toEqual([b, c]);
    const [{ body }] = await t.sql<{ body: string }>('select body from posts where id = $1', [id]);
    expect(body).toBe('Version 2');
  });

  it('serves a file to readers of its post only: 404 to a non-member of a private space and to a customer', async () => {
    const openFile = await upload(author.client);
    const privateFile = await upload(author.client, PDF, 'grille tarifaire.pdf');
    await t.app.get(PostsService).create(actor(author.user), openId, 'Public', { attachmentIds: [openFile] });
    await t.app
      .get(PostsService)
      .create(actor(author.user), privateId, 'Confidentiel', { attachmentIds: [privateFile] });

    expect((await download(reader.client, openFile)).status).toBe(200);
    const hidden = await download(reader.client, privateFile);
    expect(hidden.status).toBe(404);
    expect(JSON.stringify(await hidden.json())).not.toMatch(/grille|tarifaire/);
    expect((await download(customer.client, openFile)).status).toBe(404);
    expect((await download(customer.client, privateFile)).status).toBe(404);

    // Added to the private space, the reader gets the file.
    await t.app.get(SpacesService).addMember(actor(author.user), privateId, reader.user.id);
    expect((await download(reader.client, privateFile)).status).toBe(200);
  });

  it('stops serving the files of a deleted post to anyone but their uploader', async () => {
    const file = await upload(author.client);
    const post = await t.app
      .get(PostsService)
      .create(actor(author.user), openId, 'Bientôt supprimé', { attachmentIds: [file] });
    expect((await download(reader.client, file)).status).toBe(200);
    await t.app.get(PostsService).delete(actor(author.user), post.id);
    expect((await download(reader.client, file)).status).toBe(404);
    const deleted = await reader.client.request<{ post: unknown }>(POST, { id: post.id });
    expect(errorCode(deleted)).toBe('NOT_FOUND');
  });

  it('sweeps uploads left unattached for 24 hours, rows and bytes, and nothing else', async () => {
    const service = t.app.get(AttachmentsService);
    const abandoned = await upload(author.client);
    const kept = await upload(author.client);
    await t.app.get(PostsService).create(actor(author.user), openId, 'Gardé', { attachmentIds: [kept] });
    const [{ storage_key: abandonedKey }] = await t.sql<{ storage_key: string }>(
      'select storage_key from attachments where id = $1',
      [abandoned],
    );
    const [{ storage_key: keptKey }] = await t.sql<{ storage_key: string }>(
      'select storage_key from attachments where id = $1',
      [kept],
    );

    // Not yet 24 hours old: nothing goes.
    expect(await service.sweepUnattached(new Date(Date.now() + UNATTACHED_TTL_MS - 60_000))).toBe(0);
    expect(await storedFiles()).toContain(abandonedKey);

    const swept = await service.sweepUnattached(new Date(Date.now() + UNATTACHED_TTL_MS + 60_000));
    expect(swept).toBeGreaterThanOrEqual(1);
    expect(await t.sql('select 1 from attachments where id = $1', [abandoned])).toHaveLength(0);
    const files = await storedFiles();
    expect(files).not.toContain(abandonedKey);
    expect(files).toContain(keptKey);
    expect(await t.sql('select 1 from attachments where target_id is null')).toHaveLength(0);
    expect(await t.sql('select 1 from attachments where id = $1', [kept])).toHaveLength(1);
  });

  it('costs the same number of SQL queries for a feed page of 5 posts with files as for 50', async () => {
    const local = await startTestApp({ DATA_DIR: dataDir });
    try {
      const { client } = await local.signedIn('MARKETER');
      const writers = await Promise.all([0, 1, 2].map(() => local.createUser('MARKETER')));
      const spaceId = (
        await local.app.get(SpacesService).create(actor(writers[0]), { name: 'A', description: '', visibility: 'OPEN' })
      ).id;
      const attachments = local.app.get(AttachmentsService);
      const posts = local.app.get(PostsService);
      for (let i = 0; i < 55; i += 1) {
        const writer = writers[i % writers.length];
        const ids = [];
        for (let j = 0; j < 1 + (i % 2); j += 1) {
          ids.push(
            (await attachments.upload(writer, { originalname: `v${i}-${j}.png`, size: PNG.length, buffer: PNG })).id,
          );
        }
        await posts.create(actor(writer), spaceId, `post ${i}`, { attachmentIds: ids });
      }
      const page = async (first: number) => {
        let edges: { node: { attachments: unknown[] } }[] = [];
        const { count } = await countQueries(async () => {
          const response = await client.request<{ feed: { edges: typeof edges } }>(FEED, { first });
          expect(response.errors).toBeUndefined();
          edges = response.data!.feed.edges;
        });
        expect(edges).toHaveLength(first);
        expect(edges.every((edge) => edge.node.attachments.length >= 1)).toBe(true);
        return count;
      };
      await page(5); // warm up
      const small = await page(5);
      expect(await page(50)).toBe(small);
    } finally {
      await local.close();
    }
  });
});
