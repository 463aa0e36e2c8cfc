/**
 * bench:roi — how fast the ROI report answers on a large department.
 *
 * Seeds a database (atelier_bench_roi, on the embedded PostgreSQL of bench/support started on a
 * cluster of its own, BENCH_DATA_DIR default /tmp/atelier-bench-roi: never the app's data) with
 * 20,000 people in 200 teams, 1,000,000 time-saved entries over the last year, and a year of posts
 * and comments. Then times the report (every query it runs, through the real service) for the last
 * calendar month, the last calendar quarter (whole department and one team), 91 days and 365 days to
 * today: BENCH_RUNS (20) runs each after BENCH_WARM_UP (3),
 * prints median and p95, explains each statement of the quarter report, and writes everything to
 * bench/results/roi-<date>.json.
 *
 * The seed is kept between runs (it takes several minutes); pass --reseed to rebuild it.
 * Reads the compiled API (apps/api/dist): the npm script builds it first.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { percentile, printTable, round, stepper, writeResult } from '../support/report.mjs';
import { REPO_ROOT, requireApiBuild, startScratchServer } from '../support/scratch.mjs';

requireApiBuild();
const require = createRequire(import.meta.url);
// The same build as startScratchServer's: BENCH_API_DIST names a snapshot that a rebuild cannot pull away.
const DIST = process.env.BENCH_API_DIST
  ? path.resolve(REPO_ROOT, process.env.BENCH_API_DIST, 'apps/api/src')
  : path.join(REPO_ROOT, 'apps/api/dist/apps/api/src');
const { runMigrations } = require(`${DIST}/database/database.js`);
const { createApp } = require(`${DIST}/bootstrap.js`);
const { loadConfig } = require(`${DIST}/config/app-config.js`);
const { RoiReportService } = require(`${DIST}/roi-report/roi-report.service.js`);
const { CompanyClock } = require(`${DIST}/time-saved/clock.js`);
const pino = require('pino');
const { Client } = pg;

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20_000);
const TEAMS = 200;
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 1_000_000);
const POSTS = 50_000;
const COMMENTS = 150_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 3);
const RESEED = process.argv.includes('--reseed');

const DB_NAME = 'atelier_bench_roi';
const step = stepper();

/** Bulk SQL: a benchmark fixture, not people's data, so it skips the services on purpose. */
async function seed(client) {
  step(`seeding ${PEOPLE} people in ${TEAMS} teams, ${ENTRIES} entries, ${POSTS} posts, ${COMMENTS} comments…`);
  await client.query(`truncate time_saved_entries, hourly_costs, platform_costs, cost_currencies, comments, posts,
                      space_members, spaces, team_members, teams, users cascade`);
  await client.query(`insert into teams (name) select 'Team ' || n from generate_series(1, ${TEAMS}) n`);
  // One admin (who asks for the report), then staff; the hash is never checked: nobody signs in.
  await client.query(`insert into users (email, display_name, role, password_hash)
    select 'bench-' || n || '@bench.example', 'Person ' || n,
           case when n = 1 then 'ADMIN' when n % 50 = 0 then 'MANAGER' else 'MARKETER' end, 'x'
      from generate_series(1, ${PEOPLE}) n`);
  await client.query(`create temporary table bench_people as
    select row_number() over (order by u.id) as n, u.id as user_id, t.id as team_id
      from users u
      join lateral (select id from teams order by id offset (abs(hashtext(u.id::text)) % ${TEAMS}) limit 1) t on true`);
  await client.query(`insert into team_members (user_id, team_id) select user_id, team_id from bench_people`);
  await client.query(`create index on bench_people (n)`);
  await client.query(`insert into time_saved_entries
      (user_id, team_id, entry_date, minutes, category, note, content_type, content_id, created_at, updated_at)
    select p.user_id, p.team_id, d.day, 5 + (random() * 115)::int,
           (array['FOUND_INFORMATION','REUSED_CONTENT','FASTER_APPROVAL','AVOIDED_MEETING','CUSTOMER_INSIGHT','OTHER'])[1 + (random() * 5)::int],
           '', case when linked then 'POST' end, case when linked then gen_random_uuid() end, d.day, d.day
      from (select g, 1 + (random() * (${PEOPLE} - 1))::int as n, random() < 0.3 as linked,
                   current_date - (random() * 364)::int as day
              from generate_series(1, ${ENTRIES}) g) d
      join bench_people p on p.n = d.n`);
  const [{ id: adminId }] = (await client.query(`select id from users where role = 'ADMIN' limit 1`)).rows;
  await client.query(`insert into spaces (name, kind, visibility, owner_id) values ('Bench', 'TOPIC', 'OPEN', $1)`, [
    adminId,
  ]);
  await client.query(`insert into posts (space_id, author_id, body, body_html, pinned, created_at)
    select (select id from spaces limit 1), p.user_id, 'post', '<p>post</p>', false,
           now() - random() * interval '365 days'
      from generate_series(1, ${POSTS}) g join bench_people p on p.n = 1 + (g::bigint * 7919) % ${PEOPLE}`);
  await client.query(`insert into comments (target_type, target_id, author_id, body, body_html, created_at)
    select 'POST', all_posts.ids[1 + g % ${POSTS}], p.user_id, 'c', '<p>c</p>', now() - random() * interval '365 days'
      from generate_series(1, ${COMMENTS}) g
      join bench_people p on p.n = 1 + (g::bigint * 104729) % ${PEOPLE}
      cross join (select array_agg(id) as ids from posts) all_posts`);
  await client.query(`insert into hourly_costs (team_id, amount, effective_from) values
      (null, 65, current_date - 400), (null, 68, current_date - 90)`);
  await client.query(`insert into hourly_costs (team_id, amount, effective_from)
    select id, 72, current_date - 200 from teams order by id limit 20`);
  await client.query(`insert into platform_costs (monthly_amount, effective_from) values
      (40000, current_date - 400), (45000, current_date - 120)`);
  await client.query('vacuum analyze');
  step('seeded');
}

async function time(run) {
  for (let i = 0; i < WARM_UP; i += 1) await run();
  const samples = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  return {
    runs: RUNS,
    medianMs: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    minMs: round(Math.min(...samples)),
    maxMs: round(Math.max(...samples)),
  };
}

/**
 * Every statement one report sends, with its parameters and the `set local` its transaction ran
 * before it (work_mem), to explain them afterwards as the service ran them.
 */
async function capture(run) {
  const prototype = Client.prototype;
  const original = prototype.query;
  const statements = [];
  const settings = new WeakMap();
  prototype.query = function (text, params, ...rest) {
    if (typeof text === 'string') {
      if (/^set local /i.test(text)) settings.set(this, text);
      else if (/^(commit|rollback)/i.test(text)) settings.delete(this);
      else if (/time_saved_|posts|users u/.test(text)) statements.push({ text, params, setting: settings.get(this) });
    }
    return original.call(this, text, params, ...rest);
  };
  try {
    await run();
  } finally {
    prototype.query = original;
  }
  return statements;
}

/** The bench's database on the shared scratch server, kept between runs so the seed is made once. */
async function keptDatabase(serverUrl) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [DB_NAME]);
    if (!rowCount) await client.query(`create database "${DB_NAME}"`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${DB_NAME}`;
  return url.toString();
}

async function main() {
  // A cluster of its own by default: the seed is large and kept between runs.
  process.env.BENCH_DATA_DIR ??= path.join(os.tmpdir(), 'atelier-bench-roi');
  process.env.BENCH_PG_PORT ??= '54349';
  const server = await startScratchServer();
  const url = await keptDatabase(server.url);
  const silent = pino({ level: 'silent' });
  await runMigrations(url, silent);
  const client = new Client({ connectionString: url });
  await client.connect();
  const [{ n }] = (await client.query('select count(*)::int as n from time_saved_entries')).rows;
  if (RESEED || n !== ENTRIES) await seed(client);

  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', WEB_DIST: 'no-web' });
  const app = await createApp(config, url, silent);
  await app.init();
  const reports = app.get(RoiReportService);
  const today = app.get(CompanyClock).today();
  const [{ id: adminId }] = (await client.query(`select id from users where role = 'ADMIN' limit 1`)).rows;
  const [{ id: teamId }] = (await client.query(`select id from teams order by id limit 1`)).rows;
  const admin = { id: adminId, role: 'ADMIN', active: true };
  const ago = (days) => new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

  // The last whole calendar month and quarter (what the dashboard's presets show once they end),
  // and periods that fall across buckets: 91 days to today, a year.
  const [year, month] = today.split('-').map(Number);
  const firstOf = (y, m) => new Date(Date.UTC(y, m - 1, 1)).toISOString().slice(0, 10);
  const lastOf = (y, m) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const quarterFirst = month - ((month - 1) % 3) - 3;
  const lastMonth = { from: firstOf(year, month - 1), to: lastOf(year, month - 1) };
  const lastQuarter = { from: firstOf(year, quarterFirst), to: lastOf(year, quarterFirst + 2) };
  const cases = [
    { name: `month ${lastMonth.from.slice(0, 7)} (whole department)`, request: lastMonth },
    { name: `quarter from ${lastQuarter.from} (whole department)`, request: lastQuarter },
    { name: `quarter from ${lastQuarter.from} (one team)`, request: { ...lastQuarter, teamId } },
    { name: '91 days to today (whole department)', request: { from: ago(91), to: today } },
    { name: '365 days to today (whole department)', request: { from: ago(364), to: today } },
  ];
  const results = [];
  for (const item of cases) {
    const timing = await time(() => reports.report(admin, item.request));
    results.push({ ...item, ...timing });
  }

  printTable(
    `ROI report on ${ENTRIES.toLocaleString('en')} entries and ${PEOPLE.toLocaleString('en')} people (${RUNS} runs after ${WARM_UP} warm-up)`,
    results.map(({ name, medianMs, p95Ms, minMs, maxMs }) => ({ case: name, medianMs, p95Ms, minMs, maxMs })),
  );

  step("explaining the quarter report's statements");
  const statements = await capture(() => reports.report(admin, cases[1].request));
  const plans = [];
  for (const statement of statements) {
    await client.query('begin');
    if (statement.setting) await client.query(statement.setting);
    const { rows } = await client.query(`explain (analyze, buffers, format text) ${statement.text}`, statement.params);
    await client.query('commit');
    plans.push({
      sql: statement.text.replace(/\s+/g, ' ').trim(),
      setting: statement.setting ?? null,
      plan: rows.map((row) => row['QUERY PLAN']),
    });
  }
  const {
    rows: [{ version }],
  } = await client.query('select version()');
  const file = writeResult('roi', {
    postgres: version,
    volume: { people: PEOPLE, teams: TEAMS, entries: ENTRIES, posts: POSTS, comments: COMMENTS },
    results: results.map(({ request, ...rest }) => ({ ...rest, period: `${request.from}..${request.to}` })),
    plans,
  });
  step(`timings and plans written to ${file}`);
  await app.close();
  await client.end();
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
