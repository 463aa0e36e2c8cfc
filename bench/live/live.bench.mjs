/**
 * bench:live — live events across two API instances, with each adapter.
 *
 * One scratch database, one private space of 1,000 members, each with an open session. Per adapter
 * (PostgreSQL: no REDIS_URL; Redis: a throwaway redis-server), two API instances start on it, 1,000
 * socket.io clients connect (half to each, by session cookie), and a member posts 100 times through
 * the API, alternating instances, one post every --interval ms. Delivery latency is measured from the
 * moment the createPost request leaves the sender to the 'post.created' receipt on each client (same
 * process, one clock); the fan-out column is the spread between a post's first and last receipt.
 * Every client must receive every post exactly once. Options: --clients <n>,
 * --posts <n>, --interval <ms>, --only postgres|redis, --keep.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { io } from 'socket.io-client';
import { Gql, newSessionToken } from '../support/gql.mjs';
import { describeMachine, percentile, printTable, round, stepper, writeResult } from '../support/report.mjs';
import {
  cleanupOnExit,
  dropDatabase,
  freePort,
  freshDatabase,
  startApi,
  startScratchServer,
  withClient,
} from '../support/scratch.mjs';
import { bulkUsers, insertRows, passwordHashOf } from '../support/seed.mjs';

const { values: options } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    posts: { type: 'string', default: '100' },
    interval: { type: 'string', default: '200' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const CLIENTS = Number(options.clients);
const POSTS = Number(options.posts);
const INTERVAL_MS = Number(options.interval);
const ADMIN = { email: 'admin@bench.example', password: 'bench-admin-password' };
const POSTER = { email: 'poster@bench.example', password: 'bench-poster-password' };
const DB_NAME = 'atelier_bench_live';
const AIM = { p99Ms: 150 };
const CONNECT_BATCH = 50;

const step = stepper();
const cleanup = cleanupOnExit();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function seed(databaseUrl, api) {
  const admin = await new Gql(api.url).signIn(ADMIN.email, ADMIN.password);
  const { createUser } = await admin.request(
    `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    {
      input: {
        email: POSTER.email,
        displayName: 'Poster Bench',
        password: POSTER.password,
        role: 'MARKETER',
        locale: 'fr',
      },
    },
  );
  const { createSpace } = await admin.request(
    `mutation ($input: CreateSpaceInput!) { createSpace(input: $input) { id } }`,
    { input: { name: 'Lancement DS4', description: 'Tout sur le lancement', visibility: 'PRIVATE' } },
  );
  return withClient(databaseUrl, async (client) => {
    const { password_hash: hash } = await passwordHashOf(client, ADMIN.email);
    const members = await bulkUsers(client, { count: CLIENTS, passwordHash: hash, prefix: 'member' });
    await insertRows(
      client,
      'space_members',
      ['space_id', 'user_id'],
      ['uuid', 'uuid'],
      [createUser.id, ...members].map((userId) => [createSpace.id, userId]),
    );
    // A session per member, stored as SessionsService stores one (the SHA-256 of the cookie value).
    const sessions = members.map((userId) => ({ userId, ...newSessionToken() }));
    await insertRows(
      client,
      'sessions',
      ['id_hash', 'user_id', 'expires_at'],
      ['text', 'uuid', 'timestamptz'],
      sessions.map((s) => [s.idHash, s.userId, new Date(Date.now() + 86_400_000)]),
    );
    return { spaceId: createSpace.id, sessions };
  });
}

async function startRedis() {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (/ready to accept connections/i.test(output)) resolve();
    });
    child.once('error', (error) =>
      reject(new Error(`could not start redis-server (apt-get install redis-server): ${error.message}`)),
    );
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
  child.stdout.resume();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function connectAll(instances, sessions, onEvent) {
  const sockets = [];
  for (let start = 0; start < sessions.length; start += CONNECT_BATCH) {
    const batch = sessions.slice(start, start + CONNECT_BATCH).map((session, offset) => {
      const index = start + offset;
      const instance = index % instances.length;
      const socket = io(instances[instance].url, {
        path: '/socket.io',
        transports: ['websocket'],
        extraHeaders: { cookie: `atelier_sid=${session.token}` },
        reconnection: false,
        forceNew: true,
        timeout: 30_000,
      });
      socket.on('post.created', (payload) => onEvent(index, instance, payload));
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', (error) =>
          reject(new Error(`client ${index} could not connect: ${error.message}`)),
        );
      });
    });
    await Promise.all(batch);
  }
  return sockets;
}

async function runAdapter(adapter, databaseUrl, state) {
  const redis = adapter === 'redis' ? await startRedis() : null;
  if (redis) cleanup.add(() => redis.stop());
  const env = redis ? { REDIS_URL: redis.url } : {};
  const instances = [
    await startApi({ databaseUrl, port: await freePort(), env, label: `${adapter}-A` }),
    await startApi({ databaseUrl, port: await freePort(), env, label: `${adapter}-B` }),
  ];
  for (const instance of instances) cleanup.add(() => instance.stop());
  step(`${adapter}: two instances up`);

  const sentAt = new Map();
  const receipts = [];
  const sockets = await connectAll(instances, state.sessions, (client, instance, payload) => {
    receipts.push({ client, instance, postId: payload?.postId, at: performance.now() });
  });
  step(`${adapter}: ${sockets.length} clients connected (${CLIENTS / 2} per instance)`);
  await sleep(1000);

  const posters = await Promise.all(
    instances.map((instance) => new Gql(instance.url).signIn(POSTER.email, POSTER.password)),
  );
  const sends = [];
  for (let n = 0; n < POSTS; n += 1) {
    const sender = n % instances.length;
    const started = performance.now();
    sends.push(
      posters[sender]
        .request(`mutation ($input: CreatePostInput!) { createPost(input: $input) { id } }`, {
          input: { spaceId: state.spaceId, body: `Point d’étape n° ${n + 1} sur le lancement de la DS4 (${adapter}).` },
        })
        .then(({ createPost }) =>
          sentAt.set(createPost.id, { at: started, sender, answeredMs: performance.now() - started }),
        ),
    );
    await sleep(INTERVAL_MS);
  }
  await Promise.all(sends);
  await sleep(3000);
  step(`${adapter}: ${POSTS} posts sent, ${receipts.length} receipts`);

  for (const socket of sockets) socket.disconnect();
  for (const instance of instances) await instance.stop();
  await redis?.stop();

  // Exactly once: count each (client, post) pair.
  const seen = new Map();
  let foreign = 0;
  for (const receipt of receipts) {
    if (!sentAt.has(receipt.postId)) {
      foreign += 1;
      continue;
    }
    const key = `${receipt.client} ${receipt.postId}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const expected = CLIENTS * POSTS;
  const duplicates = [...seen.values()].reduce((sum, count) => sum + count - 1, 0);
  const missing = expected - seen.size;
  const latencies = { all: [], same: [], cross: [] };
  for (const receipt of receipts) {
    const sent = sentAt.get(receipt.postId);
    if (!sent) continue;
    const ms = receipt.at - sent.at;
    latencies.all.push(ms);
    latencies[receipt.instance === sent.sender ? 'same' : 'cross'].push(ms);
  }
  // Fan-out: how long after a post's first receipt its last clients got it (the adapter and the
  // instances' sockets, without the createPost write that comes before any delivery).
  const firstReceipt = new Map();
  for (const receipt of receipts) {
    if (!firstReceipt.has(receipt.postId) || receipt.at < firstReceipt.get(receipt.postId))
      firstReceipt.set(receipt.postId, receipt.at);
  }
  const fanOut = receipts.filter((r) => sentAt.has(r.postId)).map((r) => r.at - firstReceipt.get(r.postId));
  const answered = [...sentAt.values()].map((s) => s.answeredMs);
  return {
    adapter,
    expected,
    received: receipts.length,
    missing,
    duplicates,
    unexpected: foreign,
    p50: percentile(latencies.all, 50),
    p99: percentile(latencies.all, 99),
    max: Math.max(...latencies.all),
    sameInstance: { p50: percentile(latencies.same, 50), p99: percentile(latencies.same, 99) },
    crossInstance: { p50: percentile(latencies.cross, 50), p99: percentile(latencies.cross, 99) },
    createPost: { p50: percentile(answered, 50), p99: percentile(answered, 99) },
    fanOut: { p50: percentile(fanOut, 50), p99: percentile(fanOut, 99) },
  };
}

async function main() {
  step(`bench:live on ${describeMachine()}`);
  const server = await startScratchServer();
  cleanup.add(() => server.stop());
  const databaseUrl = await freshDatabase(server.url, DB_NAME);
  if (!options.keep) cleanup.add(() => dropDatabase(server.url, DB_NAME));
  const first = await startApi({
    databaseUrl,
    port: await freePort(),
    env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  });
  const state = await seed(databaseUrl, first).finally(() => first.stop());
  step(`seeded: ${CLIENTS} members with a session, one private space`);

  const adapters = options.only ? [options.only] : ['postgres', 'redis'];
  const results = [];
  for (const adapter of adapters) results.push(await runAdapter(adapter, databaseUrl, state));

  printTable(
    `post.created delivery — 2 instances, ${CLIENTS} clients, ${POSTS} posts every ${INTERVAL_MS} ms`,
    results.map((r) => ({
      adapter: r.adapter,
      'p50 ms': round(r.p50),
      'p99 ms': round(r.p99),
      'max ms': round(r.max),
      'same-inst p99': round(r.sameInstance.p99),
      'cross-inst p99': round(r.crossInstance.p99),
      'createPost p50': round(r.createPost.p50),
      'fan-out p99': round(r.fanOut.p99),
      received: r.received,
      expected: r.expected,
      missing: r.missing,
      duplicates: r.duplicates,
    })),
  );
  for (const r of results) {
    const once = r.missing === 0 && r.duplicates === 0 && r.unexpected === 0;
    process.stdout.write(
      `${r.adapter}: ${once ? 'every client received every post exactly once' : `NOT exactly once: ${r.missing} missing, ${r.duplicates} duplicates, ${r.unexpected} unexpected`}; ` +
        `p99 ${round(r.p99)} ms (aim < ${AIM.p99Ms} ms: ${r.p99 < AIM.p99Ms ? 'met' : 'MISSED'})\n`,
    );
  }
  const file = writeResult('live', {
    load: { instances: 2, clients: CLIENTS, posts: POSTS, intervalMs: INTERVAL_MS },
    results: results.map((r) => ({ ...r, p50: round(r.p50), p99: round(r.p99), max: round(r.max) })),
    aim: AIM,
  });
  step(`written ${file}`);
  if (results.some((r) => r.missing || r.duplicates)) process.exitCode = 1;
}

main()
  .catch((error) => {
    process.stderr.write(`bench:live failed: ${error.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
