import http from 'node:http';
import pino from 'pino';
import { drain } from '../src/health/drain';
import { DrainState } from '../src/health/drain-state';
import { LiveClient } from './support/live-client';
import { errorCode, GqlClient, PASSWORD, startTestApp, TestApp } from './support/test-app';

const ME = `{ me { id email } }`;
const silent = pino({ level: 'silent' });

/** Sends a GraphQL request whose body arrives in two parts; `finish()` sends the rest. */
function slowRequest(baseUrl: string, cookie: string, query: string) {
  const body = JSON.stringify({ query });
  const url = new URL('/graphql', baseUrl);
  let resolveResponse!: (value: { status: number; body: string }) => void;
  let rejectResponse!: (error: Error) => void;
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    resolveResponse = resolve;
    rejectResponse = reject;
  });
  const request = http.request(
    {
      host: url.hostname,
      port: url.port,
      path: url.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), cookie },
    },
    (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolveResponse({ status: res.statusCode ?? 0, body: text }));
    },
  );
  request.on('error', rejectResponse);
  const half = Math.floor(body.length / 2);
  request.write(body.slice(0, half));
  const started = new Promise<void>((resolve) => request.once('socket', (socket) => socket.once('connect', resolve)));
  return { started, response, finish: () => request.end(body.slice(half)) };
}

describe('several instances on one database', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp({ SIGNIN_MAX_FAILURES_PER_EMAIL: '3' });
    b = await startTestApp({ SIGNIN_MAX_FAILURES_PER_EMAIL: '3' }, { databaseUrl: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('shares sessions: signed in on one instance, known on the other; signed out everywhere', async () => {
    const user = await a.createUser('MARKETER');
    const onA = new GqlClient(a.baseUrl);
    await onA.signIn(user.email);
    const onB = new GqlClient(b.baseUrl);
    onB.cookie = onA.cookie;
    expect((await onB.request<{ me: { id: string } }>(ME)).data?.me.id).toBe(user.id);
    await onB.request(`mutation { signOut }`);
    expect((await onA.request<{ me: null }>(ME)).data?.me).toBeNull();
  });

  it('shares sign-in failure counters: failures on both instances add up', async () => {
    const user = await a.createUser('MARKETER');
    await new GqlClient(a.baseUrl).signIn(user.email, 'wrong-password-1');
    await new GqlClient(b.baseUrl).signIn(user.email, 'wrong-password-1');
    await new GqlClient(a.baseUrl).signIn(user.email, 'wrong-password-1');
    // The fourth attempt, with the right password, is refused on either instance.
    expect(errorCode(await new GqlClient(b.baseUrl).signIn(user.email, PASSWORD))).toBe('TOO_MANY_REQUESTS');
  });

  it('reports a draining instance as not ready, so a load balancer stops sending it traffic', async () => {
    expect((await fetch(`${b.baseUrl}/readyz`)).status).toBe(200);
    b.app.get(DrainState).draining = true;
    const response = await fetch(`${b.baseUrl}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ reason: 'shutting down' });
    b.app.get(DrainState).draining = false;
  });
});

describe('draining an instance (SIGTERM)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('finishes the request in flight, refuses new connections, closes live sockets, then stops', async () => {
    const { user, client } = await t.signedIn('MARKETER');
    const socket = await LiveClient.open(t.baseUrl, client);
    const inFlight = slowRequest(t.baseUrl, client.cookie!, ME);
    await inFlight.started;

    const drained = drain(t.app, 5_000, silent);
    // The live connection is closed at once, so its client reconnects to another instance.
    expect(await socket.waitDisconnected()).toBe('io server disconnect');
    // No new connection is accepted.
    await expect(fetch(`${t.baseUrl}/healthz`)).rejects.toThrow();

    inFlight.finish();
    const answered = await inFlight.response;
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.body)).toEqual({ data: { me: { id: user.id, email: user.email } } });
    await drained;
    expect(t.app.getHttpServer().listening).toBe(false);
  });
});
