import { randomBytes } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import type { Role } from '@atelier/domain';
import pino from 'pino';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { loadConfig } from '../../src/config/app-config';
import { ensureDatabase } from '../../src/database/embedded-postgres';
import { runMigrations } from '../../src/database/database';
import { TeamsService } from '../../src/teams/teams.service';
import { User } from '../../src/users/user.entity';
import { UsersService } from '../../src/users/users.service';

export const PASSWORD = 'correct-horse-battery';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** A GraphQL client that keeps its session cookie, as a browser would. */
export class GqlClient {
  cookie?: string;

  constructor(private readonly baseUrl: string) {}

  async raw(init: RequestInit & { path?: string } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie && !headers.has('cookie')) headers.set('cookie', this.cookie);
    const response = await fetch(`${this.baseUrl}${init.path ?? '/graphql'}`, { ...init, headers });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    return response;
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await this.raw({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
    return { status: response.status, headers: response.headers, ...body };
  }

  async signIn(email: string, password = PASSWORD): Promise<GraphQLResponse> {
    return this.request(
      'mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }',
      {
        email,
        password,
      },
    );
  }
}

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  databaseUrl: string;
  client(): GqlClient;
  /** A user made through the service, with PASSWORD. */
  createUser(role: Role, overrides?: { email?: string; teamIds?: string[]; displayName?: string }): Promise<User>;
  /** A new user of that role, already signed in. */
  signedIn(role: Role): Promise<{ user: User; client: GqlClient }>;
  createTeam(name?: string): Promise<string>;
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

const silent = pino({ level: 'silent' });

/** Makes an empty database on the test server and runs every migration on it. */
export async function freshDatabase(): Promise<string> {
  const serverUrl = process.env.ATELIER_TEST_PG_URL;
  if (!serverUrl) throw new Error('ATELIER_TEST_PG_URL is not set: run the tests through jest (global setup).');
  return ensureDatabase(serverUrl, `atelier_test_${randomBytes(6).toString('hex')}`);
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.end();
}

/** `databaseUrl`: a second app on the database of another (already migrated; the first one drops it). */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { databaseUrl?: string } = {},
): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (await freshDatabase());
  if (!options.databaseUrl) await runMigrations(databaseUrl, silent);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST: 'no-web-in-api-tests', ...env });
  const app = await createApp(config, databaseUrl, silent);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const users = app.get(UsersService);
  let counter = 0;

  const createUser: TestApp['createUser'] = (role, overrides = {}) => {
    counter += 1;
    return users.create({
      email: overrides.email ?? `${role.toLowerCase()}-${counter}-${randomBytes(3).toString('hex')}@test.example`,
      displayName: overrides.displayName ?? `${role} ${counter}`,
      password: PASSWORD,
      role,
      locale: 'fr',
      teamIds: overrides.teamIds ?? [],
    });
  };

  return {
    app,
    baseUrl,
    databaseUrl,
    client: () => new GqlClient(baseUrl),
    createUser,
    async signedIn(role) {
      const user = await createUser(role);
      const client = new GqlClient(baseUrl);
      const response = await client.signIn(user.email);
      if (response.errors) throw new Error(`could not sign in: ${response.errors[0].message}`);
      return { user, client };
    },
    async createTeam(name) {
      counter += 1;
      return (await app.get(TeamsService).create(name ?? `Team ${counter}`)).id;
    },
    sql: (text, params) => app.get(DataSource).query(text, params),
    async close() {
      await app.close();
      if (!options.databaseUrl) await dropDatabase(databaseUrl);
    },
  };
}

export function errorCode(response: GraphQLResponse): unknown {
  return response.errors?.[0]?.extensions?.code;
}
