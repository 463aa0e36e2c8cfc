import { OPS, expectOk, joinAsNewCustomer, openThread, reasonOf } from './co-creation-fixtures';
import { GqlClient, TestApp, errorCode, startTestApp } from './support/test-app';

/** Accounts are hashed with argon2 and the app boots: generous on a busy machine. */
const SETUP_TIMEOUT_MS = 120_000;

/** A valid 1×1 PNG. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a0d4e5c90000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe('co-creation: what customers reach besides GraphQL reads', () => {
  let t: TestApp;
  let staff: GqlClient;
  let threadA: string;
  let threadB: string;
  let customerA: Awaited<ReturnType<typeof joinAsNewCustomer>>;
  let customerB: Awaited<ReturnType<typeof joinAsNewCustomer>>;
  let neighbourB: Awaited<ReturnType<typeof joinAsNewCustomer>>;

  beforeAll(async () => {
    t = await startTestApp();
    ({ client: staff } = await t.signedIn('MARKETER'));
    threadA = await openThread(staff);
    threadB = await openThread(staff);
    customerA = await joinAsNewCustomer(t, staff, threadA);
    customerB = await joinAsNewCustomer(t, staff, threadB);
    neighbourB = await joinAsNewCustomer(t, staff, threadB);
  }, SETUP_TIMEOUT_MS);
  afterAll(() => t.close());

  const upload = async (client: GqlClient, bytes: Buffer, name: string, type: string): Promise<string> => {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type }), name);
    const response = await fetch(`${t.baseUrl}/uploads`, {
      method: 'POST',
      body: form,
      headers: { 'x-atelier-upload': '1', cookie: client.cookie! },
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const fetchFile = (client: GqlClient, id: string) =>
    fetch(`${t.baseUrl}/files/${id}`, { headers: { cookie: client.cookie! } }).then((r) => r.status);

  it("serves a proposal's image to its thread's readers only", async () => {
    const imageId = await upload(customerB.client, PNG, 'jante.png', 'image/png');
    const { submitProposal } = expectOk(
      await customerB.client.request<{ submitProposal: { id: string } }>(
        `mutation ($threadId: ID!, $input: SubmitProposalInput!) { submitProposal(threadId: $threadId, input: $input) { id images { id url } } }`,
        { threadId: threadB, input: { title: 'Jante', description: 'Cuivre', imageIds: [imageId] } },
      ),
    );
    expect(await fetchFile(neighbourB.client, imageId)).toBe(200);
    expect(await fetchFile(staff, imageId)).toBe(200);
    expect(await fetchFile(customerA.client, imageId)).toBe(404);
    // Hidden: staff and the author still see it, other customers no longer.
    expectOk(await staff.request(OPS.hide, { id: submitProposal.id, reason: 'Droits sur la photo' }));
    expect(await fetchFile(customerB.client, imageId)).toBe(200);
    expect(await fetchFile(neighbourB.client, imageId)).toBe(404);
  });

  it('attaches images only, at most 4', async () => {
    const pdf = await upload(customerA.client, PDF, 'cgv.pdf', 'application/pdf');
    const refused = await customerA.client.request(OPS.submit, {
      threadId: threadA,
      input: { title: 'Avec PDF', description: 'x', imageIds: [pdf] },
    });
    expect(reasonOf(refused)).toBe('imagesOnly');
    const [row] = await t.sql<{ n: string }>(`select count(*) as n from proposals where title = 'Avec PDF'`);
    expect(Number(row.n)).toBe(0);
    const five = await Promise.all([1, 2, 3, 4, 5].map(() => upload(customerA.client, PNG, 'a.png', 'image/png')));
    expect(
      reasonOf(
        await customerA.client.request(OPS.submit, {
          threadId: threadA,
          input: { title: 'Cinq', description: 'x', imageIds: five },
        }),
      ),
    ).toBe('tooManyImages');
  });

  it("refuses comments and reactions on another thread's proposals and offers", async () => {
    const { submitProposal } = expectOk(
      await customerB.client.request<{ submitProposal: { id: string } }>(OPS.submit, {
        threadId: threadB,
        input: { title: 'B', description: 'B', imageIds: [] },
      }),
    );
    const { addComment } = expectOk(
      await customerB.client.request<{ addComment: { id: string } }>(OPS.addComment, {
        input: { targetId: submitProposal.id, body: 'Commentaire B' },
      }),
    );
    for (const targetId of [submitProposal.id, addComment.id]) {
      expect(errorCode(await customerA.client.request(OPS.addComment, { input: { targetId, body: 'intrus' } }))).toBe(
        'NOT_FOUND',
      );
      expect(
        errorCode(
          await customerA.client.request(`mutation ($id: ID!) { react(targetId: $id, kind: LIKE) { total } }`, {
            id: targetId,
          }),
        ),
      ).toBe('NOT_FOUND');
    }
    const [row] = await t.sql<{ n: string }>(`select count(*) as n from comments where body = 'intrus'`);
    expect(Number(row.n)).toBe(0);
  });

  it("hides other people's e-mail addresses and teams from customers, not from staff", async () => {
    const teamId = await t.createTeam('Digital & Social');
    const author = await t.createUser('MARKETER', { teamIds: [teamId] });
    const authorClient = t.client();
    await authorClient.signIn(author.email);
    const { submitProposal } = expectOk(
      await customerA.client.request<{ submitProposal: { id: string } }>(OPS.submit, {
        threadId: threadA,
        input: { title: 'Adresse', description: 'x', imageIds: [] },
      }),
    );
    expectOk(await authorClient.request(OPS.addComment, { input: { targetId: submitProposal.id, body: 'Merci' } }));
    const query = `query ($id: ID!) { proposal(id: $id) { comments { author { id email teams { name } } } } }`;
    const seen = async (client: GqlClient) =>
      expectOk(
        await client.request<{ proposal: { comments: { author: { email: string | null; teams: unknown[] } }[] } }>(
          query,
          { id: submitProposal.id },
        ),
      ).proposal.comments[0].author;
    expect(await seen(customerA.client)).toEqual({ id: author.id, email: null, teams: [] });
    expect(await seen(staff)).toEqual({ id: author.id, email: author.email, teams: [{ name: 'Digital & Social' }] });
    // Their own address stays theirs to read.
    expect(expectOk(await customerA.client.request<{ me: { email: string } }>('query { me { email } }')).me.email).toBe(
      customerA.email,
    );
  });

  it('tells customers only about content of their own threads', async () => {
    const { submitProposal } = expectOk(
      await customerB.client.request<{ submitProposal: { id: string } }>(OPS.submit, {
        threadId: threadB,
        input: { title: 'Notifiée', description: 'x', imageIds: [] },
      }),
    );
    expectOk(await neighbourB.client.request(OPS.addComment, { input: { targetId: submitProposal.id, body: 'Oui' } }));
    const kinds = expectOk(
      await customerB.client.request<{ notifications: { edges: { node: { kind: string } }[] } }>(OPS.notifications),
    ).notifications.edges.map((edge) => edge.node.kind);
    expect(kinds).toContain('COMMENT_ON_CONTENT');
    const rows = await t.sql<{ recipient_id: string; scope_id: string }>(
      `select recipient_id, scope_id from notifications where recipient_id = any($1::uuid[])`,
      [[customerA.id, customerB.id, neighbourB.id]],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.scope_id).toBe(row.recipient_id === customerA.id ? threadA : threadB);
  });
});
