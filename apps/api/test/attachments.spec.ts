import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AttachmentAccessRegistry } from '../src/attachments/attachment-access';
import { AttachmentsService, MAX_ATTACHMENTS_PER_CONTENT } from '../src/attachments/attachments.service';
import { User } from '../src/users/user.entity';
import { countQueries } from './support/query-counter';
import { GqlClient, startTestApp, TestApp } from './support/test-app';

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0d4e5c90000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120)]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');

const MAX_BYTES = 1024;
const CSRF = { 'x-atelier-upload': '1' };

interface UploadResponse {
  status: number;
  body: {
    id?: string;
    kind?: string;
    mimeType?: string;
    sizeBytes?: number;
    originalName?: string;
    errors?: { message: string; extensions: { code: string; reason: string } }[];
  };
}

describe('attachments: upload and serving of images and PDFs', () => {
  let t: TestApp;
  let dataDir: string;
  let marketer: { user: User; client: GqlClient };
  let manager: { user: User; client: GqlClient };

  const storedFiles = async (): Promise<string[]> => {
    const root = path.join(dataDir, 'attachments');
    const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  };
  const rowsOf = async (userId: string) =>
    t.sql<{ id: string }>('select id from attachments where uploader_id = $1', [userId]);

  const upload = async (
    client: GqlClient | undefined,
    bytes: Buffer,
    name: string,
    type: string,
    headers: Record<string, string> = CSRF,
    field = 'file',
  ): Promise<UploadResponse> => {
    const form = new FormData();
    form.append(field, new Blob([bytes], { type }), name);
    const response = await fetch(`${t.baseUrl}/uploads`, {
      method: 'POST',
      body: form,
      headers: { ...headers, ...(client?.cookie && { cookie: client.cookie }) },
    });
    return { status: response.status, body: (await response.json()) as UploadResponse['body'] };
  };

  const download = (client: GqlClient | undefined, id: string) =>
    fetch(`${t.baseUrl}/files/${id}`, { headers: client?.cookie ? { cookie: client.cookie } : {} });

  const reasonOf = (response: UploadResponse) => response.body.errors?.[0]?.extensions;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-attachments-'));
    t = await startTestApp({ DATA_DIR: dataDir, UPLOAD_MAX_BYTES: String(MAX_BYTES) });
    marketer = await t.signedIn('MARKETER');
    manager = await t.signedIn('MANAGER');
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('accepts a PNG from staff, stores it under its key and serves the same bytes to its uploader', async () => {
    const response = await upload(marketer.client, PNG, 'pixel.png', 'image/png');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      kind: 'IMAGE',
      mimeType: 'image/png',
      sizeBytes: PNG.length,
      originalName: 'pixel.png',
    });
    const [row] = await t.sql<{ storage_key: string; width: number; height: number; target_id: string | null }>(
      'select storage_key, width, height, target_id from attachments where id = $1',
      [response.body.id],
    );
    expect(row).toEqual(expect.objectContaining({ width: 1, height: 1, target_id: null }));
    expect(await storedFiles()).toContain(
      path.join(dataDir, 'attachments', row.storage_key.slice(0, 2), row.storage_key),
    );

    const file = await download(marketer.client, response.body.id!);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toBe(`inline; filename="pixel.png"; filename*=UTF-8''pixel.png`);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('accepts a PDF, served as a download whose name ends in .pdf whatever it was called', async () => {
    const response = await upload(manager.client, PDF, '../../Q3 plan.exe', 'application/octet-stream');
    expect(response.status).toBe(201);
    expect(response.body).toEqual(
      expect.objectContaining({ kind: 'PDF', mimeType: 'application/pdf', originalName: 'Q3 plan.exe' }),
    );
    const file = await download(manager.client, response.body.id!);
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PDF)).toBe(true);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="Q3 plan.exe.pdf"; filename*=UTF-8''Q3%20plan.exe.pdf`,
    );
  });

  it('accepts a file of exactly the limit and refuses one byte more with 413, writing nothing', async () => {
    const exact = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES - PNG.length)]);
    expect((await upload(marketer.client, exact, 'exact.png', 'image/png')).status).toBe(201);

    const { user, client } = await t.signedIn('MARKETER');
    const before = await storedFiles();
    for (const size of [MAX_BYTES + 1, 2048]) {
      const bytes = Buffer.concat([PNG, Buffer.alloc(size - PNG.length)]);
      const tooLarge = await upload(client, bytes, 'big.png', 'image/png');
      expect(tooLarge.status).toBe(413);
      expect(reasonOf(tooLarge)).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'fileTooLarge',
        field: 'file',
        params: { maxBytes: MAX_BYTES },
      });
      expect(tooLarge.body.errors?.[0].message).toBe(
        'The file is larger than the 1024 bytes allowed. Reduce its size and upload it again.',
      );
    }
    expect(await rowsOf(user.id)).toHaveLength(0);
    expect(await storedFiles()).toEqual(before);
  });

  it.each([
    ['an ELF executable renamed .png', ELF, 'photo.png', 'image/png'],
    ['an SVG image', SVG, 'logo.svg', 'image/svg+xml'],
    ['an HTML page renamed .pdf', HTML, 'brief.pdf', 'application/pdf'],
    ['an empty file', Buffer.alloc(0), 'empty.png', 'image/png'],
  ])('refuses %s with 415, writing nothing', async (_label, bytes, name, type) => {
    const { user, client } = await t.signedIn('MARKETER');
    const before = await storedFiles();
    const response = await upload(client, bytes, name, type);
    expect(response.status).toBe(415);
    expect(reasonOf(response)).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'fileTypeNotAllowed' }),
    );
    expect(response.body.errors?.[0].message).toMatch(/Upload a PNG, JPEG, GIF or WebP image, or a PDF\./);
    expect(await rowsOf(user.id)).toHaveLength(0);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses anonymous callers with 401, writing nothing; customers upload (for their co-creation proposals)', async () => {
    const before = await storedFiles();
    const anonymous = await upload(undefined, PNG, 'pixel.png', 'image/png');
    expect(anonymous.status).toBe(401);
    expect(reasonOf(anonymous)).toEqual({ code: 'UNAUTHENTICATED', reason: 'unauthenticated' });
    expect(await storedFiles()).toEqual(before);

    const customer = await t.signedIn('CUSTOMER');
    const accepted = await upload(customer.client, PNG, 'pixel.png', 'image/png');
    expect(accepted.status).toBe(201);
    expect(await rowsOf(customer.user.id)).toHaveLength(1);
    // Unattached, it is the customer's alone.
    expect((await download(manager.client, accepted.body.id!)).status).toBe(404);
  });

  it('refuses an upload without the anti-CSRF header', async () => {
    const { user, client } = await t.signedIn('MARKETER');
    const response = await upload(client, PNG, 'pixel.png', 'image/png', {});
    expect(response.status).toBe(400);
    expect(reasonOf(response)).toEqual({ code: 'BAD_USER_INPUT', reason: 'missingCsrfHeader' });
    expect(await rowsOf(user.id)).toHaveLength(0);
  });

  it('refuses a request without a file, or with the file in another field', async () => {
    const noFile = await fetch(`${t.baseUrl}/uploads`, {
      method: 'POST',
      headers: { ...CSRF, cookie: marketer.client.cookie!, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as UploadResponse['body']).errors?.[0].extensions.reason).toBe('noFile');

    const otherField = await upload(marketer.client, PNG, 'pixel.png', 'image/png', CSRF, 'picture');
    expect(otherField.status).toBe(400);
    expect(reasonOf(otherField)).toEqual(expect.objectContaining({ reason: 'invalidUpload' }));
  });

  it('answers the same 404 for a file of someone else, an unknown id, a malformed id and an anonymous caller', async () => {
    const { body } = await upload(marketer.client, PNG, 'pixel.png', 'image/png');
    const responses = [
      await download(manager.client, body.id!),
      await download(manager.client, randomUUID()),
      await download(manager.client, 'not-a-uuid'),
      await download(manager.client, "1' or '1'='1"),
      await download(undefined, body.id!),
    ];
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 404, 404]);
    for (const answer of bodies) expect(answer).toEqual(bodies[0]);
    expect(bodies[0]).toEqual({
      errors: [
        {
          message: 'This file does not exist or is not visible to you.',
          extensions: { code: 'NOT_FOUND', reason: 'notFound', params: { what: 'file' } },
        },
      ],
    });
  });

  it('lets others read an attached file only when the checker of its target type says so', async () => {
    const service = t.app.get(AttachmentsService);
    const reader = await t.signedIn('MARKETER');
    t.app.get(AttachmentAccessRegistry).register('TEST_DOC', {
      canRead: async (viewer, targetType) => targetType === 'TEST_DOC' && viewer.id === reader.user.id,
    });
    const { body } = await upload(marketer.client, PNG, 'pixel.png', 'image/png');
    await service.attach(marketer.user.id, [body.id!], 'TEST_DOC', randomUUID());
    expect((await download(reader.client, body.id!)).status).toBe(200);
    expect((await download(manager.client, body.id!)).status).toBe(404);
    expect((await download(marketer.client, body.id!)).status).toBe(200);

    // A target type nobody registered is denied.
    const other = await upload(marketer.client, PNG, 'pixel.png', 'image/png');
    await service.attach(marketer.user.id, [other.body.id!], 'UNREGISTERED', randomUUID());
    expect((await download(reader.client, other.body.id!)).status).toBe(404);
  });

  describe('attach() and listFor()', () => {
    const uploadMany = async (user: User, count: number): Promise<string[]> => {
      const service = t.app.get(AttachmentsService);
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        ids.push((await service.upload(user, { originalname: `p${i}.png`, size: PNG.length, buffer: PNG })).id);
      }
      return ids;
    };
    const reasonOfCall = async (call: Promise<unknown>): Promise<string | undefined> => {
      try {
        await call;
      } catch (error) {
        return (error as { details?: { reason?: string } }).details?.reason;
      }
      return undefined;
    };

    it(`attaches up to ${MAX_ATTACHMENTS_PER_CONTENT} of the uploader's files, and lists them per target in one query`, async () => {
      const service = t.app.get(AttachmentsService);
      const ids = await uploadMany(marketer.user, MAX_ATTACHMENTS_PER_CONTENT + 1);
      const first = randomUUID();
      const second = randomUUID();
      await service.attach(marketer.user.id, ids.slice(0, MAX_ATTACHMENTS_PER_CONTENT), 'POST_TEST', first);
      await service.attach(marketer.user.id, ids.slice(MAX_ATTACHMENTS_PER_CONTENT), 'POST_TEST', second);

      let lists: Awaited<ReturnType<AttachmentsService['listFor']>> = [];
      const { count } = await countQueries(async () => {
        lists = await service.listFor('POST_TEST', [second, randomUUID(), first]);
      });
      expect(count).toBe(1);
      expect(lists.map((list) => list.map((attachment) => attachment.id))).toEqual([
        ids.slice(MAX_ATTACHMENTS_PER_CONTENT),
        [],
        ids.slice(0, MAX_ATTACHMENTS_PER_CONTENT),
      ]);
    });

    it(`refuses more than ${MAX_ATTACHMENTS_PER_CONTENT} files, at once or in total`, async () => {
      const service = t.app.get(AttachmentsService);
      const ids = await uploadMany(marketer.user, MAX_ATTACHMENTS_PER_CONTENT + 1);
      const target = randomUUID();
      expect(await reasonOfCall(service.attach(marketer.user.id, ids, 'POST_TEST', target))).toBe('tooManyAttachments');
      await service.attach(marketer.user.id, ids.slice(0, 3), 'POST_TEST', target);
      expect(await reasonOfCall(service.attach(marketer.user.id, ids.slice(3), 'POST_TEST', target))).toBe(
        'tooManyAttachments',
      );
      const rows = await t.sql('select 1 from attachments where id = any($1) and target_id is not null', [ids]);
      expect(rows).toHaveLength(3);
    });

    it("refuses someone else's file, an unknown id, and a file already attached, changing nothing", async () => {
      const service = t.app.get(AttachmentsService);
      const [mine, another] = await uploadMany(marketer.user, 2);
      const [theirs] = await uploadMany(manager.user, 1);
      expect(await reasonOfCall(service.attach(marketer.user.id, [mine, theirs], 'POST_TEST', randomUUID()))).toBe(
        'unknownAttachment',
      );
      expect(
        await reasonOfCall(service.attach(marketer.user.id, [mine, randomUUID()], 'POST_TEST', randomUUID())),
      ).toBe('unknownAttachment');
      expect(await reasonOfCall(service.attach(marketer.user.id, ['nope'], 'POST_TEST', randomUUID()))).toBe(
        'unknownAttachment',
      );
      await service.attach(marketer.user.id, [another], 'POST_TEST', randomUUID());
      expect(await reasonOfCall(service.attach(marketer.user.id, [mine, another], 'POST_TEST', randomUUID()))).toBe(
        'attachmentAlreadyUsed',
      );
      const [row] = await t.sql<{ target_id: string | null }>('select target_id from attachments where id = $1', [
        mine,
      ]);
      expect(row.target_id).toBeNull();
    });
  });
});
