import { request } from './client';
import {
  MarkNotificationsReadDocument,
  NotificationsDocument,
  UnreadNotificationCountDocument,
  type NotificationEntryFragment,
} from './generated';

/** The web app's view of one notification entry (a group of events, grouped by the API). */
export interface NotificationEntry {
  id: string;
  kind: NotificationEntryFragment['kind'] | (string & {});
  /** Most recent first (the API gives the latest three). */
  actorNames: string[];
  actorCount: number;
  /** The content to open (a post, a brief, a proposal…) and the comment within it, if any. */
  rootType: string;
  rootId: string;
  commentId: string | null;
  excerpt: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationsSource {
  unreadCount(): Promise<number>;
  list(): Promise<{ items: NotificationEntry[]; unreadCount: number }>;
  /** Marks the entries given, or all without ids; returns the unread count afterwards. */
  markRead(ids?: string[]): Promise<number>;
}

export const NOTIFICATIONS_PAGE = 30;

export function toEntry(node: NotificationEntryFragment): NotificationEntry {
  return {
    id: node.id,
    kind: node.kind,
    actorNames: node.actors.map((a) => a.displayName),
    actorCount: node.actorCount,
    rootType: node.target.rootType,
    rootId: node.target.rootId,
    commentId: node.target.type === 'COMMENT' ? node.target.id : null,
    excerpt: node.target.excerpt,
    createdAt: node.createdAt,
    read: node.read,
  };
}

/** The API's notifications (`notifications`, `unreadNotificationCount`, `markNotificationsRead`). */
export const notificationsSource: NotificationsSource | null = {
  async unreadCount() {
    return (await request(UnreadNotificationCountDocument)).unreadNotificationCount;
  },
  async list() {
    const data = await request(NotificationsDocument, { first: NOTIFICATIONS_PAGE, after: null });
    return { items: data.notifications.edges.map((e) => toEntry(e.node)), unreadCount: data.unreadNotificationCount };
  },
  async markRead(ids) {
    return (await request(MarkNotificationsReadDocument, { ids: ids?.length ? ids : null })).markNotificationsRead;
  },
};
