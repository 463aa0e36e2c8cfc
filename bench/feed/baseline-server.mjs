/**
 * The baseline of bench:feed: the home feed served by a bare node:http server with pg and SQL written
 * by hand, no framework, no GraphQL. It does what the API must do for the same answer (check the
 * session cookie, read the viewer's page with authors, spaces and their owners, live comment counts,
 * reactions with the viewer's own, attachments, and the brief a post links to with whether the viewer
 * may read it) and answers the same JSON as the web app's Feed query (fragment PostCard) receives:
 * bench:feed checks the two first pages are identical before loading either.
 *
 * Run by bench/feed/feed.bench.mjs with PORT and DATABASE_URL.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

const KINDS = ['LIKE', 'CELEBRATE', 'INSIGHTFUL', 'SUPPORT'];
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });

const SESSION_SQL = `
  select u.id from sessions s join users u on u.id = s.user_id
   where s.id_hash = $1 and s.expires_at > now() and u.active`;

const FEED_SQL = `
  with page as (
    select p.id, p.space_id, p.author_id, p.body, p.body_html, p.created_at, p.created_at::text as cursor_at,
           p.edited_at, p.deleted_at, p.pinned, p.linked_brief_id
      from posts p
     where p.deleted_at is null
       and p.space_id in (
         select s.id from spaces s
          where s.visibility = 'OPEN'
             or exists (select 1 from space_members sm where sm.space_id = s.id and sm.user_id = $1)
             or exists (select 1 from team_members tm where tm.team_id = s.team_id and tm.user_id = $1))
     order by p.created_at desc, p.id desc
     limit $2
  )
  select page.*, u.display_name as author_name, s.name as space_name, s.owner_id,
         (select count(*)::int from comments c
           where c.target_id = page.id and c.deleted_at is null and c.hidden_at is null) as comment_count,
         (select coalesce(json_agg(json_build_object('kind', r.kind, 'count', r.count, 'viewer', r.viewer)), '[]')
            from (select kind, count(*)::int as count, bool_or(user_id = $1) as viewer
                    from reactions where target_id = page.id group by kind) r) as reactions,
         (select coalesce(json_agg(json_build_object(
                   'id', a.id, 'kind', a.kind, 'mimeType', a.mime_type, 'sizeBytes', a.size_bytes,
                   'originalName', a.original_name, 'width', a.width, 'height', a.height,
                   'url', '/files/' || a.id) order by a.created_at, a.id), '[]')
            from attachments a where a.target_type = 'POST' and a.target_id = page.id) as attachments,
         -- The brief's title and status only for a viewer who may read it (managers, admins, its owner,
         -- its team, its watchers; never a customer nor an inactive account).
         (select case when b.id is null then json_build_object('id', page.linked_brief_id, 'readable', false)
                      else json_build_object('id', b.id, 'readable', true, 'title', b.title, 'status', b.status) end
            from (select 1) one
            left join briefs b on b.id = page.linked_brief_id and exists (
                 select 1 from users ru
                  where ru.id = $1 and ru.active and ru.role <> 'CUSTOMER'
                    and (ru.role in ('MANAGER', 'ADMIN') or b.owner_id = ru.id
                         or exists (select 1 from team_members tm where tm.team_id = b.team_id and tm.user_id = ru.id)
                         or exists (select 1 from brief_watchers bw where bw.brief_id = b.id and bw.user_id = ru.id)))
           where page.linked_brief_id is not null) as linked_brief
    from page
    join users u on u.id = page.author_id
    join spaces s on s.id = page.space_id
   order by page.created_at desc, page.id desc`;

const cursorOf = (row) => Buffer.from(JSON.stringify({ createdAt: row.cursor_at, id: row.id })).toString('base64url');

function node(row) {
  const counts = new Map(row.reactions.map((r) => [r.kind, r]));
  const kinds = KINDS.map((kind) => ({
    kind,
    count: counts.get(kind)?.count ?? 0,
    viewerReacted: counts.get(kind)?.viewer ?? false,
  }));
  return {
    id: row.id,
    body: row.body,
    bodyHtml: row.body_html,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deletedAt: row.deleted_at?.toISOString() ?? null,
    pinned: row.pinned,
    commentCount: row.comment_count,
    author: { id: row.author_id, displayName: row.author_name },
    space: { id: row.space_id, name: row.space_name, owner: row.owner_id ? { id: row.owner_id } : null },
    reactions: { targetId: row.id, total: kinds.reduce((sum, k) => sum + k.count, 0), kinds },
    attachments: row.attachments,
    linkedBrief: row.linked_brief && {
      id: row.linked_brief.id,
      readable: row.linked_brief.readable,
      title: row.linked_brief.title ?? null,
      status: row.linked_brief.status ?? null,
    },
  };
}

function sessionToken(cookieHeader) {
  const match = /(?:^|;\s*)atelier_sid=([^;]+)/.exec(cookieHeader ?? '');
  return match ? decodeURIComponent(match[1]) : null;
}

async function feed(req) {
  const token = sessionToken(req.headers.cookie);
  if (!token) return { status: 401, body: { errors: [{ message: 'unauthenticated' }] } };
  const hash = createHash('sha256').update(token).digest('hex');
  const session = await pool.query(SESSION_SQL, [hash]);
  if (!session.rowCount) return { status: 401, body: { errors: [{ message: 'unauthenticated' }] } };
  const first = 20;
  const { rows } = await pool.query(FEED_SQL, [session.rows[0].id, first + 1]);
  const edges = rows.slice(0, first).map((row) => ({ cursor: cursorOf(row), node: node(row) }));
  return {
    status: 200,
    body: {
      data: {
        feed: { edges, pageInfo: { endCursor: edges.at(-1)?.cursor ?? null, hasNextPage: rows.length > first } },
      },
    },
  };
}

const server = http.createServer((req, res) => {
  // The request body (the GraphQL document) is read and ignored: this server knows one query.
  req.resume();
  req.on('end', () => {
    feed(req).then(
      ({ status, body }) => {
        const json = JSON.stringify(body);
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
        res.end(json);
      },
      (error) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ message: String(error) }] }));
      },
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.once('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
