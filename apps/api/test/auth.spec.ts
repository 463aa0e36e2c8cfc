import { RateLimitsService } from '../src/rate-limits/rate-limits.service';
import { SessionsService } from '../src/sessions/sessions.service';
import { errorCode, PASSWORD, startTestApp, TestApp } from './support/test-app';

const ME = '{ me { id email role } }';

describe('sign-in, sessions and rate limits', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ SIGNIN_MAX_FAILURES_PER_EMAIL: '3', SIGNIN_MAX_FAILURES_PER_IP: '8' });
  });
  afterAll(() => t.close());

  it('signs in with the right password, whatever the case of the e-mail, and opens a session', async () => {
    const user = await t.createUser('MARKETER');
    const client = t.client();
    const response = await client.signIn(user.email.toUpperCase());
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ signIn: { id: user.id } });
    const me = await client.request(ME);
    expect(me.data).toEqual({ me: { id: user.id, email: user.email, role: 'MARKETER' } });
  });

  it('sets an httpOnly, SameSite=Lax cookie holding only a random id, stored hashed', async () => {
    const user = await t.createUser('MARKETER');
    const response = await t.client().raw({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }',
        variables: { e: user.email, p: PASSWORD },
      }),
    });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^atelier_sid=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    expect(cookie).not.toContain(user.id);
    const token = cookie.split(';')[0].split('=')[1];
    const rows = await t.sql<{ id_hash: string }>('select id_hash from sessions where user_id = $1', [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].id_hash).not.toContain(token);
  });

  it('gives the same error for an unknown e-mail and a wrong password', async () => {
    const user = await t.createUser('MARKETER');
    const wrongPassword = await t.client().signIn(user.email, 'not-the-password');
    const unknownEmail = await t.client().signIn('nobody-here@test.example', 'not-the-password');
    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors?.[0].message).toBe('The e-mail address or the password is incorrect.');
    expect(unknownEmail.errors?.[0]).toEqual(wrongPassword.errors?.[0]);
  });

  it('revokes the session at once on sign-out, even if the cookie is replayed', async () => {
    const { client } = await t.signedIn('MARKETER');
    const cookie = client.cookie!;
    const signOut = await client.request('mutation { signOut }');
    expect(signOut.data).toEqual({ signOut: true });
    expect(signOut.headers.get('set-cookie')).toMatch(/atelier_sid=;/);
    const replayed = await t.client().request(ME, {}, { cookie });
    expect(replayed.data).toEqual({ me: null });
  });

  it('revokes every live session of a deactivated user and refuses their next sign-in', async () => {
    const { user, client } = await t.signedIn('MARKETER');
    const { client: admin } = await t.signedIn('ADMIN');
    expect((await client.request(ME)).data?.me).not.toBeNull();
    const deactivated = await admin.request('mutation ($id: ID!) { deactivateUser(id: $id) { active } }', {
      id: user.id,
    });
    expect(deactivated.data).toEqual({ deactivateUser: { active: false } });
    expect((await client.request(ME)).data).toEqual({ me: null });
    expect(await t.sql('select 1 from sessions where user_id = $1', [user.id])).toHaveLength(0);
    const again = await t.client().signIn(user.email);
    expect(again.errors?.[0].extensions?.reason).toBe('accountDeactivated');
  });

  it('limits failed attempts per e-mail, refusing even the right password, and says when to retry', async () => {
    const user = await t.createUser('MARKETER');
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(errorCode(await t.client().signIn(user.email, 'wrong-password'))).toBe('UNAUTHENTICATED');
    }
    const blocked = await t.client().signIn(user.email);
    expect(errorCode(blocked)).toBe('TOO_MANY_REQUESTS');
    expect(blocked.errors?.[0].message).toMatch(/Try again in \d+ minutes?\./);
    expect(blocked.errors?.[0].extensions?.params).toEqual(
      expect.objectContaining({ retryAfterMinutes: expect.any(Number) }),
    );
  });

  it('refuses an expired session, and housekeeping removes it', async () => {
    const { user, client } = await t.signedIn('MARKETER');
    await t.sql(`update sessions set expires_at = now() - interval '1 minute' where user_id = $1`, [user.id]);
    expect((await client.request(ME)).data).toEqual({ me: null });
    await t.app.get(SessionsService).purgeExpired();
    expect(await t.sql('select 1 from sessions where user_id = $1', [user.id])).toHaveLength(0);
  });

  it('housekeeping drops closed rate-limit windows only', async () => {
    await t.client().signIn('someone-else@test.example', 'wrong-password');
    const key = 'signin:email:someone-else@test.example';
    expect(await t.sql('select 1 from rate_limit_buckets where key = $1', [key])).toHaveLength(1);
    await t.app.get(RateLimitsService).purgeBefore(new Date(Date.now() - 24 * 3600 * 1000));
    expect(await t.sql('select 1 from rate_limit_buckets where key = $1', [key])).toHaveLength(1);
    await t.app.get(RateLimitsService).purgeBefore(new Date(Date.now() + 3600 * 1000));
    expect(await t.sql('select 1 from rate_limit_buckets where key = $1', [key])).toHaveLength(0);
  });

  it('limits failed attempts per address across e-mails', async () => {
    const local = await startTestApp({ SIGNIN_MAX_FAILURES_PER_IP: '4' });
    try {
      for (let attempt = 0; attempt < 4; attempt += 1) {
        await local.client().signIn(`guess-${attempt}@test.example`, 'wrong-password');
      }
      const user = await local.createUser('MARKETER');
      expect(errorCode(await local.client().signIn(user.email))).toBe('TOO_MANY_REQUESTS');
    } finally {
      await local.close();
    }
  });

  it('marks the cookie Secure when served over https behind a trusted proxy', async () => {
    const local = await startTestApp({ TRUST_PROXY: 'true' });
    try {
      const user = await local.createUser('MARKETER');
      const client = local.client();
      const response = await client.raw({
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
        body: JSON.stringify({
          query: 'mutation ($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }',
          variables: { e: user.email, p: PASSWORD },
        }),
      });
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/i);
    } finally {
      await local.close();
    }
  });
});
