import { Injectable, Logger } from '@nestjs/common';
import type { Server } from 'socket.io';
import type { LiveEventName } from '@atelier/domain';
import { type ScopeRef, scopeRoom } from '../scopes/scope-registry';

export type { LiveEventName };

export const spaceRoom = (spaceId: string) => scopeRoom({ type: 'SPACE', id: spaceId });
export const userRoom = (userId: string) => `user:${userId}`;
/** Every connection of one session: sign-out closes exactly those. */
export const sessionRoom = (sessionIdHash: string) => `session:${sessionIdHash}`;
/**
 * The staff of a co-creation thread: the thread's own room holds its customers, so what is staff's
 * alone (notes, the shortlist) goes here. Joined on request by staff who read the thread.
 */
export const threadStaffRoom = (threadId: string) => `thread-staff:${threadId}`;
/** Every staff connection: a new open space is readable by all staff, so they all join its room. */
export const STAFF_ROOM = 'staff';

/** The rooms a connection's reading rights put it in (space rooms and the staff room); user and session rooms stay. */
const isAccessRoom = (room: string): boolean => room === STAFF_ROOM || room.startsWith('space:');

/**
 * The one way the API pushes live events. Services call it after their transaction commits;
 * the socket gateway delivers to rooms (per space, per user), across instances through the adapter.
 * Payloads carry ids and what changed, never content the room's members may not read.
 */
@Injectable()
export class LiveEventsService {
  private readonly logger = new Logger('LiveEvents');
  private emitter?: (room: string, event: LiveEventName, payload: Record<string, unknown>) => void;
  private server?: Server;
  private accessRoomsOf?: (userId: string) => Promise<string[]>;
  private readonly serverWatchers: ((server: Server) => void)[] = [];

  /** Set by the gateway once the socket server exists; until then (or in a CLI context) events are dropped. */
  attach(emitter: (room: string, event: LiveEventName, payload: Record<string, unknown>) => void): void {
    this.emitter = emitter;
  }

  /**
   * Set by the gateway: events, room changes and disconnections then go through the socket server and
   * its adapter, so they reach the connections on every instance. `accessRoomsOf` tells the rooms a
   * user's reading rights put their connections in.
   */
  attachServer(server: Server, accessRoomsOf: (userId: string) => Promise<string[]>): void {
    this.server = server;
    this.accessRoomsOf = accessRoomsOf;
    for (const watcher of this.serverWatchers) watcher(server);
    this.attach((room, event, payload) => server.to(room).emit(event, payload));
  }

  /** `watcher` gets the socket server once attached (at once if it already is): metrics watch its sockets. */
  watchServer(watcher: (server: Server) => void): void {
    this.serverWatchers.push(watcher);
    if (this.server) watcher(this.server);
  }

  /** At shutdown: nothing more is sent. */
  detach(): void {
    this.server = undefined;
    this.emitter = undefined;
    this.accessRoomsOf = undefined;
  }

  toSpace(spaceId: string, event: LiveEventName, payload: Record<string, unknown>): void {
    this.emitter?.(spaceRoom(spaceId), event, payload);
  }

  /** To the connections reading the scope: a space's members, or who subscribed to a brief or a thread. */
  toScope(scope: ScopeRef, event: LiveEventName, payload: Record<string, unknown>): void {
    this.emitter?.(scopeRoom(scope), event, payload);
  }

  /** To the staff watching a co-creation thread, never its customers. */
  toThreadStaff(threadId: string, event: LiveEventName, payload: Record<string, unknown>): void {
    this.emitter?.(threadStaffRoom(threadId), event, payload);
  }

  toUser(userId: string, event: LiveEventName, payload: Record<string, unknown>): void {
    this.emitter?.(userRoom(userId), event, payload);
  }

  /** The user may now read the space (added to, or joined, a private space): their connections join its room. */
  joinSpace(userId: string, spaceId: string): void {
    this.server?.in(userRoom(userId)).socketsJoin(spaceRoom(spaceId));
  }

  /** The user may no longer read the space: their connections leave its room at once. */
  leaveSpace(userId: string, spaceId: string): void {
    this.server?.in(userRoom(userId)).socketsLeave(spaceRoom(spaceId));
  }

  /** The user may no longer read the brief or thread (invitation revoked, removed from a team): out of its room. */
  leaveScope(userId: string, scope: ScopeRef): void {
    this.server?.in(userRoom(userId)).socketsLeave(scopeRoom(scope));
  }

  /** A new open space (created, or a new team's): every staff connection joins its room. */
  spaceOpened(spaceId: string): void {
    this.server?.in(STAFF_ROOM).socketsJoin(spaceRoom(spaceId));
  }

  /** Closes every connection of the user (deactivation, all sessions revoked), but those of the session to keep. */
  disconnectUser(userId: string, exceptSessionIdHash?: string): void {
    const target = this.server?.in(userRoom(userId));
    (exceptSessionIdHash ? target?.except(sessionRoom(exceptSessionIdHash)) : target)?.disconnectSockets(true);
  }

  /** Shutting down: this instance's connections close, and their clients reconnect to another instance. */
  disconnectLocal(): void {
    this.server?.local.disconnectSockets(true);
  }

  /** Closes the connections of one session (sign-out). */
  disconnectSession(sessionIdHash: string): void {
    this.server?.in(sessionRoom(sessionIdHash)).disconnectSockets(true);
  }

  /**
   * Recomputes the rooms of the user's connections from their reading rights now (after a role or team
   * change). Never throws: a failure is logged, and the periodic check or a reconnection repairs it.
   */
  async refreshUser(userId: string): Promise<void> {
    const server = this.server;
    const accessRoomsOf = this.accessRoomsOf;
    if (!server || !accessRoomsOf) return;
    try {
      const sockets = await server.in(userRoom(userId)).fetchSockets();
      if (!sockets.length) return;
      const wanted = new Set(await accessRoomsOf(userId));
      for (const socket of sockets) {
        const stale = [...socket.rooms].filter((room) => isAccessRoom(room) && !wanted.has(room));
        const missing = [...wanted].filter((room) => !socket.rooms.has(room));
        for (const room of stale) socket.leave(room);
        if (missing.length) socket.join(missing);
      }
    } catch (error) {
      this.logger.warn(`could not refresh the rooms of user ${userId}: ${String(error)}`);
    }
  }
}
