import { Injectable, Logger } from '@nestjs/common';
import { Actor, badInput } from '@atelier/domain';
import { DataSource, In } from 'typeorm';
import { isUuid } from '../common/ids';
import { decodeCursor, encodeCursor } from '../feed/feed.repository';
import { LiveEventsService } from '../live/live-events.service';
import { ScopeRegistry } from '../scopes/scope-registry';
import { ResolvedTarget } from '../scopes/targets.service';
import { User } from '../users/user.entity';
import { NotificationConnection } from './dto/notification.types';
import { excerptOf } from './excerpt';
import { NotificationKind } from './notification.entity';

export const NOTIFICATIONS_MAX_PAGE = 50;
export const MARK_READ_MAX_IDS = 100;

export interface Recipient {
  recipientId: string;
  kind: NotificationKind;
  /** Rows with the same key show as one entry; by default the kind and what it is about. */
  groupKey?: string;
}

const groupKey = (kind: NotificationKind, aboutId: string): string => `${kind}:${aboutId}`;

interface GroupRow {
  id: string;
  kind: NotificationKind;
  target_type: string;
  target_id: string;
  root_type: string;
  root_id: string;
  scope_type: string;
  scope_id: string;
  created_at: Date;
  cursor_created_at: string;
  unread: boolean;
  actor_ids: string[];
  actor_count: number;
  event_count: number;
  target_html: string | null;
}

/**
 * Notifications: who is told what, grouped for the list, counted for the badge.
 *
 * Recorded (by the hooks below, which content services call once their write is done) for: a
 * mention (to the reader mentioned), a comment on your content, a reply to your comment, a reaction
 * to your content, and whatever other modules tell through `notify` (brief transitions, hidden
 * proposals…). Never to the actor, never to a deactivated account, never to someone who may not
 * read the content's scope (checked when recording, and again when listing: a customer is told only
 * about the co-creation threads they joined). One action tells each person one thing, the most
 * specific: a mention, else a reply, else a comment on their content. A mention is told once per
 * piece of content, however often it is edited,
 * so an edit tells only the people it newly mentions. A reaction is told once while unread, whatever
 * its kinds; taking back one's last reaction removes its unread notification.
 *
 * The list groups rows by group_key (kind + what it is about: the content for comments, the comment
 * for replies, the target for reactions and mentions), unread rows together and read rows together,
 * newest group first; the badge counts the unread groups. Both read notification_groups, one row per
 * entry, which triggers on notifications and comments keep in the same transaction as the rows (see
 * migrations/1764030000000-notification-groups.ts), so a read costs the page, not the person's history.
 *
 * Recording never fails the write that caused it: an error is logged and the content stays written.
 * After each recording (its own statement, committed), the recipients get `notification.created`
 * with their unread count; marking read sends `notification.read`.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveEventsService,
    private readonly scopes: ScopeRegistry,
  ) {}

  // ---- hooks: called by the services that write content, after their write ----

  /**
   * Tells each recipient about the target (the content, or the comment, they will open). The way
   * other modules record their own kinds (brief submitted, proposal hidden…).
   */
  async notify(actor: Actor, target: ResolvedTarget, recipients: readonly Recipient[]): Promise<void> {
    await this.safely(() => this.record(actor, target, recipients));
  }

  /** A post was created or edited: tells the readers it mentions (and has not told yet). */
  async postWritten(
    actor: Actor,
    post: { id: string; spaceId: string },
    mentionedIds: readonly string[],
  ): Promise<void> {
    await this.contentWritten(
      actor,
      {
        type: 'POST',
        id: post.id,
        authorId: actor.id,
        rootType: 'POST',
        rootId: post.id,
        scope: { type: 'SPACE', id: post.spaceId },
      },
      mentionedIds,
    );
  }

  /** Any content was created or edited: tells the readers it mentions (and has not told yet). */
  async contentWritten(actor: Actor, target: ResolvedTarget, mentionedIds: readonly string[]): Promise<void> {
    await this.safely(() => this.record(actor, target, this.mentions(target, mentionedIds)));
  }

  /**
   * A comment was added (`created`) or edited (`comment` is the comment as a target): tells the
   * readers it mentions, and for a new one the author of the comment it replies to, or else the
   * author of the content it is on.
   */
  async commentWritten(
    actor: Actor,
    comment: { id: string; parentId: string | null },
    target: ResolvedTarget,
    mentionedIds: readonly string[],
    created: boolean,
  ): Promise<void> {
    await this.safely(async () => {
      const recipients = this.mentions(target, mentionedIds);
      if (created) {
        const [authors] = await this.dataSource.query<{ root_author: string | null; parent_author: string | null }[]>(
          `select (select c.author_id from (${this.scopes.contentSql()}) c where c.id = $1 and c.type = $3) as root_author,
                  (select p.author_id from comments p where p.id = $2) as parent_author`,
          [target.rootId, comment.parentId, target.rootType],
        );
        if (authors?.parent_author) {
          recipients.push({
            recipientId: authors.parent_author,
            kind: 'REPLY_TO_COMMENT',
            groupKey: groupKey('REPLY_TO_COMMENT', comment.parentId!),
          });
        }
        if (authors?.root_author) {
          recipients.push({
            recipientId: authors.root_author,
            kind: 'COMMENT_ON_CONTENT',
            groupKey: groupKey('COMMENT_ON_CONTENT', target.rootId),
          });
        }
      }
      await this.record(actor, target, recipients);
    });
  }

  /**
   * A reaction was added to, or taken back from, content or a comment. Added: tells its author.
   * Taken back, and none of the actor's reactions left on it: removes the unread notification it gave.
   */
  async reactionToggled(actor: Actor, target: ResolvedTarget, added: boolean): Promise<void> {
    await this.safely(async () => {
      if (added) {
        await this.record(actor, target, [{ recipientId: target.authorId, kind: 'REACTION_ON_CONTENT' }]);
        return;
      }
      const removed = await this.dataSource.query<{ recipient_id: string }[]>(
        `delete from notifications n
          where n.target_id = $1 and n.actor_id = $2 and n.kind = 'REACTION_ON_CONTENT' and n.read_at is null
            and not exists (select 1 from reactions r where r.target_id = $1 and r.user_id = $2)
        returning n.recipient_id`,
        [target.id, actor.id],
      );
      await this.announce(
        removed.map((row) => row.recipient_id),
        'notification.read',
      );
    });
  }

  /**
   * The SQL condition "the recipient of the group `g` may read what it is about, now": they read its
   * scope, and its content is live (and visible to them). Every row of a group shares its root and
   * scope; a group about a deleted comment has no row (the triggers leave those rows out), so a
   * notification about something they lost access to, or that was deleted, is neither listed nor
   * counted.
   */
  private visibleSql(g: string): string {
    return `(${this.scopes.readableSql(`${g}.scope_type`, `${g}.scope_id`, `${g}.recipient_id`)}
      and exists (select 1 from (${this.scopes.contentSql(`${g}.recipient_id`)}) vc
                   where vc.id = ${g}.root_id and vc.type = ${g}.root_type))`;
  }

  // ---- reading ----

  /**
   * The recipient's groups, newest first; keyset on the latest event of each group. Reads
   * notification_groups, which triggers keep (migrations/1764030000000-notification-groups.ts).
   */
  async list(recipientId: string, first: number, after?: string | null): Promise<NotificationConnection> {
    if (!Number.isInteger(first) || first < 1 || first > NOTIFICATIONS_MAX_PAGE) {
      throw badInput(
        'invalidPageSize',
        `Ask for between 1 and ${NOTIFICATIONS_MAX_PAGE} notifications at a time.`,
        'first',
        { max: NOTIFICATIONS_MAX_PAGE },
      );
    }
    const cursor = after ? decodeCursor(after) : null;
    const rows = await this.dataSource.query<GroupRow[]>(
      `select h.*,
              coalesce(tc.body_html, (select c.html from (${this.scopes.contentSql()}) c
                                       where c.id = h.root_id and c.type = h.root_type)) as target_html
         from (select g.latest_id as id, g.kind, g.target_type, g.target_id, g.root_type, g.root_id,
                      g.scope_type, g.scope_id, g.latest_at as created_at, g.latest_at::text as cursor_created_at,
                      g.unread, g.actor_ids::text[] as actor_ids, g.actor_count, g.event_count
                 from notification_groups g
                where g.recipient_id = $1
                  and ($2::timestamptz is null or (g.latest_at, g.latest_id) < ($2::timestamptz, $3::uuid))
                  and ${this.visibleSql('g')}
                order by g.latest_at desc, g.latest_id desc
                limit $4) h
         left join comments tc on h.target_type = 'COMMENT' and tc.id = h.target_id
        order by h.created_at desc, h.id desc`,
      [recipientId, cursor?.createdAt ?? null, cursor?.id ?? null, first + 1],
    );
    const page = rows.slice(0, first);
    const actorIds = [...new Set(page.flatMap((row) => row.actor_ids))];
    const users = actorIds.length
      ? await this.dataSource.manager.find(User, { where: { id: In(actorIds) }, relations: { teams: true } })
      : [];
    const byId = new Map(users.map((user) => [user.id, user]));
    const edges = page.map((row) => ({
      cursor: encodeCursor({ createdAt: row.cursor_created_at, id: row.id }),
      node: {
        id: row.id,
        kind: row.kind,
        actors: row.actor_ids.map((id) => byId.get(id)).filter((user): user is User => !!user),
        actorCount: row.actor_count,
        count: row.event_count,
        target: {
          type: row.target_type,
          id: row.target_id,
          rootType: row.root_type,
          rootId: row.root_id,
          scopeType: row.scope_type,
          scopeId: row.scope_id,
          postId: row.root_type === 'POST' ? row.root_id : null,
          spaceId: row.scope_type === 'SPACE' ? row.scope_id : null,
          excerpt: excerptOf(row.target_html ?? ''),
        },
        createdAt: row.created_at,
        read: !row.unread,
      },
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** Unread entries of the list (groups), as the badge shows them. */
  async unreadCount(recipientId: string): Promise<number> {
    return (await this.unreadCounts([recipientId])).get(recipientId) ?? 0;
  }

  private async unreadCounts(recipientIds: readonly string[]): Promise<Map<string, number>> {
    if (!recipientIds.length) return new Map();
    const rows = await this.dataSource.query<{ recipient_id: string; count: number }[]>(
      `select g.recipient_id, count(*)::int as count
         from notification_groups g
        where g.recipient_id = any($1::uuid[]) and g.unread and ${this.visibleSql('g')}
        group by g.recipient_id`,
      [recipientIds],
    );
    return new Map(rows.map((row) => [row.recipient_id, row.count]));
  }

  /**
   * Marks the entries given (ids from the list: each marks its group's unread events up to that one),
   * or, without ids, everything. Ids that are not the recipient's are ignored. Returns the unread count.
   */
  async markRead(recipientId: string, ids?: readonly string[] | null): Promise<number> {
    if (ids && ids.length > MARK_READ_MAX_IDS) {
      throw badInput('tooMany', `Mark at most ${MARK_READ_MAX_IDS} notifications at a time.`, 'ids', {
        max: MARK_READ_MAX_IDS,
      });
    }
    let marked: unknown[];
    if (!ids?.length) {
      [marked] = await this.dataSource.query<[unknown[], number]>(
        `update notifications set read_at = now() where recipient_id = $1 and read_at is null returning id`,
        [recipientId],
      );
    } else {
      [marked] = await this.dataSource.query<[unknown[], number]>(
        `update notifications n set read_at = now()
           from notifications h
          where h.id = any($2::uuid[]) and h.recipient_id = $1
            and n.recipient_id = $1 and n.read_at is null and n.group_key = h.group_key
            and (n.created_at, n.id) <= (h.created_at, h.id)
        returning n.id`,
        [recipientId, ids.filter(isUuid)],
      );
    }
    const unreadCount = await this.unreadCount(recipientId);
    if (marked.length) this.live.toUser(recipientId, 'notification.read', { unreadCount });
    return unreadCount;
  }

  // ---- recording ----

  private mentions(target: ResolvedTarget, mentionedIds: readonly string[]): Recipient[] {
    return mentionedIds.map((recipientId) => ({
      recipientId,
      kind: 'MENTION',
      groupKey: groupKey('MENTION', target.id),
    }));
  }

  /**
   * One statement for one action: each recipient told once (the first, most specific, kind given),
   * if they are an active user other than the actor who may read the target's scope.
   */
  private async record(actor: Actor, target: ResolvedTarget, recipients: readonly Recipient[]): Promise<void> {
    const once = new Map<string, Recipient>();
    for (const recipient of recipients) {
      if (recipient.recipientId !== actor.id && !once.has(recipient.recipientId)) {
        once.set(recipient.recipientId, recipient);
      }
    }
    if (!once.size) return;
    const list = [...once.values()];
    const inserted = await this.dataSource.query<{ recipient_id: string }[]>(
      `insert into notifications
         (recipient_id, kind, actor_id, target_type, target_id, root_type, root_id, scope_type, scope_id, group_key)
       select e.recipient_id, e.kind, $4, $5, $6, $7, $8, $9, $10, e.group_key
         from unnest($1::uuid[], $2::varchar[], $3::varchar[]) as e(recipient_id, kind, group_key)
         join users u on u.id = e.recipient_id
        where e.recipient_id <> $4 and u.active
          and ${this.scopes.readableSql('$9::varchar', '$10::uuid', 'e.recipient_id')}
          and not (e.kind = 'REACTION_ON_CONTENT' and exists (
                select 1 from notifications o
                 where o.target_id = $6 and o.actor_id = $4 and o.recipient_id = e.recipient_id
                   and o.kind = 'REACTION_ON_CONTENT' and o.read_at is null))
       on conflict do nothing
       returning recipient_id`,
      [
        list.map((r) => r.recipientId),
        list.map((r) => r.kind),
        list.map((r) => r.groupKey ?? groupKey(r.kind, target.id)),
        actor.id,
        target.type,
        target.id,
        target.rootType,
        target.rootId,
        target.scope.type,
        target.scope.id,
      ],
    );
    await this.announce(
      inserted.map((row) => row.recipient_id),
      'notification.created',
    );
  }

  /** Tells each recipient's connections their new unread count. */
  private async announce(recipientIds: string[], event: 'notification.created' | 'notification.read'): Promise<void> {
    if (!recipientIds.length) return;
    const counts = await this.unreadCounts([...new Set(recipientIds)]);
    for (const recipientId of new Set(recipientIds)) {
      this.live.toUser(recipientId, event, { unreadCount: counts.get(recipientId) ?? 0 });
    }
  }

  private async safely(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error(`could not record notifications: ${String(error)}`);
    }
  }
}
