/**
 * bench:search — full-text search latency through GraphQL, as the web search page asks it.
 *
 * Seeds a scratch database with 200,000 posts in French and English (search documents kept by the
 * app's own triggers), then runs 200 varied queries one after the other as a staff member and prints
 * p50 and p95, overall and per kind of query. Options: --concurrency <n> (default 1), --keep (leave
 * the database for EXPLAIN), --reuse (query the database a former --keep run left, without seeding).
 */
import { parseArgs } from 'node:util';
import { Gql, webOperation } from '../support/gql.mjs';
import { describeMachine, printTable, round, stepper, writeResult } from '../support/report.mjs';
import { latencySummary, timeEach } from '../support/timing.mjs';
import { cleanupOnExit, startBenchApi, withClient } from '../support/scratch.mjs';
import { bulkPosts, bulkSpaces, bulkUsers, passwordHashOf } from '../support/seed.mjs';
import { rng } from '../support/text.mjs';
import { searchQueries } from './queries.mjs';

const { values: options } = parseArgs({
  options: {
    concurrency: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
});
const CONCURRENCY = Number(options.concurrency);
const POSTS = 200_000;
const WRITERS = 2;
const ADMIN = { email: 'admin@bench.example', password: 'bench-admin-password' };
const SEARCHER = { email: 'searcher@bench.example', password: 'bench-searcher-password' };
const DB_NAME = 'atelier_bench_search';
const AIM = { p95Ms: 50 };

const COUNTS_SQL = `select (select count(*) from posts)::int as posts,
  (select count(*) from search_documents)::int as search_documents,
  (select count(*) from posts where body ~ '[éèêàçùô]')::int as posts_with_accents`;

const step = stepper();
const cleanup = cleanupOnExit();

async function seed(databaseUrl, api) {
  const admin = await new Gql(api.url).signIn(ADMIN.email, ADMIN.password);
  const { createUser } = await admin.request(
    `mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    {
      input: {
        email: SEARCHER.email,
        displayName: 'Searcher Bench',
        password: SEARCHER.password,
        role: 'MARKETER',
        locale: 'fr',
      },
    },
  );
  const searcherId = createUser.id;
  const { userIds, spaceIds } = await withClient(databaseUrl, async (client) => {
    const { password_hash: hash } = await passwordHashOf(client, ADMIN.email);
    const ids = [searcherId, ...(await bulkUsers(client, { count: 299, passwordHash: hash }))];
    const { spaces } = await bulkSpaces(client, {
      userIds: ids,
      teams: 4,
      openTopics: 8,
      privateTopics: 8,
      joinRate: 0.2,
      random: rng(3),
    });
    return { userIds: ids, spaceIds: spaces.map((s) => s.id) };
  });
  step(`users and spaces: ${userIds.length} users, ${spaceIds.length} spaces`);
  // The triggers index every post as it is written (three tsvectors each): two writers use both cores.
  let written = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, (_, writer) =>
      withClient(databaseUrl, (client) =>
        bulkPosts(client, {
          count: POSTS / WRITERS,
          spaceIds,
          authorIds: userIds,
          seed: 100 + writer,
          onProgress: () => {
            written += 20_000;
            if (written % 40_000 === 0) step(`posts: ${written}`);
          },
        }),
      ),
    ),
  );
  return withClient(databaseUrl, async (client) => {
    await client.query('vacuum analyze');
    const { rows } = await client.query(COUNTS_SQL);
    step(`seeded and analysed: ${JSON.stringify(rows[0])}`);
    return rows[0];
  });
}

const countsOf = (databaseUrl) =>
  withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(COUNTS_SQL);
    return rows[0];
  });

const run = (client, query, queries) =>
  timeEach(
    queries,
    async ({ query: words }) =>
      (await client.request(query, { query: words, first: 20, after: null })).search.edges.length,
    { concurrency: CONCURRENCY },
  );

async function main() {
  step(`bench:search on ${describeMachine()}`);
  const { databaseUrl, api } = await startBenchApi({
    dbName: DB_NAME,
    admin: ADMIN,
    reuse: options.reuse,
    keep: options.keep,
    cleanup,
  });
  step('API started, migrations applied');
  const volume = options.reuse ? await countsOf(databaseUrl) : await seed(databaseUrl, api);

  const searcher = await new Gql(api.url).signIn(SEARCHER.email, SEARCHER.password);
  const query = webOperation('search.graphql', 'Search');
  const queries = searchQueries();
  await run(searcher, query, queries.slice(0, 20));
  step(`warmed up; ${queries.length} queries, concurrency ${CONCURRENCY}`);
  const timings = await run(searcher, query, queries);
  step('done');

  const row = (kind, list) => ({
    kind,
    queries: list.length,
    ...latencySummary(list.map((t) => t.ms)),
    'with results': list.filter((t) => t.result > 0).length,
  });
  const kinds = [...new Set(timings.map((t) => t.kind))];
  const rows = [
    row('all', timings),
    ...kinds.map((kind) =>
      row(
        kind,
        timings.filter((t) => t.kind === kind),
      ),
    ),
  ];
  printTable(`Search, first 20 results — ${volume.posts} posts, concurrency ${CONCURRENCY}`, rows);
  const slowest = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 10);
  printTable(
    'Slowest queries',
    slowest.map((t) => ({ query: t.query, kind: t.kind, ms: round(t.ms), results: t.result })),
  );
  const p95 = rows[0]['p95 ms'];
  process.stdout.write(`p95 ${p95} ms (aim < ${AIM.p95Ms} ms: ${p95 < AIM.p95Ms ? 'met' : 'MISSED'})\n`);
  const file = writeResult('search', {
    volume,
    load: { concurrency: CONCURRENCY, queries: queries.length, pageSize: 20 },
    results: rows,
    slowest: slowest.map((t) => ({ query: t.query, kind: t.kind, ms: round(t.ms), results: t.result })),
    aim: AIM,
    verdict: { p95Met: p95 < AIM.p95Ms },
  });
  step(`written ${file}`);
}

main()
  .catch((error) => {
    process.stderr.write(`bench:search failed: ${error.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(() => cleanup.run());
