import { io, Socket } from 'socket.io-client';
import type { GqlClient } from './test-app';

/** How long to wait after an event for a duplicate, or for an event that must not come. */
export const QUIET_MS = 400;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Received {
  event: string;
  payload: Record<string, unknown>;
}

/** A socket.io client as the web app opens it, with every event it receives recorded. */
export class LiveClient {
  readonly socket: Socket;
  readonly received: Received[] = [];
  disconnectReason?: string;

  constructor(baseUrl: string, headers: Record<string, string> = {}) {
    this.socket = io(baseUrl, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: headers,
      reconnection: false,
      forceNew: true,
    });
    this.socket.onAny((event: string, payload: Record<string, unknown>) => this.received.push({ event, payload }));
    this.socket.on('disconnect', (reason) => (this.disconnectReason = reason));
  }

  static async open(baseUrl: string, client: GqlClient): Promise<LiveClient> {
    const live = new LiveClient(baseUrl, { cookie: client.cookie! });
    await live.connected();
    return live;
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', (error) => reject(error));
    });
  }

  refused(): Promise<Error> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => reject(new Error('the connection was accepted')));
      this.socket.once('connect_error', (error) => resolve(error));
    });
  }

  of(event: string): Record<string, unknown>[] {
    return this.received.filter((item) => item.event === event).map((item) => item.payload);
  }

  /** Waits until `count` events matching arrived, then a little more to catch duplicates. */
  async expectExactly(event: string, match: Record<string, unknown>, count = 1): Promise<void> {
    const matching = () =>
      this.of(event).filter((payload) => Object.entries(match).every(([k, v]) => payload[k] === v));
    for (let waited = 0; matching().length < count && waited < 5000; waited += 20) await sleep(20);
    await sleep(QUIET_MS);
    expect(matching()).toHaveLength(count);
  }

  async waitDisconnected(timeoutMs = 5000): Promise<string> {
    for (let waited = 0; this.socket.connected && waited < timeoutMs; waited += 20) await sleep(20);
    expect(this.socket.connected).toBe(false);
    return this.disconnectReason ?? '';
  }

  close(): void {
    this.socket.disconnect();
  }
}
