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
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.map((e) => e.message).join(' ')).toMatch(/depth/i);
  });

  it('refuses a query over the cost or alias limits', async () => {
    const { client } = await t.signedIn('ADMIN');
    const aliases = Array.from({ length: 60 }, (_, i) => `u${i}: users { id email teams { id name } }`).join(' ');
    const response = await client.request(`{ ${aliases} }`);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors?.map((e) => e.message).join(' ')).toMatch(/alias|cost/i);
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
