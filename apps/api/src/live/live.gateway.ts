import type { IncomingHttpHeaders } from 'node:http';
import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { isStaff, type Role } from '@atelier/domain';
import { isUuid } from '../common/ids';
import { SCOPE_TYPES, type ScopeRef, type ScopeType, scopeRoom } from '../scopes/scope-registry';
import { TargetsService } from '../scopes/targets.service';
import type { Server, Socket } from 'socket.io';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SESSION_COOKIE } from '../sessions/session-cookie';
import { SessionsService } from '../sessions/sessions.service';
import { SpacesService } from '../spaces/spaces.service';
import {
  LiveEventsService,
  sessionRoom,
  spaceRoom,
  STAFF_ROOM,
  threadStaffRoom,
  userRoom,
} from './live-events.service';

/** How often each instance checks that the sessions behind its connections are still open and their users active. */
export const SESSION_RECHECK_MS = 30_000;

/** What the handshake established, kept on the socket. */
export interface LiveSocketData {
  userId: string;
  sessionIdHash: string;
  /** Rooms to join once connected. */
  rooms: string[];
}

/** The value of one cookie in a `cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * A browser sends the session cookie with any page's WebSocket: only the app's own origin may connect
 * (no Origin header: not a browser). Same rule as the host the request reached, or the forwarded host
 * behind a trusted proxy.
 */
export function originAllowed(headers: IncomingHttpHeaders, trustProxy: boolean): boolean {
  const origin = headers.origin;
  if (!origin) return true;
  let originHost: string;
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false;
  }
  const forwarded = trustProxy
    ? String(headers['x-forwarded-host'] ?? '')
        .split(',')[0]
        .trim()
    : '';
  const hosts = [headers.host, forwarded].filter(Boolean).map((host) => String(host).toLowerCase());
  return hosts.includes(originHost);
}

const refused = (reason: 'unauthenticated' | 'forbiddenOrigin' | 'unavailable') => new Error(reason);

/**
 * Live updates over socket.io, on the API's own HTTP server (`/socket.io`). The handshake is
 * authenticated by the session cookie; each connection joins its user's room, its session's room and
 * the rooms of the spaces its user may read (customers: none). Services push through LiveEventsService;
 * membership changes and revocations move or close connections at once, on every instance.
 */
@WebSocketGateway({ path: '/socket.io', serveClient: false })
export class LiveGateway implements OnGatewayInit<Server>, OnModuleDestroy {
  private readonly logger = new Logger('Live');
  private server?: Server;
  private recheck?: NodeJS.Timeout;

  constructor(
    private readonly sessions: SessionsService,
    private readonly spaces: SpacesService,
    private readonly dataSource: DataSource,
    private readonly live: LiveEventsService,
    private readonly targets: TargetsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: Server): void {
    this.server = server;
    server.use((socket, next) => {
      this.authenticate(socket).then(
        () => next(),
        (error: Error) => next(error),
      );
    });
    server.on('connection', (socket: Socket) => {
      const data = socket.data as LiveSocketData;
      void socket.join(data.rooms);
      socket.on('scope.subscribe', (payload: unknown, ack?: unknown) => {
        void this.subscribe(socket, payload).then((result) => typeof ack === 'function' && ack(result));
      });
      socket.on('scope.unsubscribe', (payload: unknown) => {
        const scope = subscribable(payload);
        if (!scope) return;
        void socket.leave(scopeRoom(scope));
        if (scope.type === 'THREAD') void socket.leave(threadStaffRoom(scope.id));
      });
    });
    this.live.attachServer(server, (userId) => this.accessRoomsOfUserId(userId));
    this.recheck = setInterval(() => void this.recheckSessions(), SESSION_RECHECK_MS);
    this.recheck.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.recheck);
    this.live.detach();
  }

  private async authenticate(socket: Socket): Promise<void> {
    const headers = socket.handshake.headers;
    if (!originAllowed(headers, this.config.TRUST_PROXY)) throw refused('forbiddenOrigin');
    const token = readCookie(headers.cookie, SESSION_COOKIE);
    if (!token || token.length > 128) throw refused('unauthenticated');
    let resolved: Awaited<ReturnType<SessionsService['resolve']>>;
    let access: string[];
    try {
      resolved = await this.sessions.resolve(token);
      access = resolved ? await this.accessRoomsOf(resolved.user) : [];
    } catch (error) {
      this.logger.error(`socket handshake failed: ${error instanceof Error ? error.message : String(error)}`);
      throw refused('unavailable');
    }
    if (!resolved) throw refused('unauthenticated');
    const data: LiveSocketData = {
      userId: resolved.user.id,
      sessionIdHash: resolved.idHash,
      rooms: [userRoom(resolved.user.id), sessionRoom(resolved.idHash), ...access],
    };
    socket.data = data;
  }

  /**
   * A brief's or a thread's room is joined on request (a page showing it), never at connection: there
   * are many of them and a page watches one. The scope's own rule decides, as for a GraphQL read; an
   * unreadable scope is answered as missing. `staff: true` on a thread also joins its staff room, for
   * active staff only: anyone else is refused and joins nothing.
   */
  private async subscribe(socket: Socket, payload: unknown): Promise<{ ok: boolean; error?: string }> {
    const scope = subscribable(payload);
    if (!scope) return { ok: false, error: 'BAD_USER_INPUT' };
    const wantsStaffRoom = (payload as { staff?: unknown }).staff === true;
    if (wantsStaffRoom && scope.type !== 'THREAD') return { ok: false, error: 'BAD_USER_INPUT' };
    const { userId } = socket.data as LiveSocketData;
    try {
      if (!(await this.targets.canReadScope(userId, scope))) return { ok: false, error: 'NOT_FOUND' };
      if (wantsStaffRoom && !(await this.isActiveStaff(userId))) return { ok: false, error: 'FORBIDDEN' };
    } catch (error) {
      this.logger.warn(`scope subscription failed: ${error instanceof Error ? error.message : String(error)}`);
      return { ok: false, error: 'INTERNAL_SERVER_ERROR' };
    }
    await socket.join(wantsStaffRoom ? [scopeRoom(scope), threadStaffRoom(scope.id)] : scopeRoom(scope));
    return { ok: true };
  }

  private async isActiveStaff(userId: string): Promise<boolean> {
    const user = await this.spaces.userById(userId);
    return !!user && user.active && isStaff(user.role);
  }

  /** Staff read open spaces and the private ones they are members of; customers read no space. */
  private async accessRoomsOf(user: { id: string; role: Role; active: boolean }): Promise<string[]> {
    if (!user.active || !isStaff(user.role)) return [];
    const readable = await this.spaces.listReadable(user.id);
    return [STAFF_ROOM, ...readable.map((space) => spaceRoom(space.id))];
  }

  private async accessRoomsOfUserId(userId: string): Promise<string[]> {
    const user = await this.spaces.userById(userId);
    return user ? this.accessRoomsOf(user) : [];
  }

  /**
   * The safety net behind the immediate disconnections (sign-out, deactivation, password change):
   * a connection whose session expired or was removed otherwise, or whose user is no longer active,
   * is closed. Each instance checks its own connections, in one query. Brief and thread rooms are
   * checked again too (a thread's staff room: also that its user is still active staff), so lost access
   * stops the events even if no service said so.
   */
  async recheckSessions(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const sockets = [...server.of('/').sockets.values()];
    const hashes = [...new Set(sockets.map((socket) => (socket.data as LiveSocketData).sessionIdHash))];
    if (!hashes.length) return;
    try {
      const rows = await this.dataSource.query<{ id_hash: string }[]>(
        `select s.id_hash from sessions s join users u on u.id = s.user_id
          where s.id_hash = any($1::text[]) and s.expires_at > now() and u.active`,
        [hashes],
      );
      const open = new Set(rows.map((row) => row.id_hash));
      for (const socket of sockets) {
        if (!open.has((socket.data as LiveSocketData).sessionIdHash)) socket.disconnect(true);
      }
      await this.recheckSubscriptions(sockets.filter((socket) => socket.connected));
    } catch (error) {
      this.logger.warn(`live session check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async recheckSubscriptions(sockets: Socket[]): Promise<void> {
    const verdicts = new Map<string, Promise<boolean>>();
    for (const socket of sockets) {
      const { userId } = socket.data as LiveSocketData;
      for (const room of socket.rooms) {
        const staffThreadId = threadIdOfStaffRoom(room);
        const scope: ScopeRef | null = staffThreadId ? { type: 'THREAD', id: staffThreadId } : scopeOfRoom(room);
        if (!scope || scope.type === 'SPACE') continue;
        const key = `${userId} ${room}`;
        if (!verdicts.has(key)) {
          const readable = this.targets.canReadScope(userId, scope);
          verdicts.set(
            key,
            staffThreadId ? readable.then(async (ok) => ok && (await this.isActiveStaff(userId))) : readable,
          );
        }
        if (!(await verdicts.get(key))) void socket.leave(room);
      }
    }
  }
}

/** A subscription request for a brief or a thread; spaces are joined from reading rights at connection. */
function subscribable(payload: unknown): ScopeRef | null {
  const { type, id } = (payload ?? {}) as { type?: unknown; id?: unknown };
  if (typeof type !== 'string' || typeof id !== 'string' || type === 'SPACE') return null;
  if (!(SCOPE_TYPES as readonly string[]).includes(type) || !isUuid(id)) return null;
  return { type: type as ScopeType, id };
}

function threadIdOfStaffRoom(room: string): string | null {
  const id = room.startsWith('thread-staff:') ? room.slice('thread-staff:'.length) : '';
  return isUuid(id) ? id : null;
}

function scopeOfRoom(room: string): ScopeRef | null {
  const [prefix, id] = room.split(':');
  return subscribable({ type: prefix?.toUpperCase(), id });
}
