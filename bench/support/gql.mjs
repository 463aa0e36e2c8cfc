import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './scratch.mjs';

/** A GraphQL client keeping its session cookie, as the web app's fetch does. */
export class Gql {
  constructor(baseUrl, cookie) {
    this.baseUrl = baseUrl;
    this.cookie = cookie;
  }

  async request(query, variables = {}) {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const body = await response.json();
    if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors[0].message}`);
    return body.data;
  }

  async signIn(email, password) {
    await this.request(
      'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }',
      { email, password },
    );
    return this;
  }
}

/**
 * A named operation from the web app's .graphql files with the fragments it needs, so the benches
 * send exactly what the pages send.
 */
export function webOperation(file, name) {
  const definitions = new Map();
  const read = (source, fragmentsOnly) => {
    for (const block of source.split(/\n(?=(?:query|mutation|fragment) )/)) {
      const match = /^(query|mutation|fragment) (\w+)/.exec(block.trim());
      if (!match || (fragmentsOnly && match[1] !== 'fragment')) continue;
      // A fragment and an operation may share a name (PostCard): keys keep them apart.
      const key = match[1] === 'fragment' ? `fragment ${match[2]}` : match[2];
      if (!definitions.has(key)) definitions.set(key, block.trim());
    }
  };
  const operations = path.join(REPO_ROOT, 'apps/web/src/graphql/operations');
  read(readFileSync(path.join(operations, file), 'utf8'), false);
  for (const other of readdirSync(operations)) {
    if (other !== file && other.endsWith('.graphql')) read(readFileSync(path.join(operations, other), 'utf8'), true);
  }
  if (!definitions.has(name)) throw new Error(`operation ${name} not found in ${file}`);
  const wanted = new Set([name]);
  const queue = [name];
  while (queue.length) {
    const text = definitions.get(queue.pop());
    for (const [, fragment] of text.matchAll(/\.\.\.(\w+)/g)) {
      const key = `fragment ${fragment}`;
      if (!definitions.has(key)) throw new Error(`fragment ${fragment} not found in the web operations`);
      if (!wanted.has(key)) {
        wanted.add(key);
        queue.push(key);
      }
    }
  }
  return [...wanted].map((key) => definitions.get(key)).join('\n\n');
}

/** A session as SessionsService.open stores it: the cookie value, and the SHA-256 kept in the database. */
export function newSessionToken() {
  const token = randomBytes(32).toString('base64url');
  return { token, idHash: createHash('sha256').update(token).digest('hex') };
}
