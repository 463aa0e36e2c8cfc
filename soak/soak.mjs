/**
 * Load with faults (`npm run soak -- --minutes N --users U`).
 *
 * A scratch embedded PostgreSQL and two API instances serve virtual users who sign in, read the home
 * feed, post, comment, react, log time saved and vote in a co-creation thread, with think time. During
 * the run one instance at a time is killed with SIGKILL and restarted, and PostgreSQL is stopped and
 * started again on the same data. Clients retry as the web app would (back off, send the SAME write
 * with the same client id to the other instance). At the end every acknowledged write must exist
 * exactly once in the database, and every error must fall within a window around a fault; otherwise
 * the exit code is 1. Timing is reported, never asserted: a slow machine passes, a lost write fails.
 */
import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { percentile, printTable, round, stepper, writeResult } from '../bench/support/report.mjs';
import {
  API_MAIN,
  REPO_ROOT,
  cleanupOnExit,
  freePort,
  requireApiBuild,
  withClient,
} from '../bench/support/scratch.mjs';

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    users: { type: 'string', default: '200' },
    kills: { type: 'string' },
    'pg-restarts': { type: 'string', default: '1' },
    'think-ms': { type: 'string', default: '5000' },
    window: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
  },
});

const MINUTES = Number(args.minutes);
const USERS = Number(args.users);
// A short run kills once; a long one every few minutes, alternating the instances.
const KILLS = Number(args.kills ?? (MINUTES < 3 ? 1 : Math.max(2, Math.round(MINUTES / 3))));
const PG_RESTARTS = Number(args['pg-restarts']);
const THINK_MS = Number(args['think-ms']);
const WINDOW_MS = Number(args.window) * 1000;
for (const [name, value] of Object.entries({ MINUTES, USERS, KILLS, PG_RESTARTS, THINK_MS, WINDOW_MS })) {
  if (!Number.isFinite(value) || value < 0) throw new Error(`Invalid --${name.toLowerCase()}: ${value}`);
}

const DEMO_ADMIN = 'helene.roussel@atelier.example';
const DEMO_PASSWORD = 'atelier-demo-2026';
const USER_PASSWORD = 'soak-password-2026';
// A browser waits this long for an answer; beyond it the request counts as failed and is retried.
const REQUEST_TIMEOUT_MS = 60_000;
// A write is retried for this long, then given up (and counted): a person would have reloaded by then.
const GIVE_UP_MS = 60_000;
// Answers that say "this server cannot serve you right now", as opposed to "this request is wrong".
const RETRYABLE_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);
const WRITES = new Set(['createPost', 'addComment', 'react', 'savedMeTime', 'voteProposal']);
const REACTION_KINDS = ['LIKE', 'CELEBRATE', 'INSIGHTFUL', 'SUPPORT'];

const log = stepper();
const require = createRequire(import.meta.url);
/** The app's own embedded server helpers, from the build (read once the build is known to exist). */
const embedded = () => require(path.join(REPO_ROOT, 'apps/api/dist/apps/api/src/database/embedded-postgres.js'));

// ---- what happened, for the report ----

const stats = {
  requests: 0,
  /** per operation: { requests, ok, errors, latencies[] } */
  ops: new Map(),
  /** { at, op, kind, instance } for every failed attempt */
  errors: [],
  retriedWrites: 0,
  abandonedWrites: 0,
};
/** Fault intervals: errors are allowed within WINDOW_MS of one. */
const faults = [];

const ledger = {
  posts: new Map(), // client id -> { acked, userId }
  comments: new Map(),
  reactions: new Map(), // `${targetId}|${userId}|${kind}` -> acked
  timeSaved: new Map(), // `${userId}|${contentId}` -> acked
  votes: new Map(), // `${proposalId}|${userId}` -> acked
};

function opStats(op) {
  let entry = stats.ops.get(op);
  if (!entry) stats.ops.set(op, (entry = { requests: 0, ok: 0, errors: 0, latencies: [] }));
  return entry;
}

/** A stable name for what went wrong with one attempt. */
function networkKind(error) {
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError') return 'timeout';
  const cause = error?.cause ?? error;
  const code = cause?.code ?? cause?.name ?? 'unknown';
  const names = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset',
    EPIPE: 'connection reset',
    UND_ERR_SOCKET: 'connection reset',
    UND_ERR_CLOSED: 'connection reset',
    UND_ERR_HEADERS_TIMEOUT: 'timeout',
    UND_ERR_BODY_TIMEOUT: 'timeout',
  };
  return names[code] ?? `network ${code}`;
}

class RequestFailed extends Error {
  constructor(kind, detail) {
    super(detail ? `${kind}: ${detail}` : kind);
    this.kind = kind;
  }
}

// ---- the cluster: PostgreSQL and two API instances ----

const cleanup = cleanupOnExit();

/**
 * One API instance as production starts it (migrations at start), its output (pino's JSON lines) kept
 * in `logFile` so a failed run can show what the server said. Resolves once /healthz answers.
 */
async function spawnApi(instance, logFile, env) {
  const out = openSync(logFile, 'a');
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(instance.port),
      ...env,
    },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 180_000;
  for (;;) {
    const early = await Promise.race([exited, sleep(250, null)]);
    if (early) {
      throw new Error(
        `instance ${instance.label} exited (${early.code ?? early.signal}) before it was ready:\n${readFileSync(logFile, 'utf8').slice(-3000)}`,
      );
    }
    try {
      if ((await fetch(`${instance.url}/healthz`, { signal: AbortSignal.timeout(3000) })).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`instance ${instance.label} was not ready within 180 s`);
    }
  }
  return {
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The error lines (pino level 50 and above) of an instance's log files, newest last. */
function errorLines(files) {
  const lines = [];
  for (const file of files) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      try {
        const entry = JSON.parse(line);
        if (entry.level >= 50) lines.push(`${entry.msg ?? ''} ${entry.err?.message ?? ''}`.trim());
      } catch {
        if (line.trim()) lines.push(line.trim());
      }
    }
  }
  return lines;
}

class Cluster {
  constructor(dataDir, pgPort, apiPorts) {
    this.dataDir = dataDir;
    this.pgPort = pgPort;
    this.apiPorts = apiPorts;
    this.instances = apiPorts.map((port, i) => ({
      label: i === 0 ? 'A' : 'B',
      url: `http://127.0.0.1:${port}`,
      port,
      api: null,
      logs: [],
    }));
    this.pg = null;
  }

  async startPostgres() {
    this.pg = await embedded().startEmbeddedPostgres(this.dataDir, this.pgPort);
    return this.pg;
  }

  async startInstance(index, seedDemo) {
    const instance = this.instances[index];
    // A build in progress on this machine empties the dist folder for a while: wait for it to return.
    for (let waited = 0; !existsSync(API_MAIN) && waited < 300; waited += 1) await sleep(1000);
    const logFile = path.join(this.dataDir, `api-${instance.label}-${instance.logs.length + 1}.log`);
    instance.logs.push(logFile);
    instance.api = await spawnApi(instance, logFile, {
      DATABASE_URL: this.databaseUrl,
      SEED_DEMO: seedDemo ? 'true' : 'false',
      DATA_DIR: path.join(this.dataDir, 'app'),
      WEB_DIST: path.join(this.dataDir, 'no-web'),
    });
  }

  /** Resolves once every instance answers /readyz (its database pool works again). */
  async allReady(timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs;
    for (const instance of this.instances) {
      for (;;) {
        try {
          const response = await fetch(`${instance.url}/readyz`, { signal: AbortSignal.timeout(3000) });
          if (response.ok) break;
        } catch {
          // not yet
        }
        if (Date.now() > deadline)
          throw new Error(`instance ${instance.label} not ready again within ${timeoutMs / 1000} s`);
        await sleep(250);
      }
    }
  }

  async killAndRestart(index, downMs) {
    const instance = this.instances[index];
    const fault = { kind: `SIGKILL instance ${instance.label}`, start: Date.now(), end: null };
    faults.push(fault);
    process.kill(instance.api.pid, 'SIGKILL');
    log(`fault: SIGKILL instance ${instance.label} (pid ${instance.api.pid})`);
    await sleep(downMs);
    await this.startInstance(index, false);
    fault.end = Date.now();
    log(`instance ${instance.label} back after ${round((fault.end - fault.start) / 1000)} s`);
  }

  async restartPostgres(downMs) {
    const fault = { kind: 'PostgreSQL restart', start: Date.now(), end: null };
    faults.push(fault);
    log('fault: PostgreSQL stops');
    await this.pg.stop();
    await sleep(downMs);
    await this.startPostgres();
    log('PostgreSQL started again; waiting for both instances to be ready');
    await this.allReady();
    fault.end = Date.now();
    log(`both instances ready after ${round((fault.end - fault.start) / 1000)} s`);
  }

  async stop() {
    for (const instance of this.instances) await instance.api?.stop().catch(() => undefined);
    await this.pg?.stop().catch(() => undefined);
  }
}

// ---- a client as the web app behaves ----

class Client {
  constructor(cluster, home, label) {
    this.cluster = cluster;
    this.home = home;
    this.label = label;
    this.cookie = null;
  }

  /**
   * One GraphQL operation. Failures that mean "this instance cannot answer now" (network errors,
   * 5xx, INTERNAL_SERVER_ERROR) are retried with backoff on the other instance, the same body each
   * time; any other error is thrown at once. Every attempt is counted.
   */
  async call(op, query, variables = {}) {
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      const instance = this.cluster.instances[(this.home + attempt) % this.cluster.instances.length];
      const entry = opStats(op);
      stats.requests += 1;
      entry.requests += 1;
      const t0 = performance.now();
      let failure;
      let detail;
      let retryable = false;
      try {
        const response = await fetch(`${instance.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
          body: JSON.stringify({ query, variables }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        const text = await response.text();
        if (response.status >= 500) {
          failure = `HTTP ${response.status}`;
          retryable = true;
        } else {
          let body;
          try {
            body = JSON.parse(text);
          } catch {
            body = null;
          }
          if (body?.errors?.length) {
            const code = body.errors[0].extensions?.code ?? 'NO_CODE';
            failure = `GraphQL ${code}`;
            detail = body.errors[0].message;
            retryable = RETRYABLE_CODES.has(code);
          } else if (!response.ok || !body?.data) {
            failure = `HTTP ${response.status}`;
          } else {
            const setCookie = response.headers.get('set-cookie');
            if (setCookie) this.cookie = setCookie.split(';')[0];
            entry.ok += 1;
            entry.latencies.push(performance.now() - t0);
            if (attempt > 0 && WRITES.has(op)) stats.retriedWrites += 1;
            return body.data;
          }
        }
      } catch (error) {
        failure = networkKind(error);
        detail = error?.cause?.message ?? error?.message;
        retryable = true;
      }
      entry.errors += 1;
      stats.errors.push({ at: Date.now(), op, kind: failure, instance: instance.label, detail });
      if (process.env.SOAK_VERBOSE) log(`${op} on ${instance.label}: ${failure}${detail ? ` (${detail})` : ''}`);
      if (!retryable || Date.now() - started > GIVE_UP_MS) {
        if (WRITES.has(op)) stats.abandonedWrites += 1;
        throw new RequestFailed(failure, detail);
      }
      const backoff = Math.min(5000, 250 * 2 ** attempt);
      await sleep(backoff / 2 + Math.random() * backoff);
    }
  }
}

// ---- the operations ----

/**
 * The home feed exactly as the web app asks for it: its `Feed` query and the fragments it spreads.
 * Fragments are looked up as fragments (a query may share a fragment's name).
 */
function webQuery(file, name) {
  const source = readFileSync(path.join(REPO_ROOT, 'apps/web/src/graphql/operations', file), 'utf8');
  const blocks = new Map();
  for (const block of source.split(/\n(?=(?:query|mutation|fragment) )/)) {
    const match = /^(query|mutation|fragment) (\w+)/.exec(block.trim());
    if (match) blocks.set(`${match[1] === 'fragment' ? 'fragment' : 'operation'} ${match[2]}`, block.trim());
  }
  const wanted = [`operation ${name}`];
  for (let i = 0; i < wanted.length; i += 1) {
    const text = blocks.get(wanted[i]);
    if (!text) throw new Error(`${wanted[i]} not found in ${file}`);
    for (const [, fragment] of text.matchAll(/\.\.\.(\w+)/g)) {
      if (!wanted.includes(`fragment ${fragment}`)) wanted.push(`fragment ${fragment}`);
    }
  }
  return wanted.map((key) => blocks.get(key)).join('\n\n');
}

const FEED = webQuery('social.graphql', 'Feed');
const SIGN_IN =
  'mutation SignIn($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }';
const CREATE_POST_WITH_ID = 'mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { id } }';
const ADD_COMMENT = 'mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { id } }';
const REACT = `mutation React($targetId: ID!, $kind: ReactionKind!) {
  react(targetId: $targetId, kind: $kind, active: true) { total }
}`;
const SAVED_ME_TIME = `mutation SavedMeTime($contentId: ID!, $minutes: Int) {
  savedMeTime(contentType: POST, contentId: $contentId, minutes: $minutes) { id }
}`;
const VOTE = 'mutation VoteProposal($id: ID!) { voteProposal(id: $id, vote: true) { id } }';

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const think = () => sleep(THINK_MS * (0.5 + Math.random()));

/** The fixtures: soak users in the demo teams, their team spaces, a thread open for votes. */
async function prepare(cluster) {
  const admin = new Client(cluster, 0, 'admin');
  await admin.call('signIn', SIGN_IN, { email: DEMO_ADMIN, password: DEMO_PASSWORD });
  const { teams } = await admin.call('setup', '{ teams { id name } }');
  const { spaces } = await admin.call('setup', '{ spaces { id kind teamId } }');
  const teamSpace = new Map(spaces.filter((space) => space.kind === 'TEAM').map((space) => [space.teamId, space.id]));

  // Votes go to the ACTIVE proposals of the demo's thread in its voting period.
  const proposals = [];
  const { coCreationThreads } = await admin.call(
    'setup',
    '{ coCreationThreads(first: 20) { edges { node { id status } } } }',
  );
  for (const { node } of coCreationThreads.edges) {
    if (node.status !== 'VOTING') continue;
    const { proposals: page } = await admin.call(
      'setup',
      'query ($threadId: ID!) { proposals(threadId: $threadId, first: 20) { edges { node { id status } } } }',
      { threadId: node.id },
    );
    proposals.push(
      ...page.edges
        .map((edge) => edge.node)
        .filter((p) => p.status === 'ACTIVE')
        .map((p) => p.id),
    );
  }
  if (!proposals.length) throw new Error('the demo workspace has no proposal in a thread open for votes');

  const users = [];
  const stamp = Date.now().toString(36);
  const queue = Array.from({ length: USERS }, (_, i) => i);
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
        const team = teams[i % teams.length];
        const email = `soak-${stamp}-${i + 1}@soak.example`;
        const { createUser } = await admin.call(
          'setup',
          'mutation ($input: CreateUserInput!) { createUser(input: $input) { id } }',
          {
            input: {
              email,
              displayName: `Soak ${i + 1}`,
              password: USER_PASSWORD,
              role: 'MARKETER',
              locale: i % 4 ? 'fr' : 'en',
              teamIds: [team.id],
            },
          },
        );
        users.push({ index: i, id: createUser.id, email, spaceId: teamSpace.get(team.id) });
      }
    }),
  );
  return { users, proposals };
}

/** One person's loop until `endAt`. Failed actions are counted by `call` and the loop goes on. */
async function virtualUser(cluster, user, fixtures, endAt) {
  const { proposals } = fixtures;
  const client = new Client(cluster, user.index % cluster.instances.length, user.email);
  // People arrive over the first tenth of the run (at most 30 s), not all in the same second.
  await sleep(Math.random() * Math.min(30_000, (MINUTES * 60_000) / 10));
  const attempt = async (fn) => {
    try {
      await fn();
    } catch (error) {
      if (!(error instanceof RequestFailed)) throw error;
    }
    await think();
  };
  let postIds = [];
  for (let iteration = 0; Date.now() < endAt; iteration += 1) {
    // A fresh session now and then, as people sign in again on another device.
    if (iteration % 5 === 0 || !client.cookie) {
      await attempt(() => client.call('signIn', SIGN_IN, { email: user.email, password: USER_PASSWORD }));
      if (!client.cookie) continue;
    }
    await attempt(async () => {
      const { feed } = await client.call('feed', FEED, { first: 20 });
      postIds = feed.edges.map((edge) => edge.node.id);
    });
    if (Date.now() >= endAt) break;

    await attempt(async () => {
      const id = randomUUID();
      const body = `Point d’étape essais DS 4 [soak:${id}] : ${iteration + 1}ᵉ retour du réseau.`;
      const record = { acked: false, userId: user.id };
      ledger.posts.set(id, record);
      // The client id makes a retry safe: the same post is never written twice.
      const { createPost } = await client.call('createPost', CREATE_POST_WITH_ID, {
        input: { spaceId: user.spaceId, body, id },
      });
      record.acked = true;
      record.returnedId = createPost.id;
      postIds.unshift(createPost.id);
    });
    if (!postIds.length) continue;

    await attempt(async () => {
      const id = randomUUID();
      const record = { acked: false, userId: user.id };
      ledger.comments.set(id, record);
      const input = {
        targetId: pick(postIds),
        body: `Bien noté, je relaie aux concessionnaires [soak:${id}]`,
        id,
      };
      const { addComment } = await client.call('addComment', ADD_COMMENT, { input });
      record.acked = true;
      record.returnedId = addComment.id;
    });

    await attempt(async () => {
      const targetId = pick(postIds);
      const kind = pick(REACTION_KINDS);
      const key = `${targetId}|${user.id}|${kind}`;
      if (!ledger.reactions.has(key)) ledger.reactions.set(key, false);
      await client.call('react', REACT, { targetId, kind });
      ledger.reactions.set(key, true);
    });

    await attempt(async () => {
      const contentId = pick(postIds);
      const key = `${user.id}|${contentId}`;
      if (!ledger.timeSaved.has(key)) ledger.timeSaved.set(key, false);
      await client.call('savedMeTime', SAVED_ME_TIME, { contentId, minutes: 5 + Math.floor(Math.random() * 40) });
      ledger.timeSaved.set(key, true);
    });

    await attempt(async () => {
      const proposalId = pick(proposals);
      const key = `${proposalId}|${user.id}`;
      if (!ledger.votes.has(key)) ledger.votes.set(key, false);
      await client.call('voteProposal', VOTE, { id: proposalId });
      ledger.votes.set(key, true);
    });
  }
}

// ---- the faults, spread evenly over the run ----

function faultPlan(durationMs) {
  const events = Array.from({ length: KILLS }, (_, i) => ({ type: 'kill', instance: i % 2 }));
  for (let i = 0; i < PG_RESTARTS; i += 1) {
    events.splice(Math.floor(((i + 1) * events.length) / (PG_RESTARTS + 1)) + i, 0, { type: 'pg' });
  }
  return events.map((event, i) => ({ ...event, atMs: Math.round(((i + 1) / (events.length + 1)) * durationMs) }));
}

async function runFaults(cluster, plan, startedAt, endAt) {
  for (const event of plan) {
    const wait = startedAt + event.atMs - Date.now();
    if (wait > 0) await sleep(wait);
    if (Date.now() >= endAt) break;
    if (event.type === 'kill') await cluster.killAndRestart(event.instance, 3000);
    else await cluster.restartPostgres(2000);
  }
}

// ---- the checks ----

/** Counts, per client id, the rows whose body carries `[soak:<id>]`. */
async function markerCounts(db, table) {
  const { rows } = await db.query(
    `select substring(body from '\\[soak:([0-9a-f-]{36})\\]') as marker, array_agg(id::text) as ids
       from ${table} where body like '%[soak:%' group by 1`,
  );
  return new Map(rows.map((row) => [row.marker, row.ids]));
}

async function verify(databaseUrl, users) {
  const userIds = users.map((user) => user.id);
  return withClient(databaseUrl, async (db) => {
    const result = {};
    for (const [kind, table] of [
      ['posts', 'posts'],
      ['comments', 'comments'],
    ]) {
      const found = await markerCounts(db, table);
      let acked = 0;
      let lost = 0;
      let duplicated = 0;
      let wrongId = 0;
      for (const [id, record] of ledger[kind]) {
        const ids = found.get(id) ?? [];
        if (ids.length > 1) duplicated += ids.length - 1;
        if (!record.acked) continue;
        acked += 1;
        if (!ids.length) lost += 1;
        if (record.returnedId !== ids[0] && ids.length) wrongId += 1;
      }
      result[kind] = { attempted: ledger[kind].size, acked, lost, duplicated, wrongId };
    }
    const uniqueness = async (kind, sql, keyOf) => {
      const { rows } = await db.query(sql, [userIds]);
      const counts = new Map(rows.map((row) => [keyOf(row), Number(row.n)]));
      let acked = 0;
      let lost = 0;
      let duplicated = 0;
      for (const [key, ack] of ledger[kind]) {
        const n = counts.get(key) ?? 0;
        if (n > 1) duplicated += n - 1;
        if (!ack) continue;
        acked += 1;
        if (!n) lost += 1;
      }
      result[kind] = { attempted: ledger[kind].size, acked, lost, duplicated, wrongId: 0 };
    };
    await uniqueness(
      'reactions',
      'select target_id, user_id, kind, count(*) as n from reactions where user_id = any($1) group by 1, 2, 3',
      (row) => `${row.target_id}|${row.user_id}|${row.kind}`,
    );
    await uniqueness(
      'timeSaved',
      `select user_id, content_id, count(*) as n from time_saved_entries
        where user_id = any($1) and content_id is not null group by 1, 2`,
      (row) => `${row.user_id}|${row.content_id}`,
    );
    await uniqueness(
      'votes',
      'select proposal_id, user_id, count(*) as n from proposal_votes where user_id = any($1) group by 1, 2',
      (row) => `${row.proposal_id}|${row.user_id}`,
    );
    return result;
  });
}

// ---- main ----

async function main() {
  requireApiBuild();
  const durationMs = MINUTES * 60_000;
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'atelier-soak-'));
  const [pgPort, portA, portB] = [await freePort(), await freePort(), await freePort()];
  const cluster = new Cluster(dataDir, pgPort, [portA, portB]);
  cleanup.add(async () => {
    if (!args.keep) await rm(dataDir, { recursive: true, force: true });
  });
  cleanup.add(() => cluster.stop());

  log(
    `soak: ${MINUTES} min, ${USERS} users, ${KILLS} kill(s), ${PG_RESTARTS} PostgreSQL restart(s); data in ${dataDir}`,
  );
  const pg = await cluster.startPostgres();
  cluster.databaseUrl = await embedded().ensureDatabase(pg.url, 'atelier_soak');
  await cluster.startInstance(0, true);
  await cluster.startInstance(1, false);
  log(`instances A ${cluster.instances[0].url} (demo workspace seeded) and B ${cluster.instances[1].url} ready`);

  const fixtures = await prepare(cluster);
  log(`${fixtures.users.length} users made; ${fixtures.proposals.length} proposals open for votes; load starts`);
  // Setup calls are not part of the figures.
  stats.requests = 0;
  stats.ops.clear();
  stats.errors.length = 0;

  const startedAt = Date.now();
  const endAt = startedAt + durationMs;
  const plan = faultPlan(durationMs);
  const progress = setInterval(() => {
    const errors = stats.errors.length;
    log(`${stats.requests} requests, ${errors} failed attempts`);
  }, 15_000);
  try {
    await Promise.all([
      runFaults(cluster, plan, startedAt, endAt),
      Promise.all(fixtures.users.map((user) => virtualUser(cluster, user, fixtures, endAt))),
    ]);
  } finally {
    clearInterval(progress);
  }
  const loadMs = Date.now() - startedAt;
  log('load over; checking every acknowledged write in the database');
  await cluster.allReady();
  const writes = await verify(cluster.databaseUrl, fixtures.users);

  // ---- report ----
  const inWindow = (at) =>
    faults.some((fault) => at >= fault.start - WINDOW_MS && at <= (fault.end ?? Infinity) + WINDOW_MS);
  const byKind = new Map();
  for (const error of stats.errors) {
    const entry = byKind.get(error.kind) ?? { kind: error.kind, attempts: 0, nearFault: 0, unexpected: 0 };
    entry.attempts += 1;
    if (inWindow(error.at)) entry.nearFault += 1;
    else entry.unexpected += 1;
    byKind.set(error.kind, entry);
  }
  const unexpected = stats.errors.filter((error) => !inWindow(error.at));
  const allLatencies = [...stats.ops.values()].flatMap((entry) => entry.latencies);
  const opRows = [...stats.ops.entries()].map(([op, entry]) => ({
    operation: op,
    requests: entry.requests,
    ok: entry.ok,
    failed: entry.errors,
    'p50 ms': round(percentile(entry.latencies, 50)),
    'p99 ms': round(percentile(entry.latencies, 99)),
  }));
  opRows.push({
    operation: 'all',
    requests: stats.requests,
    ok: allLatencies.length,
    failed: stats.errors.length,
    'p50 ms': round(percentile(allLatencies, 50)),
    'p99 ms': round(percentile(allLatencies, 99)),
  });
  const writeRows = Object.entries(writes).map(([kind, w]) => ({ write: kind, ...w }));
  const lost = writeRows.reduce((sum, row) => sum + row.lost, 0);
  const duplicated = writeRows.reduce((sum, row) => sum + row.duplicated + row.wrongId, 0);
  const faultRows = faults.map((fault) => ({
    fault: fault.kind,
    'at s': round((fault.start - startedAt) / 1000),
    'recovered after s': round(((fault.end ?? fault.start) - fault.start) / 1000),
  }));

  printTable(
    `Requests (${round(loadMs / 1000)} s of load, ${USERS} users, 2 instances, ${round(stats.requests / (loadMs / 1000))} req/s)`,
    opRows,
  );
  printTable('Faults', faultRows.length ? faultRows : [{ fault: 'none', 'at s': '', 'recovered after s': '' }]);
  printTable(
    `Errors by kind (failed attempts; allowed within ±${WINDOW_MS / 1000} s of a fault)`,
    byKind.size ? [...byKind.values()] : [{ kind: 'none', attempts: 0, nearFault: 0, unexpected: 0 }],
  );
  printTable('Writes acknowledged to a client vs the database', writeRows);
  process.stdout.write(
    `Writes that needed a retry: ${stats.retriedWrites}; writes given up after ${GIVE_UP_MS / 1000} s: ${stats.abandonedWrites}\n`,
  );

  const passed = lost === 0 && duplicated === 0 && unexpected.length === 0;
  const file = writeResult(`soak-${MINUTES}min`, {
    passed,
    settings: {
      minutes: MINUTES,
      users: USERS,
      kills: KILLS,
      pgRestarts: PG_RESTARTS,
      thinkMs: THINK_MS,
      windowSeconds: WINDOW_MS / 1000,
    },
    loadSeconds: round(loadMs / 1000),
    requests: stats.requests,
    requestsPerSecond: round(stats.requests / (loadMs / 1000)),
    latencyMs: { p50: round(percentile(allLatencies, 50)), p99: round(percentile(allLatencies, 99)) },
    operations: opRows,
    faults: faultRows,
    errorsByKind: [...byKind.values()],
    unexpectedErrors: unexpected
      .slice(0, 50)
      .map((error) => ({ ...error, atSeconds: round((error.at - startedAt) / 1000) })),
    writes,
    lost,
    duplicated,
    retriedWrites: stats.retriedWrites,
  });
  process.stdout.write(`Results written to ${file}\n`);
  if (!passed) {
    if (unexpected.length) {
      process.stdout.write(`\n${unexpected.length} error(s) away from any fault, first ones:\n`);
      for (const error of unexpected.slice(0, 10)) {
        process.stdout.write(
          `  +${round((error.at - startedAt) / 1000)} s ${error.op} on ${error.instance}: ${error.kind}\n`,
        );
      }
      for (const instance of cluster.instances) {
        const counts = new Map();
        for (const line of errorLines(instance.logs))
          counts.set(line.slice(0, 200), (counts.get(line.slice(0, 200)) ?? 0) + 1);
        if (!counts.size) continue;
        process.stdout.write(`\nErrors logged by instance ${instance.label} (count, message):\n`);
        for (const [line, count] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
          process.stdout.write(`  ${String(count).padStart(5)}  ${line}\n`);
        }
      }
    }
    process.stdout.write(
      `\nSOAK FAILED: ${lost} lost, ${duplicated} duplicated, ${unexpected.length} unexpected error(s)\n`,
    );
  } else {
    process.stdout.write('\nSoak passed: no write lost or duplicated, no error away from the faults.\n');
  }
  return passed;
}

main()
  .then(async (passed) => {
    await cleanup.run();
    process.exit(passed ? 0 : 1);
  })
  .catch(async (error) => {
    process.stderr.write(`soak could not run: ${error instanceof Error ? error.stack : String(error)}\n`);
    await cleanup.run();
    process.exit(1);
  });
