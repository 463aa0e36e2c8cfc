import { Injectable } from '@nestjs/common';
import { Actor, badInput, can, forbidden, isStaff, notFound } from '@atelier/domain';
import { DataSource, In } from 'typeorm';
import { LiveEventName, LiveEventsService } from '../live/live-events.service';
import { MentionsService, RenderedBody } from '../mentions/mentions.service';
import { NotificationsService } from '../notifications/notifications.service';
import { ResolvedTarget, TargetsService } from '../scopes/targets.service';
import { checkClientId, clientIdTaken } from '../common/client-ids';
import { Comment } from './comment.entity';

export const HIDE_REASON_MAX = 500;

/** Who is reading: staff see hidden comments (with the reason), and so does each comment's author. */
export interface CommentViewer {
  id: string;
  staff: boolean;
}

/**
 * Comments on any content registered with the ScopeRegistry (posts, briefs, proposals, offers),
 * readable by whoever reads that content's scope. Replies go one level deep.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: TargetsService,
    private readonly live: LiveEventsService,
    private readonly mentions: MentionsService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Ids only: clients refetch through GraphQL, which checks what they may read. */
  private emit(event: LiveEventName, comment: Comment, on: ResolvedTarget): void {
    this.live.toScope(on.scope, event, {
      commentId: comment.id,
      parentId: comment.parentId,
      targetType: on.rootType,
      targetId: on.rootId,
      rootType: on.rootType,
      rootId: on.rootId,
      scopeType: on.scope.type,
      scopeId: on.scope.id,
      ...(on.rootType === 'POST' ? { postId: on.rootId, spaceId: on.scope.id } : {}),
    });
  }

  /** Staff mention readers of the scope; a customer's text links nobody (they do not see the directory). */
  private render(actor: Actor, raw: string, on: ResolvedTarget): Promise<RenderedBody> {
    return isStaff(actor.role) ? this.mentions.renderBody(raw, on.scope) : this.mentions.renderPlainBody(raw);
  }

  /**
   * `id`, when given, is the client's own (see client-ids.ts): sent again after a lost answer, the
   * same comment comes back, written and announced once.
   */
  async add(
    actor: Actor,
    targetId: string,
    rawBody: string,
    parentId?: string | null,
    id?: string | null,
  ): Promise<Comment> {
    const clientId = checkClientId(id);
    const target = await this.targets.resolve(actor.id, targetId);
    if (target.type === 'COMMENT') {
      throw badInput(
        'invalidTarget',
        'To answer a comment, comment on what it is about and give the comment as parentId.',
        'targetId',
      );
    }
    const { body, bodyHtml, mentionedIds } = await this.render(actor, rawBody, target);
    if (parentId) {
      const parent = await this.dataSource.manager.findOneBy(Comment, {
        id: parentId,
        targetType: target.type,
        targetId: target.id,
      });
      if (!parent || parent.deletedAt) {
        throw badInput(
          'unknownParent',
          'The comment you answer does not exist here any more. Reload the page.',
          'parentId',
        );
      }
      if (parent.parentId) {
        throw badInput(
          'replyTooDeep',
          'Replies go one level deep: answer the first comment of the thread instead.',
          'parentId',
        );
      }
    }
    const { raw } = await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(Comment)
      .values({
        ...(clientId ? { id: clientId } : {}),
        targetType: target.type,
        targetId: target.id,
        parentId: parentId ?? null,
        authorId: actor.id,
        body,
        bodyHtml,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (!(raw as unknown[]).length) {
      const earlier = await this.dataSource.manager.findOneByOrFail(Comment, { id: clientId! });
      if (earlier.authorId !== actor.id || earlier.targetId !== target.id) throw clientIdTaken();
      return earlier;
    }
    const created = await this.dataSource.manager.findOneByOrFail(Comment, {
      id: (raw as { id: string }[])[0].id,
    });
    const asTarget: ResolvedTarget = { ...target, type: 'COMMENT', id: created.id, authorId: actor.id };
    this.emit('comment.created', created, asTarget);
    await this.notifications.commentWritten(actor, created, asTarget, mentionedIds, true);
    return created;
  }

  /** A live comment on something the viewer may read, with what it is on. */
  private async findReadable(actor: Actor, id: string): Promise<{ comment: Comment; target: ResolvedTarget }> {
    const target = await this.targets.find(actor.id, id);
    if (!target || target.type !== 'COMMENT') throw notFound('comment');
    return { comment: await this.dataSource.manager.findOneByOrFail(Comment, { id }), target };
  }

  async edit(actor: Actor, id: string, rawBody: string): Promise<Comment> {
    const { comment, target } = await this.findReadable(actor, id);
    if (!can(actor, 'comment.edit', { authorId: comment.authorId }))
      throw forbidden('Only the author can edit a comment.');
    const { body, bodyHtml, mentionedIds } = await this.render(actor, rawBody, target);
    await this.dataSource.manager.update(Comment, { id }, { body, bodyHtml, editedAt: () => 'now()' });
    this.emit('comment.updated', comment, target);
    await this.notifications.commentWritten(actor, comment, target, mentionedIds, false);
    return this.dataSource.manager.findOneByOrFail(Comment, { id });
  }

  /**
   * Hides a comment with a reason the author is told: staff in co-creation threads, administrators
   * anywhere (policy `comment.moderate`). Staff and the author still see it, with the reason.
   */
  async hide(actor: Actor, id: string, rawReason: string): Promise<Comment> {
    const { comment, target } = await this.findReadable(actor, id);
    if (!can(actor, 'comment.moderate', { scopeType: target.scope.type })) {
      throw forbidden('Only staff running a co-creation thread, or an administrator, can hide a comment.');
    }
    const reason = rawReason.trim();
    if (!reason || reason.length > HIDE_REASON_MAX) {
      throw badInput(
        'hideReasonRequired',
        `Say in 1 to ${HIDE_REASON_MAX} characters why the comment is hidden: its author reads it.`,
        'reason',
        { max: HIDE_REASON_MAX },
      );
    }
    await this.dataSource.manager.update(
      Comment,
      { id },
      { hiddenAt: () => 'now()', hiddenReason: reason, hiddenById: actor.id },
    );
    this.emit('comment.updated', comment, target);
    await this.notifications.notify(actor, target, [{ recipientId: comment.authorId, kind: 'COMMENT_HIDDEN' }]);
    return this.dataSource.manager.findOneByOrFail(Comment, { id });
  }

  async unhide(actor: Actor, id: string): Promise<Comment> {
    const { comment, target } = await this.findReadable(actor, id);
    if (!can(actor, 'comment.moderate', { scopeType: target.scope.type })) {
      throw forbidden('Only staff running a co-creation thread, or an administrator, can show a hidden comment again.');
    }
    await this.dataSource.manager.update(Comment, { id }, { hiddenAt: null, hiddenReason: null, hiddenById: null });
    this.emit('comment.updated', comment, target);
    return this.dataSource.manager.findOneByOrFail(Comment, { id });
  }

  async delete(actor: Actor, id: string): Promise<Comment> {
    const { comment, target } = await this.findReadable(actor, id);
    if (!can(actor, 'comment.delete', { authorId: comment.authorId })) {
      throw forbidden('Only the author or an administrator can delete a comment.');
    }
    await this.dataSource.manager.update(Comment, { id }, { deletedAt: () => 'now()' });
    this.emit('comment.deleted', comment, target);
    return this.dataSource.manager.findOneByOrFail(Comment, { id });
  }

  /**
   * The comments of each piece of content as the viewer sees them, as threads: top-level comments
   * oldest first, each with its replies. A comment the viewer may not see (deleted; hidden by a
   * moderator, unless they are staff or its author) stays as an empty placeholder only while it
   * has replies they see.
   */
  async threadsOf(targetIds: readonly string[], viewer: CommentViewer): Promise<Map<string, Comment[]>> {
    const rows = targetIds.length
      ? await this.dataSource.manager.find(Comment, {
          where: { targetId: In([...targetIds]) },
          order: { createdAt: 'ASC', id: 'ASC' },
        })
      : [];
    const gone = (row: Comment) => !!row.deletedAt || (!!row.hiddenAt && !viewer.staff && row.authorId !== viewer.id);
    const threads = new Map<string, Comment[]>();
    const tops = new Map<string, Comment>();
    for (const row of rows) {
      if (!row.parentId) {
        const top = { ...row, replies: [] as Comment[] };
        tops.set(row.id, top);
        threads.set(row.targetId, [...(threads.get(row.targetId) ?? []), top]);
      }
    }
    for (const row of rows) {
      if (row.parentId && !gone(row)) tops.get(row.parentId)?.replies?.push({ ...row, replies: [] });
    }
    for (const [targetId, list] of threads) {
      threads.set(
        targetId,
        list
          .filter((top) => !gone(top) || (top.replies?.length ?? 0) > 0)
          .map((top) => (gone(top) ? { ...top, body: '', bodyHtml: '', hiddenReason: null } : top)),
      );
    }
    return threads;
  }

  /** Comments everyone sees (replies included) per piece of content: one query for any number of them. */
  async countsOf(targetIds: readonly string[]): Promise<Map<string, number>> {
    if (!targetIds.length) return new Map();
    const rows = await this.dataSource.query<{ target_id: string; count: number }[]>(
      `select target_id, count(*)::int as count from comments
        where target_id = any($1::uuid[]) and deleted_at is null and hidden_at is null
        group by target_id`,
      [targetIds],
    );
    return new Map(rows.map((row) => [row.target_id, row.count]));
  }
}
