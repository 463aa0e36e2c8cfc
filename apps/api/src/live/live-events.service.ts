import { Injectable } from '@nestjs/common';

/** Names of the events the web app listens to. */
export type LiveEventName =
  | 'post.created'
  | 'post.updated'
  | 'post.deleted'
  | 'comment.created'
  | 'comment.updated'
  | 'comment.deleted'
  | 'reaction.changed'
  | 'notification.created'
  | 'notification.read';

export const spaceRoom = (spaceId: string) => `space:${spaceId}`;
export const userRoom = (userId: string) => `user:${userId}`;

/**
 * The one way the API pushes live events. Services call it after their transaction commits;
 * the socket gateway delivers to rooms (per space, per user), across instances through the adapter.
 * Payloads carry ids and what changed, never content the room's members may not read.
 */
@Injectable()
export class LiveEventsService {
  private emitter?: (room: string, event: LiveEventName, payload: Record<string, unknown>) => void;

  /** Set by the gateway once the socket server exists; until then (or in a CLI context) events are dropped. */
  attach(emitter: (room: string, event: LiveEventName, payload: Record<string, unknown>) => void): void {
    this.emitter = emitter;
  }

  toSpace(spaceId: string, event: LiveEventName, payload: Record<string, unknown>): void {
    this.emitter?.(spaceRoom(spaceId), event, payload);
  }

  toUser(userId: string, event: LiveEventName, payload: Record<string, unknown>): void {
    this.emitter?.(userRoom(userId), event, payload);
  }
}
