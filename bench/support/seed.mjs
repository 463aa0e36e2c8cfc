import { randomUUID } from 'node:crypto';
import { comment, marketingPost, paragraphHtml, personName, rng } from './text.mjs';

/**
 * Bulk seeding for the benches: straight SQL (unnest batches and generate_series), never row by
 * row through the API, so 200,000 posts take seconds. Triggers stay on (search documents are kept as
 * in production). Only the accounts a bench signs in with are made through the API; the others get a
 * copy of one real argon2 hash.
 */

const BATCH = 5000;

/** Inserts rows (arrays in `columns` order) with one `insert … select from unnest(…)` per batch. */
export async function insertRows(client, table, columns, types, rows, suffix = '') {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const arrays = columns.map((_, i) => batch.map((row) => row[i]));
    const params = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
    await client.query(
      `insert into ${table} (${columns.join(', ')}) select * from unnest(${params}) ${suffix}`,
      arrays,
    );
  }
}

/** `count` staff accounts sharing `passwordHash`; returns their ids in order. */
export async function bulkUsers(client, { count, passwordHash, prefix = 'bench', from = 1 }) {
  const rows = [];
  for (let n = from; n < from + count; n += 1) {
    rows.push([
      randomUUID(),
      `${prefix}-${n}@bench.example`,
      personName(n),
      n % 40 === 0 ? 'MANAGER' : 'MARKETER',
      n % 4 === 0 ? 'en' : 'fr',
      passwordHash,
    ]);
  }
  await insertRows(
    client,
    'users',
    ['id', 'email', 'display_name', 'role', 'locale', 'password_hash'],
    ['uuid', 'text', 'text', 'text', 'text', 'text'],
    rows,
  );
  return rows.map((row) => row[0]);
}

export async function passwordHashOf(client, email) {
  const { rows } = await client.query('select id, password_hash from users where lower(email) = lower($1)', [email]);
  if (!rows.length) throw new Error(`no user ${email}`);
  return rows[0];
}

/**
 * Teams (each with its OPEN team space, as TeamsService makes them), open and private topic
 * spaces. Every user is in one team; each joins topic spaces at random (about `joinRate` of them).
 */
export async function bulkSpaces(client, { userIds, teams, openTopics, privateTopics, joinRate, random }) {
  const teamIds = Array.from({ length: teams }, () => randomUUID());
  await insertRows(
    client,
    'teams',
    ['id', 'name'],
    ['uuid', 'text'],
    teamIds.map((id, i) => [id, `Équipe ${i + 1}`]),
  );
  await insertRows(
    client,
    'team_members',
    ['user_id', 'team_id'],
    ['uuid', 'uuid'],
    userIds.map((userId, i) => [userId, teamIds[i % teams]]),
  );
  const spaces = [
    ...teamIds.map((teamId, i) => ({
      id: randomUUID(),
      name: `Équipe ${i + 1}`,
      kind: 'TEAM',
      visibility: 'OPEN',
      teamId,
    })),
    ...Array.from({ length: openTopics }, (_, i) => ({
      id: randomUUID(),
      name: `Sujet ouvert ${i + 1}`,
      kind: 'TOPIC',
      visibility: 'OPEN',
    })),
    ...Array.from({ length: privateTopics }, (_, i) => ({
      id: randomUUID(),
      name: `Sujet privé ${i + 1}`,
      kind: 'TOPIC',
      visibility: 'PRIVATE',
    })),
  ];
  for (const space of spaces)
    space.ownerId = space.kind === 'TOPIC' ? userIds[Math.floor(random() * userIds.length)] : null;
  await insertRows(
    client,
    'spaces',
    ['id', 'name', 'kind', 'visibility', 'team_id', 'owner_id', 'created_at'],
    ['uuid', 'text', 'text', 'text', 'uuid', 'uuid', 'timestamptz'],
    spaces.map((s) => [
      s.id,
      s.name,
      s.kind,
      s.visibility,
      s.teamId ?? null,
      s.ownerId,
      new Date(Date.now() - 400 * 86_400_000),
    ]),
  );
  const members = [];
  for (const userId of userIds) {
    for (const space of spaces) if (space.kind === 'TOPIC' && random() < joinRate) members.push([space.id, userId]);
  }
  await insertRows(
    client,
    'space_members',
    ['space_id', 'user_id'],
    ['uuid', 'uuid'],
    members,
    'on conflict do nothing',
  );
  return { teamIds, spaces };
}

/**
 * `count` posts over the last `days` days, more of them recently (activity grows) and in a few busy
 * spaces (a skewed share per space), by random authors. Returns nothing: read them back by SQL.
 */
export async function bulkPosts(client, { count, spaceIds, authorIds, days = 365, seed = 1, onProgress }) {
  const random = rng(seed);
  const now = Date.now();
  for (let start = 0; start < count; start += BATCH * 4) {
    const rows = [];
    for (let n = start; n < Math.min(count, start + BATCH * 4); n += 1) {
      const { body } = marketingPost(random);
      const age = days * 86_400_000 * random() ** 1.5;
      rows.push([
        randomUUID(),
        spaceIds[Math.floor(spaceIds.length * random() ** 1.8)],
        authorIds[Math.floor(random() * authorIds.length)],
        body,
        paragraphHtml(body),
        new Date(now - age - 60_000),
      ]);
    }
    await insertRows(
      client,
      'posts',
      ['id', 'space_id', 'author_id', 'body', 'body_html', 'created_at'],
      ['uuid', 'uuid', 'uuid', 'text', 'text', 'timestamptz'],
      rows,
    );
    onProgress?.(Math.min(count, start + BATCH * 4));
  }
}

/**
 * `count` comments spread over posts with a mild power law (a few posts draw many comments, most a
 * handful, as in a department), each written within three days of its post (never in the future).
 */
export async function bulkComments(client, { count, authorIds, seed = 2 }) {
  const random = rng(seed);
  const texts = Array.from({ length: 50 }, () => comment(random));
  // Which posts draw attention is random, not tied to their age: ranks are a random permutation.
  await client.query(`create temporary table post_rank as
    select row_number() over (order by random())::int as n, id, created_at from posts`);
  await client.query('create index on post_rank (n)');
  await client.query('analyze post_rank');
  const { rows } = await client.query('select count(*)::int as total from post_rank');
  await client.query(
    `with picks as materialized (
       select g, 1 + floor($1::int * power(random(), 1.5))::int as n,
              ($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int] as author_id,
              ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] as body
         from generate_series(1, $4::int) g)
     insert into comments (target_type, target_id, author_id, body, body_html, created_at)
     select 'POST', p.id, picks.author_id, picks.body, '<p>' || picks.body || '</p>',
            least(now() - interval '1 minute', p.created_at + random() * interval '3 days')
       from picks join post_rank p using (n)`,
    [rows[0].total, authorIds, texts, count],
  );
  await client.query('drop table post_rank');
}

/**
 * About `count` reactions (duplicates of the primary key are skipped): 80 % on posts, 20 % on
 * comments, with the same mild power law over a random ranking; LIKE the most common kind.
 */
export async function bulkReactions(client, { count, userIds }) {
  const kinds = `(array['LIKE','LIKE','LIKE','LIKE','CELEBRATE','CELEBRATE','INSIGHTFUL','SUPPORT'])[1 + floor(random() * 8)::int]`;
  for (const [table, type, share] of [
    ['posts', 'POST', 0.8],
    ['comments', 'COMMENT', 0.2],
  ]) {
    await client.query(`create temporary table target_rank as
      select row_number() over (order by random())::int as n, id from ${table}`);
    await client.query('create index on target_rank (n)');
    await client.query('analyze target_rank');
    const { rows } = await client.query('select count(*)::int as total from target_rank');
    await client.query(
      `with picks as materialized (
         select 1 + floor($1::int * power(random(), 1.5))::int as n,
                ($2::uuid[])[1 + floor(random() * cardinality($2::uuid[]))::int] as user_id,
                ${kinds} as kind
           from generate_series(1, $3::int) g)
       insert into reactions (target_type, target_id, user_id, kind, created_at)
       select $4, t.id, picks.user_id, picks.kind, now() - random() * interval '300 days'
         from picks join target_rank t using (n)
       on conflict do nothing`,
      [rows[0].total, userIds, Math.round(count * share), type],
    );
    await client.query('drop table target_rank');
  }
}
