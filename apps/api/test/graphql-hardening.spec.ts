import { errorCode, startTestApp, TestApp } from './support/test-app';

describe('GraphQL hardening', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('refuses a query deeper than the limit', async () => {
    const { client } = await t.signedIn('ADMIN');
    // Twelve levels: beyond any query the web app sends, and refused before any field is resolved.
    const deep = `{ me { teams { ${'a { '.repeat(10)}b${' }'.repeat(10)} } } }`;
    const response = await client.request(deep);
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/^This query nests 13 levels deep; the depth limit is 10\./);
  });

  it('answers a syntax error with 400 and says where it is', async () => {
    for (const query of ['{ me { id }', '{ me { id } } }', 'query {', '{ me(: 1) { id } }']) {
      const response = await t.client().request(query);
      expect(response.status).toBe(400);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toMatch(/^Syntax Error: /);
      expect(response.data).toBeUndefined();
    }
  });

  it('answers a document over the token limit with 400 and the limit', async () => {
    const { client } = await t.signedIn('ADMIN');
    // 3,001 tokens of a valid shape: refused while parsing, before validation or any resolver.
    const response = await client.request(`{ me { ${'id '.repeat(2997)}} }`);
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/too large: at most 3000 tokens/);
  });

  it('refuses a query over the alias limit and says so', async () => {
    const { client } = await t.signedIn('ADMIN');
    const aliases = Array.from({ length: 60 }, (_, i) => `u${i}: users { id email teams { id name } }`).join(' ');
    const response = await client.request(`{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    const messages = response.errors?.map((e) => e.message) ?? [];
    expect(messages).toContain('This query uses 60 aliases; the alias limit is 15. Split it into several queries.');
    expect(messages.join(' ')).not.toMatch(/Syntax Error/);
  });

  it('says which cost was over the limit', async () => {
    const { client } = await t.signedIn('ADMIN');
    // Within the token, depth and alias limits, over the cost one (about 5,600).
    const person = 'id displayName email teams { id name }';
    const entry = `id body createdAt reactions { total } author { ${person} }`;
    const feed = `feed { edges { node { ${entry} space { id name } comments { ${entry} replies { ${entry} } } } } }`;
    const response = await client.request(`{ ${Array.from({ length: 15 }, (_, i) => `p${i}: ${feed}`).join(' ')} }`);
    expect(response.status).toBe(400);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/^This query would cost \d+; the cost limit is 5000\./);
  });

  it('refuses a request without the CSRF-safe content type or header', async () => {
    const get = await t.client().raw({ method: 'GET', path: '/graphql?query=%7Bme%7Bid%7D%7D' });
    expect(get.status).toBe(400);
    const form = await t.client().raw({
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(form.status).toBe(400);
    expect(((await form.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
      /Cross-Site Request Forgery/,
    );
  });

  it('refuses a body over the size limit before running anything', async () => {
    const response = await t.client().raw({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(300_000) } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/larger than/);
  });

  it('sends security headers and a request id on every response', async () => {
    const response = await t.client().raw({ method: 'GET', path: '/healthz' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toBeTruthy();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('masks an error of ours behind the request id the response header carries', async () => {
    const { client } = await t.signedIn('MARKETER');
    // A table gone from under a query: the kind of failure no caller can fix.
    await t.sql('alter table spaces rename to spaces_away');
    try {
      const response = await client.request('query { spaces { id } }');
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.errors).toEqual([
        expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }),
      ]);
      expect(response.errors![0].message).toContain(requestId);
      expect(response.errors![0].message).not.toContain('spaces');
    } finally {
      await t.sql('alter table spaces_away rename to spaces');
    }
  });

  it('answers /healthz and /readyz', async () => {
    expect(await (await t.client().raw({ method: 'GET', path: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect(await (await t.client().raw({ method: 'GET', path: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  describe('in production', () => {
    let prod: TestApp;
    beforeAll(async () => {
      prod = await startTestApp({ NODE_ENV: 'production' });
    });
    afterAll(() => prod.close());

    it('turns introspection off', async () => {
      const response = await prod.client().request('{ __schema { types { name } } }');
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toMatch(/introspection/i);
    });

    it('gives no field suggestions', async () => {
      const response = await prod.client().request('{ mee { id } }');
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).not.toMatch(/Did you mean/);
    });

    it('sets a content security policy', async () => {
      const response = await prod.client().raw({ method: 'GET', path: '/healthz' });
      expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    });
  });

  it('suggests fields outside production, to help developers', async () => {
    const response = await t.client().request('{ mee { id } }');
    expect(response.errors?.[0].message).toMatch(/Did you mean "me"/);
  });
});
