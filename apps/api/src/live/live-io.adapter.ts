import type { INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

type RedisClient = ReturnType<typeof createClient>;

/** How long the start waits for Redis before giving up with a clear message. */
const REDIS_CONNECT_TIMEOUT_MS = 10_000;

/**
 * socket.io on the API's HTTP server. With REDIS_URL, the Redis adapter (one client publishes, one
 * subscribes) carries events, room changes and disconnections between instances, so several API
 * instances serve one network; without it, the in-process adapter. The clients close with the app.
 */
export class LiveIoAdapter extends IoAdapter {
  private clients: RedisClient[] = [];

  constructor(
    app: INestApplication,
    private readonly redisUrl: string | undefined,
    private readonly logger: Logger,
  ) {
    super(app);
  }

  /** Connects the Redis clients, if REDIS_URL is set; call before the app starts. */
  async connect(): Promise<void> {
    if (!this.redisUrl) return;
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
    if (this.clients.length === 2) server.adapter(createAdapter(this.clients[0], this.clients[1]));
    return server;
  }

  /** After the socket server closed (app.close()): the Redis clients go too. */
  override async dispose(): Promise<void> {
    const clients = this.clients;
    this.clients = [];
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
