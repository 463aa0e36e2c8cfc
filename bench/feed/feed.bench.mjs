/**
 * bench:feed — the home feed under load, the API against a hand-written baseline, in the same run.
 *
 * Seeds a scratch database (2,000 users, 60 spaces, 200,000 posts, 400,000 comments, ~1,000,000
 * reactions over a year), signs in a member of 20 spaces, checks the API and the baseline answer the
 * same first page, then loads each with autocannon (50 connections, 20 s each, in two halves taken
 * API, baseline, baseline, API, so that the box's speed drifting during the run weighs on both alike)
 * and prints req/s, p50, p99 and the ratio. Options: --duration <s>, --connections <n>, --keep
 * (leave the database for EXPLAIN), --reuse (load the database a former --keep run left, without
 * seeding again).
 */
import { spawn } from 'node:child_process';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import path from 'node:path';
import { Gql, webOperation } from '../support/gql.mjs';
import { describeMachine, printTable, round, stepper, writeResult } from '../support/report.mjs';
import { load } from '../support/timing.mjs';
import { cleanupOnExit, freePort, REPO_ROOT, startBenchApi, withClient } from '../support/scratch.mjs';
import { bulkComments, bulkPosts, bulkReactions, bulkSpaces, bulkUsers, passwordHashOf } from '../support/seed.mjs';
import { rng } from '../support/text.mjs';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const DURATION = Number(options.duration);
const CONNECTIONS = Number(options.connections);
const VOLUME = { users: 2000, spaces: 60, posts: 200_000, comments: 400_000, reactions: 1_000_000 };
const ADMIN = { email: 'admin@bench.example', password: 'bench-admin-password' };
const VIEWER = { email: 'viewer@bench.example', password: 'bench-viewer-password' };
const DB_NAME = 'atelier_bench_feed';
const AIM = { ratio: 0.5, p99Ms: 50 };

const COUNTS_SQL = `select
  (select count(*) from users)::int as users, (select count(*) from spaces)::int as spaces,
  (select count(*) from posts)::int as posts, (select count(*) from comments)::int as comments,
  (select count(*) from reactions)::int as reactions`;

const step = stepper();
const cleanup = cleanupOnExit();

async function startBaseline(databaseUrl, port) {
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bench/feed/baseline-server.mjs')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`baseline exited with ${code}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function seed(databaseUrl, api) {
  const admin = await new Gql(api.url).signIn(ADMIN.email, ADMIN.password);
  const { createUser } = await admin.request(
    `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    {
      input: {
        email: VIEWER.email,
        displayName: 'Viewer Bench',
        password: VIEWER.password,
        role: 'MARKETER',
        locale: 'fr',
      },
    },
  );
  const viewerId = createUser.id;
  const random = rng(7);
  return withClient(databaseUrl, async (client) => {
    const { password_hash: hash } = await passwordHashOf(client, ADMIN.email);
    // Search documents are not read by the feed and cost most of the seeding (a tsvector per post and
    // comment): this session's rows skip the triggers; bench:search measures search on its own data.
    await client.query('set session_replication_role = replica');
    const others = await bulkUsers(client, { count: VOLUME.users - 2, passwordHash: hash });
    const userIds = [viewerId, ...others];
    const { spaces } = await bulkSpaces(client, {
      userIds,
      teams: 8,
      openTopics: 20,
      privateTopics: 32,
      joinRate: 0.12,
      random,
    });
    // The viewer: in one team (its space) and 19 topic spaces, 4 open and 15 private: member of 20.
    await client.query('delete from space_members where user_id = $1', [viewerId]);
    const open = spaces.filter((s) => s.kind === 'TOPIC' && s.visibility === 'OPEN').slice(0, 4);
    const closed = spaces.filter((s) => s.visibility === 'PRIVATE').slice(0, 15);
    for (const space of [...open, ...closed]) {
      await client.query('insert into space_members (space_id, user_id) values ($1, $2)', [space.id, viewerId]);
    }
    step(`users and spaces: ${userIds.length} users, ${spaces.length} spaces`);

    const shuffled = spaces.map((s) => s.id).sort(() => random() - 0.5);
    await bulkPosts(client, {
      count: VOLUME.posts,
      spaceIds: shuffled,
      authorIds: userIds,
      onProgress: (done) => done % 50_000 === 0 && step(`posts: ${done}`),
    });
    await bulkComments(client, { count: VOLUME.comments, authorIds: userIds });
    step(`comments: ${VOLUME.comments}`);
    await bulkReactions(client, { count: VOLUME.reactions, userIds });
    // The viewer has reacted to some of what they read lately, so viewerReacted is exercised.
    await client.query(
      `insert into reactions (target_type, target_id, user_id, kind)
       select 'POST', id, $1, 'LIKE' from posts order by created_at desc limit 200
       on conflict do nothing`,
      [viewerId],
    );
    const { rows } = await client.query(COUNTS_SQL);
    step(`reactions: ${rows[0].reactions}`);
    await client.query('vacuum analyze');
    step('vacuum analyze done');
    return rows[0];
  });
}

const countsOf = (databaseUrl) => withClient(databaseUrl, async (client) => (await client.query(COUNTS_SQL)).rows[0]);

const feedLoad = (url, body, cookie, connections = CONNECTIONS, durationSeconds = DURATION) =>
  load(`${url}/graphql`, {
    body,
    headers: { 'content-type': 'application/json', cookie },
    connections,
    durationSeconds,
  });

const warm = (url, body, cookie) => feedLoad(url, body, cookie, 10, 3);

/** ABBA: each target's two halves sit on both sides of the other's, so a drift of the box's speed cancels. */
const ORDER = ['api', 'baseline', 'baseline', 'api'];

/** Requests a second over all of a target's halves. */
const rateOf = (halves) =>
  halves.reduce((sum, half) => sum + half.requests.total, 0) / halves.reduce((sum, half) => sum + half.duration, 0);

/**
 * One target's halves as one row: req/s over both, p50 weighted by requests, p99 the worse half's
 * (autocannon gives percentiles, not the histograms to merge).
 */
function summary(name, halves) {
  const requests = halves.reduce((sum, half) => sum + half.requests.total, 0);
  return {
    target: name,
    'req/s': round(rateOf(halves), 0),
    'p50 ms': round(halves.reduce((sum, half) => sum + half.latency.p50 * half.requests.total, 0) / requests),
    'p99 ms': Math.max(...halves.map((half) => half.latency.p99)),
    requests,
    'non-2xx': halves.reduce((sum, half) => sum + half.non2xx, 0),
    errors: halves.reduce((sum, half) => sum + half.errors + half.timeouts, 0),
  };
}

async function main() {
  step(`bench:feed on ${describeMachine()}`);
  const { databaseUrl, api } = await startBenchApi({
    dbName: DB_NAME,
    admin: ADMIN,
    reuse: options.reuse,
    keep: options.keep,
    cleanup,
  });
  step('API started, migrations applied');
  const counts = options.reuse ? await countsOf(databaseUrl) : await seed(databaseUrl, api);

  const baseline = await startBaseline(databaseUrl, await freePort());
  cleanup.add(() => baseline.stop());
  const viewer = await new Gql(api.url).signIn(VIEWER.email, VIEWER.password);
  const query = webOperation('social.graphql', 'Feed');
  const variables = { spaceId: null, first: 20, after: null };
  const body = JSON.stringify({ operationName: 'Feed', query, variables });

  const answers = await Promise.all(
    [api.url, baseline.url].map(async (url) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: viewer.cookie },
        body,
      });
      return response.json();
    }),
  );
  if (answers[0].errors) throw new Error(`the API refused the feed query: ${answers[0].errors[0].message}`);
  const same = isDeepStrictEqual(answers[0], answers[1]);
  const edges = answers[0].data.feed.edges;
  if (!same) process.stdout.write('WARNING: the API and the baseline do not answer the same first page\n');
  step(`first page: ${edges.length} posts, ${same ? 'identical' : 'DIFFERENT'} answers`);

  await warm(api.url, body, viewer.cookie);
  await warm(baseline.url, body, viewer.cookie);
  step(`warmed up; loading each for ${DURATION} s with ${CONNECTIONS} connections, in halves: ${ORDER.join(', ')}`);
  const halves = { api: [], baseline: [] };
  for (const target of ORDER) {
    const url = target === 'api' ? api.url : baseline.url;
    halves[target].push(await feedLoad(url, body, viewer.cookie, CONNECTIONS, DURATION / 2));
    step(`${target} half done`);
  }

  const [apiRow, baselineRow] = [
    summary('API (GraphQL)', halves.api),
    summary('baseline (node:http + pg)', halves.baseline),
  ];
  const rows = [apiRow, baselineRow];
  const ratio = rateOf(halves.api) / rateOf(halves.baseline);
  printTable(`Home feed, first 20 — ${CONNECTIONS} connections, ${DURATION} s each`, rows);
  const verdict = {
    ratio: round(ratio, 3),
    ratioMet: ratio >= AIM.ratio,
    p99Met: apiRow['p99 ms'] < AIM.p99Ms,
  };
  process.stdout.write(
    `API / baseline throughput: ${verdict.ratio.toFixed(3)} (aim ≥ ${AIM.ratio}: ${verdict.ratioMet ? 'met' : 'MISSED'}); ` +
      `API p99 ${apiRow['p99 ms']} ms (aim < ${AIM.p99Ms} ms: ${verdict.p99Met ? 'met' : 'MISSED'})\n`,
  );
  const file = writeResult('feed', {
    volume: counts,
    load: { connections: CONNECTIONS, durationSeconds: DURATION, order: ORDER, query: 'Feed (first 20, PostCard)' },
    sameFirstPage: same,
    results: rows,
    aim: AIM,
    verdict,
  });
  step(`written ${file}`);
}

main()
  .catch((error) => {
    process.stderr.write(`bench:feed failed: ${error.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
