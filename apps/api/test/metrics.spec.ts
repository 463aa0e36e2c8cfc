import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { MetricsService } from '../src/metrics/metrics.service';
import { LiveClient, sleep } from './support/live-client';
import { errorCode, startTestApp, TestApp } from './support/test-app';

const CREATE_SPACE = `mutation CreateSpace($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`;
const CREATE_POST = `mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { id } }`;

/** The value of the sample `name{labels}` in Prometheus text, or undefined when there is none. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('Prometheus metrics', () => {
  let t: TestApp;
  let metricsUrl: string;
  let address: AddressInfo;

  const scrape = async () => {
    const response = await fetch(metricsUrl);
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    t = await startTestApp({ METRICS_PORT: '0' });
    address = (await t.app.get(MetricsService).listen())!;
    metricsUrl = `http://127.0.0.1:${address.port}/metrics`;
  });
  afterAll(() => t?.close());

  it('serves Prometheus text with the duration of each GraphQL operation, by name', async () => {
    const { client } = await t.signedIn('MARKETER');
    const anonymousBefore =
      sample(await scrape(), 'atelier_graphql_request_duration_seconds_count', { operation: 'anonymous' }) ?? 0;
    await client.request(`query MetricsProbe { me { id } }`);
    await client.request(`query MetricsProbe { me { id } }`);
    await client.request(`{ me { id } }`);

    const response = await fetch(metricsUrl);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE atelier_graphql_request_duration_seconds histogram');
    expect(sample(text, 'atelier_graphql_request_duration_seconds_count', { operation: 'MetricsProbe' })).toBe(2);
    expect(
      sample(text, 'atelier_graphql_request_duration_seconds_bucket', { operation: 'MetricsProbe', le: '+Inf' }),
    ).toBe(2);
    expect(sample(text, 'atelier_graphql_request_duration_seconds_count', { operation: 'anonymous' })).toBe(
      anonymousBefore + 1,
    );
    // The process's own metrics and the database pool's use are there too.
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
    expect(sample(text, 'atelier_db_pool_connections')).toBeGreaterThan(0);
    expect(sample(text, 'atelier_db_pool_idle_connections')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'atelier_db_pool_waiting_requests')).toBe(0);
  });

  it('counts a refused request under its error code and operation', async () => {
    const before = await scrape();
    const { client } = await t.signedIn('CUSTOMER');
    const name = `Refused ${randomUUID()}`;
    const refused = await client.request(CREATE_SPACE, { input: { name, description: '', visibility: 'OPEN' } });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(await t.sql('select id from spaces where name = $1', [name])).toEqual([]);

    const labels = { operation: 'CreateSpace', code: 'FORBIDDEN' };
    const after = await scrape();
    expect(sample(after, 'atelier_graphql_errors_total', labels)).toBe(
      (sample(before, 'atelier_graphql_errors_total', labels) ?? 0) + 1,
    );
  });

  it('labels a document that does not parse "invalid", never with a name the client made up', async () => {
    await t.client().request(`query Made_Up_Name { me { id `);
    const text = await scrape();
    expect(sample(text, 'atelier_graphql_errors_total', { operation: 'invalid', code: 'BAD_USER_INPUT' })).toBe(1);
    expect(text).not.toContain('Made_Up_Name');
  });

  it('times the other routes by route pattern and status, never by path', async () => {
    const { client } = await t.signedIn('MARKETER');
    const missing = randomUUID();
    expect((await client.raw({ path: `/files/${missing}` })).status).toBe(404);
    expect((await fetch(`${t.baseUrl}/readyz`)).status).toBe(200);

    const text = await scrape();
    expect(
      sample(text, 'atelier_http_request_duration_seconds_count', {
        route: '/files/:id',
        method: 'GET',
        status: '404',
      }),
    ).toBe(1);
    expect(
      sample(text, 'atelier_http_request_duration_seconds_count', { route: '/readyz', method: 'GET', status: '200' }),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(missing);
  });

  it('counts live connections and times the delivery of live events', async () => {
    const author = await t.signedIn('MARKETER');
    const reader = await t.signedIn('MARKETER');
    const spaceId = (
      await author.client.request<{ createSpace: { id: string } }>(CREATE_SPACE, {
        input: { name: `Live ${randomUUID()}`, description: '', visibility: 'OPEN' },
      })
    ).data!.createSpace.id;
    const before = sample(await scrape(), 'atelier_live_delivery_lag_seconds_count') ?? 0;
    const socket = await LiveClient.open(t.baseUrl, reader.client);
    try {
      expect(sample(await scrape(), 'atelier_live_connected_sockets')).toBe(1);
      await author.client.request(CREATE_POST, {
        input: { spaceId, body: 'Essais routiers DS4 : le planning est en ligne.' },
      });
      await socket.expectExactly('post.created', { spaceId });
      expect(sample(await scrape(), 'atelier_live_delivery_lag_seconds_count')).toBeGreaterThan(before);
    } finally {
      socket.close();
    }
    for (let waited = 0; waited < 5000; waited += 50) {
      if (sample(await scrape(), 'atelier_live_connected_sockets') === 0) break;
      await sleep(50);
    }
    expect(sample(await scrape(), 'atelier_live_connected_sockets')).toBe(0);
  });

  it('is never served on the public port, and only on the loopback by default', async () => {
    const publicResponse = await fetch(`${t.baseUrl}/metrics`);
    expect(publicResponse.status).toBe(404);
    expect(await publicResponse.text()).not.toContain('atelier_graphql');
    expect(address.address).toBe('127.0.0.1');
    expect(address.port).not.toBe(new URL(t.baseUrl).port);
    expect((await fetch(`http://127.0.0.1:${address.port}/graphql`)).status).toBe(404);
  });
});
