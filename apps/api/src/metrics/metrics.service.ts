import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Server } from 'socket.io';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LiveEventsService } from '../live/live-events.service';
import { errorCodeLabel, INVALID_OPERATION, OperationLabels } from './metric-labels';

/** Distinct GraphQL operation names with a series of their own (the web app has about a hundred). */
const MAX_OPERATION_NAMES = 200;
const HTTP_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Prometheus metrics of one API instance, served on `METRICS_HOST:METRICS_PORT` (loopback by default),
 * never on the public port. Each app has its own registry, so several apps in one process (the tests)
 * keep their own series.
 */
@Injectable()
export class MetricsService implements OnModuleInit, OnApplicationShutdown {
  readonly registry = new Registry();
  private readonly operations = new OperationLabels(MAX_OPERATION_NAMES);
  private io?: Server;
  private server?: http.Server;

  private readonly operationDuration = new Histogram({
    name: 'atelier_graphql_request_duration_seconds',
    help: 'GraphQL requests, from Apollo receiving the request to the response, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly graphqlErrors = new Counter({
    name: 'atelier_graphql_errors_total',
    help: 'Errors in GraphQL responses, by the code clients receive and by operation name',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });

  private readonly httpDuration = new Histogram({
    name: 'atelier_http_request_duration_seconds',
    help: 'Requests to the routes besides /graphql (uploads, files, exports, health), by route pattern and status',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  /**
   * From a service's `toScope`/`toSpace`/`toUser` to the adapter handing the event to this instance's
   * connections. The PostgreSQL adapter publishes (NOTIFY) before it delivers locally, so this includes
   * the database round trip; the Redis adapter publishes without waiting, so it is the local fan-out only.
   */
  private readonly deliveryLag = new Histogram({
    name: 'atelier_live_delivery_lag_seconds',
    help: 'Live events: from the service emitting to delivery to this instance\u2019s connections (adapter publish included)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveEventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    collectDefaultMetrics({ register: this.registry });
    const pool = () => (this.dataSource.driver as PostgresDriver).master as Pool | undefined;
    const poolGauge = (name: string, help: string, read: (pool: Pool) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const current = pool();
          this.set(current ? read(current) : 0);
        },
      });
    poolGauge('atelier_db_pool_connections', 'Connections open in the database pool', (p) => p.totalCount);
    poolGauge('atelier_db_pool_idle_connections', 'Open database connections not in use', (p) => p.idleCount);
    poolGauge('atelier_db_pool_waiting_requests', 'Queries waiting for a database connection', (p) => p.waitingCount);
    const io = () => this.io;
    new Gauge({
      name: 'atelier_live_connected_sockets',
      help: 'Live (socket.io) connections to this instance',
      registers: [this.registry],
      collect() {
        this.set(io()?.of('/').sockets.size ?? 0);
      },
    });
    this.live.watchServer((server) => this.watchLive(server));
  }

  /** The label of a GraphQL operation: its name (capped), "anonymous", or "invalid" when nothing ran. */
  operationLabel(resolved: boolean, name: string | undefined): string {
    return resolved ? this.operations.label(name) : INVALID_OPERATION;
  }

  observeOperation(operation: string, seconds: number, errorCodes: unknown[]): void {
    this.operationDuration.observe({ operation }, seconds);
    for (const code of errorCodes) this.graphqlErrors.inc({ operation, code: errorCodeLabel(code) });
  }

  observeHttp(route: string, method: string, status: number, seconds: number): void {
    this.httpDuration.observe(
      { route, method: HTTP_METHODS.has(method) ? method : 'OTHER', status: String(status) },
      seconds,
    );
  }

  /** Starts the metrics server when METRICS_PORT is set; its address, or undefined when metrics are off. */
  async listen(): Promise<AddressInfo | undefined> {
    const port = this.config.METRICS_PORT;
    if (port === undefined) return undefined;
    if (this.server) return this.server.address() as AddressInfo;
    const server = http.createServer((req, res) => this.answer(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error) =>
        reject(new Error(`could not serve metrics on ${this.config.METRICS_HOST}:${port}: ${error.message}`)),
      );
      server.listen(port, this.config.METRICS_HOST, resolve);
    });
    this.server = server;
    return server.address() as AddressInfo;
  }

  /** After the app drained: the metrics server is the last thing to go, so a scrape sees the shutdown. */
  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: metrics are at /metrics\n');
      return;
    }
    this.registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': this.registry.contentType }).end(body),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
    );
  }

  /** Counts the server's connections and times each broadcast until the adapter delivered it here. */
  private watchLive(server: Server): void {
    this.io = server;
    const adapter = server.of('/').adapter;
    const broadcast = adapter.broadcast.bind(adapter);
    adapter.broadcast = (packet, opts) => {
      const started = performance.now();
      const delivered = broadcast(packet, opts) as Promise<void> | void;
      Promise.resolve(delivered).then(
        () => this.deliveryLag.observe((performance.now() - started) / 1000),
        () => undefined,
      );
      return delivered;
    };
  }
}
