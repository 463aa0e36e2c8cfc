import type { INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

type RedisClient = ReturnType<typeof createClient>;

/** How long closing waits for the PostgreSQL adapter's connections. */
const POOL_CLOSE_TIMEOUT_MS = 5_000;
/** How long the start waits for Redis before giving up with a clear message. */
const REDIS_CONNECT_TIMEOUT_MS = 10_000;

/** The table where the PostgreSQL adapter keeps payloads too big for NOTIFY (migration 1763980000000). */
export const POSTGRES_ADAPTER_TABLE = 'socket_io_attachments';
/** How the adapter's connections show in pg_stat_activity (and how tests tell them from the app's). */
export const LIVE_APPLICATION_NAME = 'atelier-live';

/**
 * socket.io on the API's HTTP server. Events, room changes and disconnections cross instances, so
 * several API instances serve one network: with REDIS_URL through the Redis adapter (one client
 * publishes, one subscribes); without it through the PostgreSQL adapter on the app's own database
 * (LISTEN/NOTIFY on one pooled connection), so two instances need no extra server. The clients
 * close with the app.
 */
export class LiveIoAdapter extends IoAdapter {
  private clients: RedisClient[] = [];
  private pool?: Pool;

  constructor(
    app: INestApplication,
    private readonly redisUrl: string | undefined,
    private readonly databaseUrl: string,
    private readonly logger: Logger,
  ) {
    super(app);
  }

  /** Connects the Redis clients (REDIS_URL) or the PostgreSQL pool; call before the app starts. */
  async connect(): Promise<void> {
    if (!this.redisUrl) {
      // One connection listens; the other publishes and reads large payloads.
      this.pool = new Pool({ connectionString: this.databaseUrl, max: 2, application_name: LIVE_APPLICATION_NAME });
      this.pool.on('error', (error: Error) => this.logger.warn({ err: error }, 'live updates: PostgreSQL error'));
      // The adapter keeps one client checked out for LISTEN, with no 'error' listener (PostgreSQL restarting
      // would stop the process), and on its end reconnects without releasing it (the pool would keep the dead
      // client forever, and pool.end() wait for it). That client is the one listening for notifications.
      this.pool.on('connect', (client) => {
        let released = false;
        client.on('error', (error: Error) => {
          this.logger.warn({ err: error }, 'live updates: PostgreSQL connection lost');
          if (released || client.listenerCount('notification') === 0) return;
          released = true;
          client.release(error);
        });
      });
      return;
    }
    const pub = createClient({ url: this.redisUrl });
    const sub = pub.duplicate();
    this.clients = [pub, sub];
    for (const client of this.clients) {
      // node-redis reconnects by itself; without a listener an error would stop the process.
      client.on('error', (error: Error) => this.logger.warn({ err: error }, 'live updates: Redis error'));
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.all([pub.connect(), sub.connect()]),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`could not reach Redis at REDIS_URL within ${REDIS_CONNECT_TIMEOUT_MS / 1000} s`)),
            REDIS_CONNECT_TIMEOUT_MS,
          );
        }),
      ]);
    } catch (error) {
      await this.dispose();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    // The adapter publishes without awaiting: a failed publish (Redis gone) is logged, not an unhandled rejection.
    const publish = pub.publish.bind(pub);
    pub.publish = ((...args: Parameters<typeof publish>) =>
      publish(...args).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'live updates: Redis publish failed');
        return 0;
      })) as typeof pub.publish;
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.clients.length === 2) server.adapter(createRedisAdapter(this.clients[0], this.clients[1]));
    else if (this.pool) {
      server.adapter(
        createPostgresAdapter(this.pool, {
          tableName: POSTGRES_ADAPTER_TABLE,
          errorHandler: (error) => this.logger.warn({ err: error }, 'live updates: PostgreSQL adapter error'),
        }),
      );
    }
    return server;
  }

  /** After the socket server closed (app.close()): the Redis clients or the pool go too. */
  override async dispose(): Promise<void> {
    const clients = this.clients;
    this.clients = [];
    const pool = this.pool;
    this.pool = undefined;
    // A LISTEN connection still being set up when the app closes may never be released: do not wait forever.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      pool?.end(),
      new Promise((resolve) => {
        timer = setTimeout(resolve, POOL_CLOSE_TIMEOUT_MS).unref();
      }),
    ])
      .catch((error: unknown) => this.logger.warn({ err: error }, 'live updates: pool close failed'))
      .finally(() => clearTimeout(timer));
    await Promise.all(
      clients.map(async (client) => {
        try {
          if (client.isReady) await client.quit();
          else if (client.isOpen) await client.disconnect();
        } catch {
          await client.disconnect().catch(() => undefined);
        }
      }),
    );
  }
}
